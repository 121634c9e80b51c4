#include "messagetext.h"

QString MessageText::sentence(const QString &message)
{
    if (message.isEmpty() || !message.at(0).isLower()) {
        return message; // already a sentence, or it starts with a quoted token
    }
    QString text = message;
    text[0] = text.at(0).toUpper();
    return text;
}
