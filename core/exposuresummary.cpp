#include "exposuresummary.h"

#include <QHash>
#include <algorithm>

namespace Userchain {

namespace {

/// Shown parts in the one-line text; the rest become "and N more" (all are in `parts`).
constexpr int MaxShownParts = 3;

/// Sorted, with overlapping and adjacent ranges joined.
QVector<AddressRange> mergeRanges(QVector<AddressRange> ranges)
{
    std::sort(ranges.begin(), ranges.end(),
              [](const AddressRange &a, const AddressRange &b) { return a.first < b.first; });
    QVector<AddressRange> out;
    for (const AddressRange &r : ranges) {
        if (!out.isEmpty() && (out.last().last >= r.first || out.last().last.next() == r.first)) {
            if (out.last().last < r.last)
                out.last().last = r.last;
        } else {
            out.append(r);
        }
    }
    return out;
}

bool rangesEqual(const QVector<AddressRange> &a, const QVector<AddressRange> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].first != b[i].first || a[i].last != b[i].last)
            return false;
    return true;
}

bool isEverything(const QVector<AddressRange> &merged, Family family)
{
    return merged.size() == 1 && merged[0].first == IpAddress() &&
           merged[0].last == IpAddress::maxOf(family);
}

/// The addresses of the family that `merged` leaves out.
QVector<AddressRange> complement(const QVector<AddressRange> &merged, Family family)
{
    QVector<AddressRange> out;
    IpAddress from;
    bool open = true; // addresses from `from` on are not covered yet
    for (const AddressRange &r : merged) {
        if (from < r.first)
            out.append({from, r.first.previous()});
        if (r.last == IpAddress::maxOf(family)) {
            open = false;
            break;
        }
        from = r.last.next();
    }
    if (open)
        out.append({from, IpAddress::maxOf(family)});
    return out;
}

QString listText(const QVector<AddressRange> &merged, Family family);

/// "10.0.0.0/8, 192.168.1.5 and 2 more", or "anyone except fe80::/10" (*exceptForm) when
/// that is shorter.
QString sourcesText(const QVector<AddressRange> &merged, Family family, bool *exceptForm)
{
    const QVector<AddressRange> missing = complement(merged, family);
    *exceptForm = missing.size() < merged.size();
    if (*exceptForm)
        return ExposureSummary::tr("anyone except %1").arg(listText(missing, family));
    return listText(merged, family);
}

QString listText(const QVector<AddressRange> &merged, Family family)
{
    QStringList shown;
    for (int i = 0; i < merged.size() && i < MaxShownParts; ++i)
        shown << Exposure::rangeText(merged.at(i), family);
    QString text = shown.join(ExposureSummary::tr(", "));
    if (merged.size() > MaxShownParts)
        text += ExposureSummary::tr(" and %n more", nullptr, int(merged.size() - MaxShownParts));
    return text;
}

bool allSourcesOf(const ExposureEntry &e, Family family)
{
    return e.sources.first == IpAddress() && e.sources.last == IpAddress::maxOf(family);
}

DecidingRule decidingRule(const Verdict &v)
{
    return {v.table, v.chain, v.rule, v.ruleText};
}

QString portKey(const PublishedPort &p, Family family)
{
    return ExposureSummary::portText(p, family);
}

} // namespace

QString ExposureSummary::partText(const ExposureEntry &e, Family family)
{
    const QString source = Exposure::rangeText(e.sources, family);
    QString where;
    if (e.inInterface == QLatin1String("any"))
        where = e.except.isEmpty() ? tr("any interface")
                                   : tr("any interface except %1").arg(e.except.join(tr(", ")));
    else
        where = e.except.isEmpty() ? e.inInterface
                                   : tr("%1 except %2").arg(e.inInterface, e.except.join(tr(", ")));
    if (allSourcesOf(e, family))
        return tr("anyone on %1").arg(where);
    return tr("%1 on %2").arg(source, where);
}

ExposureSummary ExposureSummary::of(const PortExposure &exposure, Family family,
                                    const QStringList &dockerBridges)
{
    ExposureSummary s;
    auto addRule = [&s](const DecidingRule &r) {
        if (!s.rules.contains(r))
            s.rules.append(r);
    };
    for (const ExposureEntry &e : exposure.reachable) {
        const DecidingRule r = decidingRule(e.decision);
        addRule(r);
        s.parts << tr("%1 (%2)").arg(partText(e, family), ruleName(r));
    }
    QStringList depends;
    for (const ExposureEntry &e : exposure.undecided) {
        addRule(decidingRule(e.decision));
        s.parts << tr("%1: %2").arg(partText(e, family), e.decision.dependsOn);
        if (!depends.contains(e.decision.dependsOn))
            depends << e.decision.dependsOn;
    }

    for (const Verdict &v : exposure.blockers)
        s.blockers.append(decidingRule(v));
    const QString reach = reachText(exposure.reachable, family, dockerBridges, &s.reach);
    if (!exposure.undecided.isEmpty()) {
        s.reach = Reach::Depends;
        s.text = exposure.reachable.isEmpty()
                     ? depends.join(tr("; "))
                     : tr("%1; the rest %2").arg(reach, depends.join(tr("; ")));
        return s;
    }
    s.text = reach;
    return s;
}

