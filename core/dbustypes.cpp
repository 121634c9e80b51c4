#include "dbustypes.h"

#include <QDBusMetaType>

namespace Userchain {

void registerDBusTypes()
{
    qDBusRegisterMetaType<RuleEntry>();
    qDBusRegisterMetaType<QList<RuleEntry>>();
    qDBusRegisterMetaType<ChainInfo>();
    qDBusRegisterMetaType<QList<ChainInfo>>();
    qDBusRegisterMetaType<Snapshot>();
    qDBusRegisterMetaType<ApplyRule>();
    qDBusRegisterMetaType<ApplyRuleList>();
    // The generated adaptor names the typedef from the XML's QtTypeName annotation; QtDBus
    // resolves method signatures by that name, so it must be registered as well.
    qRegisterMetaType<ApplyRuleList>("Userchain::ApplyRuleList");
}

QDBusArgument &operator<<(QDBusArgument &arg, const RuleEntry &v)
{
    arg.beginStructure();
    arg << v.spec << v.packets << v.bytes << v.verbatimId << v.unknownExtensions;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, RuleEntry &v)
{
    arg.beginStructure();
    arg >> v.spec >> v.packets >> v.bytes >> v.verbatimId >> v.unknownExtensions;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const ChainInfo &v)
{
    arg.beginStructure();
    arg << v.table << v.name << v.policy << v.builtin << v.editable << v.rules;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, ChainInfo &v)
{
    arg.beginStructure();
    arg >> v.table >> v.name >> v.policy >> v.builtin >> v.editable >> v.rules;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const Snapshot &v)
{
    arg.beginStructure();
    arg << v.backend << v.family << v.revision << v.chains << v.dockerUserExists
        << v.forwardJumpPosition << v.iptablesDisabled << v.backendDetail << v.warnings;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, Snapshot &v)
{
    arg.beginStructure();
    arg >> v.backend >> v.family >> v.revision >> v.chains >> v.dockerUserExists >>
        v.forwardJumpPosition >> v.iptablesDisabled >> v.backendDetail >> v.warnings;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const ApplyRule &v)
{
    arg.beginStructure();
    arg << v.spec << v.verbatimId;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, ApplyRule &v)
{
    arg.beginStructure();
    arg >> v.spec >> v.verbatimId;
    arg.endStructure();
    return arg;
}

} // namespace Userchain
