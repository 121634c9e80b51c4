#pragma once

#include <QHash>
#include <QPair>
#include <QSet>
#include <QString>

/**
 * The rules a tested packet matched, for the tables to mark: (table, chain) → rule numbers,
 * 1-based as `iptables -L --line-numbers` counts them (the rows of the window's tables, plus one).
 */
using TracedRules = QHash<QPair<QString, QString>, QSet<int>>;
