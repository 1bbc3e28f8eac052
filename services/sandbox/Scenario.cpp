#include "Scenario.h"

#include "ScenarioParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <mutex>

// Q_INIT_RESOURCE must be used outside any namespace. services/CMakeLists.txt defines
// OPTIMIST_SCENARIO_RESOURCES when it embeds resources/scenarios/*.json (resource "scenarios");
// initialising here as well keeps them available however the static library is linked.
static bool initScenarioResources()
{
#ifdef OPTIMIST_SCENARIO_RESOURCES
    static std::once_flag once;
    std::call_once(once, [] { Q_INIT_RESOURCE(scenarios); });
    return true;
#else
    return false;
#endif
}

namespace optimist {

namespace {

const QString kResourceDir = QStringLiteral(":/scenarios");

bool isShippedName(const QString &text)
{
    return !text.isEmpty() && !text.contains(QLatin1Char('/')) &&
           !text.contains(QLatin1Char('\\')) &&
           !text.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

} // namespace

Result<Scenario> Scenario::load(const QString &pathOrShippedName)
{
    QString path = pathOrShippedName;
    QString origin = pathOrShippedName;
    if (isShippedName(pathOrShippedName)) {
        const QStringList shipped = shippedNames();
        if (!shipped.contains(pathOrShippedName)) {
            return Error{Error::Kind::NotFound,
                         shipped.isEmpty()
                             ? tr("no scenario \"%1\": this build has no shipped scenarios; give "
                                  "the path of a scenario file (*.json)")
                                   .arg(pathOrShippedName)
                             : tr("no scenario \"%1\"; the shipped scenarios are %2, or give the "
                                  "path of a scenario file (*.json)")
                                   .arg(pathOrShippedName, shipped.join(QStringLiteral(", ")))};
        }
        path = kResourceDir + QLatin1Char('/') + pathOrShippedName + QStringLiteral(".json");
        origin = QStringLiteral("resources/scenarios/%1.json").arg(pathOrShippedName);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{file.exists() ? Error::Kind::Invalid : Error::Kind::NotFound,
                     tr("cannot read scenario %1: %2").arg(origin, file.errorString())};
    }
    return parse(file.readAll(), origin);
}

Result<Scenario> Scenario::parse(const QByteArray &json, const QString &origin)
{
    return ScenarioParser(origin).parse(json);
}

QStringList Scenario::shippedNames()
{
    if (!initScenarioResources())
        return {};
    QStringList names;
    const QFileInfoList files =
        QDir(kResourceDir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &info : files)
        names << info.completeBaseName();
    return names;
}

} // namespace optimist
