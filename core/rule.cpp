#include "rule.h"

#include "extensions.h"

#include <QCryptographicHash>

namespace Userchain {

const RuleOption *RuleMatch::option(const QString &optionName) const
{
    for (const RuleOption &o : options)
        if (o.name == optionName)
            return &o;
    return nullptr;
}

const RuleOption *RuleTarget::option(const QString &optionName) const
{
    for (const RuleOption &o : options)
        if (o.name == optionName)
            return &o;
    return nullptr;
}

namespace {

// Each piece is appended on its own: `a + b` would build a temporary string first, and
// every rule of a file, a snapshot and an Apply is written here.
void appendOptions(QString &out, const QVector<RuleOption> &options)
{
    for (const RuleOption &o : options) {
        if (o.negated)
            out += QLatin1String(" !");
        out += QLatin1Char(' ');
        out += o.name;
        const Quoting quoting = Extensions::quotingOf(o.name);
        for (const QString &a : o.args) {
            out += QLatin1Char(' ');
            out += quoting == Quoting::Save     ? saveQuote(a)
                   : quoting == Quoting::Always ? stringQuote(a)
                                                : a;
        }
    }
}

void appendField(QString &out, const char *flag, const QString &value, bool negated)
{
    if (value.isEmpty())
        return;
    if (negated)
        out += QLatin1String(" !");
    out += QLatin1Char(' ');
    out += QLatin1String(flag);
    out += QLatin1Char(' ');
    out += value;
}

} // namespace

QString Rule::toString() const
{
    // The order iptables-save prints: addresses, interfaces, protocol, fragment, matches, target.
    QString out;
    out.reserve(160); // most rules fit; longer ones grow as usual
    appendField(out, "-s", source, sourceNegated);
    appendField(out, "-d", destination, destinationNegated);
    appendField(out, "-i", inInterface, inInterfaceNegated);
    appendField(out, "-o", outInterface, outInterfaceNegated);
    appendField(out, "-p", protocol, protocolNegated);
    if (fragment)
        out += fragmentNegated ? QLatin1String(" ! -f") : QLatin1String(" -f");
    for (const RuleMatch &m : matches) {
        out += QLatin1String(" -m ");
        out += m.name;
        appendOptions(out, m.options);
    }
    if (!target.name.isEmpty()) {
        out += target.isGoto ? QLatin1String(" -g ") : QLatin1String(" -j ");
        out += target.name;
        appendOptions(out, target.options);
    }
    out.remove(0, 1); // the leading space, in place
    return out;
}

QString Rule::comment() const
{
    for (const RuleMatch &m : matches)
        if (m.name == QLatin1String("comment"))
            if (const RuleOption *o = m.option(QStringLiteral("--comment")))
                return o->args.value(0);
    return QString();
}

const RuleMatch *Rule::match(const QString &name) const
{
    for (const RuleMatch &m : matches)
        if (m.name == name)
            return &m;
    return nullptr;
}

QString Rule::id() const
{
    const QByteArray text =
        QByteArray::number(static_cast<int>(family)) + ' ' + toString().toUtf8();
    return QString::fromLatin1(
        QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(16));
}

bool Rule::operator==(const Rule &o) const
{
    return family == o.family && source == o.source && sourceNegated == o.sourceNegated &&
           destination == o.destination && destinationNegated == o.destinationNegated &&
           inInterface == o.inInterface && inInterfaceNegated == o.inInterfaceNegated &&
           outInterface == o.outInterface && outInterfaceNegated == o.outInterfaceNegated &&
           protocol == o.protocol && protocolNegated == o.protocolNegated &&
           fragment == o.fragment && fragmentNegated == o.fragmentNegated && matches == o.matches &&
           target == o.target;
}

size_t qHash(const Rule &rule, size_t seed)
{
    return qHashMulti(seed, static_cast<int>(rule.family), rule.toString());
}

} // namespace Userchain
