#pragma once

// Scriptable in-memory ports for the engine's state-machine tests. They answer on the
// VirtualClock like the real services answer on the event loop, and count every write, so a
// test can assert exactly what the engine changed.

#include "clock/VirtualClock.h"
#include "ports/ClusterPort.h"
#include "ports/MetricsPort.h"
#include "ports/RouterPort.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace optimist::test {

class FakeCluster : public ClusterPort
{
public:
    explicit FakeCluster(VirtualClock *clock)
        : m_clock(clock)
    {
        ColorService blue;
        blue.color = Color::Blue;
        blue.serviceName = QStringLiteral("demo-blue");
        blue.version = QStringLiteral("v1");
        blue.replicasRunning = blue.replicasDesired = 2;
        blue.healthy = true;
        app.app = QStringLiteral("demo");
        app.blue = blue;
    }

    AppSnapshot app;
    std::optional<Error> readError;
    std::optional<Error> createError;
    std::optional<Error> healthError; ///< answered after healthDelay instead of healthy
    std::optional<Error> removeError;
    int healthDelaySec = 5;
    int jobExitCode = 0;
    QStringList writes; ///< "create green v2", "remove blue", "scale green 0", "job ..."

    void readApp(const QString &, Reply<AppSnapshot> reply) override
    {
        later(0, [this, reply] {
            if (readError)
                reply(*readError);
            else
                reply(app);
        });
    }
    void createColor(const QString &, Color from, Color to, const QString &version, WriteMode mode,
                     Reply<WriteOutcome> reply) override
    {
        later(0, [=, this] {
            if (createError)
                return reply(*createError);
            const QString what = QStringLiteral("create %1 %2").arg(colorName(to), version);
            if (mode == WriteMode::Apply) {
                writes << what;
                ColorService s = *app.of(from);
                s.color = to;
                s.serviceName = QStringLiteral("demo-") + colorName(to);
                s.version = version;
                s.replicasRunning = 0;
                s.healthy = false;
                app.of(to) = s;
            }
            reply(WriteOutcome{what});
        });
    }
    void waitHealthy(const QString &, Color color, std::chrono::milliseconds,
                     Reply<ColorService> reply) override
    {
        later(healthDelaySec * 1000, [=, this] {
            if (healthError)
                return reply(*healthError);
            if (!app.of(color))
                return reply(Error{Error::Kind::NotFound, QStringLiteral("no such service")});
            auto &s = *app.of(color);
            s.replicasRunning = s.replicasDesired;
            s.healthy = true;
            reply(s);
        });
    }
    void scale(const QString &, Color color, int replicas, WriteMode mode,
               Reply<WriteOutcome> reply) override
    {
        later(0, [=, this] {
            const QString what = QStringLiteral("scale %1 %2").arg(colorName(color)).arg(replicas);
            if (mode == WriteMode::Apply) {
                writes << what;
                if (app.of(color))
                    app.of(color)->replicasDesired = app.of(color)->replicasRunning = replicas;
            }
            reply(WriteOutcome{what});
        });
    }
    void removeColor(const QString &, Color color, WriteMode mode,
                     Reply<WriteOutcome> reply) override
    {
        later(0, [=, this] {
            if (removeError)
                return reply(*removeError);
            if (!app.of(color))
                return reply(Error{Error::Kind::NotFound, QStringLiteral("no such service")});
            const QString what = QStringLiteral("remove %1").arg(colorName(color));
            if (mode == WriteMode::Apply) {
                writes << what;
                app.of(color).reset();
            }
            reply(WriteOutcome{what});
        });
    }
    void runJob(const QString &, const QString &version, const QStringList &command,
                std::chrono::milliseconds, WriteMode mode, Reply<JobOutcome> reply) override
    {
        later(3000, [=, this] {
            const QString what =
                QStringLiteral("job %1 %2").arg(version, command.join(QLatin1Char(' ')));
            if (mode == WriteMode::Apply)
                writes << what;
            reply(JobOutcome{jobExitCode, QStringLiteral("migration output"), what});
        });
    }

private:
    void later(int ms, std::function<void()> fn)
    {
        m_clock->schedule(std::chrono::milliseconds(ms), m_clock, std::move(fn));
    }
    VirtualClock *m_clock;
};

