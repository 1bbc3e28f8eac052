// The real-cluster-with-simulated-traffic composition: every applied change of the real
// cluster is mirrored in the sandbox, whose metrics then see the colors that really run.

#include "runtime/SimulatedTrafficCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/Scenario.h"
#include "support/FakePorts.h"

#include <QTest>

using namespace optimist;
using namespace std::chrono_literals;

class TestSimulatedTrafficCluster : public QObject
{
    Q_OBJECT

    std::unique_ptr<VirtualClock> m_clock;
    std::unique_ptr<test::FakeCluster> m_real;
    std::unique_ptr<SandboxEnvironment> m_simulation;
    std::unique_ptr<SimulatedTrafficCluster> m_cluster;

    template <typename T> std::optional<Result<T>> run(const std::function<void(Reply<T>)> &start)
    {
        std::optional<Result<T>> result;
        start(Reply<T>(this, [&result](const Result<T> &r) { result = r; }));
        for (int i = 0; i < 600 && !result; ++i)
            m_clock->advance(100ms);
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<VirtualClock>();
        m_real = std::make_unique<test::FakeCluster>(m_clock.get());
        auto scenario = Scenario::load(QStringLiteral("healthy"));
        QVERIFY(scenario);
        scenario.value().app = QStringLiteral("demo");
        m_simulation = std::make_unique<SandboxEnvironment>(scenario.value(), m_clock.get());
        m_cluster = std::make_unique<SimulatedTrafficCluster>(m_real.get(), m_simulation.get());
    }

    void readAppMirrorsWhatRuns()
    {
        m_real->app.blue->replicasDesired = 3;
        auto r = run<AppSnapshot>(
            [&](Reply<AppSnapshot> reply) { m_cluster->readApp(QStringLiteral("demo"), reply); });
        QVERIFY(r && *r);
        QCOMPARE(r->value().blue->replicasDesired, 3); // the real answer, unchanged
        QVERIFY(m_simulation->service(Color::Blue));
        QCOMPARE(m_simulation->service(Color::Blue)->replicas, 3);
        QVERIFY(!m_simulation->service(Color::Green));

        // A color gone from the real cluster leaves the simulation too.
        m_real->app.blue.reset();
        r = run<AppSnapshot>(
            [&](Reply<AppSnapshot> reply) { m_cluster->readApp(QStringLiteral("demo"), reply); });
        QVERIFY(r && *r);
        QVERIFY(!m_simulation->service(Color::Blue));
    }

    void createWaitRemoveAreMirrored()
    {
        auto dry = run<WriteOutcome>([&](Reply<WriteOutcome> reply) {
            m_cluster->createColor(QStringLiteral("demo"), Color::Blue, Color::Green,
                                   QStringLiteral("v2"), WriteMode::DryRun, reply);
        });
        QVERIFY(dry && *dry);
        QVERIFY(!m_simulation->service(Color::Green));

        auto created = run<WriteOutcome>([&](Reply<WriteOutcome> reply) {
            m_cluster->createColor(QStringLiteral("demo"), Color::Blue, Color::Green,
                                   QStringLiteral("v2"), WriteMode::Apply, reply);
        });
        QVERIFY(created && *created);
        QVERIFY(m_simulation->service(Color::Green));
        QCOMPARE(m_simulation->service(Color::Green)->version, QStringLiteral("v2"));
        QCOMPARE(m_simulation->canaryColor(), std::optional<Color>(Color::Green));

        // The real cluster answers healthy after 5 s; the simulated color is healthy only after
        // the scenario's startup (8 s): the answer waits for both.
        const qint64 start = m_simulation->nowMs();
        auto healthy = run<ColorService>([&](Reply<ColorService> reply) {
            m_cluster->waitHealthy(QStringLiteral("demo"), Color::Green, 60s, reply);
        });
        QVERIFY(healthy && *healthy);
        QVERIFY(m_simulation->nowMs() >= m_simulation->healthyAtMs(Color::Green));
        QVERIFY2(m_simulation->nowMs() - start >= 5000,
                 qPrintable(QString::number(m_simulation->nowMs() - start)));

        auto scaled = run<WriteOutcome>([&](Reply<WriteOutcome> reply) {
            m_cluster->scale(QStringLiteral("demo"), Color::Green, 0, WriteMode::Apply, reply);
        });
        QVERIFY(scaled && *scaled);
        QCOMPARE(m_simulation->service(Color::Green)->replicas, 0);

        auto removed = run<WriteOutcome>([&](Reply<WriteOutcome> reply) {
            m_cluster->removeColor(QStringLiteral("demo"), Color::Green, WriteMode::Apply, reply);
        });
        QVERIFY(removed && *removed);
        QVERIFY(!m_simulation->service(Color::Green));
    }

    void failuresAreNotMirrored()
    {
        m_real->createError = Error{Error::Kind::NotFound, QStringLiteral("no such image")};
        auto created = run<WriteOutcome>([&](Reply<WriteOutcome> reply) {
            m_cluster->createColor(QStringLiteral("demo"), Color::Blue, Color::Green,
                                   QStringLiteral("v9"), WriteMode::Apply, reply);
        });
        QVERIFY(created && !*created);
        QCOMPARE(created->error().kind, Error::Kind::NotFound);
        QVERIFY(!m_simulation->service(Color::Green));
    }
};

QTEST_GUILESS_MAIN(TestSimulatedTrafficCluster)
#include "tst_simulatedtrafficcluster.moc"
