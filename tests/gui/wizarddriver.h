#pragma once

#include "wizardcontext.h"

#include <QString>

class QWidget;

/// Drives wizard pages as a user would, for the wizard tests.
class WizardDriver final
{
public:
    /// Two interfaces (eth0, wlan0) and two published ports (8080/tcp, 5353/udp).
    static WizardContext context();
    /// "name=value" or "parent/child=value": types into line edits, picks combo entries,
    /// ticks check boxes, as a user would.
    static void drive(QWidget *root, const QString &step);
};
