#pragma once

#include "packet.h"
#include "ruleset.h"
#include "tracedrules.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

/**
 * A PacketTracer answer as the picture of "Test a packet" draws it: the chains the packet
 * passed, one box per visit in order (raw PREROUTING, nat PREROUTING and DOCKER, filter FORWARD,
 * DOCKER-USER, Docker's chains, or INPUT), each with the rules that matched there; then the
 * verdict and the tracer's notes in words. A chain entered by a jump in which no rule matched
 * gets a box that says so, as do the tables' built-in chains the packet passed without a match,
 * so that every chain the kernel walked is in the picture.
 */
class TracePath final
{
    Q_DECLARE_TR_FUNCTIONS(TracePath)
public:
    /// One rule of a box: matched, the chain's policy (rule 0), or the rule the answer depends on.
    struct Line
    {
        int rule = 0;           ///< 1-based as `iptables -L --line-numbers` counts; 0: the policy
        QString text;           ///< the rule-spec, or "-P CHAIN POLICY"
        QString action;         ///< what it did, in words ("jump to DOCKER-USER", "DROP")
        bool uncertain = false; ///< the tracer cannot tell whether it matches
    };
    struct Box
    {
        QString table;
        QString chain;
        int depth = 0;        ///< jumps from the table's built-in chain
        bool builtin = false; ///< a hook of the kernel with a policy
        QVector<Line> lines;
        QString note; ///< for a box without a deciding line: what happened ("no rule matched")
    };

    static TracePath build(const Userchain::Trace &trace, const Userchain::Ruleset &ruleset,
                           const Userchain::Packet &packet);

    bool isEmpty() const { return m_boxes.isEmpty() && m_verdictText.isEmpty(); }
    const QVector<Box> &boxes() const { return m_boxes; }
    Userchain::VerdictKind verdict() const { return m_verdict; }
    /// "ACCEPT", "DROP", "REJECT", "Unknown".
    QString verdictTitle() const;
    /// One sentence: what happens to the packet and which rule decides.
    QString verdictText() const { return m_verdictText; }
    /// The tracer's notes, as sentences.
    QStringList notes() const { return m_notes; }
    /// The rules on the path that matched (the rule the answer depends on is not one of them).
    TracedRules tracedRules() const;
    /// The whole picture as text, box by box: for assistive technology and tests.
    QString describe() const;

    /// "your rules" (DOCKER-USER), "built-in chain", "Docker's chain", "user chain".
    static QString boxCaption(const Box &box);

private:
    QVector<Box> m_boxes;
    Userchain::VerdictKind m_verdict = Userchain::VerdictKind::Unknown;
    QString m_verdictText;
    QStringList m_notes;
};
