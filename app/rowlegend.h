#pragma once

#include "rowstyle.h"

#include <QHash>
#include <QWidget>

class QLabel;

/**
 * A line (two where narrow) under the DOCKER-USER explanation: a sample of each row style of the
 * table (RowStyle), drawn with the very colours and fonts the table uses, each with its meaning as
 * a tooltip. Follows the application's palette like the table does.
 */
class RowLegend final : public QWidget
{
    Q_OBJECT
public:
    explicit RowLegend(QWidget *parent = nullptr);

    /// The sample of `kind` (for tests and assistive technology).
    QLabel *sample(RowStyle::Kind kind) const { return m_samples.value(kind); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    QHash<RowStyle::Kind, QLabel *> m_samples;
};
