#include "rulewizard.h"

#include "onlyippage.h"
#include "onlyrangepage.h"
#include "onlysubnetpage.h"
#include "policypreviewpage.h"
#include "publishedportpage.h"
#include "recommendedpolicypage.h"
#include "rulewizardpage.h"
#include "sourcedestpage.h"

#include <QLayout>
#include <QScreen>
#include <QTimer>

RuleWizard::RuleWizard(Kind kind, RuleWizardPage *input, QWidget *parent)
    : QWizard(parent), m_kind(kind), m_input(input)
{
    setWindowTitle(title(kind)); // the platform appends " — Userchain"
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setButtonText(QWizard::FinishButton, tr("Add to &table"));
    addPage(input);
    resize(640, 460);
    // After the page has laid out its new text: the queued call runs once the layout did.
    connect(input, &QWizardPage::completeChanged, this,
            [this] { QTimer::singleShot(0, this, &RuleWizard::fitToContent); });
    connect(this, &QWizard::currentIdChanged, this,
            [this] { QTimer::singleShot(0, this, &RuleWizard::fitToContent); });
}

void RuleWizard::showEvent(QShowEvent *event)
{
    QWizard::showEvent(event);
    fitToContent();
}

void RuleWizard::fitToContent()
{
    QWizardPage *page = currentPage();
    if (!page || !page->layout() || !isVisible()) {
        return;
    }
    const int pageNeeds = page->layout()->totalHeightForWidth(page->width());
    const int needed = height() + pageNeeds - page->height();
    const int limit = screen() ? screen()->availableGeometry().height() - 60 : needed;
    if (needed > height()) {
        resize(width(), qMin(needed, limit));
    }
}

RuleWizard *RuleWizard::create(Kind kind, const WizardContext &context, int currentRuleCount,
                               QWidget *parent)
{
    RuleWizardPage *page = nullptr;
    switch (kind) {
    case OnlyIp:
        page = new OnlyIpPage(context);
        break;
    case OnlySubnet:
        page = new OnlySubnetPage(context);
        break;
    case OnlyRange:
        page = new OnlyRangePage(context);
        break;
    case PublishedPort:
        page = new PublishedPortPage(context);
        break;
    case SourceDestination:
        page = new SourceDestPage(context);
        break;
    case RecommendedPolicy:
        page = new RecommendedPolicyPage(context);
        break;
    }
    auto *wizard = new RuleWizard(kind, page, parent);
    if (kind == RecommendedPolicy) {
        wizard->m_preview = new PolicyPreviewPage(page, currentRuleCount, wizard);
        wizard->addPage(wizard->m_preview);
        wizard->setButtonText(QWizard::FinishButton, tr("&Use these rules"));
    }
    return wizard;
}

QString RuleWizard::title(Kind kind)
{
    switch (kind) {
    case OnlyIp:
        return tr("Allow only one IP address");
    case OnlySubnet:
        return tr("Allow only a subnet");
    case OnlyRange:
        return tr("Allow only a range");
    case PublishedPort:
        return tr("Open a published port");
    case SourceDestination:
        return tr("Source and destination");
    case RecommendedPolicy:
        return tr("Start from the recommended policy");
    }
    return QString();
}

QStringList RuleWizard::rules() const
{
    return m_input->rules();
}

int RuleWizard::insertionRow() const
{
    return m_input->insertionRow();
}

QStringList RuleWizard::otherFamilyRules() const
{
    return m_input->otherFamilyRules();
}

bool RuleWizard::replaceTable() const
{
    return m_preview && m_preview->replaceTable();
}
