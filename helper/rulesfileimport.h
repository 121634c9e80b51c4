#pragma once

#include "applyvalidator.h"
#include "backend.h"
#include "restorefile.h"

#include <QByteArray>
#include <QVector>

#include <optional>

namespace Userchain {

/**
 * The rules file of an ApplyFile call, read by the helper itself: the client sends the file as
 * it is and the helper parses it once, with the same importDockerUser that `userchainctl check`
 * and the GUI's import use, instead of a client parsing it and the helper parsing the result
 * again.
 *
 * Two steps, as for ApplyValidator: read() runs before the lock, on caller input only (sizes
 * first, then the whole parse); items() runs under the lock, once DOCKER-USER has been read,
 * because a line the parser refuses may be the text of a rule the helper keeps verbatim (an
 * exported file, edited and applied again) and then stands for that kernel rule.
 */
class RulesFileImport final
{
public:
    /// The system bus refuses larger messages anyway; 32 MiB is over 200,000 typical rules.
    static constexpr qint64 MaxFileBytes = 32 * 1024 * 1024;
    /// Longest line: a rule of ApplyValidator::MaxRuleBytes plus room for `-A DOCKER-USER`,
    /// a counters prefix and indentation.
    static constexpr int MaxLineBytes = ApplyValidator::MaxRuleBytes + 256;
    /// InvalidRule reports this many lines at most (the rest are counted).
    static constexpr int MaxReportedErrors = 20;

    /**
     * Checks the bounds (false with InvalidArgument, or InvalidRule for a line too long) and
     * parses data, before the family's worker asks for the xtables lock: a parse of 32 MiB
     * takes seconds, and the lock holds up Docker's `iptables -w` for as long as it is held.
     * A rule whose canonical text would not fit one iptables-restore line (restoreLineFits) is
     * refused here too.
     */
    bool read(Family family, const QByteArray &data, ApplyError *error);

    /**
     * The rules in file order, refused lines replaced by the verbatim kernel rule of current
     * (DOCKER-USER under the lock; nullptr if missing) whose text they repeat. false with one
     * InvalidRule error listing a RuleRefusal ("line N file: ...") per remaining refused line, or
     * InvalidArgument for too many rules.
     */
    bool items(const BackendChain *current, QVector<ApplyValidator::Item> *items,
               ApplyError *error);

    /**
     * Before the lock: false (one InvalidRule, as items() gives it) if a line the parser
     * refused is not the text of a verbatim rule of DOCKER-USER as backend reads it now,
     * unlocked; so a bad file is refused without waiting for the xtables lock. true when
     * every line parsed (no read then) or the read fails (items() decides).
     */
    bool checkRefused(Backend *backend, ApplyError *error) const;

    /// Rule specs one per line ("spec\n" each), UTF-8, for ApplyFile's diff.
    static QByteArray specLines(const QVector<BackendRule> &rules);

private:
    /// Refused lines that repeat a verbatim rule of current become that rule (substituted,
    /// by line); false with InvalidRule listing the others (RuleRefusal lines).
    bool resolveRefused(const QVector<FileError> &errors, const BackendChain *current,
                        QVector<std::pair<int, ApplyValidator::Item>> *substituted,
                        ApplyError *error) const;

    Family m_family = Family::IPv4;
    QByteArray m_data;
    struct Parsed
    {
        DockerUserImport imported;
        QStringList texts; ///< Rule::toString() of each imported rule
    };
    std::optional<Parsed> m_parsed;
};

} // namespace Userchain
