#include "SandboxRouter.h"

#include "SandboxEnvironment.h"

#include <algorithm>
namespace optimist {

SandboxRouter::SandboxRouter(SandboxEnvironment *environment)
    : m_environment(environment)
{
    Q_ASSERT(m_environment);
}

std::optional<Error> SandboxRouter::checkApp(const QString &app) const
{
    if (app == m_environment->scenario().app)
        return std::nullopt;
    return Error{Error::Kind::NotFound,
                 tr("Traefik in the sandbox has no weighted service \"%1\"; its scenario runs "
                    "\"%2\"")
                     .arg(app, m_environment->scenario().app)};
}

QString SandboxRouter::kvKeys(const WeightSplit &split) const
{
    // Traefik's KV layout (rootKey "traefik"); children are the Swarm provider's services.
    const QString prefix = QStringLiteral("traefik/http/services/%1/weighted/services/")
                               .arg(m_environment->scenario().app);
    QString keys;
    int index = 0;
    for (Color color : {Color::Blue, Color::Green}) {
        if (split.of(color) <= 0)
            continue; // as the real writer: a zero-weight child is left out
        keys += QStringLiteral("%1%2/name = %3@swarm\n")
                    .arg(prefix)
                    .arg(index)
                    .arg(m_environment->serviceName(color));
        keys += QStringLiteral("%1%2/weight = %3\n").arg(prefix).arg(index).arg(split.of(color));
        ++index;
    }
    keys.chop(1);
    return keys;
}

void SandboxRouter::readWeights(const QString &app, Reply<WeightSplit> reply)
{
    if (auto error = checkApp(app)) {
        m_environment->deliver<WeightSplit>(reply, *error);
        return;
    }
    m_environment->deliver<WeightSplit>(reply, m_environment->writtenWeights());
}

void SandboxRouter::writeWeights(const QString &app, const WeightSplit &split, WriteMode mode,
                                 Reply<WriteOutcome> reply)
{
    std::optional<Error> error = checkApp(app);
    if (!error && (split.blue < 0 || split.green < 0 || split.blue + split.green != 100))
        error = Error{Error::Kind::Invalid,
                      tr("weights %1 do not add up to 100%").arg(split.toString())};
    if (error) {
        m_environment->deliver<WriteOutcome>(reply, *error);
        return;
    }
    WriteOutcome outcome;
    if (mode == WriteMode::DryRun) {
        outcome.description = tr("would set in Redis, in one transaction:\n%1").arg(kvKeys(split));
    } else {
        m_environment->writeWeights(split);
        outcome.description = tr("set in Redis, in one transaction:\n%1").arg(kvKeys(split));
    }
    m_environment->deliver<WriteOutcome>(reply, outcome);
}

void SandboxRouter::confirmWeights(const QString &app, const WeightSplit &split,
                                   std::chrono::milliseconds timeout, Reply<WeightSplit> reply)
{
    if (auto error = checkApp(app)) {
        m_environment->deliver<WeightSplit>(reply, *error);
        return;
    }
    const qint64 now = m_environment->nowMs();
    const qint64 deadline =
        now + std::clamp<qint64>(timeout.count(), 0, SandboxEnvironment::kNever - now);
    awaitWeights(m_environment, split, deadline, timeout, reply);
}

void SandboxRouter::awaitWeights(SandboxEnvironment *environment, const WeightSplit &split,
                                 qint64 deadlineMs, std::chrono::milliseconds timeout,
                                 const Reply<WeightSplit> &reply)
{
    if (reply.isCancelled())
        return;
    const qint64 now = environment->nowMs();
    // Look again when the last write comes into force if that is what we wait for, else at the
    // deadline (a later write may still bring the weights about).
    qint64 next = deadlineMs;
    if (environment->weightsInForce(now) == split)
        next = now;
    else if (environment->writtenWeights() == split)
        next = std::min(next, environment->writtenInForceAtMs());
    const qint64 delay = std::max<qint64>(SandboxEnvironment::kReplyDelay.count(), next - now);
    environment->clock()->schedule(
        std::chrono::milliseconds(delay), environment,
        [environment, split, deadlineMs, timeout, reply] {
            const qint64 at = environment->nowMs();
            const WeightSplit inForce = environment->weightsInForce(at);
            if (inForce == split) {
                reply(inForce);
            } else if (at >= deadlineMs) {
                reply(Error{Error::Kind::Timeout,
                            tr("Traefik serves %1 for %2, not %3, after waiting %4 s")
                                .arg(inForce.toString(), environment->scenario().app,
                                     split.toString(),
                                     QString::number(double(timeout.count()) / 1000.0))});
            } else {
                awaitWeights(environment, split, deadlineMs, timeout, reply);
            }
        },
        reply.token());
}

} // namespace optimist
