#pragma once

#include <QTimer>
#include <QVector>
#include <QWidget>

class DockerUserIntro;
class LayoutHint;
class QLineEdit;
class QTableView;
class RuleFilterProxy;
class RuleTableModel;

/**
 * The DOCKER-USER page: what the chain is and a legend (DockerUserIntro), how the chain ends
 * (LayoutHint), a search box over the rule table. Drag and drop reorders (the model turns a drop
 * into a move command); the view works in proxy rows and hands out source rows.
 */
class RuleTableView final : public QWidget
{
    Q_OBJECT
public:
    RuleTableView(RuleTableModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_view; }
    RuleFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *searchBox() const { return m_search; }
    LayoutHint *layoutHint() const { return m_hint; }
    /// What DOCKER-USER is, and the legend of the row styles.
    DockerUserIntro *intro() const { return m_intro; }
    RuleTableModel *model() const { return m_model; }

    /// Selected rows of the model (not the proxy), ascending.
    QVector<int> selectedRows() const;
    /// Selects the model rows first..first+count-1 and scrolls to them.
    void selectRows(int first, int count);
    void focusSearch();
    /// Names the table and the search box for assistive technology ("IPv6").
    void setFamilyName(const QString &family);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

protected:
    void changeEvent(QEvent *event) override;

signals:
    void linkActivated(const QString &chain);
    /// Double click on a cell that cannot be edited in place: open the rule dialog.
    void editRequested(int row);
    void selectionChanged();

private:
    RuleTableModel *m_model;
    RuleFilterProxy *m_proxy;
    DockerUserIntro *m_intro;
    LayoutHint *m_hint;
    QLineEdit *m_search;
    QTableView *m_view;
    QTimer m_searchDelay;
};
