#pragma once

#include <QByteArray>
#include <QString>

namespace Userchain {

/**
 * Checks an NFT_MSG_NEWRULE message before libnftnl sees it. libnftnl trusts the kernel: an
 * attribute of the wrong type or length makes it call exit() ("kernel ABI is broken") and a
 * string without its NUL is read past its end. So the rule's attributes, the nesting
 * NFTA_RULE_EXPRESSIONS -> NFTA_LIST_ELEM -> NFTA_EXPR_NAME/NFTA_EXPR_DATA, and the data
 * attributes of every expression kind NftRuleDecoder reads are validated here with libmnl,
 * the way the kernel's own policies define them.
 */
struct NftRuleCheck
{
    enum Result {
        Readable,  ///< safe to hand to libnftnl
        Foreign,   ///< well formed, but has expressions this backend does not read: never
                   ///< handed to libnftnl (its parsers for them are not checked here)
        Malformed, ///< not a well-formed rule message
    };
    Result result = Malformed;
    QString why;  ///< for Foreign and Malformed
    QString text; ///< for Foreign: a one-line text of the expressions, built without libnftnl

    static NftRuleCheck check(const QByteArray &message);
};

} // namespace Userchain
