#pragma once

#include "DockerStatsCpu.h"
#include "SwarmServiceState.h"
#include "ports/ClusterPort.h"
#include "ports/CpuPort.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace optimist {

class DockerClient;
struct DockerRequest;
struct DockerResponse;

/// The application's colors as Docker Swarm services APP-blue and APP-green, over the Docker
/// Engine API (DockerClient); also the colors' CPU from the containers' one-shot stats.
///
/// A color is found by its service name (TraefikNaming); the services this class creates carry
/// the labels optimist.app=APP and optimist.color=COLOR. Requests that do not depend on each
/// other run at once. Writes with WriteMode::DryRun perform every read for real and describe the
/// exact request they would send (method, path and JSON body).
class DockerCluster : public QObject, public ClusterPort, public CpuPort
{
    Q_OBJECT

public:
    /// Per application: the port each color listens on (host-network services), from the
    /// environment profile. Without ports the clone keeps the active color's port settings.
    struct AppSettings
    {
        std::optional<int> bluePort;
        std::optional<int> greenPort;
        QString portVariable = QStringLiteral("PORT"); ///< the app's port variable in Env

        std::optional<int> portOf(Color color) const
        {
            return color == Color::Blue ? bluePort : greenPort;
        }
    };

    struct Options
    {
        /// The X-Registry-Auth value sent on create and update (base64url JSON credentials),
        /// read from the keychain by the caller; empty: none. Never logged or described.
        QByteArray registryAuth;
        /// Between two looks at the tasks while waiting for health or a job.
        std::chrono::milliseconds pollInterval{500};
        /// Failed tasks of a color that make a crash loop.
        int crashLoopFailures = 3;
        /// Refuse to create a service whose image is not on the node the client talks to
        /// (Error::NotFound, nothing created). Turn off where the nodes pull from a registry.
        bool requireLocalImage = true;
        /// Timeout of each single request.
        std::chrono::milliseconds requestTimeout{10000};
        /// Lines of a job's output kept in its JobOutcome.
        int jobLogLines = 50;
    };

    /// The X-Registry-Auth value for @p user / @p password at @p server: base64url of Docker's
    /// AuthConfig JSON, as `docker service create --with-registry-auth` sends it.
    static QByteArray registryAuthHeader(const QString &server, const QString &user,
                                         const QString &password);

    DockerCluster(DockerClient *client, Options options, QObject *parent = nullptr);
    /// Replaces the options, e.g. once the registry credentials are read from the keychain.
    void setOptions(Options options) { m_options = std::move(options); }
    explicit DockerCluster(DockerClient *client, QObject *parent = nullptr);
    ~DockerCluster() override;

    void setApplication(const QString &app, const AppSettings &settings);
    DockerClient *client() const { return m_client; }

    void readApp(const QString &app, Reply<AppSnapshot> reply) override;
    void createColor(const QString &app, Color from, Color to, const QString &version,
                     WriteMode mode, Reply<WriteOutcome> reply) override;
    void waitHealthy(const QString &app, Color color, std::chrono::milliseconds timeout,
                     Reply<ColorService> reply) override;
    void scale(const QString &app, Color color, int replicas, WriteMode mode,
               Reply<WriteOutcome> reply) override;
    void removeColor(const QString &app, Color color, WriteMode mode,
                     Reply<WriteOutcome> reply) override;
    void runJob(const QString &app, const QString &version, const QStringList &command,
                std::chrono::milliseconds timeout, WriteMode mode,
                Reply<JobOutcome> reply) override;

    void cpuPercent(const QString &app, Color color, Reply<double> reply) override;

    /// The `POST /services/create` body of a one-off job: @p activeService's task template
    /// (env, mounts, networks, resources) with the image tag @p version, @p command as the
    /// container's arguments, no healthcheck, no restart, mode ReplicatedJob with one
    /// completion, and no service labels (Traefik must not route to it).
    static Result<QJsonObject> jobSpec(const QJsonObject &activeService, const QString &app,
                                       const QString &jobName, const QString &version,
                                       const QStringList &command);

private:
    struct Observation
    {
        QJsonObject service;
        QList<SwarmServiceState::Task> tasks;
        QHash<QString, QString> health; ///< container id → State.Health.Status
    };
    using Response = Result<DockerResponse>;
    struct HealthWait;
    struct JobRun;

    void request(DockerRequest request, const CancelToken &token,
                 std::function<void(const Response &)> done);
    DockerRequest get(const QString &path) const;
    /// POST /services/create with @p spec (JSON) and the registry auth, if any.
    DockerRequest createRequest(const QString &spec) const;
    /// The service, its tasks and its running containers' health; NotFound for no service.
    void observe(const QString &serviceName, const CancelToken &token,
                 std::function<void(const Result<Observation> &)> done);
    void pollHealth(const std::shared_ptr<HealthWait> &wait);
    void reportCrash(const std::shared_ptr<HealthWait> &wait, const QString &crash,
                     const QList<SwarmServiceState::Task> &tasks);
    void pollJob(const std::shared_ptr<JobRun> &job);
    void finishJob(const std::shared_ptr<JobRun> &job, const SwarmServiceState::Task &task);
    void removeJob(const std::shared_ptr<JobRun> &job, std::function<void()> then);
    void confirmRemoved(const QString &id, const QString &name, int attempt,
                        const CancelToken &token, std::function<void(const Result<void> &)> done);
    QList<QPair<QByteArray, QByteArray>> authHeaders() const;
    QString where() const;

    template <typename T> void later(const Reply<T> &reply, Result<T> result);

    DockerClient *m_client;
    Options m_options;
    QHash<QString, AppSettings> m_apps;
    /// The previous one-shot stats sample of each container, for the CPU delta.
    QHash<QString, DockerStatsCpu::Sample> m_cpuSamples;
};

} // namespace optimist
