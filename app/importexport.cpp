#include "importexport.h"

#include "editsession.h"
#include "familytext.h"
#include "hostinfo.h"
#include "importplacement.h"
#include "insertrulescommand.h"
#include "modalrunner.h"
#include "replacerulescommand.h"
#include "restorefile.h"
#include "ruletablemodel.h"
#include "workspace.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QUndoStack>

using Userchain::Family;

ImportExport::ImportExport(Workspace *workspace, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_dialogParent(dialogParent)
{}

QString ImportExport::askFileName(bool save, const QString &suggested)
{
    QFileDialog dialog(m_dialogParent, save ? tr("Export DOCKER-USER") : tr("Import rules"));
    dialog.setObjectName(save ? QStringLiteral("exportDialog") : QStringLiteral("importDialog"));
    dialog.setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog.setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog.setNameFilters(
        {tr("iptables-restore files (*.conf *.rules *.v4 *.v6)"), tr("All files (*)")});
    dialog.setDefaultSuffix(QStringLiteral("conf"));
    if (save) {
        dialog.selectFile(suggested);
    }
    if (ModalRunner::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return QString();
    }
    return dialog.selectedFiles().first();
}

QByteArray ImportExport::exportData(Family family) const
{
    return Userchain::exportDockerUser(m_workspace->session(family)->model()->specs(), family);
}

QVector<Family> ImportExport::exportFamilies() const
{
    QVector<Family> families;
    for (Family family : Workspace::families()) {
        if (m_workspace->session(family)->isEditable()) {
            families.append(family);
        }
    }
    if (families.isEmpty()) {
        families.append(m_workspace->currentFamily()); // nothing loaded yet: the table as it is
    }
    return families;
}

QString ImportExport::ip6PathFor(const QString &path)
{
    const QFileInfo info(path);
    QString name = info.fileName();
    if (name.contains(QLatin1String("iptables"))) {
        name.replace(name.indexOf(QLatin1String("iptables")), 8, QStringLiteral("ip6tables"));
    } else if (info.suffix() == QLatin1String("v4")) {
        name = info.completeBaseName() + QStringLiteral(".v6");
    } else if (name.contains(QLatin1String(".v4."))) {
        name.replace(QLatin1String(".v4."), QLatin1String(".v6."));
    } else {
        name = info.completeBaseName() + QStringLiteral("-ipv6") +
               (info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix());
    }
    return info.dir().filePath(name);
}

bool ImportExport::exportTo(const QString &path, QString *error)
{
    m_lastExported.clear();
    const QVector<Family> families = exportFamilies();
    for (Family family : families) {
        // IPv6 goes next to IPv4's file, as iptables-persistent keeps rules.v4 and rules.v6.
        const QString target =
            family == Family::IPv6 && families.size() > 1 ? ip6PathFor(path) : path;
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly) || file.write(exportData(family)) < 0 ||
            !file.commit()) {
            *error = tr("%1: %2").arg(target, file.errorString());
            return false;
        }
        m_lastExported << target;
    }
    return true;
}

