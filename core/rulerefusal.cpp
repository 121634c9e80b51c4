#include "rulerefusal.h"

#include <QRegularExpression>

namespace Userchain {

namespace {

QString quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else
            out += c;
    }
    out += QLatin1Char('"');
    return out;
}

/// Reads one line of the form; every step fails on anything unexpected, so that a line of
/// another form is never half read.
class LineReader
{
public:
    explicit LineReader(const QString &line) : m_line(line) {}

    bool literal(QLatin1String text)
    {
        if (!QStringView(m_line).mid(m_pos).startsWith(text))
            return false;
        m_pos += text.size();
        return true;
    }
    bool number(int *out)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_line.size() && m_line.at(m_pos).isDigit() && m_pos - start < 9)
            ++m_pos;
        bool ok = false;
        *out = QStringView(m_line).mid(start, m_pos - start).toInt(&ok);
        return ok;
    }
    bool code(QString *out)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_line.size()) {
            const QChar c = m_line.at(m_pos);
            if (!(c.isLower() || c.isDigit() || c == QLatin1Char('-')) || c.unicode() > 0x7f)
                break;
            ++m_pos;
        }
        *out = m_line.mid(start, m_pos - start);
        return !out->isEmpty() && out->at(0).isLower();
    }
    bool quotedText(QString *out)
    {
        if (!literal(QLatin1String("\"")))
            return false;
        out->clear();
        while (m_pos < m_line.size()) {
            const QChar c = m_line.at(m_pos++);
            if (c == QLatin1Char('"'))
                return true;
            if (c != QLatin1Char('\\')) {
                *out += c;
                continue;
            }
            if (m_pos >= m_line.size())
                return false;
            const QChar next = m_line.at(m_pos++);
            *out += next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next;
        }
        return false;
    }
    bool peek(QLatin1String text) const { return QStringView(m_line).mid(m_pos).startsWith(text); }
    QString rest() const { return m_line.mid(m_pos); }

private:
    const QString &m_line;
    qsizetype m_pos = 0;
};

bool readLine(const QString &line, RuleRefusal *out)
{
    LineReader r(line);
    RuleRefusal f;
    if (r.literal(QLatin1String("rule ")))
        f.where = RuleRefusal::Where::Rule;
    else if (r.literal(QLatin1String("line ")))
        f.where = RuleRefusal::Where::Line;
    else if (r.literal(QLatin1String("more ")))
        f.where = RuleRefusal::Where::More;
    else
        return false;
    if (!r.number(&f.number))
        return false;
    if (f.where != RuleRefusal::Where::More) {
        if (r.literal(QLatin1String(" token "))) {
            if (!r.number(&f.tokenIndex) || !r.literal(QLatin1String(" ")) ||
                !r.quotedText(&f.token))
                return false;
        }
        if (!r.literal(QLatin1String(" ")) || !r.code(&f.reason))
            return false;
        while (r.peek(QLatin1String(" \""))) {
            r.literal(QLatin1String(" "));
            QString arg;
            if (!r.quotedText(&arg))
                return false;
            f.args << arg;
        }
    }
    if (!r.literal(QLatin1String(": ")))
        return false;
    f.text = r.rest();
    *out = std::move(f);
    return true;
}

} // namespace

QString RuleRefusal::toLine() const
{
    QString out = where == Where::Rule   ? QStringLiteral("rule ")
                  : where == Where::Line ? QStringLiteral("line ")
                                         : QStringLiteral("more ");
    out += QString::number(number);
    if (where != Where::More) {
        if (tokenIndex >= 0)
            out += QLatin1String(" token ") + QString::number(tokenIndex) + QLatin1Char(' ') +
                   quoted(token);
        out += QLatin1Char(' ') + reason;
        for (const QString &arg : args)
            out += QLatin1Char(' ') + quoted(arg);
    }
    QString words = text;
    words.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out + QLatin1String(": ") + words;
}

QList<RuleRefusal> RuleRefusal::fromMessage(const QString &message)
{
    static const QRegularExpression numbered(QStringLiteral("^(rule|line) (\\d{1,9}): "));
    QList<RuleRefusal> refusals;
    for (const QString &line : message.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        RuleRefusal refusal;
        if (readLine(line, &refusal)) {
            refusals.append(std::move(refusal));
            continue;
        }
        // Not in the form: words only (an older helper), kept whole as the fallback.
        const QRegularExpressionMatch match = numbered.match(line);
        if (match.hasMatch()) {
            refusal.where = match.captured(1) == QLatin1String("line") ? Where::Line : Where::Rule;
            refusal.number = match.captured(2).toInt();
            refusal.text = line.mid(match.capturedLength());
        } else {
            refusal.text = line;
        }
        refusals.append(std::move(refusal));
    }
    return refusals;
}

QString RuleRefusal::toMessage(const QList<RuleRefusal> &refusals)
{
    QStringList lines;
    lines.reserve(refusals.size());
    for (const RuleRefusal &refusal : refusals)
        lines << refusal.toLine();
    return lines.join(QLatin1Char('\n'));
}

} // namespace Userchain
