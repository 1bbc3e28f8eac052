#include "EnvironmentRuntime.h"

#include "SimulatedTrafficCluster.h"
#include "docker/DockerClient.h"
#include "docker/DockerCluster.h"
#include "docker/DockerEndpoint.h"
#include "lease/FileLeaseStore.h"
#include "lease/RedisLeaseStore.h"
#include "metrics/MetricsWithCpu.h"
#include "metrics/PrometheusMetrics.h"
#include "metrics/TraefikScrapeMetrics.h"
#include "profiles/ProfileLoader.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"
#include "traefik/TraefikRouter.h"
#include "traefik/TraefikRouterProfile.h"

#include "clock/SystemClock.h"
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
    // Ports refer to the sandbox and clock: drop them first. Further applications run on this
    // runtime's clock.
    m_appRuntimes.clear();
    m_leases.reset();
    m_metrics.reset();
    m_trafficMetrics.reset();
    m_router.reset();
    m_cluster.reset();
    m_dockerCluster.reset();
    m_dockerClient.reset();
    m_sandbox.reset();
}

Result<std::unique_ptr<EnvironmentRuntime>> EnvironmentRuntime::open(const Options &options)
{
    std::unique_ptr<EnvironmentRuntime> rt(new EnvironmentRuntime);
    const QString profilesDir = Locations::profilesDir(options.configDir);

    if (!options.freshScenario.isEmpty()) {
        rt->m_profile.name = QStringLiteral("sandbox");
        const auto opened = options.sandboxApps.isEmpty()
                                ? rt->openSandbox(options, options.freshScenario, true)
                                : rt->openSandboxApps(options, options.freshScenario, true);
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
        const auto opened = options.sandboxApps.isEmpty()
                                ? rt->openSandbox(options, QString(), false)
                                : rt->openSandboxApps(options, QString(), false);
        if (!opened)
            return opened.error();
        return rt;
    }

    rt->m_profile = *profile;
    if (profile->cluster.kind == QLatin1String("docker")) {
        const auto opened = rt->openDocker(options);
        if (!opened)
            return opened.error();
        return rt;
    }
    if (profile->cluster.kind != QLatin1String("sandbox"))
        return Error{Error::Kind::Other,
                     tr("%1: the %2 cluster of environment %3 is not available in this build yet; "
                        "only sandbox and docker environments can run")
                         .arg(profile->sourceFile, profile->cluster.kind, profile->name)};
    const auto opened = rt->openSandbox(
        options, profile->cluster.settings.value(QStringLiteral("scenario")).toString(), false);
    if (!opened)
        return opened.error();
    return rt;
}

