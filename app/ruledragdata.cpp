#include "ruledragdata.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace {
constexpr quint32 Version = 1;
} // namespace

QMimeData *RuleDragData::encode(quint64 token, const QVector<quint64> &ids,
                                const QStringList &lines)
{
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << Version << token << quint32(ids.size());
    for (quint64 id : ids) {
        stream << id;
    }
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(MimeType), encoded);
    mime->setText(lines.join(QLatin1Char('\n')));
    return mime;
}

std::optional<QVector<quint64>> RuleDragData::decode(const QMimeData *data, quint64 token,
                                                     int maxCount)
{
    if (!data || !data->hasFormat(QLatin1String(MimeType))) {
        return std::nullopt;
    }
    QDataStream stream(data->data(QLatin1String(MimeType)));
    quint32 version = 0;
    quint64 issuer = 0;
    quint32 count = 0;
    stream >> version >> issuer >> count;
    if (stream.status() != QDataStream::Ok || version != Version || issuer != token || count == 0 ||
        count > quint32(qMax(0, maxCount))) {
        return std::nullopt;
    }
    QVector<quint64> ids;
    ids.reserve(int(count));
    for (quint32 i = 0; i < count; ++i) {
        quint64 id = 0;
        stream >> id;
        if (stream.status() != QDataStream::Ok || ids.contains(id)) {
            return std::nullopt;
        }
        ids.append(id);
    }
    return ids;
}
