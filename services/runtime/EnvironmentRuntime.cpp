#include "EnvironmentRuntime.h"

#include "profiles/ProfileLoader.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"

#include "clock/VirtualClock.h"
#include "config/Locations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace optimist {

EnvironmentRuntime::~EnvironmentRuntime()
{
    // Ports refer to the sandbox and clock: drop them first.
    m_metrics.reset();
    m_router.reset();
    m_cluster.reset();
    m_sandbox.reset();
}

Result<std::unique_ptr<EnvironmentRuntime>> EnvironmentRuntime::open(const Options &options)
{
    std::unique_ptr<EnvironmentRuntime> rt(new EnvironmentRuntime);
    const QString profilesDir = Locations::profilesDir(options.configDir);

    if (!options.freshScenario.isEmpty()) {
        rt->m_profile.name = QStringLiteral("sandbox");
        const auto opened = rt->openSandbox(options, options.freshScenario, true);
        if (!opened)
            return opened.error();
        return rt;
    }

    std::optional<EnvironmentProfile> profile;
    if (!options.environment.isEmpty()) {
        const auto found = ProfileLoader::find(profilesDir, options.environment);
        if (!found) {
            if (options.environment != QLatin1String("sandbox") ||
                found.error().kind != Error::Kind::NotFound)
                return found.error();
        } else {
            profile = found.value();
        }
    } else if (QDir(profilesDir).exists()) {
        const auto all = ProfileLoader::loadDirectory(profilesDir);
        if (!all)
            return all.error();
        if (all.value().size() == 1) {
            profile = all.value().first();
        } else if (all.value().size() > 1) {
            QStringList names;
            for (const EnvironmentProfile &p : all.value())
                names << p.name;
            return Error{Error::Kind::Invalid,
                         tr("--env: %1 environments are configured (%2); name one with --env")
                             .arg(all.value().size())
                             .arg(names.join(QStringLiteral(", ")))};
        }
    }

    if (!profile) {
        // The embedded default: the sandbox, continued where it was left.
        rt->m_profile.name = QStringLiteral("sandbox");
        const auto opened = rt->openSandbox(options, QString(), false);
        if (!opened)
            return opened.error();
        return rt;
    }

    rt->m_profile = *profile;
    if (profile->cluster.kind != QLatin1String("sandbox"))
        return Error{Error::Kind::Other,
                     tr("%1: the %2 cluster of environment %3 is not available in this build yet; "
                        "only sandbox environments can run")
                         .arg(profile->sourceFile, profile->cluster.kind, profile->name)};
    const auto opened = rt->openSandbox(
        options, profile->cluster.settings.value(QStringLiteral("scenario")).toString(), false);
    if (!opened)
        return opened.error();
    return rt;
}

