// Rollouts end to end (issue 6): `optimist-cli rollout` against the real test environment
// (E2eEnvironment: Swarm, Redis, the Traefik stand-in and its /metrics) while the project's load
// generator sends 50 requests/s through the stand-in for the whole run. What the users saw is
// cut into steps by the CLI's journal timestamps.

#include <QTest>

#include "e2e/E2eEnvironment.h"

using namespace optimist;
using namespace optimist::loadgen;
using optimist::test::E2eEnvironment;
using optimist::test::RolloutSteps;

class TestE2eRollouts : public QObject
{
    Q_OBJECT

    E2eEnvironment m_env;

    /// Rolls @p version out over blue running v2 under load and checks what every rejected
    /// release must show: rolled back (exit 3) for a reason containing @p reasonPart, the router
    /// and Swarm back to blue alone, no 5xx from v2 and no connection error for the users.
    struct Rejection
    {
        E2eEnvironment::CliRun run;
        LoadRecord record;
        QList<LoadAnswer> answers;
    };
    Rejection rejected(const QString &version, const QString &reasonPart)
    {
        m_env.adoptBlue(QStringLiteral("v2"), E2eEnvironment::plan());
        if (QTest::currentTestFailed())
            return {};
        LoadGenerator load(m_env.loadOptions(50));
        load.start();
        const E2eEnvironment::CliRun run = m_env.cli({QStringLiteral("rollout"), version});
        E2eEnvironment::drain(load);
        const LoadRecord record = load.record();
        [&] {
            QVERIFY2(run.exitCode == 3, qPrintable(run.output));
            const QJsonObject finished = run.finished();
            QCOMPARE(finished.value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("rolled_back"));
            const QString reason = finished.value(QStringLiteral("reason")).toString();
            QVERIFY2(reason.contains(reasonPart, Qt::CaseInsensitive), qPrintable(reason));
            QCOMPARE(m_env.weightsInForce(),
                     QStringList{m_env.service(Color::Blue) + QStringLiteral("@swarm=100")});
            QTRY_COMPARE_WITH_TIMEOUT(m_env.services(), QStringList{m_env.service(Color::Blue)},
                                      20000);
            // The stable version never failed a user, and nobody lost a connection.
            QCOMPARE(record.totals().connectionErrors(), 0);
            for (const LoadAnswer &a : load.answers())
                QVERIFY2(!(a.failed() && a.version == QStringLiteral("v2")),
                         qPrintable(RolloutSteps::versionsOf(record)));
            QVERIFY(m_env.servesOnly(QStringLiteral("v2"), 10000));
        }();
        return {run, record, load.answers()};
    }

    /// The canary's answers were all sent between the first weight write and the confirmation
    /// of the rollback, and were at most the first step's share of that interval's traffic.
    void onlyFirstStepReached(const E2eEnvironment::CliRun &run, const QList<LoadAnswer> &answers,
                              const QString &version)
    {
        const QList<QJsonObject> writes = run.journal(QStringLiteral("weights"));
        const QList<QJsonObject> confirmed = run.journal(QStringLiteral("confirmed"));
        QVERIFY2(writes.size() == 2 && confirmed.size() == 2, qPrintable(run.output));
        const int firstWeight = confirmed.first()
                                    .value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("green"))
                                    .toInt();
        QCOMPARE(firstWeight, 10);
        QCOMPARE(confirmed.last()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("green"))
                     .toInt(),
                 0);
        // Sent up to a second before the write took effect: the stand-in reads Redis at once.
        const qint64 from = E2eEnvironment::CliRun::at(writes.first()).toMSecsSinceEpoch() - 1000;
        const qint64 to = E2eEnvironment::CliRun::at(confirmed.last()).toMSecsSinceEpoch();
        int canary = 0;
        int inInterval = 0;
        for (const LoadAnswer &a : answers) {
            if (a.sentAtMs >= from && a.sentAtMs <= to)
                ++inInterval;
            if (a.version != version)
                continue;
            ++canary;
            QVERIFY2(a.sentAtMs >= from && a.sentAtMs <= to,
                     qPrintable(QStringLiteral("%1 answered a request sent at %2, outside %3 – %4")
                                    .arg(version)
                                    .arg(a.sentAtMs)
                                    .arg(from)
                                    .arg(to)));
        }
        qInfo("%s answered %d of the %d requests sent while it had traffic (first step %d%%)",
              qPrintable(version), canary, inInterval, firstWeight);
        QVERIFY(canary > 0);
        QVERIFY2(canary <= inInterval * firstWeight / 100 + 5,
                 qPrintable(QStringLiteral("%1 of %2").arg(canary).arg(inInterval)));
    }

