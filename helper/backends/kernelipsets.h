#pragma once

#include "entrycodec.h"

#include <QHash>
#include <QString>
#include <optional>

namespace Userchain {

/**
 * Name ↔ index lookups of the kernel's ipsets (the set match stores an index), through the
 * same getsockopt(SO_IP_SET) interface iptables' libxt_set uses. Read-only: it never creates,
 * loads or changes a set. Keeps one socket and caches answers for the lifetime of the object,
 * so make one per read or write, not one per process.
 */
class KernelIpsets final
{
public:
    KernelIpsets();
    ~KernelIpsets();
    Q_DISABLE_COPY_MOVE(KernelIpsets)

    std::optional<quint16> indexOf(const QString &name, Family family, QString *error);
    std::optional<QString> nameOf(quint16 index);

    /// Functions for EntryCodec that call this object (which must outlive the codec's use).
    IpsetLookup lookup();

private:
    bool open(QString *error);

    int m_fd = -1;
    unsigned m_version = 0;
    bool m_tried = false;
    QString m_openError;
    QHash<quint16, QString> m_names;
};

} // namespace Userchain
