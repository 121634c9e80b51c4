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

    /// The columns as the user sized them; empty while they follow the content (fitColumns).
    QByteArray saveHeaderState() const;
    /// A non-empty state fixes the columns as saved: they no longer follow the content.
    void restoreHeaderState(const QByteArray &state);
    /**
     * Sizes the columns to what they show (the header and the first rows) and to the table's
     * width: narrow, the free-text columns (comment, addresses) give way so that no column
     * leaves the screen; wide, the comment takes the rest. Done after each new content and
     * resize until the user sizes a column by hand.
     */
    void fitColumns();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

signals:
    void linkActivated(const QString &chain);
    /// Double click on a cell that cannot be edited in place: open the rule dialog.
    void editRequested(int row);
    /// The context menu of model row `row` (now selected), at `globalPos`.
    void contextMenuRequested(int row, const QPoint &globalPos);
    void selectionChanged();

private:
    RuleTableModel *m_model;
    RuleFilterProxy *m_proxy;
    DockerUserIntro *m_intro;
    LayoutHint *m_hint;
    QLineEdit *m_search;
    QTableView *m_view;
    QTimer m_searchDelay;
    QTimer m_fitDelay;
    bool m_userSized = false; ///< the user sized a column: keep it as it is
    bool m_fitting = false;   ///< our own resizing, not the user's
};
