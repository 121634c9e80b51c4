#include "rulerow.h"

#include "ruleparser.h"

RuleRow::RuleRow(quint64 id_, const QString &spec_, Userchain::Family family_)
    : id(id_), spec(spec_), family(family_)
{}

const Userchain::Rule *RuleRow::rule() const
{
    if (!m_parsed) {
        m_parsed = true;
        if (const auto parsed = Userchain::RuleParser::parse(spec, family)) {
            m_rule = std::make_shared<const Userchain::Rule>(*parsed);
        }
    }
    return m_rule.get();
}

bool RuleRow::sameRule(const RuleRow &other) const
{
    return spec == other.spec && verbatimId == other.verbatimId;
}

void RuleRow::setSpec(const QString &newSpec)
{
    spec = newSpec;
    shownText = QString();
    m_rule.reset();
    m_parsed = false;
}
