#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

/**
 * The change from the helper's DOCKER-USER to the edited one, for the review before Apply.
 * Equal texts are paired in order of occurrence; of the pairs, the longest run that keeps its
 * relative order counts as unchanged and the rest as moved.
 */
class RuleDiff final
{
public:
    struct Line
    {
        enum Kind { Kept, Added, Removed, Moved };
        Kind kind = Kept;
        QString spec;
        int oldPosition = 0; ///< 1-based; 0 for added rules
        int newPosition = 0; ///< 1-based; 0 for removed rules
    };

    static RuleDiff compute(const QStringList &before, const QStringList &after);

    /// New order, with each removed rule just after the kept rule it followed.
    const QVector<Line> &lines() const { return m_lines; }
    int added() const { return m_added; }
    int removed() const { return m_removed; }
    int moved() const { return m_moved; }
    bool isEmpty() const { return m_added == 0 && m_removed == 0 && m_moved == 0; }
    /// `+ -A DOCKER-USER ...` lines, as a reviewer reads a patch.
    QString toText(const QString &chain = QStringLiteral("DOCKER-USER")) const;

private:
    QVector<Line> m_lines;
    int m_added = 0;
    int m_removed = 0;
    int m_moved = 0;
};
