// userchainctl: the command-line client of userchain-helper. See `userchainctl --help` and
// docs/helper.md.

#include "applycommand.h"
#include "blockinghelperclient.h"
#include "checkcommand.h"
#include "evalcommands.h"
#include "exitcode.h"
#include "persistcommands.h"
#include "readcommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Userchain;

namespace {

const char *Description = R"(Edit Docker's DOCKER-USER iptables chain through userchain-helper.

Commands:
  status                      backend, revision, DOCKER-USER and FORWARD jump state,
                              whether rules are saved and the live chain differs
  show [--chain NAME] [--table T] [--counters]
                              the tables in iptables-save format
  export [-o FILE]            DOCKER-USER as a file for iptables-restore -n
  apply FILE [--expect-revision R] [--confirm SECONDS] [--dry-run]
        [--create-chain] [--create-jump]
                              replace DOCKER-USER with the rules in FILE (an
                              iptables-restore file or -A DOCKER-USER lines; - is
                              standard input), printing the diff first. --confirm:
                              keep the new rules only if Enter is pressed in time
  confirm [ID]                keep the rules of a pending confirmed apply
  rollback [ID]               restore the rules before a pending confirmed apply
  check FILE                  validate FILE without the helper and print its
                              DOCKER-USER rules in canonical form
  save                        save the live DOCKER-USER permanently (restored at
                              boot and after Docker starts by userchain-restore)
  restore [--dry-run] [--create-chain] [--create-jump]
                              replace DOCKER-USER with the saved rules
  trace --in IFACE --src ADDR [--dst ADDR] --proto tcp|udp|icmp [--dport N]
        [--state new|established] [--file FILE [--ipsets FILE]] [--json]
                              follow one packet through raw, nat and filter and
                              print the verdict and every rule on its way
  exposure [--file FILE [--ipsets FILE]] [--json]
                              for every published port, which new connections
                              (sources x incoming interfaces) reach the container
                              and the rule that decides each part; trace and
                              exposure read the live tables through the helper,
                              or FILE (an iptables-save output) without root

Remote hosts:
  --host [USER@]HOST[:PORT] runs any command against HOST's helper over ssh
  (`ssh -xT HOST systemd-stdio-bridge`; Userchain and systemd installed there). ssh asks
  for host keys and passwords as usual. There, the server's polkit decides for the ssh
  user, and no password prompt can reach you: enable the rule Userchain installs for
  members of the group "userchain" (see the message when a call is refused).
  apply to a remote host keeps the new rules only if confirmed (30 seconds, --confirm
  to change, --no-confirm to apply without): if the connection drops before Enter, the
  helper there restores the previous rules.

Exit codes:
  0  success
  1  usage error
  2  invalid input (file or rule errors, printed as FILE:LINE: message)
  3  not authorized (polkit)
  4  stale revision: DOCKER-USER changed since it was read
  5  helper or system bus unreachable
  6  busy, backend unavailable, chain missing, no such transaction, other failure
  7  a confirmed apply was not confirmed and has been rolled back
  8  the helper stopped answering an apply (it died); read again, DOCKER-USER
     holds the new rules, and no confirmation window is open
  9  the helper stopped answering an apply; DOCKER-USER holds the rules from
     before: nothing was applied
  10  the helper stopped answering an apply; DOCKER-USER holds neither, or not
      the new rules when those from before were not read (no dry run first))";

/// The confirmation window of an apply to a remote host unless --confirm says otherwise (the
/// GUI's default too).
constexpr uint RemoteConfirmSeconds = 30;

