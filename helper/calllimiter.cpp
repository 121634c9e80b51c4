#include "calllimiter.h"

namespace Userchain {

bool CallLimiter::admit(const QString &sender, qint64 bytes, QString *why)
{
    const int mine = m_perSender.value(sender);
    if (mine >= MaxPerSender) {
        *why = QStringLiteral("too many calls in flight from this client (at most %1)")
                   .arg(MaxPerSender);
        return false;
    }
    if (m_total >= MaxTotal) {
        *why = QStringLiteral("too many calls in flight (at most %1)").arg(MaxTotal);
        return false;
    }
    if (m_heldBytes + counted(bytes) > MaxHeldBytes) {
        *why = QStringLiteral("too much data in calls in flight; try again later");
        return false;
    }
    m_perSender.insert(sender, mine + 1);
    ++m_total;
    m_heldBytes += counted(bytes);
    return true;
}

void CallLimiter::release(const QString &sender, qint64 bytes)
{
    auto it = m_perSender.find(sender);
    if (it == m_perSender.end())
        return;
    if (--*it == 0)
        m_perSender.erase(it);
    --m_total;
    m_heldBytes -= counted(bytes);
}

} // namespace Userchain
