#pragma once

#include "ports/ClusterPort.h"

#include <QCoreApplication>
#include <QObject>

namespace optimist {

class SandboxEnvironment;

/// A real cluster (Docker Swarm) whose traffic is simulated: the environment profile says
/// `router: {kind: sandbox}` and `metrics: {kind: sandbox}` with a docker cluster. Every call goes
/// to the real cluster; each change it applies is mirrored in the sandbox environment, whose
/// router and metrics only see their own simulated services: a color created, scaled or removed
/// in Swarm is created, scaled or removed there too, so the simulated traffic reaches exactly
/// the colors that really run.
///
/// waitHealthy answers once the real color is healthy and the simulated one is too (the
/// scenario's startup time), so no simulated request is counted as failed after the engine
/// was told the color is healthy.
class SimulatedTrafficCluster : public QObject, public ClusterPort
{
    Q_OBJECT

public:
    SimulatedTrafficCluster(ClusterPort *real, SandboxEnvironment *simulation,
                            QObject *parent = nullptr);

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
    /// Brings the simulation in line with what the real cluster shows.
    void mirror(const AppSnapshot &snapshot);

    ClusterPort *m_real;
    SandboxEnvironment *m_simulation;
};

} // namespace optimist
