#pragma once

#include "docker/DockerCluster.h"

#include "profiles/EnvironmentProfile.h"

#include "core/Result.h"
#include "rollout/RolloutPorts.h"

#include <QCoreApplication>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <map>
#include <memory>

namespace optimist {

class ClusterPort;
class RouterPort;
class MetricsPort;
class Clock;
class VirtualClock;
class SandboxEnvironment;
class DockerClient;
class DockerCluster;
class LeaseStore;

/// The composition of one environment: its profile and the port implementations it names.
///
/// Which environment: --env NAME (a profile), else --sandbox SCENARIO (a fresh sandbox), else
/// the only profile in the config directory, else the embedded default — the sandbox, continued
/// from its saved state or started from the "healthy" scenario. A sandbox keeps its state in
/// DATA_DIR/sandbox/NAME.json so separate optimist-cli processes work on the same simulated
/// cluster (a second process can resume or roll back what the first one left).
class EnvironmentRuntime : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;       ///< resolved data directory
        QString configDir;     ///< resolved config directory
        QString environment;   ///< --env; empty: choose as above
        QString freshScenario; ///< --sandbox: start a new sandbox from this scenario
        double speed = 60;     ///< sandbox: virtual seconds per real second
        /// The embedded sandbox (no profile) simulates these applications, each in its own
        /// simulated cluster under the same scenario and clock, its state in
        /// DATA_DIR/sandbox/sandbox-APP.json; empty: the scenario's one application.
        QStringList sandboxApps;
    };

    static constexpr const char *kDefaultScenario = "healthy";

    ~EnvironmentRuntime() override;

    /// Errors: Invalid (bad profile or scenario: exit 2), NotFound (no such environment),
    /// Other (a kind not available in this build).
    static Result<std::unique_ptr<EnvironmentRuntime>> open(const Options &options);

    QString name() const { return m_profile.name; }
    const EnvironmentProfile &profile() const { return m_profile; }
    /// The application to act on: @p requested, or the environment's only one.
    Result<QString> application(const QString &requested) const;
    RolloutPorts ports(HistoryStore *store) const;
    /// The ports that act on @p app: those of its own simulated cluster in a sandbox of several
    /// applications (Options::sandboxApps), else ports(store).
    RolloutPorts ports(HistoryStore *store, const QString &app) const;

    /// The keychain references (field path, e.g. "router.password" → "keychain:S/A") whose
    /// values the environment needs before ports() can be used; empty once provided (and for
    /// environments without secrets). The caller reads them from the keychain asynchronously.
    const QMap<QString, QString> &pendingSecrets() const { return m_pendingSecrets; }
    /// Completes the environment with the values of pendingSecrets() (field path → value).
    /// The values are handed to the connections and not kept here.
    Result<void> provideSecrets(const QMap<QString, QString> &secrets);
    Clock *clock() const { return m_clock; }
    SandboxEnvironment *sandbox() const { return m_sandbox.get(); }
    /// The simulated cluster of @p app (see ports(store, app)); nullptr for real environments.
    SandboxEnvironment *sandbox(const QString &app) const;
    /// Where the rollout leases of this environment's applications live, so that every
    /// operator's process sees them: Traefik's Redis (router kind redis), the file provider's
    /// folder (kind file), or the data directory (the sandbox, and simulated traffic). Null
    /// until pendingSecrets() are provided.
    LeaseStore *leases() const { return m_leases.get(); }
    /// How long a lease lasts unless renewed: the profile's cluster.leaseTtlSec, default 30 s.
    std::chrono::milliseconds leaseTtl() const;
    /// Writes the sandbox's state file (no-op for real environments).
    Result<void> saveState() const;

private:
    Q_DISABLE_COPY(EnvironmentRuntime)
    EnvironmentRuntime() = default;
    /// With @p realCluster the sandbox only simulates the traffic (router and metrics) of a
    /// real cluster set up by openDocker, on the system clock.
    Result<void> openSandbox(const Options &options, const QString &scenarioRef, bool fresh,
                             bool realCluster = false);
    /// The embedded sandbox with Options::sandboxApps: one runtime per further application,
    /// each on this one's clock.
    Result<void> openSandboxApps(const Options &options, const QString &scenarioRef, bool fresh);
    Result<void> openDocker(const Options &options);
    /// The real router (Traefik over Redis or a file) and metrics (Traefik's /metrics or
    /// Prometheus, with CPU from the cluster) of a docker environment.
    Result<void> openTraefik(const QMap<QString, QString> &secrets);
    /// The docker cluster's options: registry credentials (with their secret) when configured.
    DockerCluster::Options dockerOptions(const QMap<QString, QString> &secrets) const;
    /// Finishes a docker environment once its secrets are known.
    Result<void> completeDocker(const QMap<QString, QString> &secrets);

    EnvironmentProfile m_profile;
    Clock *m_clock = nullptr;
    std::unique_ptr<Clock> m_ownedClock;
    std::unique_ptr<SandboxEnvironment> m_sandbox;
    std::unique_ptr<DockerClient> m_dockerClient;
    std::unique_ptr<DockerCluster> m_dockerCluster;
    std::unique_ptr<ClusterPort> m_cluster;
    std::unique_ptr<RouterPort> m_router;
    std::unique_ptr<MetricsPort> m_trafficMetrics; ///< wrapped by m_metrics with the CPU
    std::unique_ptr<MetricsPort> m_metrics;
    std::unique_ptr<LeaseStore> m_leases;
    QMap<QString, QString> m_pendingSecrets;
    QString m_stateFile;
    QString m_scenarioRef;
    QString m_stateName;            ///< names the sandbox state file; empty: the environment's
    Clock *m_sharedClock = nullptr; ///< set: the sandbox runs on this (another runtime's) clock
    quint64 m_seedOffset = 0;       ///< added to the scenario's seed
    /// Options::sandboxApps beyond the first, by name; they run on m_clock.
    std::map<QString, std::unique_ptr<EnvironmentRuntime>> m_appRuntimes;
};

} // namespace optimist
