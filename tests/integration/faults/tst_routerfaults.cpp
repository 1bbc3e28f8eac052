// Faults of the router's dependencies in the middle of a real rollout (issue 7,
// docs/failure-policy.md): Traefik's Redis KV provider stopped and restarted, hung beyond the
// command timeout, gone for good, or refusing the password; Traefik's API unreachable, slower than
// the request timeout, or serving stale weights that never converge. Each fault is made at an
// exact state of the engine (FaultEnvironment: real Swarm, a Redis of the test's own, the Traefik
// stand-in behind a FaultProxy, 50 requests/s of load). What is asserted is what the policy
// promises: no step is confirmed on a router that did not answer; the hold is visible with its
// reason; retries follow RolloutEngine's backoff; the end is a success (the dependency came
// back), a rollback, or Failed naming the weights left and what a person must do; and the
// history holds all of it.

#include <QTest>

#include "support/FaultEnvironment.h"

using namespace optimist;
using optimist::test::FaultEnvironment;
using optimist::test::FaultProxy;
using optimist::test::PrivateRedis;

class TestRouterFaults : public QObject
{
    Q_OBJECT

    FaultEnvironment m_env;

    static bool isWeightHold(const Decision &d)
    {
        return d.action == Decision::Action::Hold &&
               d.reason.contains(QLatin1String("writing weights"));
    }

    /// The waits between consecutive holds grow as RolloutEngine::retryDelay says (with a
    /// little slack for the attempts themselves).
    static void verifyBackoff(const QList<Decision> &holds)
    {
        for (qsizetype i = 1; i < holds.size(); ++i) {
            const qint64 gap = holds.at(i - 1).at.msecsTo(holds.at(i).at);
            const qint64 expected =
                std::chrono::milliseconds(RolloutEngine::retryDelay(int(i))).count();
            QVERIFY2(gap >= expected - 100,
                     qPrintable(QStringLiteral("hold %1 came %2 ms after the previous one, "
                                               "before the %3 ms backoff")
                                    .arg(i + 1)
                                    .arg(gap)
                                    .arg(expected)));
        }
    }

private Q_SLOTS:
    void initTestCase() { m_env.initTestCase(this); }
    void cleanupTestCase() { m_env.cleanupTestCase(); }
    void init() { m_env.init(); }

