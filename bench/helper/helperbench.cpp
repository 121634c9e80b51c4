// userchain-helper-bench: run by scripts/bench inside scripts/sandbox. Prints figures; it is
// not a test and asserts nothing about them.
//
// For each size it alternates, run by run, `userchainctl apply FILE` (the whole path: file
// import, GetSnapshot, diff, Apply over D-Bus, polkit, parse, lock, libiptc commit, read back)
// with `iptables-legacy-restore -n FILE` of the same kind of file, each replacing a chain
// that holds different rules, and prints the medians and their ratio. Then it times reading
// the largest chain: `userchainctl show` against `iptables-legacy-save`. --family 6 does the
// same for IPv6 (`userchainctl -6`, ip6tables-legacy-restore/-save).
//
// --remote (scripts/bench --remote, in scripts/sandbox --sshd) compares instead, run by run,
// `userchainctl apply` on the server's own bus with `userchainctl --host root@SERVER apply` from
// the workstation namespace over ssh (in-message Apply, a new ssh session per command), and
// `status` the same two ways for the cost of the connection alone.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

class HelperBench final
{
public:
    HelperBench(const QList<int> &sizes, int runs, bool ipv6, bool nft, bool remote)
        : m_sizes(sizes), m_runs(runs), m_ipv6(ipv6), m_nft(nft), m_remote(remote)
    {}

    int run();

private:
    struct Timed
    {
        bool ok = false;
        double ms = 0;
    };

    QByteArray rulesFile(int count, int variant) const;
    QString tool(const char *name) const;
    QStringList ctlArgs(const QStringList &args) const;
    static Timed timed(const QString &program, const QStringList &args);
    static double median(QList<double> values);
    bool loadBase();
    int runRemote(const QString &ctl);

    QList<int> m_sizes;
    int m_runs;
    bool m_ipv6;
    bool m_nft;    ///< Docker's chains (and the comparison) in nf_tables: iptables-nft-*
    bool m_remote; ///< local apply against apply over ssh (scripts/sandbox --sshd)
    QTemporaryDir m_dir;
};

QString HelperBench::tool(const char *name) const
{
    // "iptables-legacy-restore" → "ip6tables-legacy-restore" for IPv6, "iptables-nft-restore"
    // for nft.
    QString n = QString::fromLatin1(name);
    if (m_nft)
        n.replace(QLatin1String("-legacy-"), QLatin1String("-nft-"));
    return m_ipv6 ? QStringLiteral("ip6") + n.mid(2) : n;
}

QStringList HelperBench::ctlArgs(const QStringList &args) const
{
    return m_ipv6 ? QStringList{QStringLiteral("-6")} + args : args;
}

QByteArray HelperBench::rulesFile(int count, int variant) const
{
    // Distinct rules of the kind people write into DOCKER-USER: a source address, a published
    // port matched after DNAT, a verdict. variant changes every rule, so each apply replaces
    // the whole chain.
    QByteArray out = "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray source = m_ipv6
                                      ? "2001:db8::" + QByteArray::number((i >> 16) & 0xffff, 16) +
                                            ':' + QByteArray::number(i & 0xffff, 16) + "/128"
                                      : "10." + QByteArray::number((i >> 16) & 255) + '.' +
                                            QByteArray::number((i >> 8) & 255) + '.' +
                                            QByteArray::number(i & 255) + "/32";
        out += "-A DOCKER-USER -s " + source + " -i eth0 -p tcp -m conntrack --ctorigdstport " +
               QByteArray::number(1024 + (i + variant * 7) % 60000) + " --ctdir ORIGINAL -j " +
               (i % 2 ? "DROP" : "RETURN") + '\n';
    }
    out += "-A DOCKER-USER -j RETURN\nCOMMIT\n";
    return out;
}

HelperBench::Timed HelperBench::timed(const QString &program, const QStringList &args)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(10 * 60 * 1000);
    Timed result;
    result.ms = double(timer.nsecsElapsed()) / 1e6;
    result.ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!result.ok)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     process.readAllStandardError().constData());
    return result;
}

double HelperBench::median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

bool HelperBench::loadBase()
{
    QProcess restore;
    // With --remote this process is on the workstation; the tables are the server's.
    if (m_remote)
        restore.start(
            QStringLiteral("nsenter"),
            {QStringLiteral("--net=") + qEnvironmentVariable("USERCHAIN_SANDBOX_SERVER_NETNS"),
             QStringLiteral("--"), tool("iptables-legacy-restore")});
    else
        restore.start(tool("iptables-legacy-restore"), {});
    restore.write("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                  ":DOCKER - [0:0]\n:DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n"
                  "-A DOCKER-USER -j RETURN\nCOMMIT\n");
    restore.closeWriteChannel();
    return restore.waitForFinished() && restore.exitCode() == 0;
}

