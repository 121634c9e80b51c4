#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace Userchain {

/**
 * Splits a line into arguments exactly as iptables-restore does (add_param_to_argv): spaces
 * and tabs separate; double quotes group, and inside them a backslash escapes the next
 * character; a closing quote ends the argument. Outside quotes a backslash and a single
 * quote are ordinary characters (unlike in a shell).
 */
class RestoreTokenizer final
{
public:
    /// nullopt with error set for an unterminated quote.
    static std::optional<QStringList> split(QStringView line, QString *error);
    /// The inverse for one argument: bare when safe, quoted like iptables-save otherwise.
    static QString quote(const QString &arg);
};

} // namespace Userchain
