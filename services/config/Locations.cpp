#include "Locations.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace optimist {

namespace {

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString choose(const QString &override, const char *variable,
               QStandardPaths::StandardLocation xdgLocation)
{
    if (!override.isEmpty())
        return absoluteClean(override);
    const QString fromEnvironment = qEnvironmentVariable(variable);
    if (!fromEnvironment.isEmpty())
        return absoluteClean(fromEnvironment);
    return absoluteClean(QStandardPaths::writableLocation(xdgLocation) +
                         QStringLiteral("/optimist"));
}

} // namespace

QString Locations::dataDir(const QString &override)
{
    return choose(override, "OPTIMIST_DATA_DIR", QStandardPaths::GenericDataLocation);
}

QString Locations::configDir(const QString &override)
{
    return choose(override, "OPTIMIST_CONFIG_DIR", QStandardPaths::GenericConfigLocation);
}

QString Locations::historyDatabasePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/history.sqlite");
}

QString Locations::profilesDir(const QString &configDir)
{
    return configDir + QStringLiteral("/environments");
}

} // namespace optimist
