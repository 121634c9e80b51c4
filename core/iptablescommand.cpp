#include "iptablescommand.h"

namespace Userchain {

IptablesCommand::Kind IptablesCommand::of(const QString &arg, QString *spelling)
{
    static const struct
    {
        QString shortName;
        QString longName;
        Kind command;
    } names[] = {{QStringLiteral("-A"), QStringLiteral("--append"), Append},
                 {QStringLiteral("-I"), QStringLiteral("--insert"), Insert},
                 {QStringLiteral("-F"), QStringLiteral("--flush"), Flush},
                 {QStringLiteral("-N"), QStringLiteral("--new-chain"), NewChain},
                 {QStringLiteral("-X"), QStringLiteral("--delete-chain"), DeleteChain},
                 {QStringLiteral("-P"), QStringLiteral("--policy"), Policy},
                 {QStringLiteral("-Z"), QStringLiteral("--zero"), Zero},
                 {QStringLiteral("-D"), QStringLiteral("--delete"), Delete},
                 {QStringLiteral("-R"), QStringLiteral("--replace"), Replace}};
    for (const auto &name : names) {
        for (const QString *n : {&name.shortName, &name.longName}) {
            if (arg == *n) {
                if (spelling)
                    *spelling = *n;
                return name.command;
            }
        }
    }
    return Unknown;
}

const QStringList &IptablesCommand::tools()
{
    static const QStringList names = {
        QStringLiteral("iptables"),         QStringLiteral("ip6tables"),
        QStringLiteral("iptables-legacy"),  QStringLiteral("iptables-nft"),
        QStringLiteral("ip6tables-legacy"), QStringLiteral("ip6tables-nft")};
    return names;
}

std::optional<Family> IptablesCommand::toolFamily(const QString &tool)
{
    if (!tools().contains(tool))
        return std::nullopt;
    return tool.startsWith(QLatin1String("ip6")) ? Family::IPv6 : Family::IPv4;
}

} // namespace Userchain
