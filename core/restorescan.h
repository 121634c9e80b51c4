#pragma once

// How restore files and pasted command lists are read line by line before their structure is
// checked: each line scanned on its own (on several threads for a long file), then checked in
// file order as iptables-restore checks it. Internal to RestoreFile and importDockerUser.

#include "iptablescommand.h"
#include "restorefile.h"
#include "ruleparser.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVector>

#include <functional>
#include <utility>
#include <vector>

namespace Userchain {
namespace RestoreScan {

extern const QString DockerUser;

/**
 * Where each line of data starts (lines split at '\n' only, so a CR stays in its line), and
 * one entry more: where the line after the last would start.
 */
QVector<qsizetype> lineStarts(const QByteArray &data);
/// Whether data is in the iptables-restore form rather than a plain list of rules.
bool isRestoreForm(const QByteArray &data, const QVector<qsizetype> &starts);

/// The two forms importDockerUser reads; RestoreFile::read reads the first.
enum class Form { Restore, Plain };

/// What a line is, by its text alone (in the restore form; a plain list has Blank and Command).
enum class LineKind : quint8 {
    Blank,   ///< empty or white space, or a "#" comment
    Commit,  ///< "COMMIT"
    Table,   ///< "*table"
    Chain,   ///< ":CHAIN POLICY [packets:bytes]"
    Command, ///< anything else, tokenized: "-A CHAIN ..."
};

/**
 * One line as the sequential checks need it, worked out beforehand by scan() (on several
 * threads for a long file, since decoding, tokenizing and parsing each line is most of the
 * work and needs nothing from the lines before it). For an import a command line also holds
 * its DOCKER-USER rule, parsed ahead: whether it is used is decided in file order later.
 */
struct ScannedLine
{
    /// Table: the name after "*". Chain: the chain declared (for a malformed line, the name
    /// its rules know it by). Command: the chain it names, args.value(1).
    QString name;
    QString policy; ///< Chain: the policy, when wellFormed

    // Command lines:
    /// Restore form: without a "[packets:bytes]" prefix; plain form: without "sudo iptables".
    /// An import drops them once the facts below are taken.
    QStringList args;
    QString commandName; ///< args.value(0)
    QString message;     ///< why tokenizing failed, or why the rule parsed ahead was refused
    QString position;    ///< -I's position token, when hasPosition
    int rule = -1;       ///< the rule parsed ahead: index into its part's rules; -1: none
    int ruleCount = 0;   ///< rules the line makes (several for a comma list of addresses)

    LineKind kind = LineKind::Blank;
    IptablesCommand::Kind command = IptablesCommand::Unknown;
    quint8 tool = 0;   ///< plain form: 1 + index in IptablesCommand::tools() of the line's tool
    bool crlf = false; ///< restore form: the line ends in CR
    bool wellFormed = false; ///< Chain: ":NAME POLICY", optionally "[p:b]"
    bool tokenized = false;
    bool empty = false; ///< nothing but a counter prefix
    bool tooLong = false;
    bool tableOption = false;
    bool hasPosition = false;
    bool parsed = false; ///< a DOCKER-USER -A/-I spec was parsed: rule, or message
};

/// A line an earlier scan made (see ScanMemo): what scanLine left, its one rule and its text.
struct MemoLine
{
    ScannedLine line;
    Rule rule;
    QString text;     ///< rule.toString()
    quint32 scan = 0; ///< ScanMemo::scans when it was last in a file
};

/// The lines one thread scanned, and the rules it parsed (in line order).
struct ScanPart
{
    int begin = 0; ///< the file's line index of lines[0]
    QVector<ScannedLine> lines;
    QVector<Rule> rules;
    QStringList texts;                  ///< with ScanOptions::texts: rules[i].toString()
    QVector<const MemoLine *> recalled; ///< per line, with a memo: its entry, or nullptr
    /// With ScanOptions::collect: the lines a memo would keep that it did not have.
    QVector<std::pair<QByteArray, MemoLine>> fresh;
};

/**
 * A file's scanned lines, in parts, each filled by one thread: its lines and rules are
 * allocated (and the memory first touched) there, not before on the calling thread.
 */
class Scan
{
public:
    std::vector<ScanPart> parts;
    int lineCount = 0;

