#pragma once

#include <QString>

/**
 * The library's messages as the GUI shows them. The parser and the file reader word their
 * reasons to follow "FILE:LINE: " (as compilers and userchainctl print them), so they start
 * in lower case; a message that stands alone in a label or at a cell is a sentence.
 */
class MessageText final
{
public:
    /// `message` with its first letter capitalized: "unknown option" → "Unknown option".
    static QString sentence(const QString &message);

private:
    MessageText() = delete;
};