void ImportExport::exportWithDialog()
{
    const QVector<Family> families = exportFamilies();
    const QString suggested = families.size() == 1 && families.first() == Family::IPv6
                                  ? QStringLiteral("ip6tables.conf")
                                  : QStringLiteral("iptables.conf");
    const QString path = askFileName(true, suggested);
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox box(QMessageBox::Critical, tr("Export failed"),
                        tr("Could not write %1").arg(error), QMessageBox::Ok, m_dialogParent);
        ModalRunner::exec(&box);
        return;
    }
    QStringList parts;
    for (int i = 0; i < m_lastExported.size(); ++i) {
        const Family family = families.at(i);
        parts << tr("%1 to %2 (load with: %3-restore -n %2)")
                     .arg(FamilyText::name(family), m_lastExported.at(i), FamilyText::tool(family));
    }
    emit statusMessage(tr("Exported %1.").arg(parts.join(tr("; "))));
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
    EditSession *session = m_workspace->current();
    RuleTableModel *model = session->model();
    QStringList chains;
    for (const Userchain::ChainInfo &chain : session->snapshot().chains)
        if (chain.table == QLatin1String("filter") && !chain.builtin)
            chains << chain.name;
    // Added to the table, "-I DOCKER-USER 3" may count the rules already there.
    const Userchain::DockerUserImport imported = Userchain::importDockerUser(
        data, session->family(), session->snapshot().chains.isEmpty() ? nullptr : &chains,
        mode == Mode::Replace ? 0 : model->rowCount());
    m_lastErrors.clear();
    for (const Userchain::FileError &error : imported.errors) {
        m_lastErrors << error.toString(name);
    }
    if (!imported.ok()) {
        // All or nothing: a half-imported policy is worse than none.
        const int count = int(m_lastErrors.size());
        QMessageBox box(
            QMessageBox::Critical, tr("Import failed"),
            (count == 1 ? tr("%1 was not imported: one line could not be read.")
                        : tr("%1 was not imported: %n lines could not be read.", nullptr, count))
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
    if (mode == Mode::Ask && model->rowCount() == 0) {
        mode = Mode::Append; // nothing to replace: no question
    } else if (mode == Mode::Ask) {
        mode = askMode(name, int(imported.rules.size()));
        if (mode == Mode::Ask) {
            return false; // cancelled
        }
    }
    QStringList specs;
    specs.reserve(imported.rules.size());
    for (const Userchain::Rule &rule : imported.rules) {
        specs << rule.toString();
    }
    // Replaced, the table is what the file's commands build in an empty chain.
    const ImportPlacement::Result placed =
        mode == Mode::Replace ? ImportPlacement::place(imported.steps, specs, 0)
                              : ImportPlacement::place(imported.steps, specs, model->rowCount(),
                                                       ImportPlacement::finalRule(model));
    QVector<RuleRow> rows;
    rows.reserve(placed.rules.size());
    for (int rule : placed.rules) {
        rows.append(model->makeRow(specs.at(rule)));
    }
    const int count = int(rows.size());
    const QString text = count == 1 ? tr("Import one rule from %1").arg(name)
                                    : tr("Import %n rules from %1", nullptr, count).arg(name);
    if (mode == Mode::Replace) {
        session->undoStack()->push(new ReplaceRulesCommand(model, rows, text));
    } else if (!rows.isEmpty()) {
        session->undoStack()->push(new InsertRulesCommand(model, placed.rows, rows, text));
    }
    QString status = text + QLatin1Char('.');
    if (placed.skipped > 0) {
        status += QLatin1Char(' ') + tr("The table already ends with %1; it was not added again.")
                                         .arg(ImportPlacement::finalRule(model));
    }
    emit statusMessage(status);
    return true;
}

ImportExport::Mode ImportExport::askMode(const QString &name, int count)
{
    const QString family = FamilyText::name(m_workspace->currentFamily());
    QMessageBox box(QMessageBox::Question, tr("Import rules"),
                    count == 1 ? tr("%1 holds one DOCKER-USER rule. Add it to the %2 table, or "
                                    "replace the table with it?")
                                     .arg(name, family)
                               : tr("%1 holds %n DOCKER-USER rules. Add them to the %2 table, or "
                                    "replace the table with them?",
                                    nullptr, count)
                                     .arg(name, family),
                    QMessageBox::Cancel, m_dialogParent);
    box.setObjectName(QStringLiteral("importQuestion"));
    box.setInformativeText(
        tr("Add puts each rule where its command says: -I at the top (or at its position), "
           "-A at the end but before a final rule such as Docker's -j RETURN. Replace removes "
           "every rule the table has now; Undo brings them back."));
    // Adding is the safe answer, so it is the one Enter gives; replacing deletes rules.
    QPushButton *append = box.addButton(tr("&Add"), QMessageBox::AcceptRole);
    append->setObjectName(QStringLiteral("importAdd"));
    QPushButton *replace = box.addButton(tr("&Replace the table"), QMessageBox::DestructiveRole);
    replace->setObjectName(QStringLiteral("importReplace"));
    box.setDefaultButton(append);
    box.setEscapeButton(QMessageBox::Cancel);
    ModalRunner::exec(&box);
    if (box.clickedButton() == replace) {
        return Mode::Replace;
    }
    return box.clickedButton() == append ? Mode::Append : Mode::Ask;
}

QByteArray ImportExport::dockerExample(const QString &wan, Family family)
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
    const QStringList subnets =
        family == Family::IPv6
            ? QStringList{QStringLiteral("2001:db8:1::/48"), QStringLiteral("2001:db8:2::/48")}
            : QStringList{QStringLiteral("192.0.2.0/24"), QStringLiteral("198.51.100.0/24")};
    for (const QString &subnet : subnets) {
        text +=
            QStringLiteral("-A DOCKER-USER -s %1 -i %2 -p tcp -m conntrack --ctorigdstport 8080 "
                           "--ctdir ORIGINAL -j RETURN\n")
                .arg(subnet, wan);
    }
    text += QStringLiteral("-A DOCKER-USER -i %1 -j DROP\n").arg(wan);
    text += QStringLiteral("-A DOCKER-USER -j RETURN\nCOMMIT\n");
    return text.toUtf8();
}

void ImportExport::importDockerExample()
{
    const QStringList interfaces = HostInfo::externalInterfaces();
    const QString wan = interfaces.isEmpty() ? QStringLiteral("eth0") : interfaces.first();
    importData(dockerExample(wan, m_workspace->currentFamily()), tr("Docker's example policy"));
}
