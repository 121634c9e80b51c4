#include "addresses.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>

namespace Userchain::Addresses {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Addresses", text);
}

int maxPrefix(Family family)
{
    return family == Family::IPv4 ? 32 : 128;
}

int addressLength(Family family)
{
    return family == Family::IPv4 ? 4 : 16;
}

int afOf(Family family)
{
    return family == Family::IPv4 ? AF_INET : AF_INET6;
}

bool toBytes(QStringView text, Family family, unsigned char *out)
{
    // inet_pton is strict: "1.2.3", "01.2.3.4" and hostnames are all refused.
    if (text.isEmpty() || text.size() > 64)
        return false;
    // What toLatin1() gives, without allocating: a character beyond Latin-1 becomes '?' (which
    // inet_pton refuses), and inet_pton stops at a NUL as it did with the converted copy.
    char latin[65];
    const QChar *p = text.constData();
    for (qsizetype i = 0; i < text.size(); ++i)
        latin[i] = p[i].unicode() > 0xff ? '?' : char(p[i].unicode());
    latin[text.size()] = '\0';
    return inet_pton(afOf(family), latin, out) == 1;
}

/// Appends the decimal digits of 0 <= v <= 999 to buf at n.
size_t putNumber(char *buf, size_t n, unsigned v)
{
    if (v >= 100)
        buf[n++] = char('0' + v / 100);
    if (v >= 10)
        buf[n++] = char('0' + v / 10 % 10);
    buf[n++] = char('0' + v % 10);
    return n;
}

/// The address as inet_ntop prints it into buf (INET6_ADDRSTRLEN bytes); returns its length.
size_t formatAddress(const unsigned char *bytes, Family family, char *buf)
{
    if (family == Family::IPv4) {
        // inet_ntop's "%u.%u.%u.%u" without its sprintf: addresses are printed for every rule.
        size_t n = 0;
        for (int i = 0; i < 4; ++i) {
            if (i > 0)
                buf[n++] = '.';
            n = putNumber(buf, n, bytes[i]);
        }
        buf[n] = '\0';
        return n;
    }
    buf[0] = '\0';
    inet_ntop(afOf(family), bytes, buf, INET6_ADDRSTRLEN);
    return std::strlen(buf);
}

QString fromBytes(const unsigned char *bytes, Family family)
{
    char buf[INET6_ADDRSTRLEN];
    const size_t n = formatAddress(bytes, family, buf);
    return QString::fromLatin1(buf, qsizetype(n));
}