int HelperBench::run()
{
    if (qEnvironmentVariableIsEmpty("USERCHAIN_SANDBOX_DIR")) {
        std::fprintf(stderr, "userchain-helper-bench: run me through scripts/bench\n");
        return 1;
    }
    if (!m_dir.isValid() || !loadBase())
        return 1;
    const QString ctl = QStringLiteral(USERCHAIN_BINARY_DIR "/cli/userchainctl");
    if (m_remote)
        return runRemote(ctl);

    // Start the helper once; activation is not what is measured.
    if (!timed(ctl, ctlArgs({QStringLiteral("status")})).ok)
        return 1;

    std::printf("%s %s DOCKER-USER replace, medians of %d runs (alternating, same namespace)\n",
                m_ipv6 ? "IPv6" : "IPv4", m_nft ? "nft" : "legacy", m_runs);
    std::printf("%8s  %16s  %28s  %8s\n", "rules", "userchainctl ms",
                qPrintable(tool("iptables-legacy-restore") + QStringLiteral(" -n ms")), "ratio");
    int largest = 0;
    for (int size : std::as_const(m_sizes)) {
        // Rules neither program has seen before in every run: the helper remembers the lines and
        // kernel entries of what it wrote last (for an editor's next apply), and a benchmark
        // that applied the same file again would measure those memories, not a replace.
        const auto write = [this, size](const QString &path, int variant) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(rulesFile(size, variant)) >= 0 &&
                   file.flush();
        };
        const QString ourFile = m_dir.filePath(QStringLiteral("ours-%1.rules").arg(size));
        const QString toolFile = m_dir.filePath(QStringLiteral("tool-%1.rules").arg(size));
        // Both tools always replace a chain holding the other's rules.
        if (!write(toolFile, 1) ||
            !timed(tool("iptables-legacy-restore"), {QStringLiteral("-n"), toolFile}).ok)
            return 1;
        QList<double> ours, theirs;
        for (int i = 0; i < m_runs; ++i) {
            if (!write(ourFile, 2 * i + 2) || !write(toolFile, 2 * i + 3))
                return 1;
            const Timed applied = timed(ctl, ctlArgs({QStringLiteral("apply"), ourFile}));
            const Timed restored =
                timed(tool("iptables-legacy-restore"), {QStringLiteral("-n"), toolFile});
            if (!applied.ok || !restored.ok)
                return 1;
            ours << applied.ms;
            theirs << restored.ms;
        }
        const double o = median(ours), t = median(theirs);
        std::printf("%8d  %16.1f  %28.1f  %7.2fx\n", size, o, t, t > 0 ? o / t : 0.0);
        std::fflush(stdout);
        largest = size;
    }

    if (largest > 0) {
        // One rule of the largest file changed, against a chain that holds that file: the
        // helper's apply after its own (as an editor's session goes), and the tool from the
        // same chain.
        const QString a = m_dir.filePath(QStringLiteral("a-%1.rules").arg(largest));
        const QString one = m_dir.filePath(QStringLiteral("one-%1.rules").arg(largest));
        QFile fileA(a);
        if (!fileA.open(QIODevice::WriteOnly) || fileA.write(rulesFile(largest, 1)) < 0)
            return 1;
        fileA.close();
        QByteArray changed = rulesFile(largest, 1);
        // The direction of the rule in the middle: valid whatever its port (a digit added to
        // the port, as before, made a port over 65535 in the middle of 50,000 rules).
        const qsizetype at = changed.indexOf("--ctdir ORIGINAL", changed.size() / 2);
        if (at >= 0)
            changed.replace(at, qsizetype(sizeof "--ctdir ORIGINAL") - 1, "--ctdir REPLY");
        QFile file(one);
        if (at < 0 || !file.open(QIODevice::WriteOnly) || file.write(changed) != changed.size())
            return 1;
        file.close();
        QList<double> ours, theirs;
        for (int i = 0; i < m_runs; ++i) {
            if (!timed(ctl, ctlArgs({QStringLiteral("apply"), a})).ok)
                return 1;
            const Timed applied = timed(ctl, ctlArgs({QStringLiteral("apply"), one}));
            if (!timed(tool("iptables-legacy-restore"), {QStringLiteral("-n"), a}).ok)
                return 1;
            const Timed restored =
                timed(tool("iptables-legacy-restore"), {QStringLiteral("-n"), one});
            if (!applied.ok || !restored.ok)
                return 1;
            ours << applied.ms;
            theirs << restored.ms;
        }
        const double o = median(ours), t = median(theirs);
        std::printf("\nChange one rule of %d, medians of %d runs\n", largest + 1, m_runs);
        std::printf("%8d  %16.1f  %28.1f  %7.2fx\n", largest + 1, o, t, t > 0 ? o / t : 0.0);
        std::fflush(stdout);
        // Back to the file's rules; a chain written by the tool (the same rules).
        if (!timed(tool("iptables-legacy-restore"), {QStringLiteral("-n"), a}).ok)
            return 1;
    }

    if (largest > 0) {
        // The chain holds the largest file's rules now: time reading it.
        QList<double> ours, theirs;
        for (int i = 0; i < m_runs; ++i) {
            const Timed shown = timed(ctl, ctlArgs({QStringLiteral("show")}));
            const Timed saved = timed(tool("iptables-legacy-save"), {});
            if (!shown.ok || !saved.ok)
                return 1;
            ours << shown.ms;
            theirs << saved.ms;
        }
        const double o = median(ours), t = median(theirs);
        std::printf("\nRead %d rules, medians of %d runs\n", largest + 1, m_runs);
        std::printf("%8s  %16s  %28s  %8s\n", "rules", "userchainctl show",
                    qPrintable(tool("iptables-legacy-save") + QStringLiteral(" ms")), "ratio");
        std::printf("%8d  %16.1f  %28.1f  %7.2fx\n", largest + 1, o, t, t > 0 ? o / t : 0.0);
    }
    return 0;
}

