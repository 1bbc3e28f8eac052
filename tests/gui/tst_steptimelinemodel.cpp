// The step timeline as a release manager reads it, fed by a real rollout on the sandbox: every
// step with its weight and state, every check with its verdict and numbers; and the same rollout
// replayed from the history store reads exactly the same.

#include "clock/VirtualClock.h"
#include "common/ModelRoles.h"
#include "rollout/RolloutEngine.h"
#include "rollout/StepTimelineModel.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"
#include "store/SqliteHistoryStore.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace optimist;

namespace {

using Model = StepTimelineModel;

/// A sandbox rollout: scenario, virtual clock, ports, an in-memory history and the engine, with
/// a timeline model (under the model tester) following the engine.
struct Rollout
{
    explicit Rollout(const QString &scenarioName)
    {
        const auto loaded = Scenario::load(scenarioName);
        if (!loaded)
            qFatal("scenario %s: %s", qPrintable(scenarioName), qPrintable(loaded.error().message));
        scenario = loaded.value();
        clock = std::make_unique<VirtualClock>();
        sandbox = std::make_unique<SandboxEnvironment>(scenario, clock.get());
        cluster = std::make_unique<SandboxCluster>(sandbox.get());
        router = std::make_unique<SandboxRouter>(sandbox.get());
        metrics = std::make_unique<SandboxMetrics>(sandbox.get());
        auto opened = SqliteHistoryStore::open(QStringLiteral(":memory:"));
        if (!opened)
            qFatal("store: %s", qPrintable(opened.error().message));
        store = std::move(opened.value());
        engine = std::make_unique<RolloutEngine>(
            RolloutPorts{cluster.get(), router.get(), metrics.get(), clock.get(), store.get()});
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.follow(engine.get());
    }

    qint64 start()
    {
        RolloutRequest request;
        request.app = scenario.app;
        request.environment = QStringLiteral("sandbox");
        request.version = QStringLiteral("v2");
        request.plan = scenario.plan;
        request.operatorName = QStringLiteral("alice");
        model.setPlan(request.plan);
        const auto id = engine->start(request);
        if (!id)
            qFatal("start: %s", qPrintable(id.error().message));
        return id.value();
    }

    bool runUntil(const std::function<bool()> &done)
    {
        while (!done())
            if (!clock->runNext())
                return false;
        return true;
    }

    Scenario scenario;
    std::unique_ptr<VirtualClock> clock;
    std::unique_ptr<SandboxEnvironment> sandbox;
    std::unique_ptr<SandboxCluster> cluster;
    std::unique_ptr<SandboxRouter> router;
    std::unique_ptr<SandboxMetrics> metrics;
    std::unique_ptr<SqliteHistoryStore> store;
    std::unique_ptr<RolloutEngine> engine;
    Model model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

QString text(const QAbstractItemModel &model, int row, int column, const QModelIndex &parent = {},
             int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column, parent), role).toString();
}

QStringList column(const QAbstractItemModel &model, int column, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(parent); ++row)
        texts << text(model, row, column, parent);
    return texts;
}

/// The canary's figure of a "canary vs baseline" cell: "19.7 % vs 0.3 %" → 19.7.
double canaryFigure(const QString &cell)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)")).match(cell);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

/// Every role a view or the details pane shows, of every row, as one text to compare.
QStringList everything(const QAbstractItemModel &model)
{
    QStringList lines;
    const QList<int> roles = {Qt::DisplayRole,  Qt::ToolTipRole, Qt::DecorationRole,
                              StepStateRole,    VerdictRole,     CheckReasonRole,
                              StepDecisionRole, StartedAtRole,   StepWeightRole};
    std::function<void(const QModelIndex &, const QString &)> walk = [&](const QModelIndex &parent,
                                                                         const QString &path) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            for (int col = 0; col < model.columnCount(parent); ++col) {
                for (int role : roles) {
                    const QVariant v = model.data(model.index(row, col, parent), role);
                    lines << QStringLiteral("%1/%2 col %3 role %4: %5")
                                 .arg(path)
                                 .arg(row)
                                 .arg(col)
                                 .arg(role)
                                 .arg(v.typeId() == QMetaType::QColor ? v.value<QColor>().name()
                                                                      : v.toString());
                }
            }
            walk(model.index(row, 0, parent), path + QLatin1Char('/') + QString::number(row));
        }
    };
    walk({}, QString());
    return lines;
}

} // namespace