/// Whether text is 1 to maxDigits ASCII digits and nothing else (a regular expression's
/// "^[0-9]{1,N}$" also takes a final newline; such text takes the regular expression's path).
bool isPlainNumber(QStringView text, int maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return false;
    for (const QChar c : text)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

/// The value of a plain number (isPlainNumber), as QString::toInt would give it.
int plainNumber(QStringView text)
{
    int v = 0;
    for (const QChar c : text)
        v = v * 10 + (c.unicode() - '0');
    return v;
}

QString notAnAddress(QStringView text, Family family)
{
    return family == Family::IPv4 ? tr("\"%1\" is not an IPv4 address").arg(text)
                                  : tr("\"%1\" is not an IPv6 address").arg(text);
}

/// Contiguous prefix length of a mask, or -1 when the mask has holes.
int prefixOfMask(const unsigned char *mask, int len)
{
    int prefix = 0;
    bool ended = false;
    for (int i = 0; i < len; ++i) {
        for (int bit = 7; bit >= 0; --bit) {
            const bool set = mask[i] & (1 << bit);
            if (set && ended)
                return -1;
            if (set)
                ++prefix;
            else
                ended = true;
        }
    }
    return prefix;
}

struct Network
{
    unsigned char addr[16] = {};
    unsigned char mask[16] = {};
    int prefix = 0; ///< -1: non-contiguous
};

std::optional<Network> parseNet(const QString &text, Family family, QString *error,
                                bool applyMask = true)
{
    Network net;
    const int len = addressLength(family);
    // Views, not copies: every -s and -d of every rule comes here.
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    QStringView addrText = slash < 0 ? QStringView(text) : QStringView(text).left(slash);
    // "0/0" is the old spelling of "anywhere" that iptables still accepts.
    if (family == Family::IPv4 && addrText == QLatin1String("0"))
        addrText = u"0.0.0.0";
    if (!toBytes(addrText, family, net.addr)) {
        if (error)
            *error = notAnAddress(addrText, family);
        return std::nullopt;
    }
    if (slash < 0) {
        net.prefix = maxPrefix(family);
    } else {
        const QStringView maskText = QStringView(text).mid(slash + 1);
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
        if (isPlainNumber(maskText, 3) || digits.match(maskText).hasMatch()) {
            net.prefix = maskText.toInt();
            if (net.prefix > maxPrefix(family)) {
                if (error)
                    *error = tr("\"%1\" is not a valid prefix length (0 to %2)")
                                 .arg(maskText)
                                 .arg(maxPrefix(family));
                return std::nullopt;
            }
        } else if (toBytes(maskText, family, net.mask)) {
            net.prefix = prefixOfMask(net.mask, len);
        } else {
            if (error)
                *error = tr("\"%1\" is not a valid network mask").arg(maskText);
            return std::nullopt;
        }
    }
    if (net.prefix >= 0) {
        std::memset(net.mask, 0, sizeof net.mask);
        for (int i = 0; i < net.prefix; ++i)
            net.mask[i / 8] |= static_cast<unsigned char>(0x80 >> (i % 8));
    }
    // The kernel stores addr & mask for -s/-d; iptables-save prints that, so we do too.
    if (applyMask)
        for (int i = 0; i < len; ++i)
            net.addr[i] &= net.mask[i];
    return net;
}

} // namespace

std::optional<QString> parseAddress(const QString &text, Family family, QString *error)
{
    unsigned char bytes[16] = {};
    if (!toBytes(text, family, bytes)) {
        if (error)
            *error = notAnAddress(text, family);
        return std::nullopt;
    }
    return fromBytes(bytes, family);
}

std::optional<QString> parseNetwork(const QString &text, Family family, QString *error,
                                    bool *wholeSpace)
{
    const auto net = parseNet(text, family, error);
    if (!net)
        return std::nullopt;
    if (wholeSpace)
        *wholeSpace = net->prefix == 0;
    if (net->prefix < 0)
        return fromBytes(net->addr, family) + QLatin1Char('/') + fromBytes(net->mask, family);
    // "address/prefix" written into one buffer and made a string once: every -s and -d of
    // every rule comes here.
    char buf[INET6_ADDRSTRLEN + 4];
    size_t n = formatAddress(net->addr, family, buf);
    buf[n++] = '/';
    n = putNumber(buf, n, unsigned(net->prefix));
    return QString::fromLatin1(buf, qsizetype(n));
}

std::optional<QString> parseNetworkShort(const QString &text, Family family, QString *error)
{
    // conntrack keeps the address as given (host bits too) and compares under the mask.
    const auto net = parseNet(text, family, error, false);
    if (!net)
        return std::nullopt;
    const QString addr = fromBytes(net->addr, family);
    if (net->prefix == maxPrefix(family))
        return addr;
    if (net->prefix < 0)
        return addr + QLatin1Char('/') + fromBytes(net->mask, family);
    return addr + QLatin1Char('/') + QString::number(net->prefix);
}

