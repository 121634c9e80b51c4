#pragma once

#include <QString>

/**
 * How a notice's text becomes rich text. Notices are written as plain sentences, and command
 * names in them are marked the way the helper marks them in its warnings: between backticks
 * (`iptables-nft`). Rendering that here, in the one place every notice passes through, keeps
 * the D-Bus texts and the CLI's output plain and shows no literal backticks in the window.
 */
class NoticeText final
{
public:
    /// `text` HTML-escaped, each `span` as <code>span</code>, line breaks as <br>. An unpaired
    /// backtick stays as it is.
    static QString toHtml(const QString &text);

private:
    NoticeText() = delete;
};
