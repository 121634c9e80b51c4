#pragma once

#include "helpererrorkind.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

class QDBusError;

/**
 * A failed call to the helper, classified so the GUI can explain it. The helper returns
 * error names only (see Userchain::DBusError); the words for the user are chosen here.
 */
class HelperError
{
    Q_DECLARE_TR_FUNCTIONS(HelperError)
public:
    /// What went wrong: core's one classification, which the CLI's exit codes use too.
    using Kind = Userchain::HelperErrorKind;

    HelperError() = default;
    HelperError(Kind kind, const QString &name, const QString &detail);
    /// `host`: the remote host (BusTarget::displayName()) whose helper answered, or empty.
    static HelperError fromDBus(const QDBusError &error, const QString &host = QString());
    /// ssh could not log in to `host` (NotReachable); `message`: what ssh said.
    static HelperError sshFailed(const QString &host, const QString &message);

    QString host() const { return m_host; }

    Kind kind() const { return m_kind; }
    QString name() const { return m_name; }
    /// The helper's message as it came (for InvalidRule: RuleRefusal lines).
    QString detail() const { return m_detail; }
    /// The message for the user: for InvalidRule each refused rule in words (HelperCodeText),
    /// otherwise the helper's message.
    QString detailText() const;
    bool isError() const { return m_kind != Kind::None; }
    /// A short heading for the user, e.g. "The Userchain helper is not installed".
    QString title() const;
    /// What happened and what to do about it, in full sentences.
    QString explanation() const;
    /**
     * Commands that fix it, to copy, or empty: for a remote host's polkit refusal, how to
     * enable the rule Userchain ships for the group "userchain" there (no password can be
     * asked over ssh).
     */
    QString remedyCommands() const;

private:
    Kind m_kind = Kind::None;
    QString m_name;
    QString m_detail;
    QString m_host;
};

Q_DECLARE_METATYPE(HelperError)