std::optional<QString> parseRange(const QString &text, Family family, QString *error)
{
    const int dash = text.indexOf(QLatin1Char('-'));
    const QString first = dash < 0 ? text : text.left(dash);
    const QString last = dash < 0 ? text : text.mid(dash + 1);
    unsigned char a[16] = {}, b[16] = {};
    if (!toBytes(first, family, a)) {
        if (error)
            *error = notAnAddress(first, family);
        return std::nullopt;
    }
    if (!toBytes(last, family, b)) {
        if (error)
            *error = notAnAddress(last, family);
        return std::nullopt;
    }
    if (std::memcmp(a, b, addressLength(family)) > 0) {
        if (error)
            *error = tr("range \"%1\" ends before it starts").arg(text);
        return std::nullopt;
    }
    return fromBytes(a, family) + QLatin1Char('-') + fromBytes(b, family);
}

std::optional<int> parsePort(const QString &text, const QString &proto, QString *error)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    const bool plain = isPlainNumber(text, 5);
    if (plain || digits.match(text).hasMatch()) {
        // iptables reads "010" as octal 8 and refuses "080"; a leading zero is never meant.
        if (text.size() > 1 && text.startsWith(QLatin1Char('0'))) {
            if (error)
                *error = tr("port \"%1\" has a leading zero").arg(text);
            return std::nullopt;
        }
        const int port = plain ? plainNumber(text) : text.toInt();
        if (port <= 65535)
            return port;
        if (error)
            *error = tr("port \"%1\" is out of range (0 to 65535)").arg(text);
        return std::nullopt;
    }
    static const QRegularExpression name(QStringLiteral("^[A-Za-z][A-Za-z0-9._+-]{0,31}$"));
    if (name.match(text).hasMatch()) {
        // Service names come from /etc/services, exactly as iptables resolves them.
        const QByteArray n = text.toLatin1();
        const QByteArray p = (proto.isEmpty() ? QStringLiteral("tcp") : proto).toLatin1();
        servent entry{};
        servent *result = nullptr;
        char buf[1024];
        if (getservbyname_r(n.constData(), p.constData(), &entry, buf, sizeof buf, &result) == 0 &&
            result)
            return ntohs(static_cast<uint16_t>(result->s_port));
        if (error)
            *error = tr("unknown service name \"%1\" for %2").arg(text, QString::fromLatin1(p));
        return std::nullopt;
    }
    if (error)
        *error = tr("\"%1\" is not a port number or service name").arg(text);
    return std::nullopt;
}

std::optional<QString> parsePortRange(const QString &text, const QString &proto, QString *error)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        const auto port = parsePort(text, proto, error);
        if (!port)
            return std::nullopt;
        return QString::number(*port);
    }
    const QString lowText = text.left(colon);
    const QString highText = text.mid(colon + 1);
    const auto low = lowText.isEmpty() ? std::optional<int>(0) : parsePort(lowText, proto, error);
    if (!low)
        return std::nullopt;
    const auto high =
        highText.isEmpty() ? std::optional<int>(65535) : parsePort(highText, proto, error);
    if (!high)
        return std::nullopt;
    if (*low > *high) {
        if (error)
            *error = tr("port range \"%1\" ends before it starts").arg(text);
        return std::nullopt;
    }
    if (*low == *high)
        return QString::number(*low);
    return QString::number(*low) + QLatin1Char(':') + QString::number(*high);
}

namespace {

std::optional<int> lookUpProtocolNumber(const QString &text)
{
    const QString name = text.toLower();
    if (name == QLatin1String("all"))
        return 0;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
    if (digits.match(name).hasMatch()) {
        const int n = name.toInt();
        return n <= 255 ? std::optional<int>(n) : std::nullopt;
    }
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z0-9._+-]{0,31}$"));
    if (!word.match(name).hasMatch())
        return std::nullopt;
    const QByteArray n = name.toLatin1();
    protoent entry{};
    protoent *result = nullptr;
    char buf[1024];
    if (getprotobyname_r(n.constData(), &entry, buf, sizeof buf, &result) == 0 && result)
        return result->p_proto;
    // iptables' own table, for hosts without /etc/protocols.
    static const struct
    {
        const char *name;
        int number;
    } builtin[] = {{"tcp", 6},  {"sctp", 132},    {"udp", 17},       {"udplite", 136},
                   {"icmp", 1}, {"icmpv6", 58},   {"ipv6-icmp", 58}, {"esp", 50},
                   {"ah", 51},  {"ipv6-mh", 135}, {"mh", 135},       {"dccp", 33},
                   {"gre", 47}};
    for (const auto &b : builtin)
        if (name == QLatin1String(b.name))
            return b.number;
    return std::nullopt;
}

