#pragma once

#include "core/Result.h"
#include "plan/RolloutPlan.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace optimist {

/// What the sandbox simulates: the application's colors, their metrics and how they change,
/// the pre-rollout hook and the router. Read from a JSON file (format in docs/scenarios.md).
struct Scenario
{
    Q_DECLARE_TR_FUNCTIONS(Scenario)

public:
    /// The color that runs before the rollout (blue at start).
    struct Baseline
    {
        double latencyMs = 0; ///< mean of the per-request log-normal latency
        double errorRate = 0; ///< percent of requests answered 5xx
        double cpu = 0;       ///< CPU % of the color's tasks
        double rps = 0;       ///< the application's total requests per second
        QString version = QStringLiteral("v1");
    };

    /// Every color the rollout creates.
    struct Canary
    {
        double latencyMs = 0;
        double errorRate = 0;
        double cpu = 0;
        bool healthy = true;   ///< false: the tasks crash-loop and never become healthy
        double startupSec = 8; ///< from start of the tasks to healthy
        QString crashMessage = QStringLiteral("fatal: cannot start");
    };

    /// Values a change moves to; unset values stay as they are.
    struct Adjustment
    {
        std::optional<double> latencyMs;
        std::optional<double> errorRate;
        std::optional<double> cpu;
        std::optional<double> rps; ///< baseline only: the application's total
    };

    /// A change of the colors' behaviour, at a time or once the canary's weight reaches a level.
    struct Change
    {
        std::optional<double> atSec;    ///< seconds since the scenario started
        std::optional<double> atWeight; ///< from when the canary's weight in force first reaches it
        double rampSec = 0;             ///< 0: at once; else linear over this many seconds
        Adjustment baseline;
        Adjustment canary;
    };

    /// Relative standard deviations, drawn once per window and color.
    struct Noise
    {
        double latency = 0;
        double errorRate = 0;
        double cpu = 0;
    };

    /// The pre-rollout job (ClusterPort::runJob).
    struct Hook
    {
        int exitCode = 0;
        double durationSec = 3;
        QString log;
    };

    QString name;
    QString description;
    quint64 seed = 1;
    RolloutPlan plan;
    Baseline baseline;
    Canary canary;
    QList<Change> changes;
    Noise noise;
    QString app = QStringLiteral("demo");
    int replicas = 2;
    Hook hook;
    double routerApplyDelaySec = 2; ///< Traefik's providersThrottleDuration
    QString expect;                 ///< "succeeded", "rolled_back", "failed"; empty: not stated
    QString origin;                 ///< the file it was read from, for messages

    /// Reads a scenario file, or a shipped scenario by name ("healthy" is the embedded
    /// :/scenarios/healthy.json). A name without '/' and without ".json" is a shipped name.
    /// Errors: NotFound (no such file or shipped name), Invalid (one line per problem, each
    /// starting with the file name, with line:column for JSON syntax or the field path).
    static Result<Scenario> load(const QString &pathOrShippedName);

    /// Parses the JSON text @p json; @p origin names it in messages.
    static Result<Scenario> parse(const QByteArray &json, const QString &origin);

    /// Names of the scenarios embedded in the program, sorted; empty when the resources are not
    /// compiled in.
    static QStringList shippedNames();
};

} // namespace optimist
