#pragma once

#include "ports/RouterPort.h"

#include <QCoreApplication>

#include <optional>

namespace optimist {

class SandboxEnvironment;

/// The simulated Traefik: the weighted service APP over APP-blue@swarm and APP-green@swarm, as
/// its Redis provider would hold it. A write is in force applyDelaySec later (Traefik's
/// providersThrottleDuration), which confirmWeights waits for.
class SandboxRouter : public RouterPort
{
    Q_DECLARE_TR_FUNCTIONS(SandboxRouter)

public:
    explicit SandboxRouter(SandboxEnvironment *environment);

    void readWeights(const QString &app, Reply<WeightSplit> reply) override;
    void writeWeights(const QString &app, const WeightSplit &split, WriteMode mode,
                      Reply<WriteOutcome> reply) override;
    void confirmWeights(const QString &app, const WeightSplit &split,
                        std::chrono::milliseconds timeout, Reply<WeightSplit> reply) override;

    /// The Redis keys and values that hold @p split, one "key = value" per line.
    QString kvKeys(const WeightSplit &split) const;

private:
    std::optional<Error> checkApp(const QString &app) const;
    static void awaitWeights(SandboxEnvironment *environment, const WeightSplit &split,
                             qint64 deadlineMs, std::chrono::milliseconds timeout,
                             const Reply<WeightSplit> &reply);

    SandboxEnvironment *m_environment;
};

} // namespace optimist