private Q_SLOTS:
    void init() { m_env.init(this); }
    void cleanup() { m_env.cleanup(); }

    /// v1 → v2 through 10/25/50/75/100: the users see each step's share of v2, blue goes only
    /// once it has no traffic, and nobody gets an error or loses a connection.
    void healthyReleaseRollsOutStepByStep()
    {
        m_env.adoptBlue(QStringLiteral("v1"), E2eEnvironment::plan());
        if (QTest::currentTestFailed())
            return;
        LoadGenerator load(m_env.loadOptions(50));
        load.start();
        const E2eEnvironment::CliRun run =
            m_env.cli({QStringLiteral("rollout"), QStringLiteral("v2")});
        E2eEnvironment::drain(load);
        const LoadRecord record = load.record();

        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(run.finished().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("succeeded"));

        // Each step's share of v2 for the users, blue removed only once drained, no error.
        run.steps().verifyStepByStep(record, m_env.service(Color::Blue), QStringLiteral("v1"),
                                     QStringLiteral("v2"));
        if (QTest::currentTestFailed())
            return;

        QCOMPARE(m_env.weightsInForce(),
                 QStringList{m_env.service(Color::Green) + QStringLiteral("@swarm=100")});
        QTRY_COMPARE_WITH_TIMEOUT(m_env.services(), QStringList{m_env.service(Color::Green)},
                                  20000);
    }

    /// v2 → v3 (20% of answers are 500, healthcheck passing): rolled back at the first step on
    /// the error rate; only that step's share of the traffic ever reached v3.
    void erroringReleaseRollsBackAtTheFirstStep()
    {
        const auto [run, record, answers] =
            rejected(QStringLiteral("v3"), QStringLiteral("error rate"));
        if (QTest::currentTestFailed())
            return;
        onlyFirstStepReached(run, answers, QStringLiteral("v3"));
        const QList<QJsonObject> decisions = run.events(QStringLiteral("decision"));
        QVERIFY2(!decisions.isEmpty(), qPrintable(run.output));
        QVERIFY2(decisions.last()
                     .value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("error rate"), Qt::CaseInsensitive),
                 qPrintable(run.output));
        QCOMPARE(decisions.last().value(QStringLiteral("weight")).toInt(), 10);
        qInfo("load: %s", qPrintable(record.totals().describe()));
    }

    /// v2 → v4 (150 ms slower): rolled back at the first step on the response time.
    void slowReleaseRollsBackOnResponseTime()
    {
        const auto [run, record, answers] =
            rejected(QStringLiteral("v4"), QStringLiteral("latency"));
        if (QTest::currentTestFailed())
            return;
        onlyFirstStepReached(run, answers, QStringLiteral("v4"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(run.finished().value(QStringLiteral("maxWeight")).toInt(), 10);
        QCOMPARE(record.totals().failed(), 0);
        qInfo("load: %s", qPrintable(record.totals().describe()));
    }

    /// v2 → v5 (never healthy): rolled back from WaitingHealthy with what Swarm says of the task;
    /// no weight was ever given to it, so no request reached v5.
    void unhealthyReleaseNeverGetsTraffic()
    {
        const auto [run, record, answers] =
            rejected(QStringLiteral("v5"), QStringLiteral("healthy"));
        if (QTest::currentTestFailed())
            return;
        QString before;
        for (const QJsonObject &o : run.events(QStringLiteral("journal"))) {
            if (o.value(QStringLiteral("kind")).toString() != QStringLiteral("state"))
                continue;
            if (o.value(QStringLiteral("state")).toString() == QStringLiteral("RollingBack"))
                break;
            before = o.value(QStringLiteral("state")).toString();
        }
        QVERIFY2(before == QStringLiteral("WaitingHealthy"), qPrintable(run.output));
        const QString reason = run.finished().value(QStringLiteral("reason")).toString();
        // What Swarm says of the task: its health, or the end of a task it replaced.
        QVERIFY2(reason.contains(QStringLiteral("unhealthy"), Qt::CaseInsensitive) ||
                     reason.contains(QStringLiteral("last error: task")),
                 qPrintable(reason));
        QCOMPARE(run.finished().value(QStringLiteral("maxWeight")).toInt(), 0);
        for (const QJsonObject &c : run.journal(QStringLiteral("confirmed")))
            QCOMPARE(
                c.value(QStringLiteral("data")).toObject().value(QStringLiteral("green")).toInt(),
                0);
        QCOMPARE(record.totals().version(QStringLiteral("v5")), 0);
        QCOMPARE(record.totals().failed(), 0);
        qInfo("reason: %s", qPrintable(reason));
    }
};

QTEST_GUILESS_MAIN(TestE2eRollouts)
#include "tst_e2erollouts.moc"
