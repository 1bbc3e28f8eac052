// Operations end to end (issue 6), against the real test environment (E2eEnvironment) under
// 50 requests/s from the project's load generator: a failing pre-rollout hook stops the rollout
// before anything is deployed, and a one-click rollback inside the rollback window brings the
// old version back to 100%.

#include <QTest>

#include "e2e/E2eEnvironment.h"

using namespace optimist;
using namespace optimist::loadgen;
using optimist::test::E2eEnvironment;

class TestE2eOperations : public QObject
{
    Q_OBJECT

    E2eEnvironment m_env;

private Q_SLOTS:
    void init() { m_env.init(this); }
    void cleanup() { m_env.cleanup(); }

    /// A migration job that exits 3 fails the rollout in Migrating: no green service is ever
    /// created, the weights never change, and the users keep getting v1.
    void failingMigrationStopsBeforeAnyDeployment()
    {
        m_env.adoptBlue(QStringLiteral("v1"),
                        E2eEnvironment::plan(QStringLiteral(
                            "  hookCommand: [/server, --exit, \"3\", --lines, \"2\"]\n"
                            "  hookTimeoutSec: 60\n")));
        if (QTest::currentTestFailed())
            return;
        LoadGenerator load(m_env.loadOptions(50));
        load.start();
        // Watch Swarm while the rollout runs: the only services of the app besides blue may be
        // the hook's job, never a green color.
        QStringList seen;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [this, &seen] {
            for (const QString &name : m_env.services())
                if (!seen.contains(name))
                    seen << name;
        });
        watch.start(250);
        const E2eEnvironment::CliRun run =
            m_env.cli({QStringLiteral("rollout"), QStringLiteral("v2")});
        watch.stop();
        E2eEnvironment::drain(load);

        QVERIFY2(run.exitCode == 4, qPrintable(run.output));
        QCOMPARE(run.finished().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("failed"));
        const QString reason = run.finished().value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("exited with code 3")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("line 2 of 2")), qPrintable(reason));
        QVERIFY2(!seen.contains(m_env.service(Color::Green)), qPrintable(seen.join(u' ')));
        QVERIFY2(run.journal(QStringLiteral("create")).isEmpty(), qPrintable(run.output));
        QVERIFY2(run.journal(QStringLiteral("weights")).isEmpty(), qPrintable(run.output));
        QVERIFY(!run.journal(QStringLiteral("job")).isEmpty());

        QCOMPARE(m_env.services(), QStringList{m_env.service(Color::Blue)});
        QCOMPARE(m_env.weightsInForce(),
                 QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")});
        const LoadSecond totals = load.record().totals();
        QCOMPARE(totals.failed(), 0);
        QCOMPARE(totals.version(QStringLiteral("v1")), totals.sent);
    }

    /// v1 → v2 succeeds with blue kept warm; `optimist-cli rollback` within the window puts v1
    /// back at 100% without an error for the users. Prints how long that took.
    void oneClickRollbackRestoresThePreviousVersion()
    {
        m_env.adoptBlue(QStringLiteral("v1"),
                        E2eEnvironment::plan(QStringLiteral("  rollbackWindowSec: 300\n")));
        if (QTest::currentTestFailed())
            return;
        LoadGenerator load(m_env.loadOptions(50));
        load.start();
        const E2eEnvironment::CliRun rollout =
            m_env.cli({QStringLiteral("rollout"), QStringLiteral("v2"), QStringLiteral("--steps"),
                       QStringLiteral("50,100")});
        QVERIFY2(rollout.exitCode == 0, qPrintable(rollout.output));
        // Blue is kept warm, at weight 0.
        QCOMPARE(m_env.services(),
                 (QStringList{m_env.service(Color::Blue), m_env.service(Color::Green)}));
        QCOMPARE(m_env.weightsInForce(),
                 QStringList{m_env.service(Color::Green) + QStringLiteral("@swarm=100")});
        QVERIFY(m_env.servesOnly(QStringLiteral("v2"), 10000));

        const qint64 command = QDateTime::currentMSecsSinceEpoch();
        const E2eEnvironment::CliRun rollback = m_env.cli({QStringLiteral("rollback")});
        E2eEnvironment::drain(load);
        QVERIFY2(rollback.exitCode == 3, qPrintable(rollback.output));
        QCOMPARE(m_env.weightsInForce(),
                 QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")});
        QVERIFY(m_env.servesOnly(QStringLiteral("v1"), 10000));

        // From the command to the last request that still got v2: after it, v1 served 100%.
        qint64 lastV2 = command;
        int v1After = 0;
        for (const LoadAnswer &a : load.answers()) {
            if (a.sentAtMs < command)
                continue;
            if (a.version == QStringLiteral("v2"))
                lastV2 = std::max(lastV2, a.sentAtMs);
            else if (a.version == QStringLiteral("v1"))
                ++v1After;
        }
        QVERIFY2(v1After > 0, "no request after the rollback command got v1");
        const QList<QJsonObject> confirmed = rollback.journal(QStringLiteral("confirmed"));
        QVERIFY2(!confirmed.isEmpty(), qPrintable(rollback.output));
        const double seen = (lastV2 - command) / 1000.0;
        const double journaled =
            (E2eEnvironment::CliRun::at(confirmed.last()).toMSecsSinceEpoch() - command) / 1000.0;
        qInfo("one-click rollback: v1 serves 100%% %.2f s after the command (the router confirmed "
              "it after %.2f s; the command ended after %.2f s)",
              seen, journaled, (rollback.endedAtMs - command) / 1000.0);
        QVERIFY2(seen < 30, qPrintable(QString::number(seen)));

        const LoadSecond totals = load.record().totals();
        qInfo("load: %s", qPrintable(totals.describe()));
        QCOMPARE(totals.failed(), 0);
    }
};

QTEST_GUILESS_MAIN(TestE2eOperations)
#include "tst_e2eoperations.moc"
