#include "LeaseBreakLog.h"

#include "LeaseLogging.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>

namespace optimist {

QString LeaseBreakLog::record(const QString &dataDir, const QString &breaker, const Lease &broken)
{
    const QString line = tr("%1 %2@%3 broke the rollout lease of %4 in %5, held by %6 since %7 UTC")
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), breaker,
                                  QSysInfo::machineHostName(), broken.app, broken.environment,
                                  broken.holderText(), broken.since.toUTC().toString(Qt::ISODate));
    QDir().mkpath(dataDir);
    QFile log(QDir(dataDir).filePath(QStringLiteral("lease-breaks.log")));
    if (log.open(QIODevice::Append | QIODevice::Text))
        log.write((line + QLatin1Char('\n')).toUtf8());
    qCWarning(lcLease).noquote() << line;
    return line;
}

} // namespace optimist
