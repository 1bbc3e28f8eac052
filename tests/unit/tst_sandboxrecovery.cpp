// DESIGN §5: an engine dropped mid-rollout without any cleanup (the process died), then a new
// engine over the same history file and the same sandbox environment — continued from its saved
// state, as another process would — resumes the rollout or rolls it back to a consistent state.

#include "clock/VirtualClock.h"
#include "rollout/RolloutEngine.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"
#include "store/SqliteHistoryStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

namespace {

/// One "process": its own clock, sandbox (restored from a saved state), ports, store and engine.
struct Process
{
    std::unique_ptr<VirtualClock> clock;
    std::unique_ptr<SandboxEnvironment> sandbox;
    std::unique_ptr<SandboxCluster> cluster;
    std::unique_ptr<SandboxRouter> router;
    std::unique_ptr<SandboxMetrics> metrics;
    std::unique_ptr<SqliteHistoryStore> store;
    std::unique_ptr<RolloutEngine> engine;

    Process(const Scenario &scenario, const QString &database, const QJsonObject &state = {})
    {
        QDateTime start = VirtualClock::defaultStart();
        if (!state.isEmpty())
            start = QDateTime::fromString(state.value(QStringLiteral("savedAt")).toString(),
                                          Qt::ISODateWithMs);
        clock = std::make_unique<VirtualClock>(start);
        sandbox = std::make_unique<SandboxEnvironment>(scenario, clock.get());
        if (!state.isEmpty()) {
            QString error;
            if (!sandbox->restoreState(state, &error))
                qFatal("restore: %s", qPrintable(error));
        }
        cluster = std::make_unique<SandboxCluster>(sandbox.get());
        router = std::make_unique<SandboxRouter>(sandbox.get());
        metrics = std::make_unique<SandboxMetrics>(sandbox.get());
        auto opened = SqliteHistoryStore::open(database);
        if (!opened)
            qFatal("store: %s", qPrintable(opened.error().message));
        store = std::move(opened.value());
        engine = std::make_unique<RolloutEngine>(
            RolloutPorts{cluster.get(), router.get(), metrics.get(), clock.get(), store.get()});
    }

    bool runUntil(const std::function<bool()> &done)
    {
        while (!done())
            if (!clock->runNext())
                return false;
        return true;
    }
};

} // namespace

class TestSandboxRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void droppedEngineIsRecovered_data()
    {
        QTest::addColumn<int>("killAt");
        QTest::addColumn<bool>("resume");
        // 0: observing 50 %; 1: weights for 25 % written, not yet confirmed; 2: waiting healthy
        for (int killAt : {0, 1, 2})
            for (bool resume : {true, false})
                QTest::newRow(qPrintable(
                    QStringLiteral("kill point %1, %2")
                        .arg(killAt)
                        .arg(resume ? QStringLiteral("resume") : QStringLiteral("roll back"))))
                    << killAt << resume;
    }
    void droppedEngineIsRecovered()
    {
        QFETCH(int, killAt);
        QFETCH(bool, resume);
        const auto scenario = Scenario::load(QStringLiteral("healthy"));
        QVERIFY2(scenario.ok(), "shipped scenario");
        const QString database =
            m_dir.filePath(QStringLiteral("history-%1-%2.sqlite").arg(killAt).arg(resume));
        qint64 id = 0;
        QJsonObject savedState;
        {
            Process first(scenario.value(), database);
            RolloutRequest request;
            request.app = QStringLiteral("demo");
            request.environment = QStringLiteral("sandbox");
            request.version = QStringLiteral("v2");
            request.plan = scenario.value().plan;
            request.operatorName = QStringLiteral("alice");
            const auto started = first.engine->start(request);
            QVERIFY(started.ok());
            id = started.value();
            SandboxEnvironment &env = *first.sandbox;
            bool reached = false;
            if (killAt == 0)
                reached = first.runUntil([&] {
                    return first.engine->state() == RolloutState::Observing &&
                           env.weightsInForce(env.nowMs()).green == 50;
                });
            else if (killAt == 1)
                reached = first.runUntil([&] {
                    return env.writtenWeights().green == 25 &&
                           first.engine->state() == RolloutState::Shifting;
                });
            else
                reached = first.runUntil(
                    [&] { return first.engine->state() == RolloutState::WaitingHealthy; });
            QVERIFY(reached);
            savedState = env.saveState();
            // The process dies here: no abort, no cleanup; its pending work dies with it.
        }

        Process second(scenario.value(), database, savedState);
        const auto unfinished = second.store->unfinishedRollouts();
        QVERIFY(unfinished.ok());
        QCOMPARE(unfinished.value().size(), 1);
        QCOMPARE(unfinished.value().first().id, id);
        QVERIFY(second.engine
                    ->recover(id, resume ? RecoveryMode::Resume : RecoveryMode::RollBack,
                              QStringLiteral("bob"))
                    .ok());
        second.clock->runUntilIdle();

        const RolloutRecord record = second.store->rollout(id).value();
        SandboxEnvironment &env = *second.sandbox;
        const WeightSplit weights = env.weightsInForce(env.nowMs());
        if (resume) {
            QCOMPARE(record.state, RolloutState::Succeeded);
            QCOMPARE(weights, (WeightSplit{0, 100}));
            QVERIFY(env.service(Color::Green).has_value());
            QCOMPARE(env.service(Color::Green)->version, QStringLiteral("v2"));
            QVERIFY(!env.service(Color::Blue).has_value());
        } else {
            QCOMPARE(record.state, RolloutState::RolledBack);
            QCOMPARE(weights, (WeightSplit{100, 0}));
            QCOMPARE(env.service(Color::Blue)->version, QStringLiteral("v1"));
            QVERIFY(!env.service(Color::Green).has_value());
        }
        QVERIFY(second.store->unfinishedRollouts().value().isEmpty());
        // The history tells the interruption and who recovered it.
        bool recoveryJournaled = false;
        for (const JournalEvent &e : second.store->events(id).value())
            recoveryJournaled =
                recoveryJournaled || (e.kind == JournalEvent::Kind::Operator &&
                                      e.message.contains(QLatin1String("bob takes over")));
        QVERIFY(recoveryJournaled);
    }
};

QTEST_GUILESS_MAIN(TestSandboxRecovery)
#include "tst_sandboxrecovery.moc"
