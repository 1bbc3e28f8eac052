#include "SimulateCommand.h"

#include "ExitCode.h"

#include "clock/VirtualClock.h"
#include "rollout/RolloutEngine.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"
#include "store/SqliteHistoryStore.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <algorithm>

namespace optimist {

int SimulateCommand::run(const CliArguments &args, CliPrinter &printer)
{
    const auto scenario = Scenario::load(args.scenario);
    if (!scenario) {
        printer.flush();
        qCritical().noquote() << scenario.error().message;
        return ExitBadInput;
    }
    RolloutPlan plan = scenario.value().plan;
    args.applyTo(plan);
    if (const PlanIssues issues = plan.validate(); !issues.isEmpty()) {
        for (const PlanIssue &issue : issues)
            qCritical().noquote() << issue.field + QStringLiteral(": ") + issue.message;
        return ExitBadInput;
    }
    auto opened = SqliteHistoryStore::open(QStringLiteral(":memory:"));
    if (!opened) {
        qCritical().noquote() << opened.error().message;
        return ExitOtherError;
    }
    std::unique_ptr<SqliteHistoryStore> store = std::move(opened.value());

    VirtualClock clock;
    SandboxEnvironment sandbox(scenario.value(), &clock);
    SandboxCluster cluster(&sandbox);
    SandboxRouter router(&sandbox);
    SandboxMetrics metrics(&sandbox);
    const RolloutPorts ports{&cluster, &router, &metrics, &clock, store.get()};

    const bool verbose = args.runs == 1;
    const quint64 firstSeed = args.seedGiven ? args.seed : scenario.value().seed;
    int succeeded = 0, rolledBack = 0, failed = 0;
    QList<qint64> canaryErrors;
    int lastCode = ExitSucceeded;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < args.runs; ++i) {
        sandbox.reset();
        sandbox.reseed(firstSeed + quint64(i));
        RolloutEngine engine(ports);
        if (verbose) {
            QObject::connect(&engine, &RolloutEngine::journaled, &engine,
                             [&printer](const JournalEvent &e) { printer.journal(e); });
            QObject::connect(&engine, &RolloutEngine::checkCompleted, &engine,
                             [&printer, &engine](const CheckResult &c) {
                                 printer.check(engine.record().id, c);
                             });
            QObject::connect(&engine, &RolloutEngine::decisionMade, &engine,
                             [&printer, &engine](const Decision &d) {
                                 printer.decision(engine.record().id, d);
                             });
        }
        RolloutRequest request;
        request.app = scenario.value().app;
        request.environment = QStringLiteral("simulation");
        request.version = QStringLiteral("v2");
        if (request.version == scenario.value().baseline.version)
            request.version = QStringLiteral("v3");
        request.plan = plan;
        request.operatorName = QStringLiteral("simulation");
        const auto id = engine.start(request);
        if (!id) {
            qCritical().noquote() << id.error().message;
            return id.error().kind == Error::Kind::Invalid ? ExitBadInput : ExitOtherError;
        }
        clock.runUntilIdle();
        const RolloutRecord &record = engine.record();
        if (!record.finished()) {
            qCritical().noquote() << tr("simulation %1 stopped in %2 with nothing left to do")
                                         .arg(i + 1)
                                         .arg(stateName(record.state));
            return ExitOtherError;
        }
        lastCode = exitCodeFor(record.state);
        succeeded += record.state == RolloutState::Succeeded;
        rolledBack += record.state == RolloutState::RolledBack;
        failed += record.state == RolloutState::Failed;
        canaryErrors << record.canaryErrors;
        if (verbose) {
            printer.finished(record);
        } else if (printer.json()) {
            printer.object({{QStringLiteral("event"), QStringLiteral("finished")},
                            {QStringLiteral("seed"), QString::number(firstSeed + quint64(i))},
                            {QStringLiteral("outcome"), outcomeName(record.state)},
                            {QStringLiteral("reason"), record.reason},
                            {QStringLiteral("maxWeight"), record.maxWeight},
                            {QStringLiteral("durationSec"), record.durationSec()},
                            {QStringLiteral("canaryRequests"), record.canaryRequests},
                            {QStringLiteral("canaryErrors"), record.canaryErrors}});
        }
    }
    if (verbose)
        return lastCode;

    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    std::sort(canaryErrors.begin(), canaryErrors.end());
    const double median =
        canaryErrors.size() % 2
            ? double(canaryErrors[canaryErrors.size() / 2])
            : (canaryErrors[canaryErrors.size() / 2 - 1] + canaryErrors[canaryErrors.size() / 2]) /
                  2.0;
    if (printer.json()) {
        printer.object({{QStringLiteral("event"), QStringLiteral("summary")},
                        {QStringLiteral("scenario"), scenario.value().name},
                        {QStringLiteral("runs"), args.runs},
                        {QStringLiteral("succeeded"), succeeded},
                        {QStringLiteral("rolledBack"), rolledBack},
                        {QStringLiteral("failed"), failed},
                        {QStringLiteral("medianCanaryErrors"), median},
                        {QStringLiteral("wallSec"), seconds},
                        {QStringLiteral("rolloutsPerSec"), args.runs / seconds}});
    } else {
        printer.line(tr("%1: %2 runs — %3 succeeded, %4 rolled back, %5 failed; median canary "
                        "errors %6; %7 rollouts/s")
                         .arg(scenario.value().name)
                         .arg(args.runs)
                         .arg(succeeded)
                         .arg(rolledBack)
                         .arg(failed)
                         .arg(median)
                         .arg(args.runs / seconds, 0, 'f', 1));
    }
    return ExitSucceeded;
}

} // namespace optimist