    /// Line i of the file (0 <= i < lineCount).
    ScannedLine &line(int i)
    {
        ScanPart &part = partOf(i);
        return part.lines[i - part.begin];
    }
    /// The k-th rule parsed ahead for line i (line(i).rule >= 0, k < line(i).ruleCount).
    Rule &rule(int i, int k = 0)
    {
        ScanPart &part = partOf(i);
        return part.rules[part.lines.at(i - part.begin).rule + k];
    }

private:
    /// Cheapest when asked in file order, as the checks do.
    ScanPart &partOf(int i)
    {
        const auto holds = [i](const ScanPart &part) {
            return i >= part.begin && i < part.begin + part.lines.size();
        };
        if (!m_hint || !holds(*m_hint))
            m_hint = &*std::find_if(parts.begin(), parts.end(), holds);
        return *m_hint;
    }

    ScanPart *m_hint = nullptr;
};

/**
 * The DOCKER-USER rule lines of an earlier import, with what scanLine made of each, so that an
 * import repeating most of them (the helper's next apply of an edited chain) tokenizes and
 * parses only the lines that are new. scanLine's result is a function of the line's text and
 * the options alone (the parser keeps no state between rules), so an entry never goes out of
 * date; it is found by the line's exact bytes, for the family it was made for.
 */
struct ScanMemo
{
    /// Lines of one rule each, at most: bounded like a chain, whatever a file holds.
    static constexpr int Capacity = 100000;
    Family family = Family::IPv4;
    quint32 scans = 0;                 ///< files scanned with it
    QHash<QByteArray, MemoLine> lines; ///< by the line's bytes
};

/**
 * What one import recalled from a ScanMemo and what it adds, applied to the memo later
 * (apply()), once the import's caller is answered: for a file of new lines, filling the memo
 * costs a third of parsing them. The new lines are made by the threads that parsed them.
 */
struct ScanMemoUpdate
{
    Family family = Family::IPv4;
    bool any = false; ///< the import could use a memo at all (restore form, rules parsed)
    QVector<const MemoLine *> recalled; ///< valid while the memo is not changed
    QVector<std::pair<QByteArray, MemoLine>> fresh;
};

/// memo afterwards holds the update's lines (recalled and new) and nothing else. Only for an
/// update from an import of memo as it still is.
void apply(ScanMemoUpdate update, ScanMemo *memo);

struct ScanOptions
{
    Form form = Form::Restore;
    bool parseRules = false; ///< an import's: parse DOCKER-USER rules, keep no args
    Family family = Family::IPv4;
    bool texts = false; ///< also make each parsed rule's canonical text (ScanPart::texts)
    /// Restore form with parseRules: lines found in it are taken from it, not scanned.
    const ScanMemo *memo = nullptr;
    bool collect = false; ///< with texts: fill ScanPart::recalled and ScanPart::fresh
};

/// Fills out for one line; touches nothing shared, so lines can be scanned on any thread.
/// ruleError, when given, gets the whole refusal of the rule parsed ahead (with its token).
void scanLine(QStringView line, const ScanOptions &options, ScannedLine *out, QVector<Rule> *rules,
              RuleError *ruleError = nullptr);
/// Every line of data (starts: lineStarts(data)) scanned, in parts on several threads.
Scan scan(const QByteArray &data, const QVector<qsizetype> &starts, const ScanOptions &options);
/// The update of scanned (a scan with collect) for a memo: the parts' recalled and fresh.
ScanMemoUpdate updateOf(Scan &scanned, Family family);
/// What RestoreFile::read checks of the bytes themselves; false: the lines cannot be read.
bool checkEncoding(const QByteArray &data, QVector<FileError> *errors);

/// Gets each accepted command: its line index, its table and the scanned line.
using OnCommand = std::function<void(int index, const QString &table, ScannedLine &line)>;
/// RestoreFile::read's checks, in file order, over scanned lines.
void checkStructure(Scan &scanned, QVector<RestoreChain> *chains, const OnCommand &onCommand,
                    QVector<FileError> *errors);

} // namespace RestoreScan
} // namespace Userchain
