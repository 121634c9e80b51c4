#pragma once

#include <QStyledItemDelegate>

/**
 * Draws cells whose LinkTargetRole names a chain as links and reports clicks on them, so that
 * `-j DOCKER-ISOLATION-STAGE-1` takes the user to that chain.
 */
class LinkDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// `linkRole`: the role holding the chain name a cell links to.
    explicit LinkDelegate(int linkRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

signals:
    void linkActivated(const QString &chain);

private:
    int m_linkRole;
};