int usage(const QString &message)
{
    std::fprintf(stderr, "userchainctl: %s\n(see userchainctl --help)\n", qPrintable(message));
    return ExitUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("userchainctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(USERCHAIN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(Description));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption ipv4(QStringLiteral("4"), QStringLiteral("IPv4 (default)."));
    const QCommandLineOption ipv6(QStringLiteral("6"), QStringLiteral("IPv6."));
    const QCommandLineOption chain(
        QStringLiteral("chain"), QStringLiteral("show: only this chain."), QStringLiteral("NAME"));
    const QCommandLineOption table({QStringLiteral("t"), QStringLiteral("table")},
                                   QStringLiteral("show: only this table."),
                                   QStringLiteral("TABLE"));
    const QCommandLineOption counters(QStringLiteral("counters"),
                                      QStringLiteral("show: packet and byte counters."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("export: write to FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption expect(
        QStringLiteral("expect-revision"),
        QStringLiteral("apply: refuse unless DOCKER-USER has revision R."), QStringLiteral("R"));
    const QCommandLineOption confirm(
        QStringLiteral("confirm"),
        QStringLiteral("apply: roll back unless confirmed within SECONDS."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption host(
        QStringLiteral("host"),
        QStringLiteral("Run the command on HOST's helper over ssh (see Remote hosts)."),
        QStringLiteral("[USER@]HOST[:PORT]"));
    const QCommandLineOption noConfirm(
        QStringLiteral("no-confirm"),
        QStringLiteral("apply: with --host, keep the new rules without asking."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("apply: show the diff and validate, change nothing."));
    const QCommandLineOption createChain(QStringLiteral("create-chain"),
                                         QStringLiteral("apply: create DOCKER-USER if missing."));
    const QCommandLineOption createJump(
        QStringLiteral("create-jump"),
        QStringLiteral("apply: insert FORWARD -j DOCKER-USER at position 1 if missing."));
    const QCommandLineOption file(
        QStringLiteral("file"),
        QStringLiteral("trace: read FILE, an iptables-save output (also exposure)."),
        QStringLiteral("FILE"));
    const QCommandLineOption ipsets(
        QStringLiteral("ipsets"),
        QStringLiteral("trace: with --file, the sets of FILE, an `ipset save` output (also "
                       "exposure)."),
        QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("trace: print JSON (also exposure)."));
    const QCommandLineOption inIface(QStringLiteral("in"),
                                     QStringLiteral("trace: the interface the packet arrives on."),
                                     QStringLiteral("IFACE"));
    const QCommandLineOption src(QStringLiteral("src"),
                                 QStringLiteral("trace: the packet's source address."),
                                 QStringLiteral("ADDR"));
    const QCommandLineOption dst(
        QStringLiteral("dst"),
        QStringLiteral("trace: the destination (default: an address of this host)."),
        QStringLiteral("ADDR"));
    const QCommandLineOption proto(QStringLiteral("proto"),
                                   QStringLiteral("trace: tcp, udp or icmp."),
                                   QStringLiteral("PROTO"));
    const QCommandLineOption dport(QStringLiteral("dport"),
                                   QStringLiteral("trace: the destination port (tcp, udp)."),
                                   QStringLiteral("N"));
    const QCommandLineOption state(QStringLiteral("state"),
                                   QStringLiteral("trace: new (default) or established."),
                                   QStringLiteral("STATE"));
    parser.addOptions({ipv4,       ipv6,   host,    chain,     table,   counters,
                       output,     expect, confirm, noConfirm, dryRun,  createChain,
                       createJump, file,   ipsets,  json,      inIface, src,
                       dst,        proto,  dport,   state});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See above."));

    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("userchainctl %s\n", USERCHAIN_VERSION);
        return ExitOk;
    }

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usage(QStringLiteral("no command given"));
    const QString command = args.first();
    if (parser.isSet(ipv4) && parser.isSet(ipv6))
        return usage(QStringLiteral("-4 and -6 exclude each other"));
    const Family family = parser.isSet(ipv6) ? Family::IPv6 : Family::IPv4;
    if (parser.isSet(host)) {
        QString why;
        const std::optional<BusTarget> target = BusTarget::parse(parser.value(host), &why);
        if (!target)
            return usage(QStringLiteral("--host: %1").arg(why));
        BlockingHelperClient::setDefaultTarget(*target);
    }

    // Options belong to commands; one given to the wrong command is a mistake worth saying.
    const QMap<QString, QList<const QCommandLineOption *>> allowed{
        {QStringLiteral("status"), {}},
        {QStringLiteral("show"), {&chain, &table, &counters}},
        {QStringLiteral("export"), {&output}},
        {QStringLiteral("apply"),
         {&expect, &confirm, &noConfirm, &dryRun, &createChain, &createJump}},
        {QStringLiteral("confirm"), {}},
        {QStringLiteral("rollback"), {}},
        {QStringLiteral("check"), {}},
        {QStringLiteral("save"), {}},
        {QStringLiteral("restore"), {&dryRun, &createChain, &createJump}},
        {QStringLiteral("trace"),
         {&file, &ipsets, &json, &inIface, &src, &dst, &proto, &dport, &state}},
        {QStringLiteral("exposure"), {&file, &ipsets, &json}},
    };
    if (!allowed.contains(command))
        return usage(QStringLiteral("unknown command \"%1\"").arg(command));
    for (const QCommandLineOption *option :
         {&chain, &table, &counters, &output, &expect, &confirm, &noConfirm, &dryRun, &createChain,
          &createJump, &file, &ipsets, &json, &inIface, &src, &dst, &proto, &dport, &state}) {
        if (parser.isSet(*option) && !allowed.value(command).contains(option))
            return usage(
                QStringLiteral("--%1 does not apply to %2").arg(option->names().last(), command));
    }
    // The live host's sets come with its snapshot; a file of sets goes with a file of rules.
    if (parser.isSet(ipsets) && !parser.isSet(file))
        return usage(QStringLiteral("--ipsets needs --file"));
    auto needArgs = [&](int min, int max) {
        return args.size() - 1 >= min && args.size() - 1 <= max;
    };

    if (command == QLatin1String("status")) {
        if (!needArgs(0, 0))
            return usage(QStringLiteral("status takes no arguments"));
        return ReadCommands::status(family);
    }
    if (command == QLatin1String("show")) {
        if (!needArgs(0, 0))
            return usage(QStringLiteral("show takes no arguments"));
        return ReadCommands::show(family, parser.value(chain), parser.value(table),
                                  parser.isSet(counters));
    }
    if (command == QLatin1String("export")) {
        if (!needArgs(0, 0))
            return usage(QStringLiteral("export takes no arguments"));
        return ReadCommands::exportRules(family, parser.value(output));
    }
    if (command == QLatin1String("trace")) {
        if (!needArgs(0, 0))
            return usage(QStringLiteral("trace takes no arguments, only options"));
        EvalCommands::TraceOptions o;
        o.family = family;
        o.file = parser.value(file);
        o.ipsets = parser.value(ipsets);
        o.json = parser.isSet(json);
        o.in = parser.value(inIface);
        o.src = parser.value(src);
        o.dst = parser.value(dst);
        o.proto = parser.value(proto);
        o.dport = parser.value(dport);
        o.state = parser.value(state);
        return EvalCommands::trace(o);
    }
    if (command == QLatin1String("exposure")) {
        if (!needArgs(0, 0))
            return usage(QStringLiteral("exposure takes no arguments"));
        return EvalCommands::exposure(family, parser.value(file), parser.value(ipsets),
                                      parser.isSet(json));
    }
    if (command == QLatin1String("check")) {
        if (!needArgs(1, 1))
            return usage(QStringLiteral("check needs one FILE"));
        return CheckCommand::run(args.at(1), family);
    }
    if (command == QLatin1String("save") || command == QLatin1String("restore")) {
        if (!needArgs(0, 0))
            return usage(QStringLiteral("%1 takes no arguments").arg(command));
        if (command == QLatin1String("save"))
            return PersistCommands::save(family);
        uint flags = 0;
        if (parser.isSet(createChain))
            flags |= ApplyCreateChain;
        if (parser.isSet(createJump))
            flags |= ApplyCreateJump;
        if (parser.isSet(dryRun))
            flags |= ApplyDryRun;
        return PersistCommands::restore(family, flags);
    }
    if (command == QLatin1String("apply")) {
        if (!needArgs(1, 1))
            return usage(QStringLiteral("apply needs one FILE"));
        ApplyCommand::Options options;
        options.fileName = args.at(1);
        options.family = family;
        options.expectRevision = parser.value(expect);
        if (parser.isSet(confirm)) {
            bool ok = false;
            options.confirmSeconds = parser.value(confirm).toUInt(&ok);
            if (!ok || options.confirmSeconds == 0 || options.confirmSeconds > 3600)
                return usage(QStringLiteral("--confirm needs 1 to 3600 seconds"));
        }
        if (parser.isSet(noConfirm) && (parser.isSet(confirm) || !parser.isSet(host)))
            return usage(QStringLiteral("--no-confirm goes with --host and without --confirm"));
        // Over the network a mistake can cut the connection that would undo it: the helper
        // there restores the old rules unless this client confirms.
        if (parser.isSet(host) && !parser.isSet(confirm) && !parser.isSet(noConfirm))
            options.confirmSeconds = RemoteConfirmSeconds;
        options.dryRun = parser.isSet(dryRun);
        options.createChain = parser.isSet(createChain);
        options.createJump = parser.isSet(createJump);
        return ApplyCommand::run(options);
    }
    // confirm / rollback
    if (!needArgs(0, 1))
        return usage(QStringLiteral("%1 takes at most one transaction ID").arg(command));
    // Empty: only a transaction this very client started, which a new process never has; the
    // helper then answers NoSuchTransaction.
    const QString id = args.value(1);
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    const bool ok = command == QLatin1String("confirm") ? client.confirm(id, &failure)
                                                        : client.rollback(id, &failure);
    if (!ok) {
        std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(command),
                     qPrintable(BlockingHelperClient::describe(failure)));
        return failure.code;
    }
    return ExitOk;
}
