#pragma once

#include "linkdelegate.h"

class RuleTableModel;
class QSortFilterProxyModel;

/**
 * Delegate of the DOCKER-USER table: link targets (from LinkDelegate) and in-place editors
 * (CellEditor) that validate as the user types and know why a text would be refused.
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
