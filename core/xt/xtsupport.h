#pragma once

// What the extension specs in core/xt/ share: option canonicalizers, the kernel data helpers
// of their codecs, and the text iptables-save prints. Internal to core/xt/ and the kernel
// entry codec of the helper.

#include "extensions.h"
#include "netfilternames.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <cstring>
#include <initializer_list>
#include <optional>

namespace Userchain {
namespace Xt {

using Canon =
    std::function<bool(const QStringList &, const ParseContext &, RuleOption *, QString *)>;

/// An option with one argument whose canonical form comes from fn (nullopt: error set).
Canon single(
    std::function<std::optional<QString>(const QString &, const ParseContext &, QString *)> fn);
/// An option without arguments.
Canon noArgs();
/// A comma-separated set of names from table, printed in the table's order, case-insensitive.
Canon nameSet(const NameTable &table, const QString &what);
/// An unsigned number up to max, written in decimal or (with 0x) hexadecimal, printed in
/// decimal.
Canon number(quint64 min, quint64 max, const QString &what);

/// A prefix length for the rule's family: a number (0 to 32 or 128) or a contiguous mask
/// written as an address, printed as the number (xtables' XTTYPE_PLEN).
Canon prefixLength();
/// xtopt_parse_plenmask: the 16 bytes of a union nf_inet_addr masking bits bits, shifted
/// the same way for both families.
void prefixMask(int bits, void *mask16);

/// Whether text holds a control character other than tab (ESC, CR, C1).
bool hasControlCharacter(const QString &text);
/// The rule's protocol is one of names (and not negated).
bool protoIs(const ParseContext &ctx, std::initializer_list<const char *> names);
bool hasOption(const QVector<RuleOption> &opts, const QString &name);
const RuleOption *findOption(const QVector<RuleOption> &opts, const QString &name);
/// Drops the options named name whose first argument is value (a default iptables-save omits).
void dropDefault(QVector<RuleOption> &opts, const QString &name, const QString &value);

/// A plain unsigned decimal number up to max (iptables-save's form of numbers).
std::optional<quint64> parseNumber(QStringView text, quint64 max);
/// strtoul with base 0 as xtables_strtoui reads it: decimal, 0x hexadecimal or 0 octal.
std::optional<quint64> parseAnyBase(QStringView text, quint64 max);
/// "80", "1000:2000", ":80", "1000:" into a range, as iptables reads port ranges in kernel text.
bool parsePortRange(const QString &text, quint16 *lo, quint16 *hi);

int addressFamily(Family f);
size_t addressLength(Family f);
QString ipToText(const void *addr, Family f);
bool textToIp(QStringView text, Family f, void *out);
/// Prefix length of a contiguous mask, or -1.
int maskToCidr(const quint8 *mask, Family f);
void cidrToMask(int bits, quint8 *mask, size_t n);
/// xtables_ipmask_to_numeric: "" for a full mask, else "/N" or "/dotted".
QString maskSuffix(const quint8 *mask, Family f);
/// "addr", "addr/len" or "addr/mask" into addr and mask (a bare address gets a full mask);
/// the address is masked when applyMask.
bool parseNetwork(const QString &text, Family f, quint8 *addr, quint8 *mask, bool applyMask);
/// A zero-terminated string field (at most size - 1 bytes used) as UTF-8 text.
QString fieldText(const char *field, size_t size);
/// Copies text into a zero-terminated field of size bytes; false if it does not fit.
bool fillField(const QString &text, char *field, size_t size);

/// The data of a kernel extension as T, only if its size is exactly XT_ALIGN(sizeof T).
template <typename T> bool dataAs(const KernelExtension &ext, T *out)
{
    if (size_t(ext.data.size()) != ((sizeof(T) + 7) & ~size_t(7)))
        return false;
    std::memset(out, 0, sizeof(T));
    std::memcpy(out, ext.data.constData(), sizeof(T));
    return true;
}

/// A kernel extension holding value, padded to 8 bytes.
template <typename T> KernelExtension blobOf(const char *name, int revision, const T &value)
{
    QByteArray data(int((sizeof(T) + 7) & ~size_t(7)), '\0');
    std::memcpy(data.data(), &value, sizeof(T));
    return {QByteArray(name), quint8(revision), data};
}

/// Options printed by iptables-save, collected with their separating spaces.
class SaveText
{
public:
    void add(const QString &piece);
    void option(bool negated, const QString &text);
    QString text() const { return m_text; }

private:
    QString m_text;
};

/// Encoder failures, worded once.
bool badOption(const QString &ext, const RuleOption &o, QString *error);
bool badValue(const QString &ext, const RuleOption &o, QString *error);
bool fail(const QString &message, QString *error);

} // namespace Xt
} // namespace Userchain