    /// Redis stops (or hangs) while step 1 is observed and comes back a few seconds later: the
    /// move to step 2 is held with Redis' error as the reason, retried with backoff, and the
    /// rollout then goes on to success. The weights never moved while Redis was away.
    void redisAwayForAWhileHoldsThenContinues_data()
    {
        QTest::addColumn<bool>("hang");
        QTest::newRow("stopped and restarted") << false;
        QTest::newRow("hung beyond the command timeout") << true;
    }
    void redisAwayForAWhileHoldsThenContinues()
    {
        QFETCH(bool, hang);
        auto run = m_env.compose(m_env.routerConfig());
        QDateTime back;
        bool broken = false;
        QObject::connect(run->engine.get(), &RolloutEngine::decisionMade, run->engine.get(),
                         [&](const Decision &d) {
                             if (!isWeightHold(d) || back.isValid())
                                 return;
                             // Back after the second retry's wait has begun.
                             back = QDateTime::currentDateTimeUtc().addMSecs(3500);
                             QTimer::singleShot(3500, run->engine.get(), [&] {
                                 if (hang)
                                     m_env.redis->thaw();
                                 else
                                     QVERIFY(m_env.redis->start());
                             });
                         });
        m_env.roll(*run, [&](RolloutState s, int step) {
            if (s == RolloutState::Observing && step == 0 && !broken) {
                broken = true;
                if (hang)
                    m_env.redis->freeze();
                else
                    m_env.redis->stop();
            }
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(*run->finalState == RolloutState::Succeeded,
                 qPrintable(run->reason + QLatin1Char('\n') + run->describe()));

        const QList<Decision> holds = run->holds();
        QVERIFY2(holds.size() >= 2, qPrintable(run->describe()));
        for (const Decision &d : holds) {
            QVERIFY2(isWeightHold(d), qPrintable(d.reason));
            // Held at the confirmed step, with Redis named as what failed.
            QCOMPARE(d.weight, 10);
            QVERIFY2(d.reason.contains(m_env.redis->address()), qPrintable(d.reason));
            QVERIFY2(d.reason.contains(QLatin1String("retrying in")), qPrintable(d.reason));
            if (hang)
                QVERIFY2(d.reason.contains(QLatin1String("within 1 s")), qPrintable(d.reason));
        }
        verifyBackoff(holds);
        if (QTest::currentTestFailed())
            return;
        // No weight was confirmed while Redis was away: the confirmation of 50% came after.
        const QList<JournalEvent> confirmed = run->ops(QStringLiteral("confirmed"));
        QCOMPARE(confirmed.size(), qsizetype(3));
        QCOMPARE(confirmed.at(1).data.value(QStringLiteral("green")).toInt(), 50);
        QVERIFY(confirmed.at(1).at >= back);

        // The history holds every hold with its reason.
        const QStringList stored = run->storedDecisions();
        QCOMPARE(stored.filter(QLatin1String("writing weights")).size(), holds.size());
        QCOMPARE(run->stored().state, RolloutState::Succeeded);
        QCOMPARE(m_env.weightsInRedis(),
                 QStringList{m_env.service(Color::Green) + QStringLiteral("@swarm=100")});
        QVERIFY(m_env.servesOnly(QStringLiteral("v2"), 10000));
    }

    /// Redis stops for good while step 1 is observed: the move to step 2 is retried
    /// kWeightWriteAttempts times, then rolled back; the rollback cannot write either and stops
    /// in Failed naming the weights left in force (checked in Redis once it is back) and what a
    /// person must do.
    void redisGoneForGoodStopsInFailedNamingTheWeightsLeft()
    {
        auto run = m_env.compose(m_env.routerConfig());
        bool broken = false;
        m_env.roll(*run, [&](RolloutState s, int step) {
            if (s == RolloutState::Observing && step == 0 && !broken) {
                broken = true;
                m_env.redis->stop();
            }
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(*run->finalState == RolloutState::Failed,
                 qPrintable(run->reason + QLatin1Char('\n') + run->describe()));
        QCOMPARE(int(run->holds().size()), RolloutEngine::kWeightWriteAttempts - 1);
        verifyBackoff(run->holds());
        QCOMPARE(run->decisions.last().action, Decision::Action::RollBack);
        QVERIFY2(run->decisions.last().reason.contains(
                     QStringLiteral("failed %1 times").arg(RolloutEngine::kWeightWriteAttempts)),
                 qPrintable(run->decisions.last().reason));

        const QString reason = run->reason;
        QVERIFY2(reason.contains(QLatin1String("last confirmed weights: blue 90% / green 10%")),
                 qPrintable(reason));
        QVERIFY2(reason.contains(m_env.redis->address()), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("Set the weights of %1 to blue 100% / green 0% "
                                                "by hand, then remove %2")
                                     .arg(m_env.app, m_env.service(Color::Green))),
                 qPrintable(reason));
        const RolloutRecord stored = run->stored();
        QCOMPARE(stored.state, RolloutState::Failed);
        QCOMPARE(stored.reason, reason);
        QCOMPARE(stored.maxWeight, 10);
        // The rollback's attempts are in the history, each with Redis' error.
        int errors = 0;
        for (const JournalEvent &e : run->history())
            errors += e.kind == JournalEvent::Kind::Error ? 1 : 0;
        QCOMPARE(errors, RolloutEngine::kWeightWriteAttempts);

        // What the reason names is what was left: Redis holds 90/10, green still runs.
        QVERIFY(m_env.redis->start());
        QCOMPARE(m_env.weightsInRedis(),
                 (QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=90"),
                              m_env.service(Color::Green) + QStringLiteral("@swarm=10")}));
        QVERIFY(m_env.swarm().servicesOf(m_env.app).contains(m_env.service(Color::Green)));
    }

    /// Redis refuses the password: PreChecks fail at once (no retry: a password does not heal
    /// by waiting), nothing is changed, and neither password appears in the history.
    void wrongRedisPasswordFailsWithoutChangingAnything()
    {
        const QString right =
            QStringLiteral("right-%1").arg(QRandomGenerator::global()->generate());
        const QString wrong =
            QStringLiteral("wrong-%1").arg(QRandomGenerator::global()->generate());
        PrivateRedis guarded(right);
        QVERIFY(guarded.start());
        auto run = m_env.compose(m_env.routerConfig(guarded.address(), wrong));
        m_env.roll(*run, {}, 30000);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(*run->finalState, RolloutState::Failed);
        QVERIFY2(run->reason.contains(QLatin1String("refused the credentials of user \"default\"")),
                 qPrintable(run->reason));
        QVERIFY2(run->reason.contains(QLatin1String("Nothing was changed")),
                 qPrintable(run->reason));
        QVERIFY(run->holds().isEmpty());
        QVERIFY(run->ops(QStringLiteral("weights")).isEmpty());
        QCOMPARE(m_env.swarm().servicesOf(m_env.app), QStringList{m_env.service(Color::Blue)});
        QCOMPARE(m_env.weightsInRedis(),
                 QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")});
        QCOMPARE(run->stored().state, RolloutState::Failed);
        for (const JournalEvent &e : run->history()) {
            QVERIFY(!e.message.contains(right) && !e.message.contains(wrong));
            const QByteArray data = QJsonDocument(e.data).toJson();
            QVERIFY(!data.contains(right.toUtf8()) && !data.contains(wrong.toUtf8()));
        }
    }

    /// Traefik's API goes away (refused, or slower than the request timeout) while step 1 is
    /// observed: the weights of step 2 are written but never confirmed, so the step is not
    /// taken: the rollout rolls back. The API comes back during the rollback's retries, which
    /// then confirm blue 100% and remove green.
    void traefikApiAwayRollsBack_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("error");
        QTest::newRow("unreachable")
            << int(FaultProxy::Mode::Refuse) << QStringLiteral("Cannot reach Traefik's API");
        QTest::newRow("slower than the request timeout")
            << int(FaultProxy::Mode::Delay) << QStringLiteral("did not answer within 1 s");
    }
    void traefikApiAwayRollsBack()
    {
        QFETCH(int, mode);
        QFETCH(QString, error);
        auto run = m_env.compose(m_env.routerConfig());
        bool broken = false;
        bool healed = false;
        QObject::connect(run->engine.get(), &RolloutEngine::journaled, run->engine.get(),
                         [&](const JournalEvent &e) {
                             if (e.kind == JournalEvent::Kind::Error && !healed) {
                                 healed = true;
                                 m_env.api->setMode(FaultProxy::Mode::Pass);
                             }
                         });
        m_env.roll(*run, [&](RolloutState s, int step) {
            if (s == RolloutState::Observing && step == 0 && !broken) {
                broken = true;
                m_env.api->setMode(FaultProxy::Mode(mode), 2000);
            }
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(*run->finalState == RolloutState::RolledBack,
                 qPrintable(run->reason + QLatin1Char('\n') + run->describe()));
        QVERIFY2(run->reason.contains(
                     QLatin1String("never showed weights blue 50% / green 50% in force")),
                 qPrintable(run->reason));
        QVERIFY2(run->reason.contains(error), qPrintable(run->reason));
        const RolloutRecord stored = run->stored();
        QCOMPARE(stored.state, RolloutState::RolledBack);
        QCOMPARE(stored.maxWeight, 10); // 50% was never confirmed, so never taken
        QVERIFY(healed);
        QCOMPARE(m_env.weightsInRedis(),
                 QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")});
        QTRY_COMPARE_WITH_TIMEOUT(m_env.swarm().servicesOf(m_env.app),
                                  QStringList{m_env.service(Color::Blue)}, 20000);
        QVERIFY(m_env.servesOnly(QStringLiteral("v1"), 10000));
    }

    /// Traefik's API keeps answering what it showed at step 1 (stale weights that never
    /// converge): step 2 is never confirmed, the rollout rolls back, and as the rollback's
    /// weights are never shown in force either, it stops in Failed saying what it wrote, what
    /// was last confirmed and what a person must check.
    void staleWeightsNeverConvergeStopInFailed()
    {
        auto run = m_env.compose(m_env.routerConfig());
        bool broken = false;
        m_env.roll(*run, [&](RolloutState s, int step) {
            if (s == RolloutState::Observing && step == 0 && !broken) {
                broken = true;
                m_env.api->setMode(FaultProxy::Mode::Freeze);
            }
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(*run->finalState == RolloutState::Failed,
                 qPrintable(run->reason + QLatin1Char('\n') + run->describe()));
        const QString reason = run->reason;
        QVERIFY2(reason.contains(QStringLiteral("Rollback wrote weights blue 100% / green 0% for "
                                                "%1 %2 times, but the router never showed them")
                                     .arg(m_env.app)
                                     .arg(RolloutEngine::kWeightWriteAttempts)),
                 qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("blue 90% / green 10%")), qPrintable(reason));
        QVERIFY2(
            reason.contains(QStringLiteral("remove %1 by hand").arg(m_env.service(Color::Green))),
            qPrintable(reason));
        QCOMPARE(run->stored().state, RolloutState::Failed);
        QCOMPARE(run->stored().maxWeight, 10);
        // Each attempt of the rollback is in the history with the difference Traefik showed.
        int errors = 0;
        for (const JournalEvent &e : run->history()) {
            if (e.kind != JournalEvent::Kind::Error)
                continue;
            ++errors;
            QVERIFY2(e.message.contains(QLatin1String("did not put the weights")),
                     qPrintable(e.message));
        }
        QCOMPARE(errors, RolloutEngine::kWeightWriteAttempts);
        // The write itself reached Redis: the stale picture was Traefik's only.
        QCOMPARE(m_env.weightsInRedis(),
                 QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")});
    }
};

QTEST_GUILESS_MAIN(TestRouterFaults)
#include "tst_routerfaults.moc"
