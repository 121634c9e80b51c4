#include "importexport.h"

#include "editsession.h"
#include "hostinfo.h"
#include "insertrulescommand.h"
#include "modalrunner.h"
#include "replacerulescommand.h"
#include "restorefile.h"
#include "ruletablemodel.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QUndoStack>

ImportExport::ImportExport(EditSession *session, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_session(session), m_dialogParent(dialogParent)
{}

QString ImportExport::askFileName(bool save)
{
    QFileDialog dialog(m_dialogParent, save ? tr("Export DOCKER-USER") : tr("Import rules"));
    dialog.setObjectName(save ? QStringLiteral("exportDialog") : QStringLiteral("importDialog"));
    dialog.setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog.setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog.setNameFilters(
        {tr("iptables-restore files (*.conf *.rules *.v4 *.v6)"), tr("All files (*)")});
    dialog.setDefaultSuffix(QStringLiteral("conf"));
    if (save) {
        dialog.selectFile(QStringLiteral("iptables.conf"));
    }
    if (ModalRunner::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return QString();
    }
    return dialog.selectedFiles().first();
}

QByteArray ImportExport::exportData() const
{
    return Userchain::exportDockerUser(m_session->model()->specs());
}

bool ImportExport::exportTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exportData()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void ImportExport::exportWithDialog()
{
    const QString path = askFileName(true);
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox box(QMessageBox::Critical, tr("Export failed"),
                        tr("Could not write %1: %2").arg(path, error), QMessageBox::Ok,
                        m_dialogParent);
        ModalRunner::exec(&box);
        return;
    }
    emit statusMessage(tr("Exported %n rules to %1; load with: iptables-restore -n %1", nullptr,
                          m_session->model()->rowCount())
                           .arg(path));
}

void ImportExport::importWithDialog()
{
    const QString path = askFileName(false);
    if (!path.isEmpty()) {
        importFile(path);
    }
}

bool ImportExport::importFile(const QString &path, Mode mode)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastErrors = {tr("%1: %2").arg(path, file.errorString())};
        QMessageBox box(QMessageBox::Critical, tr("Import failed"), m_lastErrors.first(),
                        QMessageBox::Ok, m_dialogParent);
        ModalRunner::exec(&box);
        return false;
    }
    return importData(file.readAll(), QFileInfo(path).fileName(), mode);
}

bool ImportExport::importData(const QByteArray &data, const QString &name, Mode mode)
{
    // Jumps are checked against the chains the helper reported, as iptables-restore -n would
    // against the live table; without a snapshot yet, the helper checks them on Apply.
    QStringList chains;
    for (const Userchain::ChainInfo &chain : m_session->snapshot().chains)
        if (chain.table == QLatin1String("filter") && !chain.builtin)
            chains << chain.name;
    const Userchain::DockerUserImport imported = Userchain::importDockerUser(
        data, m_session->family(), m_session->snapshot().chains.isEmpty() ? nullptr : &chains);
    m_lastErrors.clear();
    for (const Userchain::FileError &error : imported.errors) {
        m_lastErrors << error.toString(name);
    }
    if (!imported.ok()) {
        // All or nothing: a half-imported policy is worse than none.
        QMessageBox box(QMessageBox::Critical, tr("Import failed"),
                        tr("%1 was not imported: %n line(s) could not be read.", nullptr,
                           int(m_lastErrors.size()))
                            .arg(name),
                        QMessageBox::Ok, m_dialogParent);
        box.setObjectName(QStringLiteral("importErrors"));
        box.setDetailedText(m_lastErrors.join(QLatin1Char('\n')));
        box.setInformativeText(m_lastErrors.mid(0, 5).join(QLatin1Char('\n')));
        ModalRunner::exec(&box);
        emit statusMessage(m_lastErrors.first());
        return false;
    }
    if (imported.rules.isEmpty()) {
        emit statusMessage(tr("%1 has no DOCKER-USER rules.").arg(name));
        return false;
    }
    RuleTableModel *model = m_session->model();
    if (mode == Mode::Ask) {
        QMessageBox box(QMessageBox::Question, tr("Import rules"),
                        tr("%1 holds %n DOCKER-USER rule(s). Replace the table with them, or add "
                           "them to it?",
                           nullptr, int(imported.rules.size()))
                            .arg(name),
                        QMessageBox::Cancel, m_dialogParent);
        box.setObjectName(QStringLiteral("importQuestion"));
        QPushButton *replace = box.addButton(tr("&Replace"), QMessageBox::AcceptRole);
        QPushButton *append = box.addButton(tr("&Add"), QMessageBox::ActionRole);
        box.setDefaultButton(replace);
        const int answer = ModalRunner::exec(&box);
        if (box.clickedButton() == replace || answer == QMessageBox::Yes) {
            mode = Mode::Replace;
        } else if (box.clickedButton() == append || answer == QMessageBox::No) {
            mode = Mode::Append;
        } else {
            return false;
        }
    }
    QVector<RuleRow> rows;
    rows.reserve(imported.rules.size());
    for (const Userchain::Rule &rule : imported.rules) {
        rows.append(model->makeRow(rule.toString()));
    }
    const QString text = tr("Import %n rule(s) from %1", nullptr, int(rows.size())).arg(name);
    if (mode == Mode::Replace) {
        m_session->undoStack()->push(new ReplaceRulesCommand(model, rows, text));
    } else {
        m_session->undoStack()->push(new InsertRulesCommand(model, model->rowCount(), rows, text));
    }
    emit statusMessage(text);
    return true;
}

QByteArray ImportExport::dockerExample(const QString &wan)
{
    // Docker's "Filtering container traffic" policy, with documentation subnets for the
    // restricted port; the user adjusts them in the table.
    const QString port = QStringLiteral(
        "-A DOCKER-USER -i %1 -p tcp -m conntrack --ctorigdstport %2 --ctdir ORIGINAL -j RETURN\n");
    QString text = QStringLiteral("*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n");
    text += QStringLiteral(
                "-A DOCKER-USER -i %1 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n")
                .arg(wan);
    text += port.arg(wan, QStringLiteral("80"));
    text += port.arg(wan, QStringLiteral("443"));
    for (const char *subnet : {"192.0.2.0/24", "198.51.100.0/24"}) {
        text +=
            QStringLiteral("-A DOCKER-USER -s %1 -i %2 -p tcp -m conntrack --ctorigdstport 8080 "
                           "--ctdir ORIGINAL -j RETURN\n")
                .arg(QLatin1String(subnet), wan);
    }
    text += QStringLiteral("-A DOCKER-USER -i %1 -j DROP\n").arg(wan);
    text += QStringLiteral("-A DOCKER-USER -j RETURN\nCOMMIT\n");
    return text.toUtf8();
}

void ImportExport::importDockerExample()
{
    const QStringList interfaces = HostInfo::externalInterfaces();
    const QString wan = interfaces.isEmpty() ? QStringLiteral("eth0") : interfaces.first();
    importData(dockerExample(wan), tr("Docker's example policy"));
}
