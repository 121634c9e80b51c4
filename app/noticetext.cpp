#include "noticetext.h"

QString NoticeText::toHtml(const QString &text)
{
    QString html;
    html.reserve(text.size() + 32);
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('`'), from);
        const qsizetype close = open < 0 ? -1 : text.indexOf(QLatin1Char('`'), open + 1);
        if (close < 0) {
            html += text.mid(from).toHtmlEscaped();
            break;
        }
        html += text.mid(from, open - from).toHtmlEscaped();
        html += QStringLiteral("<code>") + text.mid(open + 1, close - open - 1).toHtmlEscaped() +
                QStringLiteral("</code>");
        from = close + 1;
    }
    return html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