Result<void> EnvironmentRuntime::openDocker(const Options &options)
{
    const EnvironmentProfile::Component &cluster = m_profile.cluster;
    // The profile loader allows the sandbox's router and metrics only together.
    const bool simulatedTraffic = m_profile.router.kind == QLatin1String("sandbox");

    DockerEndpoint::Request request;
    request.host = cluster.settings.value(QStringLiteral("endpoint")).toString();
    request.context = cluster.settings.value(QStringLiteral("context")).toString();
    request.certPath = cluster.settings.value(QStringLiteral("tlsCertPath")).toString();
    if (cluster.settings.contains(QStringLiteral("tlsVerify")))
        request.tlsVerify = cluster.settings.value(QStringLiteral("tlsVerify")).toBool();
    const Result<DockerEndpoint> endpoint = DockerEndpoint::resolve(request);
    if (!endpoint)
        return Error{endpoint.error().kind,
                     tr("%1: cluster: %2").arg(m_profile.sourceFile, endpoint.error().message)};

    if (simulatedTraffic) {
        // The traffic is simulated: the sandbox of the metrics' scenario, on the real clock.
        const auto opened = openSandbox(
            options, m_profile.metrics.settings.value(QStringLiteral("scenario")).toString(), false,
            true);
        if (!opened)
            return opened;
    } else {
        m_ownedClock = std::make_unique<SystemClock>();
        m_clock = m_ownedClock.get();
    }

    m_dockerClient = std::make_unique<DockerClient>(endpoint.value());
    m_dockerCluster = std::make_unique<DockerCluster>(m_dockerClient.get(), dockerOptions({}));
    for (const EnvironmentProfile::Application &app : std::as_const(m_profile.applications)) {
        DockerCluster::AppSettings settings;
        const QVariantMap ports = app.settings.value(QStringLiteral("ports")).toMap();
        if (!ports.isEmpty()) {
            settings.bluePort = ports.value(QStringLiteral("blue")).toInt();
            settings.greenPort = ports.value(QStringLiteral("green")).toInt();
        }
        const QString variable = app.settings.value(QStringLiteral("portVariable")).toString();
        if (!variable.isEmpty())
            settings.portVariable = variable;
        m_dockerCluster->setApplication(app.name, settings);
    }
    if (simulatedTraffic)
        m_cluster =
            std::make_unique<SimulatedTrafficCluster>(m_dockerCluster.get(), m_sandbox.get());

    QStringList secretFields{QStringLiteral("cluster.registryPassword")};
    if (!simulatedTraffic)
        secretFields << QStringLiteral("router.password") << QStringLiteral("router.apiPassword")
                     << QStringLiteral("metrics.token");
    for (const QString &field : std::as_const(secretFields)) {
        if (m_profile.secretReferences.contains(field))
            m_pendingSecrets.insert(field, m_profile.secretReferences.value(field));
    }
    if (m_pendingSecrets.isEmpty())
        return completeDocker({});
    return {};
}

DockerCluster::Options
EnvironmentRuntime::dockerOptions(const QMap<QString, QString> &secrets) const
{
    DockerCluster::Options options;
    const QVariantMap &cluster = m_profile.cluster.settings;
    const QString server = cluster.value(QStringLiteral("registryServer")).toString();
    if (!server.isEmpty()) {
        options.registryAuth = DockerCluster::registryAuthHeader(
            server, cluster.value(QStringLiteral("registryUser")).toString(),
            secrets.value(QStringLiteral("cluster.registryPassword")));
        // The nodes pull from the registry: the image need not be on the node asked.
        options.requireLocalImage = false;
    }
    return options;
}

Result<void> EnvironmentRuntime::completeDocker(const QMap<QString, QString> &secrets)
{
    if (m_profile.secretReferences.contains(QStringLiteral("cluster.registryPassword")))
        m_dockerCluster->setOptions(dockerOptions(secrets));
    if (m_profile.router.kind == QLatin1String("sandbox"))
        return {}; // simulated traffic: the sandbox's router and metrics
    return openTraefik(secrets);
}

Result<void> EnvironmentRuntime::provideSecrets(const QMap<QString, QString> &secrets)
{
    if (m_pendingSecrets.isEmpty())
        return {};
    for (auto it = m_pendingSecrets.cbegin(); it != m_pendingSecrets.cend(); ++it) {
        if (!secrets.contains(it.key()))
            return Error{Error::Kind::Invalid,
                         tr("%1: %2: the secret %3 was not provided")
                             .arg(m_profile.sourceFile, it.key(), it.value())};
    }
    m_pendingSecrets.clear();
    return completeDocker(secrets);
}

