#include "nftbackend.h"
#include "ruleparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <vector>

/*
 * Applies 10,000 DOCKER-USER rules through NftBackend::replaceDockerUser and, alternately,
 * with a plain `iptables-nft-restore -n < file` of the same restore input, in the same private
 * network namespace; prints the medians of 5 runs each and their ratio (target: <= 1.1).
 * Not a test: run it by hand, as root (it re-executes itself under `unshare --net`).
 */

using namespace Userchain;

namespace {

const char kOriginVar[] = "USERCHAIN_NFT_BENCH_ORIGIN_NETNS";

QByteArray currentNetns()
{
    char buf[PATH_MAX] = {};
    const ssize_t n = ::readlink("/proc/self/ns/net", buf, sizeof(buf) - 1);
    return n > 0 ? QByteArray(buf, int(n)) : QByteArray();
}

/// Never returns outside a private namespace, so the host's tables stay untouched.
void enterPrivateNetns(char **argv)
{
    if (const char *origin = std::getenv(kOriginVar)) {
        if (currentNetns() == QByteArray(origin) || currentNetns().isEmpty()) {
            std::fprintf(stderr, "refusing to run: not in a private network namespace\n");
            std::abort();
        }
        return;
    }
    char self[PATH_MAX] = {};
    if (::readlink("/proc/self/exe", self, sizeof(self) - 1) <= 0)
        std::exit(1);
    ::setenv(kOriginVar, currentNetns().constData(), 1);
    char *args[] = {const_cast<char *>("unshare"),
                    const_cast<char *>("--net"),
                    const_cast<char *>("--"),
                    self,
                    argv[1],
                    nullptr};
    ::execv("/usr/bin/unshare", args);
    std::fprintf(stderr, "cannot run /usr/bin/unshare: %s\n", std::strerror(errno));
    std::exit(1);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

bool restoreFile(const QString &file, QByteArray *err)
{
    QProcess p;
    p.setStandardInputFile(file);
    p.start(QStringLiteral("/usr/sbin/iptables-nft-restore"), {QStringLiteral("-n")});
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *err = p.readAllStandardError();
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (::geteuid() != 0) {
        std::fprintf(stderr, "nft-bench needs root (unshare --net)\n");
        return 77;
    }
    enterPrivateNetns(argv);
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10000;
    const int rounds = 5;

    QVector<BackendRule> rules;
    rules.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString spec =
            QStringLiteral("-s 10.%1.%2.0/24 -i eth%3 -p tcp -m conntrack --ctorigdstport %4 "
                           "--ctdir ORIGINAL -m comment --comment \"rule %5\" -j %6")
                .arg((i / 256) % 256)
                .arg(i % 256)
                .arg(i % 4)
                .arg(1024 + i % 60000)
                .arg(i)
                .arg(i % 3 ? QStringLiteral("DROP") : QStringLiteral("RETURN"));
        RuleError e;
        const auto rule = RuleParser::parse(spec, Family::IPv4, &e);
        if (!rule) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(spec), qPrintable(e.message));
            return 1;
        }
        BackendRule br;
        br.rule = *rule;
        rules.append(br);
    }
    QByteArray input;
    QString error;
    NftBackend::restoreInput(Family::IPv4, rules, false, false, &input, &error);
    QTemporaryFile file;
    if (!file.open() || file.write(input) != input.size() || !file.flush())
        return 1;

    QByteArray err;
    NftBackend backend;
    if (!backend.replaceDockerUser(Family::IPv4, rules, true, true, &error)) {
        std::fprintf(stderr, "setup: %s\n", qPrintable(error));
        return 1;
    }

    std::vector<double> ours, plain, ourJump, reads, build;
    QElapsedTimer t;
    for (int round = 0; round < rounds; ++round) {
        t.start();
        if (!backend.replaceDockerUser(Family::IPv4, rules, false, false, &error)) {
            std::fprintf(stderr, "NftBackend: %s\n", qPrintable(error));
            return 1;
        }
        ours.push_back(t.nsecsElapsed() / 1e6);

        t.start();
        if (!restoreFile(file.fileName(), &err)) {
            std::fprintf(stderr, "iptables-nft-restore: %s\n", err.constData());
            return 1;
        }
        plain.push_back(t.nsecsElapsed() / 1e6);

        t.start();
        if (!backend.replaceDockerUser(Family::IPv4, rules, false, true, &error))
            return 1;
        ourJump.push_back(t.nsecsElapsed() / 1e6);

        t.start();
        QByteArray again;
        NftBackend::restoreInput(Family::IPv4, rules, false, false, &again, &error);
        build.push_back(t.nsecsElapsed() / 1e6);

        BackendTables tables;
        t.start();
        if (!backend.read(Family::IPv4, &tables, &error)) {
            std::fprintf(stderr, "read: %s\n", qPrintable(error));
            return 1;
        }
        reads.push_back(t.nsecsElapsed() / 1e6);
    }
    const double a = median(ours), b = median(plain);
    std::printf("%d rules, median of %d, alternating, one network namespace\n", count, rounds);
    std::printf("  NftBackend::replaceDockerUser          %8.1f ms\n", a);
    std::printf("  iptables-nft-restore -n < file         %8.1f ms\n", b);
    std::printf("  ratio                                  %8.2fx (target <= 1.10)\n", a / b);
    std::printf(
        "  replaceDockerUser with createJump      %8.1f ms (adds iptables-nft -S FORWARD)\n",
        median(ourJump));
    std::printf("  of which building the input            %8.1f ms (Rule::toString)\n",
                median(build));
    std::printf("  NftBackend::read (filter+nat, %d rules) %8.1f ms\n", count, median(reads));
    return 0;
}
