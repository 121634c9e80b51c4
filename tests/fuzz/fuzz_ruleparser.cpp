// libFuzzer target: any bytes as a rule-spec, for both families. The parser must never crash,
// and whatever it accepts must print as canonical text that parses back to the same rule.
#include "ruleparser.h"

#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace Userchain;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0; // the helper refuses rules over 4 KiB before parsing
    const QString spec = QString::fromUtf8(reinterpret_cast<const char *>(data), int(size));
    for (const Family family : {Family::IPv4, Family::IPv6}) {
        RuleError error;
        const auto rule = RuleParser::parse(spec, family, &error);
        if (!rule) {
            if (error.message.isEmpty())
                std::abort(); // every refusal says why
            continue;
        }
        const QString text = rule->toString();
        const auto again = RuleParser::parse(text, family, &error);
        if (!again || *again != *rule || again->toString() != text)
            std::abort(); // canonical text must be a fixed point
    }
    // A command's spec: a comma list of addresses makes several rules, each a fixed point;
    // a spec without one makes exactly the rule parse() makes.
    for (const Family family : {Family::IPv4, Family::IPv6}) {
        RuleError error;
        const auto rules = RuleParser::parseAll(spec, family, &error);
        const auto one = RuleParser::parse(spec, family);
        if (!rules) {
            if (error.message.isEmpty() || one)
                std::abort();
            continue;
        }
        if (rules->isEmpty() || (one && (rules->size() != 1 || rules->first() != *one)))
            std::abort();
        for (const Rule &rule : *rules) {
            const auto again = RuleParser::parse(rule.toString(), family, &error);
            if (!again || *again != rule)
                std::abort();
        }
    }
    return 0;
}
