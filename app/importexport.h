#pragma once

#include "rule.h"

#include <QObject>
#include <QStringList>

class EditSession;
class QWidget;
class Workspace;

/**
 * File > Import and Export: DOCKER-USER as an iptables.conf for `iptables-restore -n` and, when
 * the host has IPv6 chains, an ip6tables.conf for `ip6tables-restore -n` next to it; such files
 * (or Docker's example policy) read back into the family on screen as one undoable edit, with
 * line-numbered errors when they do not parse.
 */
class ImportExport final : public QObject
{
    Q_OBJECT
public:
    /**
     * Append: add the rules where their commands put them (`-I` at the top or at its
     * position, `-A` at the end but before a final rule such as Docker's `-j RETURN`).
     */
    enum class Mode { Ask, Replace, Append };

    ImportExport(Workspace *workspace, QWidget *dialogParent, QObject *parent = nullptr);

    void exportWithDialog();
    /**
     * Writes every family that has a DOCKER-USER to edit: IPv4 to `path`, IPv6 to
     * ip6PathFor(path) (or IPv6 alone to `path` if IPv4 has nothing). lastExported() names
     * the files written.
     */
    bool exportTo(const QString &path, QString *error);
    QByteArray exportData(Userchain::Family family = Userchain::Family::IPv4) const;
    /// "…/iptables.conf" → "…/ip6tables.conf", "rules.v4" → "rules.v6", "a.conf" → "a-ipv6.conf".
    static QString ip6PathFor(const QString &path);
    QStringList lastExported() const { return m_lastExported; }

    void importWithDialog();
    bool importFile(const QString &path, Mode mode = Mode::Ask);
    /// `name` is used in error messages ("iptables.conf:3: ...").
    bool importData(const QByteArray &data, const QString &name, Mode mode = Mode::Ask);
    /// Docker's example ("Filtering container traffic") for `wan`, as an iptables.conf (with
    /// documentation prefixes of the family for the restricted port).
    static QByteArray dockerExample(const QString &wan,
                                    Userchain::Family family = Userchain::Family::IPv4);
    void importDockerExample();

    /// The errors of the last import, "FILE:LINE: message".
    QStringList lastErrors() const { return m_lastErrors; }

signals:
    void statusMessage(const QString &message);

private:
    QString askFileName(bool save, const QString &suggested = QString());
    /// Add or Replace (Add is the default); Ask when cancelled.
    Mode askMode(const QString &name, int count);
    QVector<Userchain::Family> exportFamilies() const;

    Workspace *m_workspace;
    QWidget *m_dialogParent;
    QStringList m_lastErrors;
    QStringList m_lastExported;
};