Result<void> EnvironmentRuntime::openSandbox(const Options &options, const QString &scenarioRef,
                                             bool fresh)
{
    m_stateFile =
        QDir(options.dataDir).filePath(QStringLiteral("sandbox/%1.json").arg(m_profile.name));
    QJsonObject saved;
    if (!fresh && QFile::exists(m_stateFile)) {
        QFile file(m_stateFile);
        if (!file.open(QIODevice::ReadOnly))
            return Error{
                Error::Kind::Other,
                tr("cannot read the sandbox state %1: %2").arg(m_stateFile, file.errorString())};
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject())
            return Error{Error::Kind::Invalid,
                         tr("the sandbox state %1 is damaged (%2); delete it to start the sandbox "
                            "afresh")
                             .arg(m_stateFile, parseError.errorString())};
        saved = doc.object();
    }
    m_scenarioRef = scenarioRef;
    if (QFileInfo(m_scenarioRef).isFile())
        m_scenarioRef = QFileInfo(m_scenarioRef).absoluteFilePath();
    if (m_scenarioRef.isEmpty())
        m_scenarioRef = saved.value(QStringLiteral("scenario")).toString();
    if (m_scenarioRef.isEmpty())
        m_scenarioRef = QString::fromLatin1(kDefaultScenario);
    if (!saved.isEmpty() && saved.value(QStringLiteral("scenario")).toString() != m_scenarioRef)
        saved = {}; // the profile now names another scenario: start that one afresh

    auto scenario = Scenario::load(m_scenarioRef);
    if (!scenario)
        return scenario.error();
    // The sandbox simulates the profile's application under the scenario's behaviour.
    if (m_profile.applications.size() > 1)
        return Error{Error::Kind::Invalid,
                     tr("%1: a sandbox environment simulates one application; this one names %2")
                         .arg(m_profile.sourceFile)
                         .arg(m_profile.applications.size())};
    if (m_profile.applications.size() == 1)
        scenario.value().app = m_profile.applications.first().name;

    QDateTime start = QDateTime::currentDateTimeUtc();
    const QDateTime savedAt = QDateTime::fromString(
        saved.value(QStringLiteral("state")).toObject().value(QStringLiteral("savedAt")).toString(),
        Qt::ISODateWithMs);
    if (savedAt.isValid() && savedAt > start)
        start = savedAt;
    auto clock = std::make_unique<VirtualClock>(start);
    clock->setPaced(options.speed > 0 ? options.speed : 60);
    m_clock = clock.get();
    m_ownedClock = std::move(clock);

    m_sandbox = std::make_unique<SandboxEnvironment>(scenario.value(), m_clock);
    if (!saved.isEmpty()) {
        QString error;
        if (!m_sandbox->restoreState(saved.value(QStringLiteral("state")).toObject(), &error))
            return Error{Error::Kind::Invalid,
                         tr("the sandbox state %1 cannot be continued (%2); delete it to start the "
                            "sandbox afresh")
                             .arg(m_stateFile, error)};
    }
    m_cluster = std::make_unique<SandboxCluster>(m_sandbox.get());
    m_router = std::make_unique<SandboxRouter>(m_sandbox.get());
    m_metrics = std::make_unique<SandboxMetrics>(m_sandbox.get());

    if (m_profile.applications.isEmpty())
        m_profile.applications.append({scenario.value().app, {}});
    if (m_profile.sourceFile.isEmpty()) {
        m_profile.plan = scenario.value().plan;
        m_profile.cluster.kind = m_profile.router.kind = m_profile.metrics.kind =
            QStringLiteral("sandbox");
    }
    return saveState();
}

Result<QString> EnvironmentRuntime::application(const QString &requested) const
{
    if (!requested.isEmpty()) {
        if (!m_profile.application(requested)) {
            QStringList names;
            for (const auto &a : m_profile.applications)
                names << a.name;
            return Error{Error::Kind::Invalid,
                         tr("--app: environment %1 has no application %2 "
                            "(it has: %3)")
                             .arg(m_profile.name, requested, names.join(QStringLiteral(", ")))};
        }
        return requested;
    }
    if (m_profile.applications.size() == 1)
        return m_profile.applications.first().name;
    return Error{Error::Kind::Invalid,
                 tr("--app: environment %1 manages %2 applications; name one with --app")
                     .arg(m_profile.name)
                     .arg(m_profile.applications.size())};
}

RolloutPorts EnvironmentRuntime::ports(HistoryStore *store) const
{
    return RolloutPorts{m_cluster.get(), m_router.get(), m_metrics.get(), m_clock, store};
}

Result<void> EnvironmentRuntime::saveState() const
{
    if (!m_sandbox)
        return {};
    QDir().mkpath(QFileInfo(m_stateFile).absolutePath());
    QSaveFile file(m_stateFile);
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            Error::Kind::Other,
            tr("cannot write the sandbox state %1: %2").arg(m_stateFile, file.errorString())};
    const QJsonObject doc{{QStringLiteral("scenario"), m_scenarioRef},
                          {QStringLiteral("state"), m_sandbox->saveState()}};
    file.write(QJsonDocument(doc).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Error{
            Error::Kind::Other,
            tr("cannot write the sandbox state %1: %2").arg(m_stateFile, file.errorString())};
    return {};
}

} // namespace optimist
