#include "evalcommands.h"

#include "addresses.h"
#include "blockinghelperclient.h"
#include "exposure.h"
#include "packettracer.h"
#include "rulefile.h"
#include "ruleset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Userchain {

namespace {

ExitCode invalid(const QString &command, const QString &message)
{
    std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(command), qPrintable(message));
    return ExitInvalidInput;
}

/// The ruleset of --file (with the sets of --ipsets), or of the live host through the helper.
std::optional<Ruleset> load(Family family, const QString &file, const QString &ipsets,
                            ExitCode *code)
{
    if (file.isEmpty()) {
        BlockingHelperClient client;
        BlockingHelperClient::Failure failure;
        Snapshot snapshot;
        if (!client.snapshot(family, &snapshot, &failure)) {
            std::fprintf(stderr, "userchainctl: %s\n",
                         qPrintable(BlockingHelperClient::describe(failure)));
            *code = failure.code;
            return std::nullopt;
        }
        return Ruleset::fromSnapshot(snapshot);
    }
    QByteArray data;
    QString error;
    if (!RuleFile::read(file, &data, &error)) {
        std::fprintf(stderr, "userchainctl: %s\n", qPrintable(error));
        *code = ExitInvalidInput;
        return std::nullopt;
    }
    QVector<FileError> errors;
    auto rs = Ruleset::fromSave(data, family, &errors);
    if (!rs) {
        for (const FileError &e : errors)
            std::fprintf(stderr, "%s\n", qPrintable(e.toString(file)));
        *code = ExitInvalidInput;
        return rs;
    }
    if (!ipsets.isEmpty()) {
        QByteArray sets;
        if (!RuleFile::read(ipsets, &sets, &error) || !rs->addIpsets(sets, &error)) {
            std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(ipsets), qPrintable(error));
            *code = ExitInvalidInput;
            return std::nullopt;
        }
    }
    return rs;
}

QJsonObject ruleObject(const QString &table, const QString &chain, int rule, const QString &text)
{
    // rule 0 is the chain's policy; other numbers count as `iptables -L --line-numbers` does.
    return {{QStringLiteral("table"), table},
            {QStringLiteral("chain"), chain},
            {QStringLiteral("rule"), rule},
            {QStringLiteral("text"), text}};
}

QString ruleLine(const QString &table, const QString &chain, int rule, const QString &text)
{
    return rule > 0 ? QStringLiteral("%1 %2 rule %3: %4").arg(table, chain).arg(rule).arg(text)
                    : QStringLiteral("%1 %2 policy (%3)").arg(table, chain, text);
}

QString protoName(int p)
{
    return p == 6    ? QStringLiteral("tcp")
           : p == 17 ? QStringLiteral("udp")
                     : QStringLiteral("sctp");
}

void print(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
}

} // namespace

