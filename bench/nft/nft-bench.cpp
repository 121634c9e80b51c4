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
#include <functional>
#include <memory>
#include <unistd.h>
#include <vector>

/*
 * Applies 10,000 DOCKER-USER rules through an NftBackend session and, alternately,
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
                    argv[1] ? argv[2] : nullptr,
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

/// count rules; variant changes every comment (a set of rules none of which is kept).
bool makeRules(int count, int variant, QVector<BackendRule> *out)
{
    out->clear();
    out->reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString spec =
            QStringLiteral("-s 10.%1.%2.0/24 -i eth%3 -p tcp -m conntrack --ctorigdstport %4 "
                           "--ctdir ORIGINAL -m comment --comment \"rule %5 v%7\" -j %6")
                .arg((i / 256) % 256)
                .arg(i % 256)
                .arg(i % 4)
                .arg(1024 + i % 60000)
                .arg(i)
                .arg(i % 3 ? QStringLiteral("DROP") : QStringLiteral("RETURN"))
                .arg(variant);
        RuleError e;
        const auto rule = RuleParser::parse(spec, Family::IPv4, &e);
        if (!rule) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(spec), qPrintable(e.message));
            return false;
        }
        BackendRule br;
        br.rule = *rule;
        out->append(br);
    }
    return true;
}

/// The reference tool's input replacing DOCKER-USER with rules (all typed: parsed above).
QByteArray restoreInput(const QVector<BackendRule> &rules)
{
    QByteArray input = "*filter\n-F DOCKER-USER\n";
    for (const BackendRule &r : rules) {
        const QByteArray spec = r.rule.toString().toUtf8();
        input += "-A DOCKER-USER";
        if (!spec.isEmpty())
            input += ' ' + spec;
        input += '\n';
    }
    return input + "COMMIT\n";
}

bool writeFile(QTemporaryFile *file, const QVector<BackendRule> &rules)
{
    const QByteArray input = restoreInput(rules);
    return file->open() && file->resize(0) && file->write(input) == input.size() && file->flush();
}

double timed(const std::function<bool()> &f)
{
    QElapsedTimer t;
    t.start();
    if (!f()) {
        std::fprintf(stderr, "a step failed\n");
        std::exit(1);
    }
    return t.nsecsElapsed() / 1e6;
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

    QVector<BackendRule> a, b, small, smallB;
    if (!makeRules(count, 0, &a) || !makeRules(count, 1, &b) || !makeRules(10, 2, &small) ||
        !makeRules(10, 3, &smallB))
        return 1;
    QVector<BackendRule> oneChanged = a;
    oneChanged[count / 2] = b[count / 2];
    QTemporaryFile fileA, fileB, fileOne, fileSmall, fileSmallB;
    if (!writeFile(&fileA, a) || !writeFile(&fileB, b) || !writeFile(&fileOne, oneChanged) ||
        !writeFile(&fileSmall, small) || !writeFile(&fileSmallB, smallB))
        return 1;

    QByteArray err;
    QString error;
    NftBackend backend;
    // A whole replace: one session, as the helper's ChainWriter makes it.
    const auto replace = [&backend, &error](const QVector<BackendRule> &rules, bool create) {
        const std::unique_ptr<BackendSession> session = backend.beginSession(Family::IPv4, &error);
        return session && session->prepare(rules, create, create, &error) &&
               session->commit(&error);
    };
    if (!replace(a, true)) {
        std::fprintf(stderr, "setup: %s\n", qPrintable(error));
        return 1;
    }
    auto ours = [&](const QVector<BackendRule> &rules) {
        return [&replace, &rules] {
            return replace(rules, false);
        };
    };
    auto tool = [&](const QTemporaryFile &file) {
        const QString name = file.fileName();
        return [name, &err] {
            return restoreFile(name, &err);
        };
    };
    if (argc > 2 && std::strcmp(argv[2], "one") == 0) {
        // Only the backend's side of "change one rule", many times, by step: for `perf record`
        // and for where the time goes.
        std::vector<double> begin, prepare, commit, end, whole;
        for (int round = 0; round < 40; ++round) {
            const QVector<BackendRule> &wanted = round % 2 ? a : oneChanged;
            std::unique_ptr<BackendSession> session;
            const double b =
                timed([&] { return bool(session = backend.beginSession(Family::IPv4, &error)); });
            const double p = timed([&] { return session->prepare(wanted, false, false, &error); });
            const double c = timed([&] { return session->commit(&error); });
            const double e = timed([&] {
                session.reset();
                return true;
            });
            begin.push_back(b);
            prepare.push_back(p);
            commit.push_back(c);
            end.push_back(e);
            whole.push_back(b + p + c + e);
        }
        std::printf("change one rule of %d, median of %zu: %.2f ms (session %.2f, prepare %.2f, "
                    "commit %.2f, end %.2f)\n",
                    count, whole.size(), median(whole), median(begin), median(prepare),
                    median(commit), median(end));
        return 0;
    }
    std::vector<double> replaceOurs, replaceTool, oneOurs, oneTool, oneCold, smallOurs, smallTool,
        showOurs, showTool;
    for (int round = 0; round < rounds; ++round) {
        // Replace all: from a to b, and (tool) from b to a. Every rule changes.
        replaceOurs.push_back(timed(ours(b)));
        replaceTool.push_back(timed(tool(fileA)));
        // One rule of count changed, on the chain as the backend last read or wrote it (an
        // apply with nothing to change reads the tool's chain first).
        timed(ours(a));
        oneOurs.push_back(timed(ours(oneChanged)));
        timed(tool(fileA));
        oneTool.push_back(timed(tool(fileOne)));
        // The same after another program wrote the chain: the backend reads it first.
        oneCold.push_back(timed(ours(a)));
        // Show: filter + nat + raw as the snapshot reads them.
        BackendTables tables;
        showOurs.push_back(timed([&] { return backend.read(Family::IPv4, &tables, &error); }));
        showTool.push_back(timed([] {
            QProcess p;
            p.start(QStringLiteral("/usr/sbin/iptables-nft-save"), {QStringLiteral("-c")});
            return p.waitForFinished(300000) && p.exitCode() == 0 &&
                   !p.readAllStandardOutput().isEmpty();
        }));
    }
    // 10 rules in the chain.
    timed(ours(small));
    for (int round = 0; round < rounds; ++round) {
        smallOurs.push_back(timed(ours(round % 2 ? small : smallB)));
        smallTool.push_back(timed(tool(round % 2 ? fileSmallB : fileSmall)));
    }
    auto line = [](const char *what, const std::vector<double> &o, const std::vector<double> &t,
                   const char *target) {
        std::printf("  %-34s %8.1f ms  tool %8.1f ms  ratio %5.2fx (target %s)\n", what, median(o),
                    median(t), median(o) / median(t), target);
    };
    std::printf("%d rules, median of %d, one network namespace; tool = iptables-nft-restore -n "
                "(show: iptables-nft-save -c)\n",
                count, rounds);
    line("replace all rules", replaceOurs, replaceTool, "<= 1.0");
    line("change one rule", oneOurs, oneTool, "<= 0.1");
    line("change one rule, another wrote last", oneCold, oneTool, "-");
    line("replace 10 rules", smallOurs, smallTool, "<= 1.0");
    line("show (filter, nat, raw)", showOurs, showTool, "<= 1.0");
    return 0;
}
