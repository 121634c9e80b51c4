#include "rulecells.h"

#include "messagetext.h"
#include "rowlints.h"
#include "rowstyle.h"
#include "ruleformatter.h"
#include "ruleparser.h"
#include "ruletablemodel.h"

#include <QLocale>
#include <algorithm>

using Userchain::Rule;
using Userchain::RuleMatch;
using Userchain::RuleOption;

namespace {
/// "not 10.0.0.1", "! 10.0.0.1" and "10.0.0.1"; "any" or "" is no value.
void splitNegation(const QString &text, QString *value, bool *negated)
{
    QString t = text.trimmed();
    *negated = false;
    if (t.startsWith(QLatin1String("not "), Qt::CaseInsensitive)) {
        *negated = true;
        t = t.mid(4).trimmed();
    } else if (t.startsWith(QLatin1Char('!'))) {
        *negated = true;
        t = t.mid(1).trimmed();
    }
    if (t.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0) {
        t.clear();
    }
    *value = t;
}
} // namespace

QVariant RuleCells::text(const RuleRow &row, int column)
{
    const Rule *rule = row.rule();
    switch (column) {
    case RuleTableModel::PositionColumn:
        return QVariant(); // filled in by data(): depends on the row, not the rule
    case RuleTableModel::PacketsColumn:
        return row.hasCounters ? QVariant(QLocale().toString(row.packets)) : QVariant();
    case RuleTableModel::BytesColumn:
        return row.hasCounters ? QVariant(QLocale().formattedDataSize(
                                     qint64(row.bytes), 1, QLocale::DataSizeTraditionalFormat))
                               : QVariant();
    default:
        break;
    }
    if (!rule) {
        // Verbatim rules: the text is all we can show faithfully.
        return column == RuleTableModel::CommentColumn ? QVariant(row.spec) : QVariant();
    }
    switch (column) {
    case RuleTableModel::InInterfaceColumn:
        return RuleFormatter::interfaceName(rule->inInterface, rule->inInterfaceNegated);
    case RuleTableModel::OutInterfaceColumn:
        return RuleFormatter::interfaceName(rule->outInterface, rule->outInterfaceNegated);
    case RuleTableModel::SourceColumn:
        return RuleFormatter::source(*rule);
    case RuleTableModel::DestinationColumn:
        return RuleFormatter::destination(*rule);
    case RuleTableModel::ProtocolColumn:
        return RuleFormatter::protocolAndPorts(*rule);
    case RuleTableModel::StateColumn:
        return RuleFormatter::state(*rule);
    case RuleTableModel::TargetColumn:
        return RuleFormatter::target(*rule);
    case RuleTableModel::CommentColumn:
        return rule->comment();
    }
    return QVariant();
}

bool RuleCells::isEditable(const RuleRow &row, int column)
{
    const Rule *rule = row.isVerbatim() ? nullptr : row.rule();
    if (!rule) {
        return false;
    }
    const RuleMatch *range = rule->match(QStringLiteral("iprange"));
    switch (column) {
    case RuleTableModel::InInterfaceColumn:
    case RuleTableModel::OutInterfaceColumn:
    case RuleTableModel::CommentColumn:
        return true;
    case RuleTableModel::SourceColumn:
        return !(range && range->option(QStringLiteral("--src-range")));
    case RuleTableModel::DestinationColumn:
        return !(range && range->option(QStringLiteral("--dst-range")));
    case RuleTableModel::TargetColumn:
        // Targets with options (REJECT --reject-with, LOG --log-prefix) go to the dialog.
        return rule->target.options.isEmpty();
    default:
        return false;
    }
}

QString RuleCells::withCell(const RuleRow &row, int column, const QString &text, QString *error)
{
    const Rule *current = row.rule();
    if (!current || row.isVerbatim()) {
        *error = tr("This rule is kept verbatim and cannot be edited.");
        return QString();
    }
    Rule rule = *current;
    QString value;
    bool negated = false;
    splitNegation(text, &value, &negated);
    switch (column) {
    case RuleTableModel::InInterfaceColumn:
        rule.inInterface = value;
        rule.inInterfaceNegated = negated && !value.isEmpty();
        break;
    case RuleTableModel::OutInterfaceColumn:
        rule.outInterface = value;
        rule.outInterfaceNegated = negated && !value.isEmpty();
        break;
    case RuleTableModel::SourceColumn:
        rule.source = value;
        rule.sourceNegated = negated && !value.isEmpty();
        break;
    case RuleTableModel::DestinationColumn:
        rule.destination = value;
        rule.destinationNegated = negated && !value.isEmpty();
        break;
    case RuleTableModel::TargetColumn:
        rule.target.name = text.trimmed();
        break;
    case RuleTableModel::CommentColumn: {
        const QString comment = text.trimmed();
        auto it = std::find_if(rule.matches.begin(), rule.matches.end(), [](const RuleMatch &m) {
            return m.name == QLatin1String("comment");
        });
        if (comment.isEmpty()) {
            if (it != rule.matches.end()) {
                rule.matches.erase(it);
            }
        } else if (it != rule.matches.end()) {
            it->options = {RuleOption{QStringLiteral("--comment"), false, {comment}}};
        } else {
            rule.matches.append(
                RuleMatch{QStringLiteral("comment"),
                          {RuleOption{QStringLiteral("--comment"), false, {comment}}}});
        }
        break;
    }
    default:
        *error = tr("This column is edited in the rule dialog.");
        return QString();
    }
    // Round-trip through the parser: it validates and gives the canonical form.
    Userchain::RuleError parseError;
    const auto parsed = Userchain::RuleParser::parse(rule.toString(), row.family, &parseError);
    if (!parsed) {
        *error = MessageText::sentence(parseError.message);
        return QString();
    }
    return parsed->toString();
}

QString RuleCells::toolTip(const RuleRow &row, const Marks &marks)
{
    QString tip = QStringLiteral("-A DOCKER-USER ") + row.spec;
    if (row.isVerbatim()) {
        tip += QLatin1Char('\n') +
               tr("Uses extensions Userchain does not know (%1). It is kept exactly as it "
                  "is: you can move or delete it, not edit it.")
                   .arg(row.unknownExtensions.isEmpty() ? tr("unknown") : row.unknownExtensions);
    }
    if (marks.endingRow >= 0) {
        tip += QLatin1Char('\n') + tr("Never reached: rule %1 ends the chain for every "
                                      "packet before it gets here.")
                                       .arg(marks.endingRow + 1);
    }
    if (row.addedOutside) {
        tip += QLatin1Char('\n') + RowStyle::explanation(RowStyle::Kind::AddedOutside);
    }
    if (!marks.lints.isEmpty()) {
        tip += QLatin1Char('\n') + RowLints::toolTip(marks.lints);
    }
    if (marks.traced) {
        tip += QLatin1Char('\n') + RowStyle::sampleText(RowStyle::Kind::Traced) + QLatin1Char('.');
    }
    if (marks.neverHit) {
        tip += QLatin1Char('\n') + RowStyle::sampleText(RowStyle::Kind::NeverHit) +
               QStringLiteral(": ") + RowStyle::explanation(RowStyle::Kind::NeverHit);
    } else if (row.hasCounters && row.packets == 0) {
        tip += QLatin1Char('\n') + tr("No packet yet: no rule of DOCKER-USER has counted a "
                                      "packet since the counters were reset (just applied, "
                                      "or no forwarded traffic so far).");
    } else if (!row.hasCounters) {
        tip += QLatin1Char('\n') + tr("New or changed: no counters until it is applied.");
    }
    return tip;
}
