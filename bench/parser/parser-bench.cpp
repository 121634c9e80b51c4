// userchain-parser-bench: how long the shared parser takes per rule, over the oracle corpus.
//
// For each corpus (IPv4, IPv6) it times, per rule and over enough repetitions to run for
// about --ms milliseconds each (the best of five slices of that time):
//   typed      RuleParser::parse of the corpus line as people type it
//   canonical  RuleParser::parse of the canonical text (what the helper gets from a client)
//   toString   Rule::toString of the parsed rule
// and prints a checksum of every canonical text, so that a faster parser can be checked to
// give the very same output (compare the checksum before and after a change). It asserts
// nothing; tst_ruleparser and tst_oracle are the tests.
//
// Usage: userchain-parser-bench [--ms N] [FILE...]   (default: the two corpora)

#include "ruleparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace Userchain;

namespace {

struct Corpus
{
    QString name;
    Family family = Family::IPv4;
    QStringList lines; ///< the rules as typed
};

bool load(const QString &path, Corpus *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return false;
    }
    out->name = path.section(QLatin1Char('/'), -1);
    // The corpora say their family in the name; other files are IPv4 unless they say "v6".
    out->family = out->name.contains(QLatin1String("v6")) ? Family::IPv6 : Family::IPv4;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            out->lines << line;
    }
    return true;
}

/**
 * Runs fn over all lines repeatedly for about budgetMs; returns microseconds per rule, the
 * best of five slices of the budget (the machine may be busy with other work meanwhile).
 */
template <typename Fn> double perRule(int count, qint64 budgetMs, Fn fn)
{
    constexpr int Slices = 5;
    double best = 0;
    for (int slice = 0; slice < Slices; ++slice) {
        QElapsedTimer timer;
        timer.start();
        qint64 rounds = 0;
        do {
            for (int i = 0; i < count; ++i)
                fn(i);
            ++rounds;
        } while (timer.elapsed() < budgetMs / Slices);
        const double us = double(timer.nsecsElapsed()) / 1e3 / double(rounds * count);
        if (slice == 0 || us < best)
            best = us;
    }
    return best;
}

int run(const Corpus &corpus, qint64 budgetMs)
{
    QStringList canonical;
    QList<Rule> rules;
    int refused = 0;
    for (const QString &line : corpus.lines) {
        RuleError error;
        const auto rule = RuleParser::parse(line, corpus.family, &error);
        if (!rule) {
            // Not every line of a rules file need be valid for timing purposes, but say so.
            ++refused;
            continue;
        }
        rules << *rule;
        canonical << rule->toString();
    }
    if (rules.isEmpty()) {
        std::fprintf(stderr, "%s: no rule parses\n", qPrintable(corpus.name));
        return 1;
    }
    QStringList typed;
    for (const QString &line : corpus.lines)
        if (RuleParser::parse(line, corpus.family))
            typed << line;

    volatile qsizetype sink = 0;
    const double typedUs = perRule(int(typed.size()), budgetMs, [&](int i) {
        sink = sink + RuleParser::parse(typed.at(i), corpus.family)->matches.size();
    });
    const double canonicalUs = perRule(int(canonical.size()), budgetMs, [&](int i) {
        sink = sink + RuleParser::parse(canonical.at(i), corpus.family)->matches.size();
    });
    const double toStringUs = perRule(int(rules.size()), budgetMs,
                                      [&](int i) { sink = sink + rules.at(i).toString().size(); });

    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &text : std::as_const(canonical)) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\n", 1));
    }
    std::printf("%-18s %5lld rules (%d refused)  typed %6.2f us  canonical %6.2f us  "
                "toString %5.2f us  checksum %s\n",
                qPrintable(corpus.name), static_cast<long long>(rules.size()), refused, typedUs,
                canonicalUs, toStringUs, hash.result().toHex().left(16).constData());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption budget(QStringLiteral("ms"),
                                    QStringLiteral("Milliseconds per measurement (default 500)."),
                                    QStringLiteral("N"), QStringLiteral("500"));
    parser.addOption(budget);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Rule-spec files."));
    parser.process(app);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        files = {QStringLiteral(USERCHAIN_TEST_DATA_DIR "/corpus-v4.rules"),
                 QStringLiteral(USERCHAIN_TEST_DATA_DIR "/corpus-v6.rules")};
    const qint64 ms = qMax(10, parser.value(budget).toInt());
    int status = 0;
    for (const QString &file : std::as_const(files)) {
        Corpus corpus;
        if (!load(file, &corpus)) {
            status = 1;
            continue;
        }
        status |= run(corpus, ms);
    }
    return status;
}