int HelperBench::runRemote(const QString &ctl)
{
    const QString host = qEnvironmentVariable("USERCHAIN_SANDBOX_SSH_HOST");
    if (host.isEmpty()) {
        std::fprintf(stderr, "userchain-helper-bench: --remote needs scripts/bench --remote\n");
        return 1;
    }
    const QStringList remote = {QStringLiteral("--host"), QStringLiteral("root@") + host};
    // Start the helper once; activation is not what is measured.
    if (!timed(ctl, ctlArgs({QStringLiteral("status")})).ok)
        return 1;
    std::printf("%s %s DOCKER-USER replace, local bus against ssh (veth, new session per "
                "command), medians of %d runs\n",
                m_ipv6 ? "IPv6" : "IPv4", m_nft ? "nft" : "legacy", m_runs);
    std::printf("%8s  %16s  %16s  %8s\n", "rules", "local ms", "over ssh ms", "ratio");
    QList<double> localStatus, sshStatus;
    for (int i = 0; i < m_runs; ++i) {
        const Timed l = timed(ctl, ctlArgs({QStringLiteral("status")}));
        const Timed r = timed(ctl, remote + ctlArgs({QStringLiteral("status")}));
        if (!l.ok || !r.ok)
            return 1;
        localStatus << l.ms;
        sshStatus << r.ms;
    }
    const double ls = median(localStatus), rs = median(sshStatus);
    std::printf("%8s  %16.1f  %16.1f  %7.2fx\n", "status", ls, rs, ls > 0 ? rs / ls : 0.0);
    for (int size : std::as_const(m_sizes)) {
        const QString a = m_dir.filePath(QStringLiteral("a-%1.rules").arg(size));
        const QString b = m_dir.filePath(QStringLiteral("b-%1.rules").arg(size));
        for (const auto &[path, variant] : {std::pair{a, 1}, std::pair{b, 2}}) {
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return 1;
            file.write(rulesFile(size, variant));
        }
        // Each apply replaces a chain holding the other file's rules.
        QList<double> local, overSsh;
        for (int i = 0; i < m_runs; ++i) {
            const Timed l = timed(ctl, ctlArgs({QStringLiteral("apply"), a}));
            const Timed r = timed(ctl, remote + ctlArgs({QStringLiteral("apply"), b,
                                                         QStringLiteral("--no-confirm")}));
            if (!l.ok || !r.ok)
                return 1;
            local << l.ms;
            overSsh << r.ms;
        }
        const double l = median(local), r = median(overSsh);
        std::printf("%8d  %16.1f  %16.1f  %7.2fx\n", size, l, r, l > 0 ? r / l : 0.0);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizes(QStringLiteral("sizes"),
                                   QStringLiteral("Comma-separated rule counts."),
                                   QStringLiteral("N,N,..."), QStringLiteral("1000,10000,50000"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Runs per size (median)."),
                                  QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption family(QStringLiteral("family"), QStringLiteral("4 or 6."),
                                    QStringLiteral("F"), QStringLiteral("4"));
    const QCommandLineOption backend(QStringLiteral("backend"),
                                     QStringLiteral("legacy (libiptc) or nft (iptables-nft)."),
                                     QStringLiteral("B"), QStringLiteral("legacy"));
    const QCommandLineOption remote(
        QStringLiteral("remote"),
        QStringLiteral("Local apply against apply over ssh (in scripts/sandbox --sshd)."));
    parser.addOptions({sizes, runs, family, backend, remote});
    parser.process(app);
    QList<int> counts;
    for (const QString &s : parser.value(sizes).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = s.toInt(&ok);
        if (!ok || n < 1 || n > 99999) {
            std::fprintf(stderr, "bad size %s\n", qPrintable(s));
            return 1;
        }
        counts << n;
    }
    const int n = parser.value(runs).toInt();
    return HelperBench(counts, n < 1 ? 5 : n, parser.value(family) == QLatin1String("6"),
                       parser.value(backend) == QLatin1String("nft"), parser.isSet(remote))
        .run();
}