QString ExposureSummary::reachText(const QVector<ExposureEntry> &entries, Family family,
                                   const QStringList &dockerBridges, Reach *reach)
{
    // The interfaces the entries name, each a class of its own, and "other" for the rest.
    // Docker's own bridges are left out: traffic between containers is not the question.
    QStringList names;
    auto note = [&](const QString &name) {
        if (name != QLatin1String("any") && !dockerBridges.contains(name) && !names.contains(name))
            names << name;
    };
    for (const ExposureEntry &e : entries) {
        note(e.inInterface);
        for (const QString &x : e.except)
            note(x);
    }
    auto sourcesOn = [&](const QString &iface) { // iface empty: an interface no rule names
        QVector<AddressRange> ranges;
        for (const ExposureEntry &e : entries) {
            const bool applies = e.inInterface == QLatin1String("any")
                                     ? iface.isEmpty() || !e.except.contains(iface)
                                     : e.inInterface == iface;
            if (applies)
                ranges.append(e.sources);
        }
        return mergeRanges(ranges);
    };
    const QVector<AddressRange> other = sourcesOn(QString());
    QVector<QVector<AddressRange>> named;
    bool allSame = true;
    for (const QString &n : std::as_const(names)) {
        named.append(sourcesOn(n));
        allSame = allSame && rangesEqual(named.last(), other);
    }
    if (allSame) {
        if (other.isEmpty()) {
            *reach = Reach::Nobody;
            return tr("nobody");
        }
        if (isEverything(other, family)) {
            *reach = Reach::Anyone;
            return tr("anyone, any interface");
        }
        *reach = Reach::Some;
        bool exceptForm = false;
        const QString sources = sourcesText(other, family, &exceptForm);
        return exceptForm ? sources : tr("only %1").arg(sources);
    }
    *reach = Reach::Some;
    QStringList parts;
    bool anyFull = false;
    auto add = [&](const QVector<AddressRange> &ranges, const QString &where) {
        if (ranges.isEmpty())
            return;
        const bool full = isEverything(ranges, family);
        bool exceptForm = false;
        const QString sources = full ? QString() : sourcesText(ranges, family, &exceptForm);
        anyFull = anyFull || full || exceptForm; // "only anyone except …" reads wrong
        parts << (full ? tr("anyone on %1").arg(where) : tr("%1 on %2").arg(sources, where));
    };
    for (int i = 0; i < names.size(); ++i)
        add(named.at(i), names.at(i));
    add(other, tr("other interfaces"));
    if (parts.isEmpty()) {
        *reach = Reach::Nobody;
        return tr("nobody");
    }
    return anyFull ? parts.join(tr("; ")) : tr("only %1").arg(parts.join(tr("; ")));
}

QString ExposureSummary::portText(const PublishedPort &p, Family family)
{
    QString port = QString::number(p.hostPorts.first);
    if (p.hostPorts.last != p.hostPorts.first)
        port += QLatin1Char('-') + QString::number(p.hostPorts.last);
    const QString proto = p.protocol == 6     ? QStringLiteral("tcp")
                          : p.protocol == 17  ? QStringLiteral("udp")
                          : p.protocol == 132 ? QStringLiteral("sctp")
                                              : QString::number(p.protocol);
    QString text = port + QLatin1Char('/') + proto;
    if (p.hostAddress) {
        const QString address = p.hostAddress->toString(family);
        text = (family == Family::IPv6 ? QLatin1Char('[') + address + QLatin1Char(']') : address) +
               QLatin1Char(':') + text;
    }
    return text;
}

QString ExposureSummary::containerText(const PublishedPort &p, Family family)
{
    const QString address = p.containerAddress.toString(family);
    QString text = family == Family::IPv6 ? QLatin1Char('[') + address + QLatin1Char(']') : address;
    if (p.containerPort)
        text += QLatin1Char(':') + QString::number(p.containerPort);
    return p.containerName.isEmpty() ? text : tr("%1 (%2)").arg(p.containerName, text);
}

QString ExposureSummary::ruleName(const DecidingRule &r)
{
    // "DOCKER" names a chain in nat and in filter; filter is the one users mean.
    const QString chain = r.table == QLatin1String("filter")
                              ? r.chain
                              : QStringLiteral("%1 %2").arg(r.table, r.chain);
    if (r.rule == 0)
        return tr("%1 policy").arg(chain);
    return tr("%1 rule %2").arg(chain).arg(r.rule);
}

QStringList ExposureSummary::changes(const QVector<PortExposure> &before,
                                     const QVector<PortExposure> &after, Family family,
                                     const QStringList &dockerBridges)
{
    QHash<QString, QString> was;
    for (const PortExposure &pe : before)
        was.insert(portKey(pe.port, family), of(pe, family, dockerBridges).text);
    QStringList lines;
    for (const PortExposure &pe : after) {
        const QString key = portKey(pe.port, family);
        const QString now = of(pe, family, dockerBridges).text;
        const auto it = was.constFind(key);
        if (it == was.constEnd())
            lines << tr("%1: %2 (newly published)").arg(key, now);
        else if (*it != now)
            lines << tr("%1: %2 → %3").arg(key, *it, now);
    }
    return lines;
}

} // namespace Userchain