QString lookUpProtocolName(int number)
{
    protoent entry{};
    protoent *result = nullptr;
    char buf[1024];
    if (getprotobynumber_r(number, &entry, buf, sizeof buf, &result) == 0 && result)
        return QString::fromLatin1(result->p_name);
    static const struct
    {
        int number;
        const char *name;
    } builtin[] = {{6, "tcp"},    {17, "udp"},      {1, "icmp"}, {58, "ipv6-icmp"},
                   {132, "sctp"}, {136, "udplite"}, {50, "esp"}, {51, "ah"},
                   {135, "mh"},   {33, "dccp"},     {47, "gre"}};
    for (const auto &b : builtin)
        if (b.number == number)
            return QString::fromLatin1(b.name);
    return QString::number(number);
}

} // namespace

// /etc/protocols is read on every lookup by glibc; the helper parses tens of thousands of
// rules per apply, so answers are cached (the file does not change under a running process
// in any way that matters for a rule being parsed).
// Each thread also keeps the answers it has seen, so that threads parsing one long list
// together (the helper's ApplyValidator) do not queue on the mutex for every rule.
std::optional<int> protocolNumber(const QString &text)
{
    static thread_local QHash<QString, std::optional<int>> seen;
    const auto known = seen.constFind(text);
    if (known != seen.constEnd())
        return *known;
    std::optional<int> n;
    {
        static QMutex mutex;
        static QHash<QString, std::optional<int>> cache;
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(text);
        if (it != cache.constEnd()) {
            n = *it;
        } else {
            if (cache.size() > 4096)
                cache.clear(); // bounded: arbitrary input must not grow it without limit
            n = lookUpProtocolNumber(text);
            cache.insert(text, n);
        }
    }
    if (seen.size() > 4096)
        seen.clear();
    seen.insert(text, n);
    return n;
}

QString protocolName(int number)
{
    static thread_local QHash<int, QString> seen;
    const auto known = seen.constFind(number);
    if (known != seen.constEnd())
        return *known;
    QString name;
    {
        static QMutex mutex;
        static QHash<int, QString> cache;
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(number);
        if (it != cache.constEnd()) {
            name = *it;
        } else {
            name = lookUpProtocolName(number);
            cache.insert(number, name);
        }
    }
    seen.insert(number, name); // at most 256 numbers
    return name;
}

bool isValidInterface(const QString &name, QString *error)
{
    if (name.isEmpty()) {
        if (error)
            *error = tr("an interface name is required");
        return false;
    }
    if (name.size() > 15) {
        if (error)
            *error = tr("interface name \"%1\" is longer than 15 characters").arg(name);
        return false;
    }
    for (const QChar c : name) {
        // The kernel compares raw bytes; these characters cannot appear in a Linux ifname.
        // A double quote can (the kernel allows it) but is refused: iptables-restore reads it
        // as the start of a quoted argument, so `-o "\"" -j DROP` would come back from
        // iptables-nft-restore as a rule on an interface named ` -j DROP` with no target.
        if (c.unicode() < 0x21 || c.unicode() > 0x7e || c == QLatin1Char('/') ||
            c == QLatin1Char('"')) {
            if (error)
                *error = tr("interface name \"%1\" contains \"%2\"").arg(name, QString(c));
            return false;
        }
    }
    return true;
}

} // namespace Userchain::Addresses
