#include "tracepath.h"

#include <algorithm>
#include <array>

using Userchain::CtDirection;
using Userchain::CtState;
using Userchain::Packet;
using Userchain::Ruleset;
using Userchain::Trace;
using Userchain::TraceStep;
using Userchain::VerdictKind;

namespace {

const QString Raw = QStringLiteral("raw");
const QString Nat = QStringLiteral("nat");
const QString Filter = QStringLiteral("filter");

/// The order in which the kernel's tables see a packet arriving at the host.
int stageOf(const QString &table)
{
    return table == Raw ? 0 : table == Nat ? 1 : 2;
}

/// What a matched rule did, in words; `returnTo` is where a RETURN goes (empty: the policy).
QString actionText(const TraceStep &s, const QString &returnTo)
{
    const QString &a = s.action;
    if (s.rule == 0) {
        return TracePath::tr("no rule decided: the chain's policy, %1").arg(a);
    }
    if (a.startsWith(QLatin1String("jump "))) {
        return TracePath::tr("jump to %1").arg(a.mid(5));
    }
    if (a.startsWith(QLatin1String("goto "))) {
        return TracePath::tr("go to %1 (without coming back)").arg(a.mid(5));
    }
    if (a.startsWith(QLatin1String("DNAT "))) {
        return TracePath::tr("DNAT: the destination becomes %1").arg(a.mid(5));
    }
    if (a == QLatin1String("RETURN")) {
        return returnTo.isEmpty() ? TracePath::tr("RETURN: the chain's policy decides")
                                  : TracePath::tr("RETURN: back to %1").arg(returnTo);
    }
    if (a == QLatin1String("ACCEPT") && s.table != Filter) {
        // ACCEPT in raw or nat ends that table only; the filter table still decides.
        return TracePath::tr("ACCEPT: done with the %1 table, on to the next").arg(s.table);
    }
    if (a == QLatin1String("LOG")) {
        return TracePath::tr("LOG: logged, on to the next rule");
    }
    if (a.isEmpty()) {
        return TracePath::tr("counted, on to the next rule");
    }
    return a; // ACCEPT, DROP, REJECT, MASQUERADE
}

/// "rule 2 of DOCKER-USER", "rule 1 of raw PREROUTING", "the policy of FORWARD".
QString ruleName(const QString &table, const QString &chain, int rule)
{
    const QString where = table == Filter ? chain : QStringLiteral("%1 %2").arg(table, chain);
    return rule > 0 ? TracePath::tr("rule %1 of %2").arg(rule).arg(where)
                    : TracePath::tr("the policy of %1 (no rule matched)").arg(where);
}

QString sentence(const QString &note)
{
    QString s = note.trimmed();
    if (s.isEmpty()) {
        return s;
    }
    s[0] = s.at(0).toUpper();
    if (!s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char(')'))) {
        s += QLatin1Char('.');
    }
    return s;
}

} // namespace