Result<void> EnvironmentRuntime::openTraefik(const QMap<QString, QString> &secrets)
{
    Result<TraefikRouterConfig> routerConfig =
        TraefikRouterProfile::fromProfile(m_profile, secrets);
    if (!routerConfig)
        return routerConfig.error();
    m_router = std::make_unique<TraefikRouter>(routerConfig.value());
    if (routerConfig.value().provider == TraefikRouterConfig::Provider::Redis) {
        m_leases = std::make_unique<RedisLeaseStore>(routerConfig.value().redis,
                                                     routerConfig.value().rootKey);
    } else {
        // The folder Traefik watches (or the folder of the file it watches): every operator
        // who writes the weights shares it.
        const QFileInfo info(routerConfig.value().directory);
        const bool isFile = info.isFile() || info.suffix() == QLatin1String("yaml") ||
                            info.suffix() == QLatin1String("yml");
        m_leases = std::make_unique<FileLeaseStore>(
            isFile ? info.absolutePath() : info.absoluteFilePath(), QStringLiteral(".optimist-"));
    }

    // The metrics' Traefik version: their own setting, else the router's, else 3.
    const QVariantMap &metrics = m_profile.metrics.settings;
    int major = metrics.value(QStringLiteral("traefikVersion")).toInt();
    if (major == 0)
        major = m_profile.router.settings.value(QStringLiteral("traefikVersion")).toInt();
    const auto version = major == 2 ? TraefikNaming::Version::V2 : TraefikNaming::Version::V3;
    const QUrl url(metrics.value(QStringLiteral("url")).toString());

    if (m_profile.metrics.kind == QLatin1String("traefik")) {
        TraefikScrapeMetrics::Config config;
        config.url = url;
        config.version = version;
        config.caFile = metrics.value(QStringLiteral("caFile")).toString();
        if (const int ms = metrics.value(QStringLiteral("scrapeIntervalMs")).toInt(); ms > 0)
            config.scrapeInterval = std::chrono::milliseconds(ms);
        for (const EnvironmentProfile::Application &app : std::as_const(m_profile.applications))
            config.apps << app.name;
        auto scrape = std::make_unique<TraefikScrapeMetrics>(config);
        scrape->start();
        m_trafficMetrics = std::move(scrape);
    } else if (m_profile.metrics.kind == QLatin1String("prometheus")) {
        PrometheusMetrics::Config config;
        config.baseUrl = url;
        config.version = version;
        config.bearerToken = secrets.value(QStringLiteral("metrics.token"));
        config.caFile = metrics.value(QStringLiteral("caFile")).toString();
        config.allowInsecureHttp = m_profile.allowInsecureHttp;
        if (metrics.contains(QStringLiteral("settleSec")))
            config.settleDelay =
                std::chrono::seconds(metrics.value(QStringLiteral("settleSec")).toInt());
        m_trafficMetrics = std::make_unique<PrometheusMetrics>(config);
    } else {
        return Error{Error::Kind::Invalid,
                     tr("%1: metrics of kind %2 cannot measure a docker cluster; use traefik or "
                        "prometheus")
                         .arg(m_profile.sourceFile, m_profile.metrics.kind)};
    }
    m_metrics = std::make_unique<MetricsWithCpu>(m_trafficMetrics.get(), m_dockerCluster.get());
    return {};
}

