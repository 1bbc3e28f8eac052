#pragma once

#include "TraefikRouterConfig.h"
#include "TraefikService.h"
#include "ports/RouterPort.h"

#include <QDeadlineTimer>
#include <QObject>

#include <functional>
#include <optional>

namespace optimist {

class TraefikApiClient;
class TraefikWeightWriter;

/// The router port on a real Traefik: weights are written to its Redis KV provider or its file
/// provider (TraefikKvWriter / TraefikFileWriter) as the weighted service APP@redis /
/// APP@file over APP-blue and APP-green from the Swarm provider, and confirmed through its
/// API, which shows what is in force once Traefik has applied the change (for Redis after
/// its keyspace notification and its providersThrottleDuration, 2 s by default).
class TraefikRouter : public QObject, public RouterPort
{
    Q_OBJECT

public:
    explicit TraefikRouter(TraefikRouterConfig config, QObject *parent = nullptr);
    ~TraefikRouter() override;

    void readWeights(const QString &app, Reply<WeightSplit> reply) override;
    void writeWeights(const QString &app, const WeightSplit &split, WriteMode mode,
                      Reply<WriteOutcome> reply) override;
    void confirmWeights(const QString &app, const WeightSplit &split,
                        std::chrono::milliseconds timeout, Reply<WeightSplit> reply) override;

    TraefikWeightWriter *writer() const { return m_writer; }
    TraefikApiClient *api() const { return m_api; }
    /// The route of @p app: its profile entry, else defaults (no router rule).
    TraefikAppRoute route(const QString &app) const;
    /// The weighted service as the API names it: "SERVICE@redis" / "SERVICE@file".
    QString weightedServiceName(const TraefikAppRoute &route) const;

private:
    struct Poll
    {
        TraefikAppRoute route;
        WeightSplit expected;
        std::chrono::milliseconds timeout;
        QDeadlineTimer deadline;
        Reply<WeightSplit> reply;
        QString lastDifference;
    };

    void withVersion(std::function<void(const Result<TraefikNaming::Version> &)> next);
    void poll(const std::shared_ptr<Poll> &state);
    void checkChildren(const std::shared_ptr<Poll> &state, TraefikNaming::Version version,
                       const TraefikService &weighted);
    void judge(const std::shared_ptr<Poll> &state, const std::optional<TraefikService> &weighted,
               const QMap<Color, std::optional<TraefikService>> &children);
    void again(const std::shared_ptr<Poll> &state, const QString &difference);
    /// Before a write: waits until Traefik shows a server UP for every color @p split gives
    /// traffic (a Swarm task Traefik has not picked up yet would answer 503), then @p write.
    /// Only a positive "not ready" holds the write; an unreachable API does not (a rollback
    /// must not wait for it), the confirmation reports that afterwards.
    void awaitChildren(const TraefikAppRoute &route, const WeightSplit &split,
                       TraefikNaming::Version version, const QDeadlineTimer &deadline,
                       Reply<WriteOutcome> reply, std::function<void()> write);

    TraefikRouterConfig m_config;
    TraefikWeightWriter *m_writer;
    TraefikApiClient *m_api;
    std::optional<TraefikNaming::Version> m_version;
};

} // namespace optimist
