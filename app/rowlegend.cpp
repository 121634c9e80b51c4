#include "rowlegend.h"

#include "flowlayout.h"
#include "rowlints.h"

#include <QEvent>
#include <QGuiApplication>
#include <QLabel>

RowLegend::RowLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("rowLegend"));
    // Wraps onto a second line where a row would not fit (German words, a 1024 px window).
    auto *layout = new FlowLayout(this, 6);
    auto *title = new QLabel(tr("Rows:"), this);
    layout->addWidget(title);
    for (RowStyle::Kind kind : RowStyle::kinds()) {
        auto *sample = new QLabel(RowStyle::sampleText(kind), this);
        if (!RowStyle::icon(kind).isNull()) {
            // The table's own marker before the words (the icon is a resource of the same file).
            const int size = sample->fontMetrics().height();
            sample->setText(QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%2\">&nbsp;%3")
                                .arg(QLatin1String(RowLints::IconPath))
                                .arg(size)
                                .arg(RowStyle::sampleText(kind).toHtmlEscaped()));
        }
        sample->setObjectName(QStringLiteral("legendSample%1").arg(int(kind)));
        sample->setToolTip(RowStyle::explanation(kind));
        sample->setAccessibleName(RowStyle::sampleText(kind));
        sample->setAccessibleDescription(RowStyle::explanation(kind));
        sample->setFrameShape(QFrame::StyledPanel);
        sample->setMargin(2);
        sample->setAutoFillBackground(true);
        layout->addWidget(sample);
        m_samples.insert(kind, sample);
    }
    setAccessibleName(tr("Legend of the row styles"));
    restyle();
}

void RowLegend::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        restyle();
    }
}

void RowLegend::restyle()
{
    // The table's cells take their colours from the application's palette (RuleTableModel),
    // so the samples do as well, each on the table's own background.
    const QPalette app = QGuiApplication::palette();
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it) {
        QPalette palette = app;
        const QColor background = RowStyle::background(it.key(), app);
        const QColor text = RowStyle::foreground(it.key(), app);
        palette.setColor(QPalette::Window,
                         background.isValid() ? background : app.color(QPalette::Base));
        palette.setColor(QPalette::WindowText, text.isValid() ? text : app.color(QPalette::Text));
        it.value()->setPalette(palette);
        it.value()->setFont(RowStyle::font(it.key(), font()));
    }
}
