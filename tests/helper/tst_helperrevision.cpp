// DOCKER-USER's revision: exactly the hash of its fields, and a remembered revision is only
// given for a chain with that very content.

#include "snapshotbuilder.h"

#include "ruleparser.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace Userchain;

namespace {

BackendRule rule(const QString &spec)
{
    BackendRule r;
    r.rule = *RuleParser::parse(spec, Family::IPv4);
    r.displaySpec = r.rule.toString();
    return r;
}

/// The revision as its definition says: BLAKE2b-256 over length-prefixed fields (family,
/// "present", then each rule's UTF-8 text and raw bytes), in hex.
QString definedRevision(const BackendChain &chain)
{
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    const auto field = [&hash](const QByteArray &bytes) {
        const quint64 size = quint64(bytes.size());
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
        hash.addData(bytes);
    };
    field("4");
    field("present");
    for (const BackendRule &r : chain.rules) {
        field(SnapshotBuilder::specText(r).toUtf8());
        field(r.raw);
    }
    return QString::fromLatin1(hash.result().toHex());
}

BackendChain longChain()
{
    // Over 64 KiB of fields, text outside ASCII, and a rule kept as raw bytes.
    BackendChain chain{
        QStringLiteral("filter"), QStringLiteral("DOCKER-USER"), QStringLiteral("-"), false, {}};
    for (int i = 0; i < 1500; ++i)
        chain.rules.append(rule(QStringLiteral("-s 10.0.%1.%2/32 -m comment --comment "
                                               "\"Zugang für Büro %3\" -j DROP")
                                    .arg(i / 256)
                                    .arg(i % 256)
                                    .arg(i)));
    BackendRule raw;
    raw.raw = QByteArray(300, 'x');
    raw.displaySpec = QStringLiteral("-m ttl --ttl-eq 3 -j DROP");
    chain.rules.insert(700, raw);
    return chain;
}

} // namespace

class TestHelperRevision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void revisionIsTheHashOfTheFields();
    void rememberedOnlyForTheSameContent();
};

void TestHelperRevision::revisionIsTheHashOfTheFields()
{
    const BackendChain chain = longChain();
    QCOMPARE(SnapshotBuilder::computeRevision(Family::IPv4, &chain), definedRevision(chain));
}

void TestHelperRevision::rememberedOnlyForTheSameContent()
{
    // A revision the memo is told (not one it could compute) shows when it answers from it.
    BackendChain written = longChain();
    const QString told = QStringLiteral("told");
    SnapshotBuilder::rememberRevision(Family::IPv4, &written, told);
    QCOMPARE(SnapshotBuilder::revision(Family::IPv4, &written), told);
    BackendChain same = longChain(); // equal content, another list
    QCOMPARE(SnapshotBuilder::revision(Family::IPv4, &same), told);

    // The list it keeps is shared: changing the original makes a copy, and that copy is
    // another chain.
    written.rules[3] = rule(QStringLiteral("-s 10.9.9.9/32 -j DROP"));
    QCOMPARE(SnapshotBuilder::revision(Family::IPv4, &written), definedRevision(written));
    BackendChain raw = longChain();
    raw.rules[700].raw[0] = 'y';
    QCOMPARE(SnapshotBuilder::revision(Family::IPv4, &raw), definedRevision(raw));
    BackendChain shorter = longChain();
    shorter.rules.removeLast();
    QCOMPARE(SnapshotBuilder::revision(Family::IPv4, &shorter), definedRevision(shorter));
    QVERIFY(SnapshotBuilder::revision(Family::IPv6, &same) != told);
}

QTEST_GUILESS_MAIN(TestHelperRevision)
#include "tst_helperrevision.moc"