Result<void> EnvironmentRuntime::openSandbox(const Options &options, const QString &scenarioRef,
                                             bool fresh, bool realCluster)
{
    m_stateFile = QDir(options.dataDir)
                      .filePath(QStringLiteral("sandbox/%1.json")
                                    .arg(m_stateName.isEmpty() ? m_profile.name : m_stateName));
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
    scenario.value().seed += m_seedOffset;

    QDateTime start = QDateTime::currentDateTimeUtc();
    const QDateTime savedAt = QDateTime::fromString(
        saved.value(QStringLiteral("state")).toObject().value(QStringLiteral("savedAt")).toString(),
        Qt::ISODateWithMs);
    if (savedAt.isValid() && savedAt > start)
        start = savedAt;
    if (m_sharedClock) {
        m_clock = m_sharedClock;
    } else if (realCluster) {
        // Real services take real time: the engine and the simulated traffic run on it too.
        m_ownedClock = std::make_unique<SystemClock>();
        m_clock = m_ownedClock.get();
    } else {
        auto clock = std::make_unique<VirtualClock>(start);
        clock->setPaced(options.speed > 0 ? options.speed : 60);
        m_clock = clock.get();
        m_ownedClock = std::move(clock);
    }

    m_sandbox = std::make_unique<SandboxEnvironment>(scenario.value(), m_clock);
    if (!saved.isEmpty()) {
        QString error;
        if (!m_sandbox->restoreState(saved.value(QStringLiteral("state")).toObject(), &error))
            return Error{Error::Kind::Invalid,
                         tr("the sandbox state %1 cannot be continued (%2); delete it to start the "
                            "sandbox afresh")
                             .arg(m_stateFile, error)};
    }
    if (!realCluster)
        m_cluster = std::make_unique<SandboxCluster>(m_sandbox.get());
    m_router = std::make_unique<SandboxRouter>(m_sandbox.get());
    m_metrics = std::make_unique<SandboxMetrics>(m_sandbox.get());
    // The sandbox is shared through the data directory: so are its leases.
    m_leases =
        std::make_unique<FileLeaseStore>(QDir(options.dataDir).filePath(QStringLiteral("leases")),
                                         m_profile.name + QLatin1Char('-'));

    if (m_profile.applications.isEmpty())
        m_profile.applications.append({scenario.value().app, {}});
    if (m_profile.sourceFile.isEmpty()) {
        m_profile.plan = scenario.value().plan;
        m_profile.cluster.kind = m_profile.router.kind = m_profile.metrics.kind =
            QStringLiteral("sandbox");
    }
    return saveState();
}

Result<void> EnvironmentRuntime::openSandboxApps(const Options &options, const QString &scenarioRef,
                                                 bool fresh)
{
    QStringList apps = options.sandboxApps;
    apps.removeDuplicates();
    m_stateName = m_profile.name + QLatin1Char('-') + apps.first();
    m_profile.applications = {{apps.first(), {}}};
    if (auto opened = openSandbox(options, scenarioRef, fresh); !opened)
        return opened;
    for (int i = 1; i < apps.size(); ++i) {
        std::unique_ptr<EnvironmentRuntime> app(new EnvironmentRuntime);
        app->m_profile.name = m_profile.name;
        app->m_profile.applications = {{apps.at(i), {}}};
        app->m_stateName = m_profile.name + QLatin1Char('-') + apps.at(i);
        app->m_sharedClock = m_clock;
        app->m_seedOffset = quint64(i); // the same behaviour, not the same noise
        if (auto opened = app->openSandbox(options, scenarioRef, fresh); !opened)
            return opened;
        m_profile.applications.append({apps.at(i), {}});
        m_appRuntimes[apps.at(i)] = std::move(app);
    }
    return {};
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

std::chrono::milliseconds EnvironmentRuntime::leaseTtl() const
{
    const int sec = m_profile.cluster.settings.value(QStringLiteral("leaseTtlSec"), 30).toInt();
    return std::chrono::seconds(sec > 0 ? sec : 30);
}

RolloutPorts EnvironmentRuntime::ports(HistoryStore *store) const
{
    ClusterPort *cluster = m_cluster ? m_cluster.get() : m_dockerCluster.get();
    return RolloutPorts{cluster, m_router.get(), m_metrics.get(), m_clock, store};
}

RolloutPorts EnvironmentRuntime::ports(HistoryStore *store, const QString &app) const
{
    const auto it = m_appRuntimes.find(app);
    return it != m_appRuntimes.end() ? it->second->ports(store) : ports(store);
}

SandboxEnvironment *EnvironmentRuntime::sandbox(const QString &app) const
{
    const auto it = m_appRuntimes.find(app);
    if (it != m_appRuntimes.end())
        return it->second->sandbox();
    return m_sandbox && m_sandbox->scenario().app == app ? m_sandbox.get() : nullptr;
}

Result<void> EnvironmentRuntime::saveState() const
{
    if (!m_sandbox)
        return {};
    for (const auto &[name, app] : m_appRuntimes) {
        if (auto saved = app->saveState(); !saved)
            return saved;
    }
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