class FakeRouter : public RouterPort
{
public:
    explicit FakeRouter(VirtualClock *clock)
        : m_clock(clock)
    {
    }

    WeightSplit written; ///< what the configuration holds
    WeightSplit inForce; ///< what the router applies (after confirmDelaySec)
    std::optional<Error> writeError;
    std::optional<Error> readError; ///< readWeights answers it (e.g. NotFound: not adopted yet)
    int failWritesRemaining = 0;    ///< the next N writes fail with Unreachable
    bool neverConverge = false;
    int confirmDelaySec = 2;
    QList<WeightSplit> writes;

    void readWeights(const QString &, Reply<WeightSplit> reply) override
    {
        later(0, [this, reply] {
            if (readError)
                return reply(*readError);
            reply(written);
        });
    }
    void writeWeights(const QString &, const WeightSplit &split, WriteMode mode,
                      Reply<WriteOutcome> reply) override
    {
        later(0, [=, this] {
            if (writeError)
                return reply(*writeError);
            if (failWritesRemaining > 0) {
                --failWritesRemaining;
                return reply(Error{Error::Kind::Unreachable, QStringLiteral("router down")});
            }
            if (mode == WriteMode::Apply) {
                written = split;
                writes << split;
            }
            reply(WriteOutcome{QStringLiteral("weights %1").arg(split.toString())});
        });
    }
    void confirmWeights(const QString &, const WeightSplit &split,
                        std::chrono::milliseconds timeout, Reply<WeightSplit> reply) override
    {
        const bool converge = !neverConverge && written == split;
        const qint64 wait = converge ? confirmDelaySec * 1000 : timeout.count();
        later(wait, [=, this] {
            if (!converge)
                return reply(
                    Error{Error::Kind::Timeout, QStringLiteral("in force: %1, expected %2")
                                                    .arg(inForce.toString(), split.toString())});
            inForce = split;
            reply(split);
        });
    }

private:
    void later(qint64 ms, std::function<void()> fn)
    {
        m_clock->schedule(std::chrono::milliseconds(ms), m_clock, std::move(fn));
    }
    VirtualClock *m_clock;
};

/// Answers each window from a function of (canary weight, window index), so a test states
/// exactly what the canary looks like at each step.
class FakeMetrics : public MetricsPort
{
public:
    FakeMetrics(VirtualClock *clock, FakeRouter *router)
        : m_clock(clock)
        , m_router(router)
    {
    }

    /// Canary metrics by canary weight; baseline is healthy.
    std::function<ColorMetrics(int canaryWeight)> canary = [](int weight) {
        return healthy(weight);
    };
    Color canaryColor = Color::Green;
    std::optional<Error> error;
    int windows = 0;

    static ColorMetrics healthy(int weight)
    {
        ColorMetrics m;
        m.weight = weight;
        m.requests = 200 * 60 * weight / 100;
        m.errors = m.requests / 200; // 0.5 %
        m.rps = double(m.requests) / 60.0;
        m.latencyMeanMs = 70;
        m.latencyP95Ms = 80;
        m.cpuPercent = 30;
        m.latencySubsamplesMs = {70, 71, 69, 70, 72, 68, 70, 71, 69, 70, 70, 71};
        return m;
    }

    void window(const QString &, const QDateTime &from, const QDateTime &to,
                Reply<MetricsWindow> reply) override
    {
        m_clock->schedule(std::chrono::milliseconds(0), m_clock, [=, this] {
            ++windows;
            if (error)
                return reply(*error);
            MetricsWindow w;
            w.from = from;
            w.to = to;
            w.source = QStringLiteral("fake");
            const int weight = m_router->inForce.of(canaryColor);
            w.of(canaryColor) = canary(weight);
            w.of(canaryColor).color = canaryColor;
            w.of(otherColor(canaryColor)) = healthy(100 - weight);
            w.of(otherColor(canaryColor)).color = otherColor(canaryColor);
            reply(w);
        });
    }

private:
    VirtualClock *m_clock;
    FakeRouter *m_router;
};

} // namespace optimist::test
