#pragma once

#include "linkdelegate.h"

class RuleTableModel;
class QSortFilterProxyModel;

/**
 * Delegate of the DOCKER-USER table: link targets (from LinkDelegate) and in-place editors that
 * validate as the user types, with the parser's message as the editor's tooltip.
 */
class RuleDelegate final : public LinkDelegate
{
    Q_OBJECT
public:
    RuleDelegate(RuleTableModel *model, QSortFilterProxyModel *proxy, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

private:
    RuleTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
};
