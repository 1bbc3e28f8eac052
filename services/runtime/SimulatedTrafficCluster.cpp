#include "SimulatedTrafficCluster.h"

#include "sandbox/SandboxEnvironment.h"

namespace optimist {

SimulatedTrafficCluster::SimulatedTrafficCluster(ClusterPort *real, SandboxEnvironment *simulation,
                                                 QObject *parent)
    : QObject(parent)
    , m_real(real)
    , m_simulation(simulation)
{
    Q_ASSERT(m_real && m_simulation);
}

void SimulatedTrafficCluster::mirror(const AppSnapshot &snapshot)
{
    for (Color color : {Color::Blue, Color::Green}) {
        const std::optional<ColorService> &real = snapshot.of(color);
        const auto &simulated = m_simulation->service(color);
        if (!real && simulated) {
            m_simulation->removeService(color);
        } else if (real && !simulated) {
            m_simulation->createService(color, real->version, real->replicasDesired);
        } else if (real && simulated && simulated->replicas != real->replicasDesired) {
            m_simulation->setReplicas(color, real->replicasDesired);
        }
    }
}

void SimulatedTrafficCluster::readApp(const QString &app, Reply<AppSnapshot> reply)
{
    m_real->readApp(app, Reply<AppSnapshot>(
                             this,
                             [this, reply](const Result<AppSnapshot> &r) {
                                 if (r)
                                     mirror(r.value());
                                 reply(r);
                             },
                             reply.token()));
}

void SimulatedTrafficCluster::createColor(const QString &app, Color from, Color to,
                                          const QString &version, WriteMode mode,
                                          Reply<WriteOutcome> reply)
{
    m_real->createColor(app, from, to, version, mode,
                        Reply<WriteOutcome>(
                            this,
                            [this, reply, from, to, version, mode](const Result<WriteOutcome> &r) {
                                if (r && mode == WriteMode::Apply) {
                                    const auto &active = m_simulation->service(from);
                                    m_simulation->createService(to, version,
                                                                active ? active->replicas : 1);
                                }
                                reply(r);
                            },
                            reply.token()));
}

void SimulatedTrafficCluster::waitHealthy(const QString &app, Color color,
                                          std::chrono::milliseconds timeout,
                                          Reply<ColorService> reply)
{
    m_real->waitHealthy(
        app, color, timeout,
        Reply<ColorService>(
            this,
            [this, reply, color](const Result<ColorService> &r) {
                if (!r) {
                    reply(r);
                    return;
                }
                if (!m_simulation->service(color))
                    m_simulation->createService(color, r.value().version,
                                                r.value().replicasDesired);
                const qint64 wait = m_simulation->healthyAtMs(color) - m_simulation->nowMs();
                if (wait <= 0 || m_simulation->healthyAtMs(color) == SandboxEnvironment::kNever) {
                    reply(r);
                    return;
                }
                m_simulation->clock()->schedule(
                    std::chrono::milliseconds(wait), this, [reply, r] { reply(r); }, reply.token());
            },
            reply.token()));
}

void SimulatedTrafficCluster::scale(const QString &app, Color color, int replicas, WriteMode mode,
                                    Reply<WriteOutcome> reply)
{
    m_real->scale(app, color, replicas, mode,
                  Reply<WriteOutcome>(
                      this,
                      [this, reply, color, replicas, mode](const Result<WriteOutcome> &r) {
                          if (r && mode == WriteMode::Apply && m_simulation->service(color))
                              m_simulation->setReplicas(color, replicas);
                          reply(r);
                      },
                      reply.token()));
}

void SimulatedTrafficCluster::removeColor(const QString &app, Color color, WriteMode mode,
                                          Reply<WriteOutcome> reply)
{
    m_real->removeColor(app, color, mode,
                        Reply<WriteOutcome>(
                            this,
                            [this, reply, color, mode](const Result<WriteOutcome> &r) {
                                const bool gone = r || r.error().kind == Error::Kind::NotFound;
                                if (gone && mode == WriteMode::Apply &&
                                    m_simulation->service(color))
                                    m_simulation->removeService(color);
                                reply(r);
                            },
                            reply.token()));
}

void SimulatedTrafficCluster::runJob(const QString &app, const QString &version,
                                     const QStringList &command, std::chrono::milliseconds timeout,
                                     WriteMode mode, Reply<JobOutcome> reply)
{
    m_real->runJob(app, version, command, timeout, mode, std::move(reply));
}

} // namespace optimist