ExitCode EvalCommands::trace(const TraceOptions &o)
{
    const QString cmd = QStringLiteral("trace");
    Packet p;
    p.family = o.family;
    QString error;
    if (o.in.isEmpty())
        return invalid(cmd,
                       QStringLiteral("--in is required (the interface the packet arrives on)"));
    if (!Addresses::isValidInterface(o.in, &error) || o.in.endsWith(QLatin1Char('+')))
        return invalid(
            cmd, QStringLiteral("--in: %1")
                     .arg(error.isEmpty()
                              ? QStringLiteral("a packet arrives on one interface, not a wildcard")
                              : error));
    p.inInterface = o.in;
    if (o.src.isEmpty())
        return invalid(cmd, QStringLiteral("--src is required (the packet's source address)"));
    const auto src = IpAddress::parse(o.src, o.family);
    if (!src)
        return invalid(
            cmd,
            QStringLiteral("--src: \"%1\" is not an IPv%2 address").arg(o.src).arg(int(o.family)));
    p.src = *src;
    if (!o.dst.isEmpty()) {
        p.dst = IpAddress::parse(o.dst, o.family);
        if (!p.dst)
            return invalid(cmd, QStringLiteral("--dst: \"%1\" is not an IPv%2 address")
                                    .arg(o.dst)
                                    .arg(int(o.family)));
    }
    if (o.proto == QLatin1String("tcp"))
        p.protocol = 6;
    else if (o.proto == QLatin1String("udp"))
        p.protocol = 17;
    else if (o.proto == QLatin1String("icmp")) {
        p.protocol = o.family == Family::IPv4 ? 1 : 58;
        p.icmpType = o.family == Family::IPv4 ? 8 : 128; // an echo request, as ping sends
        p.icmpCode = 0;
    } else if (o.proto.isEmpty())
        return invalid(cmd, QStringLiteral("--proto is required (tcp, udp or icmp)"));
    else
        return invalid(cmd, QStringLiteral("--proto: \"%1\" is not tcp, udp or icmp").arg(o.proto));
    if (!o.dport.isEmpty()) {
        if (p.protocol != 6 && p.protocol != 17)
            return invalid(cmd, QStringLiteral("--dport: only tcp and udp have ports"));
        bool ok = false;
        const int port = o.dport.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || o.dport.startsWith(QLatin1Char('0')))
            return invalid(
                cmd, QStringLiteral("--dport: \"%1\" is not a port (1 to 65535)").arg(o.dport));
        p.dport = port;
    } else if (p.protocol == 6 || p.protocol == 17) {
        return invalid(cmd, QStringLiteral("--dport is required for %1").arg(o.proto));
    }
    if (o.state.isEmpty() || o.state == QLatin1String("new"))
        p.state = CtState::New;
    else if (o.state == QLatin1String("established"))
        p.state = CtState::Established;
    else
        return invalid(cmd,
                       QStringLiteral("--state: \"%1\" is not new or established").arg(o.state));

    ExitCode code = ExitOk;
    const auto rs = load(o.family, o.file, o.ipsets, &code);
    if (!rs)
        return code;
    const Trace t = PacketTracer::trace(*rs, p);
    QStringList notes = t.notes;
    notes << QStringLiteral(
        "the client's source port is not given; rules that test it depend on it");

    if (o.json) {
        QJsonArray path;
        for (const TraceStep &s : t.path)
            path.append(ruleObject(s.table, s.chain, s.rule, s.text));
        QJsonObject out{{QStringLiteral("verdict"), Verdict::kindName(t.verdict.kind)},
                        {QStringLiteral("path"), path},
                        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
        if (!t.verdict.chain.isEmpty())
            out.insert(
                QStringLiteral("decided_by"),
                ruleObject(t.verdict.table, t.verdict.chain, t.verdict.rule, t.verdict.ruleText));
        if (!t.verdict.dependsOn.isEmpty())
            out.insert(QStringLiteral("depends_on"), t.verdict.dependsOn);
        print(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    QString text = QStringLiteral("verdict: %1").arg(Verdict::kindName(t.verdict.kind));
    if (!t.verdict.dependsOn.isEmpty())
        text += QStringLiteral(" (%1)").arg(t.verdict.dependsOn);
    else if (!t.verdict.chain.isEmpty())
        text += QStringLiteral(" by %1").arg(
            ruleLine(t.verdict.table, t.verdict.chain, t.verdict.rule, t.verdict.ruleText));
    text += QLatin1Char('\n');
    if (!t.path.isEmpty())
        text += QStringLiteral("path:\n");
    for (const TraceStep &s : t.path)
        text += QStringLiteral("  %1\n").arg(ruleLine(s.table, s.chain, s.rule, s.text));
    for (const QString &n : std::as_const(notes))
        text += QStringLiteral("note: %1\n").arg(n);
    print(text.toUtf8());
    return ExitOk;
}

ExitCode EvalCommands::exposure(Family family, const QString &file, const QString &ipsets,
                                bool json)
{
    ExitCode code = ExitOk;
    const auto rs = load(family, file, ipsets, &code);
    if (!rs)
        return code;
    const QVector<PortExposure> ports = Exposure::compute(*rs);
    auto entryObject = [&](const ExposureEntry &e, bool reachable) {
        QJsonObject o{{QStringLiteral("source"), Exposure::rangeText(e.sources, family)},
                      {QStringLiteral("in_interface"), e.inInterface}};
        if (!e.except.isEmpty())
            o.insert(QStringLiteral("except"), QJsonArray::fromStringList(e.except));
        if (reachable)
            o.insert(QStringLiteral("rule"), ruleObject(e.decision.table, e.decision.chain,
                                                        e.decision.rule, e.decision.ruleText));
        else
            o.insert(QStringLiteral("depends_on"), e.decision.dependsOn);
        return o;
    };
    auto iface = [](const ExposureEntry &e) {
        return e.except.isEmpty() ? e.inInterface
                                  : QStringLiteral("%1 except %2")
                                        .arg(e.inInterface, e.except.join(QStringLiteral(", ")));
    };
    if (json) {
        QJsonArray out;
        for (const PortExposure &pe : ports) {
            const PublishedPort &p = pe.port;
            QJsonArray reach, undecided;
            for (const ExposureEntry &e : pe.reachable)
                reach.append(entryObject(e, true));
            for (const ExposureEntry &e : pe.undecided)
                undecided.append(entryObject(e, false));
            QJsonObject o{
                {QStringLiteral("host_address"),
                 p.hostAddress ? QJsonValue(p.hostAddress->toString(family)) : QJsonValue()},
                {QStringLiteral("host_port"), p.hostPorts.first},
                {QStringLiteral("proto"), protoName(p.protocol)},
                {QStringLiteral("container"),
                 QString::fromLatin1(family == Family::IPv4 ? "%1:%2" : "[%1]:%2")
                     .arg(p.containerAddress.toString(family))
                     .arg(p.containerPort)},
                {QStringLiteral("container_name"),
                 p.containerName.isEmpty() ? QJsonValue() : QJsonValue(p.containerName)},
                {QStringLiteral("bridge"),
                 p.bridge.isEmpty() ? QJsonValue() : QJsonValue(p.bridge)},
                {QStringLiteral("dnat_rule"),
                 ruleObject(QStringLiteral("nat"), QStringLiteral("DOCKER"), p.ruleNumber,
                            p.ruleText)},
                {QStringLiteral("reachable_from"), reach},
                {QStringLiteral("undecided"), undecided}};
            if (p.hostPorts.last != p.hostPorts.first)
                o.insert(QStringLiteral("host_port_last"), p.hostPorts.last);
            out.append(o);
        }
        print(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    QString text;
    if (ports.isEmpty())
        text = QStringLiteral("No published ports: nat DOCKER has no DNAT rule. (When Docker's "
                              "ip%1tables is off, its userland proxy serves published ports "
                              "through INPUT, which DOCKER-USER does not see.)\n")
                   .arg(family == Family::IPv4 ? QString() : QStringLiteral("6"));
    for (const PortExposure &pe : ports) {
        const PublishedPort &p = pe.port;
        text += QStringLiteral("%1:%2/%3 -> %4 port %5%6 (nat DOCKER rule %7)\n")
                    .arg(p.hostAddress ? p.hostAddress->toString(family) : QStringLiteral("*"))
                    .arg(p.hostPorts.first)
                    .arg(protoName(p.protocol), p.containerAddress.toString(family))
                    .arg(p.containerPort)
                    .arg(p.bridge.isEmpty() ? QString() : QStringLiteral(" on ") + p.bridge)
                    .arg(p.ruleNumber);
        if (pe.reachable.isEmpty())
            text += QStringLiteral("  reachable from: nowhere\n");
        else
            text += QStringLiteral("  reachable from:\n");
        for (const ExposureEntry &e : pe.reachable)
            text += QStringLiteral("    %1 on %2 (%3)\n")
                        .arg(Exposure::rangeText(e.sources, family), iface(e),
                             ruleLine(e.decision.table, e.decision.chain, e.decision.rule,
                                      e.decision.ruleText));
        if (!pe.undecided.isEmpty())
            text += QStringLiteral("  undecided:\n");
        for (const ExposureEntry &e : pe.undecided)
            text +=
                QStringLiteral("    %1 on %2: %3\n")
                    .arg(Exposure::rangeText(e.sources, family), iface(e), e.decision.dependsOn);
    }
    print(text.toUtf8());
    return ExitOk;
}

} // namespace Userchain
