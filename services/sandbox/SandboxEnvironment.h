#pragma once

#include "Scenario.h"

#include "core/ColorService.h"
#include "core/Reply.h"
#include "core/WeightSplit.h"
#include "ports/Clock.h"

#include <QJsonObject>
#include <QObject>

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <utility>
#include <vector>

namespace optimist {

/// The simulated world behind the sandbox ports: two Swarm services (blue, green), Traefik's
/// weights with their history, the scenario that says how each color behaves, and the random
/// source. Time is the injected Clock's; a seed and a sequence of calls always give the same
/// answers. At start blue runs the baseline version at 100% and green does not exist.
class SandboxEnvironment : public QObject
{
    Q_OBJECT

public:
    /// One simulated Swarm service.
    struct Service
    {
        Color color = Color::Blue;
        QString version;
        bool canary = false; ///< behaves as the scenario's canary (it was created by a rollout)
        int replicas = 0;    ///< desired
        qint64 createdAtMs = 0;
        qint64 startedAtMs = 0; ///< when its tasks last started (creation, scale up from 0)
    };

    /// One write of the weights: in force applyDelaySec after it was written.
    struct WeightRecord
    {
        qint64 writtenAtMs = 0;
        qint64 inForceAtMs = 0;
        WeightSplit split;
        int canaryWeight = 0; ///< the canary color's weight in this split (0: no canary)
    };

    /// How a color behaves at one moment: the scenario's values with the changes due applied.
    struct Behaviour
    {
        double latencyMs = 0;
        double errorRate = 0; ///< percent
        double cpu = 0;
        double rps = 0; ///< the application's total
    };

    static constexpr qint64 kNever = std::numeric_limits<qint64>::max();
    /// Virtual time between a port call and its answer.
    static constexpr std::chrono::milliseconds kReplyDelay{5};
    /// Swarm's default delay before restarting a failed task.
    static constexpr qint64 kRestartDelayMs = 5000;
    /// Restarts after which waitHealthy calls a crash loop a crash loop.
    static constexpr int kRestartsBeforeUnhealthy = 3;

    SandboxEnvironment(Scenario scenario, Clock *clock, QObject *parent = nullptr);

    const Scenario &scenario() const { return m_scenario; }
    Clock *clock() const { return m_clock; }
    qint64 nowMs() const;
    /// When the scenario started: atSec counts from here.
    qint64 startedAtMs() const { return m_startedAtMs; }

    QString serviceName(Color color) const;
    QString image(const QString &version) const;
    const std::optional<Service> &service(Color color) const;
    /// The color that behaves as the canary, if it exists.
    std::optional<Color> canaryColor() const;
    /// What the cluster shows of @p color (which must exist) at @p atMs.
    ColorService describe(Color color, qint64 atMs) const;
    /// When every task of @p color is healthy; kNever for a crash loop or no tasks.
    qint64 healthyAtMs(Color color) const;
    /// When a crash-looping @p color has exited after kRestartsBeforeUnhealthy restarts; kNever
    /// when it does not crash-loop.
    qint64 crashLoopAtMs(Color color) const;
    /// The last task error of a crash-looping @p color at @p atMs; empty before the first exit.
    QString crashDetail(Color color, qint64 atMs) const;

    /// Creates @p color running @p version with @p replicas tasks as the canary; the other
    /// color becomes the baseline.
    void createService(Color color, const QString &version, int replicas);
    void removeService(Color color);
    void setReplicas(Color color, int replicas);
    /// Records @p split as written now; Traefik applies it applyDelaySec later.
    void writeWeights(const WeightSplit &split);

    WeightSplit writtenWeights() const { return m_weights.back().split; }
    /// When the last written weights are (or will be) in force.
    qint64 writtenInForceAtMs() const { return m_weights.back().inForceAtMs; }
    WeightSplit weightsInForce(qint64 atMs) const;
    const std::vector<WeightRecord> &weightHistory() const { return m_weights; }
    /// Integral of @p color's weight in force over [@p fromMs, @p toMs), in percent·ms.
    double weightIntegral(Color color, qint64 fromMs, qint64 toMs) const;
    /// The highest weight the canary has had in force so far.
    int highestCanaryWeight() const;

    /// The baseline's (or with @p canary the canary's) behaviour at @p atMs.
    Behaviour behaviour(bool canary, qint64 atMs) const;

    std::mt19937_64 &random() { return m_random; }
    quint64 seed() const { return m_seed; }
    /// Restarts the random source from @p seed (simulations run one scenario under many seeds).
    void reseed(quint64 seed);
    /// Back to the initial state at the clock's present time, with the scenario's seed.
    void reset();

    /// Requests and 5xx answers the canary served in the windows measured so far.
    qint64 canaryRequests() const { return m_canaryRequests; }
    qint64 canaryErrors() const { return m_canaryErrors; }
    void countCanaryTraffic(qint64 requests, qint64 errors);

    /// Everything needed to continue this sandbox in another process on a clock that starts at
    /// the saved time ("savedAt").
    QJsonObject saveState() const;
    /// Continues from @p state (of the same scenario); on failure changes nothing and explains
    /// in @p error.
    bool restoreState(const QJsonObject &state, QString *error);

    /// Answers @p reply with @p result after @p delay of clock time, never synchronously.
    template <typename T>
    void deliver(const Reply<T> &reply, Result<T> result,
                 std::chrono::milliseconds delay = kReplyDelay)
    {
        if (reply.isCancelled())
            return;
        m_clock->schedule(
            delay, this, [reply, result = std::move(result)] { reply(result); }, reply.token());
    }

    /// Answers @p reply at clock time @p atMs (at the earliest kReplyDelay from now) with what
    /// @p produce says then.
    template <typename T>
    void deliverAt(qint64 atMs, const Reply<T> &reply, std::function<Result<T>()> produce)
    {
        if (reply.isCancelled())
            return;
        const qint64 delay = std::max<qint64>(kReplyDelay.count(), atMs - nowMs());
        m_clock->schedule(
            std::chrono::milliseconds(delay), this,
            [reply, produce = std::move(produce)] { reply(produce()); }, reply.token());
    }

Q_SIGNALS:
    /// A service or the weights changed.
    void stateChanged();

private:
    qint64 attemptMs() const;
    void updateDueChanges();

    Scenario m_scenario;
    Clock *m_clock;
    qint64 m_startedAtMs = 0;
    std::optional<Service> m_blue;
    std::optional<Service> m_green;
    std::vector<WeightRecord> m_weights; ///< never empty; ordered by inForceAtMs
    /// Changes whose moment is known, as (due time, index into scenario.changes), by time.
    std::vector<std::pair<qint64, int>> m_dueChanges;
    std::mt19937_64 m_random;
    quint64 m_seed = 0;
    qint64 m_canaryRequests = 0;
    qint64 m_canaryErrors = 0;
};

} // namespace optimist
