// `optimist-cli rollout` end to end against a real environment (E2eEnvironment): the test
// dockerd (single-node Swarm, demo images), Redis or Traefik's file provider, and the Traefik
// stand-in (tests/fixtures/traefik-standin) as Traefik: it reads the weights, discovers the
// colors from Swarm, proxies the test's load and serves /api and /metrics. Unlike the e2e suite,
// blue is not in the router before the rollout: the first weight write puts the application
// there. Each test has its own application name, Redis root key or folder, and removes its
// services, keys and the stand-in, even when it fails.

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include "e2e/E2eEnvironment.h"

using namespace optimist;
using namespace optimist::loadgen;
using optimist::test::E2eEnvironment;

class TestTraefikRollout : public QObject
{
    Q_OBJECT

    E2eEnvironment m_env;

    /// The plan of these tests: two steps, 5-s checks.
    static QString plan()
    {
        return QStringLiteral("  steps: [50, 100]\n"
                              "  checkIntervalSec: 5\n"
                              "  minRequestsPerCheck: 20\n"
                              "  healthTimeoutSec: 40\n"
                              "  confirmTimeoutSec: 15\n"
                              "  drainSec: 1\n");
    }

    QString traefikMetrics() const
    {
        return QStringLiteral("metrics:\n  kind: traefik\n  url: http://%1/metrics")
            .arg(m_env.apiAddress());
    }

    static QString describe(const QList<LoadAnswer> &answers)
    {
        QMap<QString, int> counts;
        for (const LoadAnswer &a : answers)
            ++counts[a.status ? QStringLiteral("%1 %2").arg(a.status).arg(a.version) : a.error];
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            parts << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
        return parts.join(QStringLiteral(", "));
    }

    /// `optimist-cli rollout VERSION` under 50 requests/s, and the users a little longer.
    E2eEnvironment::CliRun rollout(const QString &version, LoadGenerator &load)
    {
        load.start();
        const E2eEnvironment::CliRun run = m_env.cli({QStringLiteral("rollout"), version}, 120000);
        // Users keep using the application after the rollout ended.
        QTest::qWait(3000);
        E2eEnvironment::drain(load);
        return run;
    }

