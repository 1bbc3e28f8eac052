// Faults of the metrics in the middle of a real rollout (issue 7, docs/failure-policy.md):
// Traefik's /metrics gone, slower than the request timeout, frozen (stale counters) or without
// the canary's samples; Prometheus answering an empty vector, NaN for every series, or later than
// the request timeout. A real Prometheus cannot easily be made to answer NaN or an empty vector
// for series that exist, so those answers come from FakePrometheus (the API's own JSON shapes);
// everything else is real (FaultEnvironment: Swarm, Redis, the Traefik stand-in and its
// /metrics behind a FaultProxy, 50 requests/s of load).
//
// The policy asserted: no data is never a pass. Each window without usable figures is an
// inconclusive check, held with its reason; the step is never left on it; after
// plan.inconclusiveLimit such checks in a row the rollout rolls back, and the history holds every
// check and decision with its reason.

#include <QTest>

#include "support/FakePrometheus.h"
#include "support/FaultEnvironment.h"

using namespace optimist;
using optimist::test::FakePrometheus;
using optimist::test::FaultEnvironment;
using optimist::test::FaultProxy;

class TestMetricsFaults : public QObject
{
    Q_OBJECT

    FaultEnvironment m_env;

    /// What every metrics fault must end in: rolled back at the first step after
    /// inconclusiveLimit inconclusive checks, each held with a reason containing @p reasonPart.
    void verifyHeldThenRolledBack(const FaultEnvironment::Run &run, const QString &reasonPart)
    {
        QVERIFY2(*run.finalState == RolloutState::RolledBack,
                 qPrintable(run.reason + QLatin1Char('\n') + run.describe()));
        const int limit = FaultEnvironment::plan().inconclusiveLimit;
        const QList<Decision> holds = run.holds();
        QCOMPARE(int(holds.size()), limit - 1);
        for (qsizetype i = 0; i < holds.size(); ++i) {
            const Decision &d = holds.at(i);
            QCOMPARE(d.weight, 10);
            QVERIFY2(d.reason.startsWith(
                         QStringLiteral("inconclusive (%1 of %2)").arg(i + 1).arg(limit)),
                     qPrintable(d.reason));
            QVERIFY2(d.reason.contains(reasonPart), qPrintable(d.reason));
        }
        QCOMPARE(run.decisions.last().action, Decision::Action::RollBack);
        QVERIFY2(run.reason.startsWith(
                     QStringLiteral("%1 inconclusive checks in a row at 10%").arg(limit)),
                 qPrintable(run.reason));
        QVERIFY2(run.reason.contains(reasonPart), qPrintable(run.reason));

        // Never advanced: 10% was the most the canary ever had, and no check passed.
        const RolloutRecord stored = run.stored();
        QCOMPARE(stored.state, RolloutState::RolledBack);
        QCOMPARE(stored.maxWeight, 10);
        QCOMPARE(run.ops(QStringLiteral("weights")).size(), qsizetype(2)); // 10%, then back
        // The history holds each inconclusive check with its reason.
        const QList<CheckResult> checks = run.store->checks(run.id).value();
        int inconclusive = 0;
        for (const CheckResult &c : checks) {
            if (c.verdict == Verdict::Pass)
                QVERIFY2(c.step == 0, qPrintable(c.reason)); // only before the fault
            if (c.verdict != Verdict::Inconclusive)
                continue;
            ++inconclusive;
            QVERIFY2(c.reason.contains(reasonPart), qPrintable(c.reason));
        }
        QCOMPARE(inconclusive, limit);
        QCOMPARE(m_env.weightsInRedis(),
                 QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")});
        QTRY_COMPARE_WITH_TIMEOUT(m_env.swarm().servicesOf(m_env.app),
                                  QStringList{m_env.service(Color::Blue)}, 20000);
    }

private Q_SLOTS:
    void initTestCase() { m_env.initTestCase(this); }
    void cleanupTestCase() { m_env.cleanupTestCase(); }
    void init() { m_env.init(); }

    /// Traefik's /metrics breaks as step 1 starts being observed.
    void traefikMetricsFaultsHoldThenRollBack_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("endpoint gone")
            << int(FaultProxy::Mode::Refuse)
            << QStringLiteral("metrics unavailable: no scrape of Traefik's metrics succeeded");
        QTest::newRow("slower than the request timeout")
            << int(FaultProxy::Mode::Delay) << QStringLiteral("did not answer within 1000 ms");
        QTest::newRow("frozen (stale counters)")
            << int(FaultProxy::Mode::Freeze) << QStringLiteral("canary got no requests");
        QTest::newRow("no samples for the canary")
            << int(FaultProxy::Mode::DropLines) << QStringLiteral("canary got no requests");
    }
    void traefikMetricsFaultsHoldThenRollBack()
    {
        QFETCH(int, mode);
        QFETCH(QString, reasonPart);
        auto run = m_env.compose(m_env.routerConfig());
        bool broken = false;
        m_env.roll(*run, [&](RolloutState s, int step) {
            if (s == RolloutState::Observing && step == 0 && !broken) {
                broken = true;
                m_env.scrape->setMode(FaultProxy::Mode(mode), 3000,
                                      m_env.service(Color::Green).toUtf8() + "@swarm");
            }
        });
        if (QTest::currentTestFailed())
            return;
        verifyHeldThenRolledBack(*run, reasonPart);
    }

    /// Prometheus answers every query with an empty vector, NaN, or only after the request
    /// timeout, from the first check on.
    void prometheusFaultsHoldThenRollBack_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("empty vector")
            << int(FakePrometheus::Answer::Empty) << 0 << QStringLiteral("canary got no requests");
        QTest::newRow("NaN") << int(FakePrometheus::Answer::NaN) << 0
                             << QStringLiteral("canary got no requests");
        QTest::newRow("slower than the request timeout")
            << int(FakePrometheus::Answer::Empty) << 2500
            << QStringLiteral("did not answer within 1000 ms");
    }
    void prometheusFaultsHoldThenRollBack()
    {
        QFETCH(int, answer);
        QFETCH(int, delayMs);
        QFETCH(QString, reasonPart);
        FakePrometheus prometheus(FakePrometheus::Answer(answer),
                                  {m_env.service(Color::Blue) + QStringLiteral("@swarm"),
                                   m_env.service(Color::Green) + QStringLiteral("@swarm")},
                                  delayMs);
        auto run = m_env.compose(m_env.routerConfig(), prometheus.url());
        m_env.roll(*run, {});
        if (QTest::currentTestFailed())
            return;
        verifyHeldThenRolledBack(*run, reasonPart);
        QVERIFY(prometheus.queries() >= 4 * FaultEnvironment::plan().inconclusiveLimit);
    }
};

QTEST_GUILESS_MAIN(TestMetricsFaults)
#include "tst_metricsfaults.moc"
