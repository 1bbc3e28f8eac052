// The rollout state machine, every transition, on a virtual clock with scriptable ports and a
// real (in-memory) SQLite history.

#include "support/FakePorts.h"

#include "rollout/RolloutEngine.h"
#include "store/SqliteHistoryStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace optimist;
using namespace optimist::test;

namespace {

struct Rig
{
    VirtualClock clock;
    FakeCluster cluster{&clock};
    FakeRouter router{&clock};
    FakeMetrics metrics{&clock, &router};
    std::unique_ptr<SqliteHistoryStore> store;
    std::unique_ptr<RolloutEngine> engine;
    QList<RolloutState> states;
    QList<Decision> decisions;
    RolloutPlan plan;

    Rig()
    {
        auto opened = SqliteHistoryStore::open(QStringLiteral(":memory:"));
        if (!opened)
            qFatal("store: %s", qPrintable(opened.error().message));
        store = std::move(opened.value());
        plan.checkIntervalSec = 60;
        plan.drainSec = 10;
        engine = makeEngine();
    }

    std::unique_ptr<RolloutEngine> makeEngine()
    {
        auto e = std::make_unique<RolloutEngine>(
            RolloutPorts{&cluster, &router, &metrics, &clock, store.get()});
        QObject::connect(e.get(), &RolloutEngine::stateChanged, e.get(),
                         [this](RolloutState s) { states << s; });
        QObject::connect(e.get(), &RolloutEngine::decisionMade, e.get(),
                         [this](const Decision &d) { decisions << d; });
        return e;
    }

    qint64 start(const QString &version = QStringLiteral("v2"))
    {
        RolloutRequest r;
        r.app = QStringLiteral("demo");
        r.environment = QStringLiteral("test");
        r.version = version;
        r.plan = plan;
        r.operatorName = QStringLiteral("alice");
        const auto id = engine->start(r);
        if (!id)
            qFatal("start: %s", qPrintable(id.error().message));
        return id.value();
    }

    void run() { clock.runUntilIdle(); }
    bool runUntil(const std::function<bool()> &done)
    {
        while (!done())
            if (!clock.runNext())
                return false;
        return true;
    }

    QList<int> canaryWeightsWritten() const
    {
        QList<int> out;
        for (const WeightSplit &s : router.writes)
            out << s.green;
        return out;
    }

    RolloutRecord stored(qint64 id) { return store->rollout(id).value(); }

    QStringList journal(qint64 id, JournalEvent::Kind kind)
    {
        QStringList out;
        for (const JournalEvent &e : store->events(id).value())
            if (e.kind == kind)
                out << e.message;
        return out;
    }
};

ColorMetrics badErrors(int weight)
{
    ColorMetrics m = FakeMetrics::healthy(weight);
    m.errors = m.requests / 5; // 20 %
    return m;
}

} // namespace

class TestRolloutEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyRolloutWalksEveryStepAndRemovesTheOldColor()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 25, 50, 75, 100}));
        QCOMPARE(rig.cluster.writes, (QStringList{"create green v2", "remove blue"}));
        QVERIFY(!rig.cluster.app.blue.has_value());
        QCOMPARE(rig.metrics.windows, 5);
        const RolloutRecord r = rig.stored(id);
        QCOMPARE(r.state, RolloutState::Succeeded);
        QCOMPARE(r.fromVersion, QStringLiteral("v1"));
        QCOMPARE(r.maxWeight, 100);
        QCOMPARE(r.canaryColor, Color::Green);
        QVERIFY(r.endedAt.isValid());
        QCOMPARE(rig.store->checks(id).value().size(), 5);
        QCOMPARE(rig.states.first(), RolloutState::PreChecks);
        QVERIFY(rig.states.contains(RolloutState::FinalValidation));
        QVERIFY(rig.states.indexOf(RolloutState::Finalizing) >
                rig.states.indexOf(RolloutState::FinalValidation));
        // 5 windows of 60 s, health wait 5 s, 5 confirmations of 2 s, drain 10 s.
        QVERIFY(r.durationSec() >= 5 * 60 + 5 + 10 + 10);
    }

    void everyWriteIsJournaledBeforeItHappens()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.run();
        const auto events = rig.store->events(id).value();
        // Each Done line is preceded by an Intent line, and the first intent precedes any write.
        int open = 0;
        for (const JournalEvent &e : events) {
            if (e.kind == JournalEvent::Kind::Intent)
                ++open;
            if (e.kind == JournalEvent::Kind::Done &&
                e.message.startsWith(QLatin1String("weights")))
                QVERIFY2(open > 0, qPrintable(e.message));
        }
        QCOMPARE(rig.journal(id, JournalEvent::Kind::Intent).size(),
                 7); // create, 5 weights, remove
    }

    void failedCheckRollsBackAtOnce()
    {
        Rig rig;
        rig.metrics.canary = badErrors;
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 0}));
        QCOMPARE(rig.router.inForce, (WeightSplit{100, 0}));
        QCOMPARE(rig.cluster.writes, (QStringList{"create green v2", "remove green"}));
        QVERIFY(rig.cluster.app.blue.has_value());
        const RolloutRecord r = rig.stored(id);
        QCOMPARE(r.maxWeight, 10);
        QVERIFY2(r.reason.contains(QLatin1String("error rate")), qPrintable(r.reason));
        QCOMPARE(rig.decisions.last().action, Decision::Action::RollBack);
        QVERIFY(rig.states.contains(RolloutState::RollingBack));
    }

    void regressionAtHalfTrafficRollsBackThere()
    {
        Rig rig;
        rig.metrics.canary = [](int w) { return w >= 50 ? badErrors(w) : FakeMetrics::healthy(w); };
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 25, 50, 0}));
        QCOMPARE(rig.stored(id).maxWeight, 50);
    }

    void noTrafficIsInconclusiveNeverAPass()
    {
        Rig rig;
        rig.plan.inconclusiveLimit = 3;
        rig.metrics.canary = [](int w) {
            ColorMetrics m = FakeMetrics::healthy(w);
            m.requests = m.errors = 0;
            m.rps = 0;
            return m;
        };
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QCOMPARE(rig.metrics.windows, 3);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 0}));
        const auto checks = rig.store->checks(id).value();
        QCOMPARE(checks.size(), 3);
        for (const CheckResult &c : checks)
            QCOMPARE(c.verdict, Verdict::Inconclusive);
        QCOMPARE(rig.decisions.at(0).action, Decision::Action::Hold);
        QVERIFY(rig.stored(id).reason.contains(QLatin1String("inconclusive")));
    }

    void missingMetricsHoldThenRollBack()
    {
        Rig rig;
        rig.metrics.error = Error{Error::Kind::Unreachable, QStringLiteral("scrape refused")};
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QVERIFY(rig.stored(id).reason.contains(QLatin1String("scrape refused")));
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 0}));
    }

    void canaryNeverHealthyRollsBackBeforeAnyTraffic()
    {
        Rig rig;
        rig.cluster.healthError =
            Error{Error::Kind::Unhealthy, QStringLiteral("task demo-green.1 exited with code 1")};
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{0})); // only the restoring write
        QCOMPARE(rig.stored(id).maxWeight, 0);
        QVERIFY(rig.stored(id).reason.contains(QLatin1String("exited with code 1")));
        QVERIFY(!rig.cluster.app.green.has_value());
        QVERIFY(rig.states.contains(RolloutState::WaitingHealthy));
    }

    void createFailureRollsBack()
    {
        Rig rig;
        rig.cluster.createError = Error{Error::Kind::Conflict, QStringLiteral("name in use")};
        rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
    }

    void weightsThatNeverConvergeRollBack()
    {
        Rig rig;
        rig.router.neverConverge = true;
        const qint64 id = rig.start();
        rig.run();
        // The restoring write cannot be confirmed either: the rollout needs a person.
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        const QString reason = rig.stored(id).reason;
        QVERIFY2(reason.contains(QLatin1String("by hand")), qPrintable(reason));
        QCOMPARE(int(rig.journal(id, JournalEvent::Kind::Error).size()),
                 RolloutEngine::kWeightWriteAttempts);
    }

    /// A router that cannot be written for a while (Redis restarting): the step is held with
    /// the reason, the write retried with a doubling wait, and the rollout goes on once it
    /// succeeds; the weights never move before a write is confirmed.
    void unwritableRouterHoldsTheStepAndRetries()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        rig.router.failWritesRemaining = RolloutEngine::kWeightWriteAttempts - 1;
        const QDateTime before = rig.clock.now();
        rig.runUntil([&] { return rig.router.writes.size() == 2; });
        // 60 s of checks, then 1 + 2 + 4 + 8 s of waiting between the five attempts.
        QCOMPARE(before.secsTo(rig.clock.now()), 60 + 15);
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        int holds = 0;
        for (const Decision &d : std::as_const(rig.decisions)) {
            if (d.action != Decision::Action::Hold)
                continue;
            ++holds;
            QCOMPARE(d.weight, 10); // held at the confirmed step, never at the unwritten one
            QVERIFY2(d.reason.contains(QLatin1String("router down")), qPrintable(d.reason));
            QVERIFY2(d.reason.contains(QStringLiteral("retrying in %1 s").arg(1 << (holds - 1))),
                     qPrintable(d.reason));
        }
        QCOMPARE(holds, RolloutEngine::kWeightWriteAttempts - 1);
        QCOMPARE(rig.stored(id).state, RolloutState::Succeeded);
    }

    /// A router that stays unwritable: after kWeightWriteAttempts the rollout rolls back, and as
    /// the rollback cannot write either, it stops in Failed naming the weights left in force.
    void unwritableRouterRollsBackThenNeedsAPerson()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        rig.router.writeError = Error{Error::Kind::Unreachable, QStringLiteral("router down")};
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        QCOMPARE(rig.decisions.last().action, Decision::Action::RollBack);
        QVERIFY2(rig.decisions.last().reason.contains(QLatin1String("failed 5 times")),
                 qPrintable(rig.decisions.last().reason));
        const QString reason = rig.stored(id).reason;
        QVERIFY2(reason.contains(QLatin1String("last confirmed weights: blue 90% / green 10%")),
                 qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("by hand")), qPrintable(reason));
        QCOMPARE(rig.router.inForce, (WeightSplit{90, 10}));
    }

    /// Refused credentials do not heal by waiting: no retry, straight to the rollback.
    void refusedRouterCredentialsAreNotRetried()
    {
        Rig rig;
        rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        rig.router.writeError =
            Error{Error::Kind::Invalid, QStringLiteral("refused the credentials")};
        rig.runUntil([&] { return rig.engine->state() == RolloutState::RollingBack; });
        for (const Decision &d : std::as_const(rig.decisions))
            QVERIFY(d.action != Decision::Action::Hold);
        QCOMPARE(rig.router.writes.size(), qsizetype(1));
    }

    void rollbackRetriesTheWeightWrite()
    {
        Rig rig;
        rig.metrics.canary = badErrors;
        rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::RollingBack; });
        rig.router.failWritesRemaining = 2;
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QCOMPARE(rig.router.inForce, (WeightSplit{100, 0}));
    }

    void failedCanaryRemovalNeedsAPerson()
    {
        Rig rig;
        rig.metrics.canary = badErrors;
        rig.cluster.removeError = Error{Error::Kind::Unreachable, QStringLiteral("daemon gone")};
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        QVERIFY(rig.stored(id).reason.contains(QLatin1String("Remove demo-green by hand")));
        QCOMPARE(rig.router.inForce, (WeightSplit{100, 0}));
    }

    void preChecksFailWithoutChangingAnything_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("expected");
        QTest::newRow("weights split") << 0 << "not 100% on one color";
        QTest::newRow("active missing") << 1 << "does not exist";
        QTest::newRow("active unhealthy") << 2 << "not healthy";
        QTest::newRow("same version") << 3 << "nothing to roll out";
        QTest::newRow("cluster unreachable") << 4 << "cannot read the cluster";
    }
    void preChecksFailWithoutChangingAnything()
    {
        QFETCH(int, problem);
        QFETCH(QString, expected);
        Rig rig;
        switch (problem) {
        case 0:
            rig.router.written = {80, 20};
            break;
        case 1:
            rig.cluster.app.blue.reset();
            break;
        case 2:
            rig.cluster.app.blue->healthy = false;
            rig.cluster.app.blue->replicasRunning = 1;
            break;
        case 3:
            rig.cluster.app.blue->version = QStringLiteral("v2");
            break;
        case 4:
            rig.cluster.readError = Error{Error::Kind::Unreachable, QStringLiteral("refused")};
            break;
        }
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        QVERIFY2(rig.stored(id).reason.contains(expected), qPrintable(rig.stored(id).reason));
        QVERIFY(rig.cluster.writes.isEmpty());
        QVERIFY(rig.router.writes.isEmpty());
    }

    void firstRolloutOfAnAppTheRouterDoesNotKnowTakesItsOnlyColorAsActive()
    {
        // The router holds nothing for the app (Traefik's KV before Optimist wrote it): the
        // only color running is taken as 100%, and the first weight write adds the app.
        Rig rig;
        rig.router.readError = Error{Error::Kind::NotFound, QStringLiteral("no weighted service")};
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 25, 50, 75, 100}));
        QCOMPARE(rig.stored(id).activeColor, Color::Blue);
        QVERIFY(rig.journal(id, JournalEvent::Kind::Info)
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("holds no weights")));
    }

    void unknownAppWithBothColorsOrNoneFailsPreChecks_data()
    {
        QTest::addColumn<bool>("both");
        QTest::newRow("both colors") << true;
        QTest::newRow("no color") << false;
    }
    void unknownAppWithBothColorsOrNoneFailsPreChecks()
    {
        QFETCH(bool, both);
        Rig rig;
        rig.router.readError = Error{Error::Kind::NotFound, QStringLiteral("no weighted service")};
        if (both) {
            ColorService green = *rig.cluster.app.blue;
            green.color = Color::Green;
            green.serviceName = QStringLiteral("demo-green");
            rig.cluster.app.green = green;
        } else {
            rig.cluster.app.blue.reset();
        }
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        QVERIFY2(rig.stored(id).reason.contains(QStringLiteral("active color is unknown")),
                 qPrintable(rig.stored(id).reason));
        QVERIFY(rig.cluster.writes.isEmpty());
        QVERIFY(rig.router.writes.isEmpty());
    }

    void routerUnreachableStillFailsPreChecks()
    {
        Rig rig;
        rig.router.readError = Error{Error::Kind::Unreachable, QStringLiteral("refused")};
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        QVERIFY(rig.stored(id).reason.contains(QStringLiteral("cannot read the router")));
        QVERIFY(rig.cluster.writes.isEmpty());
    }

    void staleIdleColorIsRemovedFirst()
    {
        Rig rig;
        ColorService stale = *rig.cluster.app.blue;
        stale.color = Color::Green;
        stale.serviceName = QStringLiteral("demo-green");
        stale.version = QStringLiteral("v0");
        rig.cluster.app.green = stale;
        rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.cluster.writes.first(), QStringLiteral("remove green"));
    }

    void failingHookStopsBeforeDeploying()
    {
        Rig rig;
        rig.plan.hookCommand = {QStringLiteral("migrate"), QStringLiteral("--up")};
        rig.cluster.jobExitCode = 3;
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        QCOMPARE(rig.cluster.writes, (QStringList{"job v2 migrate --up"}));
        QVERIFY(rig.stored(id).reason.contains(QLatin1String("exited with code 3")));
        QVERIFY(rig.router.writes.isEmpty());
    }

    void passingHookRunsBeforeDeploying()
    {
        Rig rig;
        rig.plan.hookCommand = {QStringLiteral("migrate")};
        rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.cluster.writes.first(), QStringLiteral("job v2 migrate"));
        QVERIFY(rig.states.indexOf(RolloutState::Migrating) <
                rig.states.indexOf(RolloutState::Deploying));
    }

    void pauseHoldsTheStepAndResumeContinues()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        QVERIFY(rig.engine->control(OperatorAction::Kind::Pause, QStringLiteral("bob")).ok());
        QVERIFY(rig.engine->isPaused());
        for (int i = 0; i < 200 && rig.metrics.windows < 4; ++i)
            rig.clock.runNext();
        QCOMPARE(rig.metrics.windows, 4);                       // still judging while paused …
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10})); // … but not advancing
        QVERIFY(rig.engine->control(OperatorAction::Kind::Resume, QStringLiteral("bob")).ok());
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        const auto actions = rig.store->actions(id).value();
        QCOMPARE(actions.size(), 2);
        QCOMPARE(actions[0].who, QStringLiteral("bob"));
        QCOMPARE(actions[0].kind, OperatorAction::Kind::Pause);
        QCOMPARE(actions[1].kind, OperatorAction::Kind::Resume);
    }

    void aFailureWhilePausedStillRollsBack()
    {
        Rig rig;
        rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        QVERIFY(rig.engine->control(OperatorAction::Kind::Pause, QStringLiteral("bob")).ok());
        rig.metrics.canary = badErrors;
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
    }

    void promoteGoesToTheNextStepNow()
    {
        Rig rig;
        rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        const int before = rig.metrics.windows;
        QVERIFY(rig.engine->control(OperatorAction::Kind::Promote, QStringLiteral("bob")).ok());
        rig.runUntil([&] { return rig.router.writes.size() == 2; });
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 25}));
        QCOMPARE(rig.metrics.windows, before); // no check was needed
        QVERIFY(rig.decisions.last().reason.contains(QLatin1String("promoted by bob")));
    }

    void promoteFullyJumpsTo100AndValidates()
    {
        Rig rig;
        rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        QVERIFY(
            rig.engine->control(OperatorAction::Kind::PromoteFully, QStringLiteral("bob")).ok());
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{10, 100}));
        QVERIFY(rig.states.contains(RolloutState::FinalValidation));
    }

    void abortRollsBackAndSaysWho()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.runUntil([&] { return rig.router.inForce.green == 25; });
        QVERIFY(rig.engine->control(OperatorAction::Kind::Abort, QStringLiteral("carol")).ok());
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QCOMPARE(rig.stored(id).reason, QStringLiteral("aborted by carol"));
        QCOMPARE(rig.router.inForce, (WeightSplit{100, 0}));
    }

    void abortBeforeAnyChangeChangesNothing()
    {
        Rig rig;
        const qint64 id = rig.start();
        QVERIFY(rig.engine->control(OperatorAction::Kind::Abort, QStringLiteral("carol")).ok());
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        QVERIFY(rig.cluster.writes.isEmpty());
        QVERIFY(rig.router.writes.isEmpty());
        QVERIFY(rig.stored(id).reason.contains(QLatin1String("nothing had been changed")));
    }

    void abortWhileFinalizingIsRefused()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Finalizing; });
        const auto abort = rig.engine->control(OperatorAction::Kind::Abort, QStringLiteral("bob"));
        QVERIFY(!abort.ok());
        QVERIFY(abort.error().message.contains(QLatin1String("already serves 100%")));
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.store->actions(id, OperatorAction::Status::Rejected).value().size(), 1);
    }

    void inapplicableControlsAreRejectedAndRecorded()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::WaitingHealthy; });
        const auto promote =
            rig.engine->control(OperatorAction::Kind::Promote, QStringLiteral("bob"));
        QVERIFY(!promote.ok());
        QVERIFY(promote.error().message.contains(QLatin1String("WaitingHealthy")));
        const auto resume =
            rig.engine->control(OperatorAction::Kind::Resume, QStringLiteral("bob"));
        QVERIFY(!resume.ok());
        const auto rejected = rig.store->actions(id, OperatorAction::Status::Rejected).value();
        QCOMPARE(rejected.size(), 2);
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
    }

    void requestFiledByAnotherProcessIsApplied()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        OperatorAction request;
        request.rolloutId = id;
        request.at = rig.clock.now();
        request.who = QStringLiteral("dave");
        request.kind = OperatorAction::Kind::Abort;
        const qint64 actionId = rig.store->appendAction(request).value();
        request.id = actionId;
        QVERIFY(rig.engine->applyRequested(request).ok());
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::RolledBack);
        const auto applied = rig.store->actions(id, OperatorAction::Status::Applied).value();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().id, actionId);
    }

    void forceGoesStraightTo100()
    {
        Rig rig;
        rig.plan.force = true;
        rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{100}));
        QCOMPARE(rig.metrics.windows, 0);
        QVERIFY(!rig.states.contains(RolloutState::Observing));
    }

    void dryRunReadsButWritesNothing()
    {
        Rig rig;
        rig.plan.dryRun = true;
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QVERIFY(rig.cluster.writes.isEmpty());
        QVERIFY(rig.router.writes.isEmpty());
        QCOMPARE(rig.router.written, (WeightSplit{100, 0}));
        QVERIFY(!rig.cluster.app.green.has_value());
        const QStringList would = rig.journal(id, JournalEvent::Kind::WouldDo);
        QVERIFY(would.contains(QStringLiteral("create green v2")));
        QVERIFY(would.contains(QStringLiteral("weights blue 90% / green 10%")));
        QVERIFY(would.contains(QStringLiteral("weights blue 0% / green 100%")));
    }

    void checksPerStepNeedsThatManyPasses()
    {
        Rig rig;
        rig.plan.checksPerStep = 2;
        rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.metrics.windows, 10);
    }

    void rollbackWindowKeepsTheOldColorWarm()
    {
        Rig rig;
        rig.plan.rollbackWindowSec = 600;
        const qint64 id = rig.start();
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QVERIFY(rig.cluster.app.blue.has_value());
        const RolloutRecord r = rig.stored(id);
        QCOMPARE(r.warmUntil, r.endedAt.addSecs(600));
    }

    void oneClickRollbackReusesTheWarmColor()
    {
        Rig rig;
        rig.plan.rollbackWindowSec = 600;
        rig.start();
        rig.run();
        QCOMPARE(rig.router.inForce, (WeightSplit{0, 100}));
        rig.cluster.writes.clear();
        rig.router.writes.clear();

        rig.engine = rig.makeEngine();
        rig.plan.rollbackWindowSec = 0;
        rig.plan.force = true;
        rig.plan.reuseIdleColor = true;
        const qint64 id = rig.start(QStringLiteral("v1"));
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Succeeded);
        QCOMPARE(rig.router.inForce, (WeightSplit{100, 0}));
        QCOMPARE(rig.cluster.writes, (QStringList{"remove green"})); // nothing deployed
        QCOMPARE(rig.canaryWeightsWritten(), (QList<int>{0}));
        const RolloutRecord r = rig.stored(id);
        QCOMPARE(r.fromVersion, QStringLiteral("v2"));
        QCOMPARE(r.canaryColor, Color::Blue);
    }

    void oneClickRollbackNeedsTheWarmColor()
    {
        Rig rig;
        rig.start(); // no rollback window: blue is removed
        rig.run();
        rig.engine = rig.makeEngine();
        rig.plan.force = true;
        rig.plan.reuseIdleColor = true;
        const qint64 id = rig.start(QStringLiteral("v1"));
        rig.run();
        QCOMPARE(rig.engine->state(), RolloutState::Failed);
        QVERIFY(rig.stored(id).reason.contains(QLatin1String("no warm demo-blue")));
        QCOMPARE(rig.router.inForce, (WeightSplit{0, 100}));
    }

    void badPlanIsRefusedBeforeAnythingIsWritten()
    {
        Rig rig;
        RolloutRequest r;
        r.app = QStringLiteral("demo");
        r.version = QStringLiteral("v2");
        r.plan.steps = {10, 5, 100};
        const auto started = rig.engine->start(r);
        QVERIFY(!started.ok());
        QCOMPARE(started.error().kind, Error::Kind::Invalid);
        QVERIFY(started.error().message.startsWith(QLatin1String("steps:")));
        QCOMPARE(rig.store->countRollouts({}).value(), 0);
    }

    void unfinishedRolloutBlocksANewOne()
    {
        Rig rig;
        const qint64 first = rig.start();
        rig.runUntil([&] { return rig.engine->state() == RolloutState::Observing; });
        rig.engine.reset(); // the process died
        rig.engine = rig.makeEngine();
        RolloutRequest r;
        r.app = QStringLiteral("demo");
        r.environment = QStringLiteral("test");
        r.version = QStringLiteral("v3");
        const auto second = rig.engine->start(r);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, Error::Kind::Conflict);
        QVERIFY(second.error().message.contains(QStringLiteral("resume %1").arg(first)));
    }

    void recoveryAfterAKill_data()
    {
        QTest::addColumn<int>("killAt"); // 0: observing step 3, 1: right after a weight write
        QTest::addColumn<bool>("resume");
        QTest::newRow("observing, resume") << 0 << true;
        QTest::newRow("observing, roll back") << 0 << false;
        QTest::newRow("after weight write, resume") << 1 << true;
        QTest::newRow("after weight write, roll back") << 1 << false;
        QTest::newRow("waiting healthy, resume") << 2 << true;
        // Blue is already removed: a rollback would route to a removed service, so it finishes.
        QTest::newRow("finalizing after the removal, roll back") << 3 << false;
    }
    void recoveryAfterAKill()
    {
        QFETCH(int, killAt);
        QFETCH(bool, resume);
        Rig rig;
        const qint64 id = rig.start();
        if (killAt == 0)
            rig.runUntil([&] {
                return rig.engine->state() == RolloutState::Observing &&
                       rig.router.inForce.green == 50;
            });
        else if (killAt == 1)
            rig.runUntil([&] { return rig.router.writes.size() == 2; }); // 25 % written
        else if (killAt == 2)
            rig.runUntil([&] { return rig.engine->state() == RolloutState::WaitingHealthy; });
        else
            rig.runUntil([&] { return rig.engine->state() == RolloutState::Finalizing; });
        rig.engine.reset(); // killed: no cleanup, pending replies die with it
        if (killAt == 3)
            rig.cluster.app.blue.reset(); // the removal reached the cluster, its answer did not
        const auto stale = rig.store->unfinishedRollouts().value();
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().id, id);

        rig.engine = rig.makeEngine();
        QVERIFY(rig.engine
                    ->recover(id, resume ? RecoveryMode::Resume : RecoveryMode::RollBack,
                              QStringLiteral("erin"))
                    .ok());
        rig.run();
        const RolloutRecord r = rig.stored(id);
        if (resume || killAt == 3) {
            QCOMPARE(r.state, RolloutState::Succeeded);
            QCOMPARE(rig.router.inForce, (WeightSplit{0, 100}));
            QVERIFY(!rig.cluster.app.blue.has_value());
        } else {
            QCOMPARE(r.state, RolloutState::RolledBack);
            QCOMPARE(rig.router.inForce, (WeightSplit{100, 0}));
            QVERIFY(!rig.cluster.app.green.has_value());
            QVERIFY(rig.cluster.app.blue.has_value());
        }
        QVERIFY(rig.store->unfinishedRollouts().value().isEmpty());
        QVERIFY(
            !rig.journal(id, JournalEvent::Kind::Operator).filter(QLatin1String("erin")).isEmpty());
        // The application ends in a consistent state: all traffic on one existing color.
        const Color active = rig.router.inForce.blue == 100 ? Color::Blue : Color::Green;
        QVERIFY(rig.cluster.app.of(active).has_value());
        QVERIFY(!rig.cluster.app.of(otherColor(active)).has_value());
    }

    void recoveringAFinishedRolloutIsRefused()
    {
        Rig rig;
        const qint64 id = rig.start();
        rig.run();
        auto e = rig.makeEngine();
        const auto r = e->recover(id, RecoveryMode::Resume, QStringLiteral("erin"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestRolloutEngine)
#include "tst_rolloutengine.moc"
