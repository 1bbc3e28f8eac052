#pragma once

// A whole sandbox rollout on a virtual clock (as tests/unit build one), with a MetricsTimeline
// wired to the engine's signals the way the rollout panel wires it, and a record of what the
// engine said: every check, every weight change with its moment, every decision.

#include "clock/VirtualClock.h"
#include "metrics/MetricsTimeline.h"
#include "rollout/RolloutEngine.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"
#include "store/SqliteHistoryStore.h"

#include <QList>
#include <QPair>

#include <memory>

namespace optimist {

struct ChartsSandboxRollout
{
    explicit ChartsSandboxRollout(const QString &scenarioName,
                                  qsizetype capacity = MetricSeriesBuffer::kDefaultCapacity)
        : scenario(loadScenario(scenarioName))
        , clock(VirtualClock::defaultStart())
        , environment(scenario, &clock)
        , cluster(&environment)
        , router(&environment)
        , metrics(&environment)
        , store(openStore())
        , engine(RolloutPorts{&cluster, &router, &metrics, &clock, store.get()})
        , timeline(nullptr, capacity)
    {
        timeline.setClock(&clock);
        QObject::connect(&engine, &RolloutEngine::checkCompleted, &timeline,
                         &MetricsTimeline::checkCompleted);
        QObject::connect(&engine, &RolloutEngine::weightsChanged, &timeline,
                         &MetricsTimeline::weightsChanged);
        QObject::connect(&engine, &RolloutEngine::decisionMade, &timeline,
                         &MetricsTimeline::decisionMade);
        QObject::connect(&engine, &RolloutEngine::checkCompleted, &record,
                         [this](const CheckResult &check) { checks.append(check); });
        QObject::connect(&engine, &RolloutEngine::weightsChanged, &record,
                         [this](const WeightSplit &split) {
                             weightChanges.append({clock.now(), split});
                         });
        QObject::connect(&engine, &RolloutEngine::decisionMade, &record,
                         [this](const Decision &decision) { decisions.append(decision); });
        QObject::connect(&engine, &RolloutEngine::finished, &record,
                         [this](RolloutState state) { finalState = state; });
    }

    /// Starts the rollout of v2 under the scenario's plan and runs it to its end.
    bool run()
    {
        RolloutRequest request;
        request.app = QStringLiteral("demo");
        request.environment = QStringLiteral("sandbox");
        request.version = QStringLiteral("v2");
        request.plan = scenario.plan;
        request.operatorName = QStringLiteral("alice");
        timeline.setPlan(request.plan);
        if (!engine.start(request).ok())
            return false;
        clock.runUntilIdle();
        return finalState != RolloutState::Idle;
    }

    static Scenario loadScenario(const QString &name)
    {
        const Result<Scenario> loaded = Scenario::load(name);
        if (!loaded.ok())
            qFatal("scenario %s: %s", qPrintable(name), qPrintable(loaded.error().message));
        return loaded.value();
    }
    static std::unique_ptr<SqliteHistoryStore> openStore()
    {
        auto opened = SqliteHistoryStore::open(QStringLiteral(":memory:"));
        if (!opened.ok())
            qFatal("store: %s", qPrintable(opened.error().message));
        return std::move(opened.value());
    }

    Scenario scenario;
    VirtualClock clock;
    SandboxEnvironment environment;
    SandboxCluster cluster;
    SandboxRouter router;
    SandboxMetrics metrics;
    std::unique_ptr<SqliteHistoryStore> store;
    RolloutEngine engine;
    MetricsTimeline timeline;

    QObject record; ///< context of the recording lambdas
    QList<CheckResult> checks;
    QList<QPair<QDateTime, WeightSplit>> weightChanges;
    QList<Decision> decisions;
    RolloutState finalState = RolloutState::Idle;
};

} // namespace optimist