    /// v1 → v2 under load, through the router and metrics @p metricsYaml names: it succeeds,
    /// every check saw both colors' traffic, the router ends on green alone, users saw no error.
    void rollOutHealthyVersion(const QString &metricsYaml)
    {
        m_env.startBlue(QStringLiteral("v1"));
        m_env.writeProfile(plan(), metricsYaml);
        if (QTest::currentTestFailed())
            return;

        LoadGenerator load(m_env.loadOptions(50));
        const E2eEnvironment::CliRun run = rollout(QStringLiteral("v2"), load);

        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(!run.lines.isEmpty());
        QCOMPARE(run.lines.last().value(QStringLiteral("event")).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(run.lines.last().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("succeeded"));

        // Every check saw traffic on both colors and none was inconclusive.
        const QList<QJsonObject> checks = run.events(QStringLiteral("check"));
        QVERIFY2(!checks.isEmpty(), qPrintable(run.output));
        for (const QJsonObject &c : checks) {
            QVERIFY2(c.value(QStringLiteral("verdict")).toString() !=
                         QStringLiteral("inconclusive"),
                     qPrintable(run.output));
            QVERIFY2(c.value(QStringLiteral("canary"))
                             .toObject()
                             .value(QStringLiteral("requests"))
                             .toInteger() > 0,
                     qPrintable(run.output));
            if (c.value(QStringLiteral("weight")).toInt() < 100)
                QVERIFY2(c.value(QStringLiteral("baseline"))
                                 .toObject()
                                 .value(QStringLiteral("requests"))
                                 .toInteger() > 0,
                         qPrintable(run.output));
        }

        // The router's configuration: green alone at 100 (blue, gone from Swarm, is no longer
        // listed: Traefik would fail the whole weighted service over it).
        QCOMPARE(m_env.weightsInForce(),
                 (QStringList{m_env.service(Color::Green) + QStringLiteral("@swarm=100")}));
        QTRY_COMPARE_WITH_TIMEOUT(m_env.services(), QStringList{m_env.service(Color::Green)},
                                  15000);

        // The users: v2 answered, no 5xx, no connection error. Before the first weight write
        // the app is not in the router yet (404), which is not an error of the rollout.
        int v2 = 0;
        QList<LoadAnswer> bad;
        for (const LoadAnswer &a : load.answers()) {
            if (a.status == 200 && a.version == QStringLiteral("v2"))
                ++v2;
            if (a.failed())
                bad << a;
        }
        QVERIFY2(v2 > 0, qPrintable(describe(load.answers())));
        // The removed color is no longer listed in the weighted service (Traefik would fail the
        // whole service over a child it cannot build): the application keeps serving.
        QVERIFY2(bad.isEmpty(), qPrintable(describe(load.answers())));
        QVERIFY(m_env.servesOnly(QStringLiteral("v2"), 10000));
    }

private Q_SLOTS:
    void init()
    {
        // Tests named "…File…" route through Traefik's file provider, the others through Redis.
        E2eEnvironment::Options options;
        if (QString::fromLatin1(QTest::currentTestFunction()).contains(QLatin1String("File")))
            options.provider = E2eEnvironment::Options::Provider::File;
        m_env.init(this, options);
    }

    void cleanup() { m_env.cleanup(); }

    void healthyVersionRollsOutUnderLoad() { rollOutHealthyVersion(traefikMetrics()); }

    /// The other provider and the other metrics source: Traefik's file provider (one YAML file
    /// per application, replaced atomically) and windows from Prometheus scraping the stand-in.
    void healthyVersionRollsOutThroughFileAndPrometheus()
    {
        const QString prometheus = qEnvironmentVariable("OPTIMIST_TEST_PROMETHEUS");
        const QString defaultTargets = qEnvironmentVariable("OPTIMIST_TEST_PROMETHEUS_TARGETS");
        if (prometheus.isEmpty() || defaultTargets.isEmpty()) {
            if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
                QFAIL("OPTIMIST_TEST_PROMETHEUS(_TARGETS) not set although services are required");
            QSKIP("needs Prometheus: run ./scripts/test");
        }
        m_env.addPrometheusTarget();
        if (QTest::currentTestFailed())
            return;
        rollOutHealthyVersion(
            QStringLiteral("metrics:\n  kind: prometheus\n  url: %1\n  traefikVersion: 3\n"
                           "  settleSec: 3")
                .arg(prometheus));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFileInfo(QDir(m_env.fileDir()).filePath(m_env.app + QStringLiteral(".yaml")))
                    .isFile());
    }

    void erroringVersionRollsBackToBlue()
    {
        m_env.startBlue(QStringLiteral("v1"));
        m_env.writeProfile(plan(), traefikMetrics());
        if (QTest::currentTestFailed())
            return;

        LoadGenerator load(m_env.loadOptions(50));
        const E2eEnvironment::CliRun run = rollout(QStringLiteral("v3"), load);

        QVERIFY2(run.exitCode == 3, qPrintable(run.output));
        QCOMPARE(run.lines.last().value(QStringLiteral("event")).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(run.lines.last().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("rolled_back"));
        const QString reason = run.lines.last().value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("error"), Qt::CaseInsensitive), qPrintable(reason));

        QCOMPARE(m_env.weightsInForce(),
                 (QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")}));
        QTRY_COMPARE_WITH_TIMEOUT(m_env.services(), QStringList{m_env.service(Color::Blue)}, 15000);
        // v3's errors reached users while it was a canary; the answers at the end are v1 only.
        bool sawV3 = false;
        for (const LoadAnswer &a : load.answers())
            sawV3 = sawV3 || a.version == QStringLiteral("v3");
        QVERIFY2(sawV3, qPrintable(describe(load.answers())));
        // The removed color is no longer listed in the weighted service (Traefik would fail the
        // whole service over a child it cannot build): the application keeps serving.
        QVERIFY(m_env.servesOnly(QStringLiteral("v1"), 10000));
    }
};

QTEST_GUILESS_MAIN(TestTraefikRollout)
#include "tst_traefikrollout.moc"
