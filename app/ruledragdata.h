#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

class QMimeData;

/**
 * What a drag of DOCKER-USER rows carries: the ids of the rows (never row numbers or pointers,
 * so that they stay right however the view is filtered) and the issuing model's token, since ids
 * mean something only to the model that issued them. The rules' text goes along for drops
 * into other programs.
 */
class RuleDragData final
{
public:
    static constexpr const char *MimeType = "application/x-userchain-rule-ids";

    /// A new QMimeData (the caller owns it) with `ids` and, as plain text, `lines`.
    static QMimeData *encode(quint64 token, const QVector<quint64> &ids, const QStringList &lines);
    /// The ids of a drag issued with `token`, at most `maxCount` of them and none twice;
    /// nothing for another model's drag, another version or damaged data.
    static std::optional<QVector<quint64>> decode(const QMimeData *data, quint64 token,
                                                  int maxCount);
};
