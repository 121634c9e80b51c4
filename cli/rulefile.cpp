#include "rulefile.h"

#include <QFile>

namespace Userchain {

bool RuleFile::read(const QString &fileName, QByteArray *data, QString *error)
{
    QFile file;
    const bool isStdin = fileName == QLatin1String("-");
    if (isStdin) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("-: cannot read standard input");
            return false;
        }
    } else {
        file.setFileName(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(fileName, file.errorString());
            return false;
        }
    }
    *data = file.read(MaxFileSize + 1);
    if (data->size() > MaxFileSize) {
        *error = QStringLiteral("%1: larger than %2 MiB").arg(fileName).arg(MaxFileSize >> 20);
        return false;
    }
    return true;
}

} // namespace Userchain
