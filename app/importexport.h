#pragma once

#include <QObject>
#include <QStringList>

class EditSession;
class QWidget;

/**
 * File > Import and Export: DOCKER-USER as an iptables.conf for `iptables-restore -n`, and
 * such files (or Docker's example policy) read back into the table as one undoable edit, with
 * line-numbered errors when they do not parse.
 */
class ImportExport final : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Ask, Replace, Append };

    ImportExport(EditSession *session, QWidget *dialogParent, QObject *parent = nullptr);

    void exportWithDialog();
    bool exportTo(const QString &path, QString *error);
    QByteArray exportData() const;

    void importWithDialog();
    bool importFile(const QString &path, Mode mode = Mode::Ask);
    /// `name` is used in error messages ("iptables.conf:3: ...").
    bool importData(const QByteArray &data, const QString &name, Mode mode = Mode::Ask);
    /// Docker's example ("Filtering container traffic") for `wan`, as an iptables.conf.
    static QByteArray dockerExample(const QString &wan);
    void importDockerExample();

    /// The errors of the last import, "FILE:LINE: message".
    QStringList lastErrors() const { return m_lastErrors; }

signals:
    void statusMessage(const QString &message);

private:
    QString askFileName(bool save);

    EditSession *m_session;
    QWidget *m_dialogParent;
    QStringList m_lastErrors;
};
