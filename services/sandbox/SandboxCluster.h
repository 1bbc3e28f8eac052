#pragma once

#include "ports/ClusterPort.h"

#include <QCoreApplication>

#include <optional>

namespace optimist {

class SandboxEnvironment;

/// The simulated Docker Swarm: services APP-blue and APP-green of the environment. Every answer
/// comes through the environment's clock a few virtual milliseconds (or the simulated duration)
/// later.
class SandboxCluster : public ClusterPort
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCluster)

public:
    explicit SandboxCluster(SandboxEnvironment *environment);

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

private:
    std::optional<Error> checkApp(const QString &app) const;
    std::optional<Error> checkExists(Color color) const;
    /// The Docker service spec the clone would have, as compact JSON.
    QString serviceSpec(Color color, const QString &version, int replicas) const;
    static void awaitHealth(SandboxEnvironment *environment, Color color, qint64 deadlineMs,
                            std::chrono::milliseconds timeout, const Reply<ColorService> &reply);

    SandboxEnvironment *m_environment;
};

} // namespace optimist
