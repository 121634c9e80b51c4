// userchain-eval-bench: how long Exposure takes for a Docker 29 host with 20 published ports
// and N DOCKER-USER rules (default 50 and 10,000), and PacketTracer per packet. Prints
// figures; tst_exposure and tst_kerneltruth are the tests.
//
// The rules are what people write: sources (prefixes and ranges, some negated) per port and
// interface, ACCEPT/DROP/RETURN, on the container ports of the published ones.
//
// Usage: userchain-eval-bench [--rules N,M,...] [--runs R]

#include "exposure.h"
#include "packettracer.h"
#include "rulelints.h"
#include "ruleset.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace Userchain;

namespace {

constexpr int Ports = 20;

QByteArray hostWith(int userRules, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray filter =
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        ":DOCKER - [0:0]\n:DOCKER-BRIDGE - [0:0]\n:DOCKER-CT - [0:0]\n"
        ":DOCKER-FORWARD - [0:0]\n:DOCKER-INTERNAL - [0:0]\n:DOCKER-USER - [0:0]\n"
        "-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-FORWARD\n";
    QByteArray nat = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                     ":POSTROUTING ACCEPT [0:0]\n:DOCKER - [0:0]\n"
                     "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER\n"
                     "-A POSTROUTING -s 172.18.0.0/16 ! -o br-bench -j MASQUERADE\n";
    QByteArray raw = "*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n";
    for (int p = 0; p < Ports; ++p) {
        const QByteArray c = "172.18.0." + QByteArray::number(p + 2);
        const QByteArray cport = QByteArray::number(8000 + p);
        filter += "-A DOCKER -d " + c + "/32 ! -i br-bench -o br-bench -p tcp -m tcp --dport " +
                  cport + " -j ACCEPT\n";
        nat += "-A DOCKER ! -i br-bench -p tcp -m tcp --dport " + QByteArray::number(30000 + p) +
               " -j DNAT --to-destination " + c + ":" + cport + "\n";
        raw += "-A PREROUTING -d " + c + "/32 ! -i br-bench -j DROP\n";
    }
    filter +=
        "-A DOCKER ! -i br-bench -o br-bench -j DROP\n-A DOCKER-BRIDGE -o br-bench -j DOCKER\n"
        "-A DOCKER-CT -o br-bench -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
        "-A DOCKER-FORWARD -j DOCKER-CT\n-A DOCKER-FORWARD -j DOCKER-INTERNAL\n"
        "-A DOCKER-FORWARD -j DOCKER-BRIDGE\n-A DOCKER-FORWARD -i br-bench -j ACCEPT\n";
    static const char *ifaces[] = {"eth0", "eth1", "wlan0", "eth+", "tun+"};
    static const char *targets[] = {"ACCEPT", "DROP", "RETURN", "DROP"};
    for (int i = 0; i < userRules; ++i) {
        QByteArray r = "-A DOCKER-USER";
        const quint32 a = (10u << 24) | rng.bounded(1u << 20) << 4;
        const QByteArray addr =
            QByteArray::number(a >> 24) + '.' + QByteArray::number((a >> 16) & 255) + '.' +
            QByteArray::number((a >> 8) & 255) + '.' + QByteArray::number(a & 255);
        if (rng.bounded(4) == 0)
            r +=
                " -m iprange --src-range " + addr + '-' + addr.left(addr.lastIndexOf('.')) + ".255";
        else
            r += (rng.bounded(8) == 0 ? " ! -s " : " -s ") + addr + '/' +
                 QByteArray::number(20 + rng.bounded(13));
        if (rng.bounded(3) == 0)
            r += QByteArray(" -i ") + ifaces[rng.bounded(5)];
        if (rng.bounded(4) != 0)
            r += " -p tcp -m tcp --dport " + QByteArray::number(8000 + rng.bounded(Ports));
        r += QByteArray(" -j ") + targets[rng.bounded(4)] + '\n';
        filter += r;
    }
    return filter + "COMMIT\n" + nat + "COMMIT\n" + raw + "COMMIT\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rulesOption(QStringLiteral("rules"),
                                         QStringLiteral("DOCKER-USER sizes."),
                                         QStringLiteral("N,M"), QStringLiteral("50,10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs (best is shown)."),
                                        QStringLiteral("R"), QStringLiteral("5"));
    parser.addOptions({rulesOption, runsOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    std::printf("%-8s %-6s %12s %14s %10s %10s %14s %10s %7s\n", "rules", "ports", "parse ms",
                "exposure ms", "entries", "undecided", "trace us/pkt", "lints ms", "lints");
    for (const QString &n : parser.value(rulesOption).split(QLatin1Char(','))) {
        const QByteArray save = hostWith(n.toInt(), 42);
        double bestParse = 1e9, bestExposure = 1e9, bestTrace = 1e9, bestLints = 1e9;
        int entries = 0, undecided = 0, lints = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            t.start();
            QVector<FileError> errors;
            const auto rs = Ruleset::fromSave(save, Family::IPv4, &errors);
            bestParse = std::min(bestParse, t.nsecsElapsed() / 1e6);
            if (!rs) {
                std::fprintf(stderr, "%s\n", qPrintable(errors.value(0).message));
                return 1;
            }
            t.restart();
            const QVector<PortExposure> ports = Exposure::compute(*rs);
            bestExposure = std::min(bestExposure, t.nsecsElapsed() / 1e6);
            entries = undecided = 0;
            for (const PortExposure &p : ports) {
                entries += int(p.reachable.size());
                undecided += int(p.undecided.size());
            }
            Packet p;
            p.inInterface = QStringLiteral("eth0");
            p.dport = 30000;
            QRandomGenerator rng(7);
            t.restart();
            for (int i = 0; i < 1000; ++i) {
                p.src = IpAddress{0, (10u << 24) | rng.bounded(1u << 24)};
                p.sport = 40000;
                PacketTracer::trace(*rs, p);
            }
            bestTrace = std::min(bestTrace, t.nsecsElapsed() / 1e3 / 1000);
            t.restart();
            lints = int(RuleLints::compute(*rs).size());
            bestLints = std::min(bestLints, t.nsecsElapsed() / 1e6);
        }
        std::printf("%-8s %-6d %12.1f %14.1f %10d %10d %14.1f %10.1f %7d\n", qPrintable(n), Ports,
                    bestParse, bestExposure, entries, undecided, bestTrace, bestLints, lints);
    }
    return 0;
}