class TestStepTimelineModel : public QObject
{
    Q_OBJECT

    /// The same rollout read back from the store shows exactly what the live timeline showed.
    void verifyReplay(Rollout &r, qint64 id)
    {
        const auto record = r.store->rollout(id);
        const auto events = r.store->events(id);
        const auto checks = r.store->checks(id);
        QVERIFY(record && events && checks);
        Model replayed;
        QAbstractItemModelTester tester(&replayed,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        replayed.loadFromHistory(record.value(), events.value(), checks.value());
        QCOMPARE(replayed.rolloutState(), r.engine->state());
        const QStringList live = everything(r.model);
        const QStringList stored = everything(replayed);
        QCOMPARE(stored.size(), live.size());
        for (qsizetype i = 0; i < live.size(); ++i)
            QCOMPARE(stored[i], live[i]);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Numbers as the tests read them ("19.7 %"), whatever the machine's locale.
        QLocale::setDefault(QLocale::c());
    }

    void planShowsPendingSteps()
    {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RolloutPlan plan;
        plan.steps = {5, 10, 25, 50, 75, 100};
        model.setPlan(plan);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(
            column(model, Model::WeightColumn),
            QStringList({QStringLiteral("5 %"), QStringLiteral("10 %"), QStringLiteral("25 %"),
                         QStringLiteral("50 %"), QStringLiteral("75 %"), QStringLiteral("100 %")}));
        QCOMPARE(column(model, Model::StateColumn), QStringList(6, QStringLiteral("Pending")));
        QCOMPARE(model.headerData(Model::LatencyColumn, Qt::Horizontal).toString(),
                 QStringLiteral("p95 latency"));
        model.reset();
        QCOMPARE(model.rowCount(), 0);
    }

    void healthyRolloutPassesEveryStep()
    {
        Rollout r(QStringLiteral("healthy"));
        const qint64 id = r.start();
        QSignalSpy changed(&r.model, &QAbstractItemModel::dataChanged);
        r.clock->runUntilIdle();
        QCOMPARE(r.engine->state(), RolloutState::Succeeded);
        QCOMPARE(r.model.rolloutState(), RolloutState::Succeeded);

        QCOMPARE(r.model.rowCount(), 5);
        QCOMPARE(column(r.model, Model::StepColumn),
                 QStringList({QStringLiteral("Step 1"), QStringLiteral("Step 2"),
                              QStringLiteral("Step 3"), QStringLiteral("Step 4"),
                              QStringLiteral("Step 5")}));
        QCOMPARE(
            column(r.model, Model::WeightColumn),
            QStringList({QStringLiteral("10 %"), QStringLiteral("25 %"), QStringLiteral("50 %"),
                         QStringLiteral("75 %"), QStringLiteral("100 %")}));
        QCOMPARE(column(r.model, Model::StateColumn), QStringList(5, QStringLiteral("Passed")));
        QDateTime previous;
        for (int step = 0; step < 5; ++step) {
            const QModelIndex stepIndex = r.model.index(step, 0);
            QCOMPARE(r.model.data(stepIndex, StepStateRole).toString(), QStringLiteral("passed"));
            const QDateTime started = r.model.data(stepIndex, StartedAtRole).toDateTime();
            QVERIFY2(started.isValid() && started > previous, qPrintable(started.toString()));
            previous = started;
            QVERIFY(!text(r.model, step, Model::StartedColumn).isEmpty());
            QVERIFY2(r.model.data(stepIndex, StepDecisionRole)
                         .toString()
                         .startsWith(QStringLiteral("check passed")),
                     qPrintable(r.model.data(stepIndex, StepDecisionRole).toString()));
            // One check per step (the scenario's plan), passed, with its numbers.
            QCOMPARE(r.model.rowCount(stepIndex), 1);
            QCOMPARE(text(r.model, 0, Model::StepColumn, stepIndex), QStringLiteral("Check 1"));
            QCOMPARE(text(r.model, 0, Model::StateColumn, stepIndex), QStringLiteral("Pass"));
            QCOMPARE(
                r.model.data(r.model.index(0, Model::StateColumn, stepIndex), Qt::DecorationRole)
                    .value<QColor>(),
                QColor(0x2e, 0x7d, 0x32));
            const QString bio = text(r.model, 0, Model::BioEnergyColumn, stepIndex);
            QVERIFY2(canaryFigure(bio) >= r.scenario.plan.threshold, qPrintable(bio));
            QVERIFY2(
                text(r.model, 0, Model::LatencyColumn, stepIndex).contains(QStringLiteral("ms vs")),
                qPrintable(text(r.model, 0, Model::LatencyColumn, stepIndex)));
            const QString tip = text(r.model, 0, 0, stepIndex, Qt::ToolTipRole);
            QVERIFY2(tip.contains(QStringLiteral("Check 1 at %1: Pass")
                                      .arg(text(r.model, step, Model::WeightColumn))),
                     qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("Bio-energy:")) &&
                         tip.contains(QStringLiteral("Error rate:")) &&
                         tip.contains(QStringLiteral("CPU:")),
                     qPrintable(tip));
        }
        // The view hears about it, in batches.
        QTRY_VERIFY(changed.count() > 0);
        verifyReplay(r, id);
    }