TracePath TracePath::build(const Trace &t, const Ruleset &rs, const Packet &p)
{
    TracePath path;
    QVector<Box> &boxes = path.m_boxes;
    // The chains entered from the table's built-in chain, as the kernel's return stack holds
    // them; a box's depth is its place there.
    QStringList stack;
    QString stackTable;
    QString pendingJump; // entered by the last jump, no box yet
    QString pendingTable;
    bool replaceTop = false; // a goto: the chain it enters takes the place of the current one

    auto isBuiltin = [&rs](const QString &table, const QString &chain) {
        const Userchain::RulesetChain *c = rs.chain(table, chain);
        return c && c->policy != QLatin1String("-");
    };
    auto enter = [&](const QString &table, const QString &chain) {
        if (table != stackTable) {
            stack.clear();
            stackTable = table;
        }
        const int i = int(stack.indexOf(chain));
        if (i >= 0) {
            stack.erase(stack.begin() + i + 1, stack.end());
        } else if (replaceTop && !stack.isEmpty()) {
            stack.last() = chain;
        } else {
            stack.append(chain);
        }
        replaceTop = false;
        return int(stack.size()) - 1;
    };
    auto boxFor = [&](const QString &table, const QString &chain, int depth) -> Box & {
        if (boxes.isEmpty() || boxes.last().table != table || boxes.last().chain != chain) {
            boxes.append(Box{table, chain, depth, isBuiltin(table, chain), {}, {}});
        }
        return boxes.last();
    };
    // A chain entered by a jump in which no rule matched still had the packet: it gets a box.
    auto closePending = [&] {
        if (pendingJump.isEmpty()) {
            return;
        }
        const int depth = replaceTop ? int(stack.size()) - 1 : int(stack.size());
        const QString back = stack.value(depth - 1); // a goto returns to its caller's caller
        Box box{pendingTable, pendingJump, qMax(0, depth), false, {}, {}};
        box.note =
            back.isEmpty() ? tr("No rule matched.") : tr("No rule matched: back to %1.").arg(back);
        boxes.append(box);
        pendingJump.clear();
        replaceTop = false;
    };

    for (const TraceStep &s : t.path) {
        if (!pendingJump.isEmpty() && (s.table != pendingTable || s.chain != pendingJump)) {
            closePending();
        }
        pendingJump.clear();
        const int depth = enter(s.table, s.chain);
        Box &box = boxFor(s.table, s.chain, depth);
        box.lines.append({s.rule, s.text, actionText(s, stack.value(depth - 1)), false});
        if (s.action.startsWith(QLatin1String("jump ")) ||
            s.action.startsWith(QLatin1String("goto "))) {
            pendingJump = s.action.mid(5);
            pendingTable = s.table;
            replaceTop = s.action.startsWith(QLatin1String("goto "));
        }
    }

    const Userchain::Verdict &v = t.verdict;
    if (v.kind == VerdictKind::Unknown && !v.chain.isEmpty()) {
        // The rule the answer depends on is where the walk stopped: the end of the path.
        if (!pendingJump.isEmpty() && (v.table != pendingTable || v.chain != pendingJump)) {
            closePending();
        }
        pendingJump.clear();
        const int depth = enter(v.table, v.chain);
        boxFor(v.table, v.chain, depth)
            .lines.append(
                {v.rule, v.ruleText, tr("may or may not match: the answer depends on it"), true});
    } else {
        closePending();
    }

    // The built-in chains the packet passed without a match are part of its way too.
    int endStage = 2;
    if (!v.table.isEmpty()) {
        endStage = stageOf(v.table);
    } else if (v.kind == VerdictKind::Unknown) {
        endStage = 1; // decided by routing, after nat (a martian destination)
    }
    const bool passesNat = p.state == CtState::New && p.direction == CtDirection::Original;
    const QString filterHook = t.toHost ? QStringLiteral("INPUT") : QStringLiteral("FORWARD");
    const std::array<std::pair<QString, QString>, 3> hooks = {
        std::pair{Raw, QStringLiteral("PREROUTING")}, std::pair{Nat, QStringLiteral("PREROUTING")},
        std::pair{Filter, filterHook}};
    for (int stage = 0; stage <= endStage; ++stage) {
        const auto &[table, chain] = hooks.at(stage);
        if ((stage == 1 && !passesNat) || !rs.chain(table, chain)) {
            continue;
        }
        const bool shown = std::any_of(boxes.cbegin(), boxes.cend(), [&](const Box &b) {
            return b.table == table && b.chain == chain;
        });
        if (shown) {
            continue;
        }
        int at = 0;
        while (at < boxes.size() && stageOf(boxes.at(at).table) <= stage) {
            ++at;
        }
        Box box{table, chain, 0, true, {}, {}};
        box.note =
            stage < 2 ? tr("No rule matched: on to the next table.") : tr("No rule matched.");
        boxes.insert(at, box);
    }

    path.m_verdict = v.kind;
    const QString who = ruleName(v.table, v.chain, v.rule);
    switch (v.kind) {
    case VerdictKind::Accept:
        if (v.chain.isEmpty()) {
            path.m_verdictText = tr("ACCEPT: no rule in these tables stops the packet.");
        } else if (t.toHost) {
            path.m_verdictText =
                tr("ACCEPT: the host itself receives the packet; decided by %1.").arg(who);
        } else if (t.dnatAddress) {
            const QString where =
                t.dnatPort
                    ? tr("%1 port %2").arg(t.dnatAddress->toString(rs.family)).arg(*t.dnatPort)
                    : t.dnatAddress->toString(rs.family);
            path.m_verdictText =
                t.outInterface.isEmpty()
                    ? tr("ACCEPT: the packet reaches %1; decided by %2.").arg(where, who)
                    : tr("ACCEPT: the packet reaches %1 through %2; decided by %3.")
                          .arg(where, t.outInterface, who);
        } else {
            path.m_verdictText = tr("ACCEPT: the packet is forwarded; decided by %1.").arg(who);
        }
        break;
    case VerdictKind::Drop:
        path.m_verdictText = tr("DROP: %1 drops the packet; the client gets no answer.").arg(who);
        break;
    case VerdictKind::Reject:
        path.m_verdictText =
            tr("REJECT: %1 refuses the packet; the client gets an error at once.").arg(who);
        break;
    case VerdictKind::Unknown:
        path.m_verdictText = v.dependsOn.isEmpty()
                                 ? tr("Unknown: Userchain cannot tell what happens to this packet.")
                                 : tr("Unknown: the answer %1.").arg(v.dependsOn);
        break;
    }
    for (const QString &note : t.notes) {
        path.m_notes << sentence(note);
    }
    return path;
}

QString TracePath::verdictTitle() const
{
    return m_verdict == VerdictKind::Unknown ? tr("Unknown")
                                             : Userchain::Verdict::kindName(m_verdict);
}

TracedRules TracePath::tracedRules() const
{
    TracedRules rules;
    for (const Box &box : m_boxes) {
        for (const Line &line : box.lines) {
            if (line.rule > 0 && !line.uncertain) {
                rules[{box.table, box.chain}].insert(line.rule);
            }
        }
    }
    return rules;
}

QString TracePath::boxCaption(const Box &box)
{
    if (box.table == Filter && box.chain == QLatin1String("DOCKER-USER")) {
        return tr("your rules");
    }
    if (box.builtin) {
        return tr("built-in chain");
    }
    if (box.chain.startsWith(QLatin1String("DOCKER"))) {
        return tr("Docker's chain");
    }
    return tr("user chain");
}

QString TracePath::describe() const
{
    QStringList out;
    for (const Box &box : m_boxes) {
        QStringList parts;
        for (const Line &line : box.lines) {
            parts << (line.rule > 0
                          ? tr("rule %1, %2: %3").arg(line.rule).arg(line.text, line.action)
                          : line.action);
        }
        if (!box.note.isEmpty()) {
            parts << box.note;
        }
        out << tr("%1 %2 (%3): %4")
                   .arg(box.table, box.chain, boxCaption(box), parts.join(QStringLiteral("; ")));
    }
    if (!m_verdictText.isEmpty()) {
        out << m_verdictText;
    }
    out << m_notes;
    return out.join(QLatin1Char('\n'));
}
