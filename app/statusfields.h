#pragma once

#include <QWidget>

class EditSession;
class QLabel;

/// The status bar's permanent fields: backend, how many of Docker's chains, revision and refresh.
class StatusFields final : public QWidget
{
    Q_OBJECT
public:
    explicit StatusFields(QWidget *parent = nullptr);

    void update(const EditSession *session, int dockerChainCount);
    QStringList texts() const;

private:
    QLabel *m_backend;
    QLabel *m_chains;
    QLabel *m_revision;
};
