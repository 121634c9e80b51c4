#include "restoretokenizer.h"

#include "extensions.h"

#include <QCoreApplication>

namespace Userchain {

std::optional<QStringList> RestoreTokenizer::split(const QString &line, QString *error)
{
    QStringList out;
    QString param;
    bool inParam = false;
    bool quoteOpen = false;
    bool escaped = false;
    for (const QChar c : line) {
        if (quoteOpen) {
            if (escaped) {
                param += c;
                escaped = false;
            } else if (c == QLatin1Char('\\')) {
                escaped = true;
            } else if (c == QLatin1Char('"')) {
                // A closing quote ends the argument, even an empty one ("").
                quoteOpen = false;
                out << param;
                param.clear();
                inParam = false;
            } else {
                param += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoteOpen = true;
            inParam = true;
            continue;
        }
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
            if (inParam && !param.isEmpty())
                out << param;
            param.clear();
            inParam = false;
            continue;
        }
        param += c;
        inParam = true;
    }
    if (quoteOpen) {
        if (error)
            *error = QCoreApplication::translate("Userchain::RestoreTokenizer",
                                                 "unterminated quoted argument");
        return std::nullopt;
    }
    if (!param.isEmpty())
        out << param;
    return out;
}

QString RestoreTokenizer::quote(const QString &arg)
{
    return saveQuote(arg);
}

} // namespace Userchain