    void failingCheckRollsBackAndShowsTheNumber()
    {
        Rollout r(QStringLiteral("error-spike"));
        const qint64 id = r.start();
        r.clock->runUntilIdle();
        QCOMPARE(r.engine->state(), RolloutState::RolledBack);

        QCOMPARE(column(r.model, Model::StateColumn),
                 QStringList({QStringLiteral("Failed"), QStringLiteral("Pending"),
                              QStringLiteral("Pending"), QStringLiteral("Pending"),
                              QStringLiteral("Pending")}));
        const QModelIndex first = r.model.index(0, 0);
        QCOMPARE(r.model.rowCount(first), 1);
        QCOMPARE(text(r.model, 0, Model::StateColumn, first), QStringLiteral("Fail"));
        QCOMPARE(r.model.data(r.model.index(0, Model::StateColumn, first), Qt::DecorationRole)
                     .value<QColor>(),
                 QColor(0xc6, 0x28, 0x28));
        QCOMPARE(r.model.data(r.model.index(0, 0, first), VerdictRole).toInt(), int(Verdict::Fail));
        // The canary answered about 20 % with 5xx: the error-rate cell says so, above the limit.
        const QString errorRate = text(r.model, 0, Model::ErrorRateColumn, first);
        QVERIFY2(canaryFigure(errorRate) > r.scenario.plan.maxErrorRatePct * 2,
                 qPrintable(errorRate));
        const QString tip = text(r.model, 0, 0, first, Qt::ToolTipRole);
        QVERIFY2(tip.contains(QStringLiteral("Check 1 at 10 %: Fail")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("above the 5% limit")), qPrintable(tip));
        QVERIFY2(r.model.data(r.model.index(0, 0, first), CheckFailuresRole)
                     .toStringList()
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("error rate")),
                 qPrintable(tip));
        QVERIFY2(r.model.data(first, StepDecisionRole)
                     .toString()
                     .startsWith(QStringLiteral("check failed")),
                 qPrintable(r.model.data(first, StepDecisionRole).toString()));
        verifyReplay(r, id);
    }

    void regressionAtHalfFailsTheThirdStep()
    {
        Rollout r(QStringLiteral("regression-at-50"));
        const qint64 id = r.start();
        r.clock->runUntilIdle();
        QCOMPARE(r.engine->state(), RolloutState::RolledBack);
        QCOMPARE(column(r.model, Model::StateColumn),
                 QStringList({QStringLiteral("Passed"), QStringLiteral("Passed"),
                              QStringLiteral("Failed"), QStringLiteral("Pending"),
                              QStringLiteral("Pending")}));
        const QModelIndex third = r.model.index(2, 0);
        const int last = r.model.rowCount(third) - 1;
        QVERIFY(last >= 0);
        QCOMPARE(text(r.model, last, Model::StateColumn, third), QStringLiteral("Fail"));
        // The canary's latency rose to ~300 ms mean against 60 ms: its cell shows it.
        const QString latency = text(r.model, last, Model::LatencyColumn, third);
        QVERIFY2(canaryFigure(latency) > 200, qPrintable(latency));
        verifyReplay(r, id);
    }

    void abortStopsTheObservedStep()
    {
        Rollout r(QStringLiteral("healthy"));
        const qint64 id = r.start();
        QVERIFY(r.runUntil([&] {
            return r.engine->state() == RolloutState::Observing && r.engine->record().step == 1;
        }));
        // The check window of step 2 is open: a running row, no verdict yet.
        const QModelIndex second = r.model.index(1, 0);
        QCOMPARE(r.model.rowCount(second), 1);
        QCOMPARE(text(r.model, 0, Model::StateColumn, second), QStringLiteral("Running…"));
        QCOMPARE(text(r.model, 1, Model::StateColumn), QStringLiteral("Observing"));

        QVERIFY(r.engine->control(OperatorAction::Kind::Abort, QStringLiteral("alice")).ok());
        r.clock->runUntilIdle();
        QCOMPARE(r.engine->state(), RolloutState::RolledBack);
        QCOMPARE(column(r.model, Model::StateColumn),
                 QStringList({QStringLiteral("Passed"), QStringLiteral("Aborted"),
                              QStringLiteral("Pending"), QStringLiteral("Pending"),
                              QStringLiteral("Pending")}));
        // The cut-short window never got a verdict: its row is gone.
        QCOMPARE(r.model.rowCount(second), 0);
        QCOMPARE(r.model.data(second, StepDecisionRole).toString(),
                 QStringLiteral("aborted by alice"));
        verifyReplay(r, id);
    }

    void promoteFullySkipsTheSteps()
    {
        Rollout r(QStringLiteral("healthy"));
        const qint64 id = r.start();
        QVERIFY(r.runUntil([&] { return r.engine->state() == RolloutState::Observing; }));
        QVERIFY(r.engine->control(OperatorAction::Kind::PromoteFully, QStringLiteral("bob")).ok());
        r.clock->runUntilIdle();
        QCOMPARE(r.engine->state(), RolloutState::Succeeded);
        QCOMPARE(column(r.model, Model::StateColumn),
                 QStringList({QStringLiteral("Passed"), QStringLiteral("Skipped"),
                              QStringLiteral("Skipped"), QStringLiteral("Skipped"),
                              QStringLiteral("Passed")}));
        QCOMPARE(r.model.data(r.model.index(0, 0), StepDecisionRole).toString(),
                 QStringLiteral("promoted fully to 100% by bob"));
        QCOMPARE(r.model.rowCount(r.model.index(0, 0)), 0);
        QCOMPARE(r.model.rowCount(r.model.index(4, 0)), 1);
        verifyReplay(r, id);
    }
};

QTEST_MAIN(TestStepTimelineModel)
#include "tst_steptimelinemodel.moc"
