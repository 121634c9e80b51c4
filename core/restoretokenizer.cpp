#include "restoretokenizer.h"

#include "extensions.h"

#include <QCoreApplication>

namespace Userchain {

std::optional<QStringList> RestoreTokenizer::split(QStringView line, QString *error)
{
    // Without a double quote a line is simply its runs of characters other than space, tab
    // and newline (a backslash is an ordinary character outside quotes). Every rule of a
    // file and of an Apply is split here, so that common case skips the character-by-character
    // loop below, and counts the runs first so that the list is allocated once (this is
    // also RuleParser::parse's tokenizer).
    if (!line.contains(QLatin1Char('"'))) {
        const QChar *p = line.data();
        const qsizetype n = line.size();
        const auto separator = [](QChar c) {
            return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n');
        };
        qsizetype count = 0;
        for (qsizetype i = 0; i < n; ++i)
            if (!separator(p[i]) && (i == 0 || separator(p[i - 1])))
                ++count;
        QStringList out;
        out.reserve(count);
        qsizetype i = 0;
        while (i < n) {
            while (i < n && separator(p[i]))
                ++i;
            const qsizetype start = i;
            while (i < n && !separator(p[i]))
                ++i;
            if (i > start)
                out.append(QString(p + start, i - start));
        }
        return out;
    }
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
