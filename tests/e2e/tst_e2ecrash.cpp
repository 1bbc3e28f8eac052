// Crash at any point (issue 7): `optimist-cli rollout` against the real test environment
// (E2eEnvironment: Swarm, Redis, the Traefik stand-in) under 50 requests/s from the project's load
// generator is killed with SIGKILL at one journal point per row; a new optimist-cli on the same
// data directory then finds the unfinished rollout and resumes it or rolls it back. Every row
// asserts what a release manager would check afterwards: traffic is 100% on one color whose tasks
// all run, no other service of the application is left, the history shows where the rollout was
// interrupted and how it was recovered, and no user got an error or lost a connection.
//
// The kills are timed by the journal lines the CLI prints (--json), read as they come. Where a
// point is a single instant inside the process (the weights written but not yet confirmed, the
// old color removed, the state just entered), the CLI kills itself through its test-only hook
// OPTIMIST_KILL_AT (app/cli/KillPoint.h). The rows share one application: each rolls out from
// whichever color the previous row left active, so recovery runs from blue and from green.

#include <QTest>

#include "e2e/E2eEnvironment.h"

#include <QScopeGuard>

#include <csignal>
#include <optional>

using namespace optimist;
using namespace optimist::loadgen;
using optimist::test::E2eEnvironment;
using optimist::test::RolloutSteps;

namespace {

/// A journal line as "kind:what" the way OPTIMIST_KILL_AT names it (state:Observing,
/// intent:create), with its state for an "@STATE" suffix.
bool lineMatches(const QJsonObject &line, const QString &spec)
{
    if (spec.isEmpty() ||
        line.value(QStringLiteral("event")).toString() != QLatin1String("journal"))
        return false;
    QString want = spec;
    QString inState;
    if (const qsizetype at = want.indexOf(QLatin1Char('@')); at >= 0) {
        inState = want.mid(at + 1);
        want.truncate(at);
    }
    const QString kind = line.value(QStringLiteral("kind")).toString();
    const QString state = line.value(QStringLiteral("state")).toString();
    const QString what =
        kind == QLatin1String("state")
            ? state
            : line.value(QStringLiteral("data")).toObject().value(QStringLiteral("op")).toString();
    return kind + QLatin1Char(':') + what == want && (inState.isEmpty() || inState == state);
}

} // namespace

class TestE2eCrash : public QObject
{
    Q_OBJECT

    E2eEnvironment m_env;

    /// What the killed `optimist-cli rollout` printed before it died.
    struct Killed
    {
        bool crashed = false;
        qint64 rolloutId = 0;
        QList<QJsonObject> journal; ///< its journal lines, in order
        QString output;
    };

    /// `optimist-cli rollout @p version --steps 50,100` killed with SIGKILL: by this test right
    /// after it printed the journal line @p killOn, or by itself at @p hook (OPTIMIST_KILL_AT).
    /// With @p interruptOn, it first gets SIGINT (Ctrl-C: roll back) after that line.
    Killed rolloutKilled(const QString &version, const QString &killOn, const QString &hook,
                         const QString &interruptOn)
    {
        Killed killed;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DOCKER_HOST"));
        if (!hook.isEmpty())
            env.insert(QStringLiteral("OPTIMIST_KILL_AT"), hook);
        p.setProcessEnvironment(env);
        QByteArray pending;
        bool interrupted = false;
        auto take = [&] {
            pending += p.readAllStandardOutput();
            qsizetype end;
            while ((end = pending.indexOf('\n')) >= 0) {
                const QByteArray text = pending.left(end);
                pending.remove(0, end + 1);
                killed.output += QString::fromUtf8(text) + QLatin1Char('\n');
                const QJsonObject line = QJsonDocument::fromJson(text).object();
                if (line.value(QStringLiteral("event")).toString() != QLatin1String("journal"))
                    continue;
                killed.journal << line;
                killed.rolloutId = line.value(QStringLiteral("rollout")).toInteger();
                if (!interrupted && lineMatches(line, interruptOn)) {
                    interrupted = true;
                    ::kill(pid_t(p.processId()), SIGINT);
                }
                if (lineMatches(line, killOn))
                    ::kill(pid_t(p.processId()), SIGKILL);
            }
        };
        connect(&p, &QProcess::readyReadStandardOutput, this, take);
        p.start(QStringLiteral(OPTIMIST_CLI),
                {QStringLiteral("rollout"), version, QStringLiteral("--steps"),
                 QStringLiteral("50,100"), QStringLiteral("--env"), QStringLiteral("e2e"),
                 QStringLiteral("--json"), QStringLiteral("--config-dir"), m_env.configDir(),
                 QStringLiteral("--data-dir"), m_env.dataDir()});
        if (!p.waitForStarted(10000)) {
            killed.output = p.errorString();
            return killed;
        }
        QDeadlineTimer deadline(90000);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            killed.output += QStringLiteral("\n(never reached the kill point within 90 s)");
            return killed;
        }
        take();
        killed.output += QString::fromUtf8(p.readAllStandardError());
        killed.crashed = p.exitStatus() == QProcess::CrashExit;
        return killed;
    }

    /// `optimist-cli show ID --json`: the rollout's record and its journal, as the history holds
    /// them.
    struct History
    {
        QJsonObject record;
        QList<QJsonObject> journal;
        QString output;
    };
    History history(qint64 id)
    {
        History h;
        QProcess p;
        p.start(QStringLiteral(OPTIMIST_CLI),
                {QStringLiteral("show"), QString::number(id), QStringLiteral("--json"),
                 QStringLiteral("--data-dir"), m_env.dataDir()});
        if (!p.waitForFinished(30000))
            return h;
        const QByteArray out = p.readAllStandardOutput();
        h.output = QString::fromUtf8(out + p.readAllStandardError());
        for (const QByteArray &text : out.split('\n')) {
            const QJsonObject line = QJsonDocument::fromJson(text).object();
            const QString event = line.value(QStringLiteral("event")).toString();
            if (event == QLatin1String("rollout"))
                h.record = line;
            else if (event == QLatin1String("journal"))
                h.journal << line;
        }
        return h;
    }

    /// Whether `optimist-cli status` shows @p color with all its tasks running and healthy.
    bool activeHealthy(Color color)
    {
        const E2eEnvironment::CliRun status = m_env.cli({QStringLiteral("status")});
        for (const QJsonObject &c : status.events(QStringLiteral("color")))
            if (c.value(QStringLiteral("color")).toString() == colorName(color))
                return c.value(QStringLiteral("healthy")).toBool() &&
                       c.value(QStringLiteral("running")).toInt() ==
                           c.value(QStringLiteral("desired")).toInt();
        return false;
    }

    /// The version `optimist-cli status` shows for @p color; empty when it does not exist.
    QString colorVersion(Color color)
    {
        const E2eEnvironment::CliRun status = m_env.cli({QStringLiteral("status")});
        for (const QJsonObject &c : status.events(QStringLiteral("color")))
            if (c.value(QStringLiteral("color")).toString() == colorName(color))
                return c.value(QStringLiteral("version")).toString();
        return {};
    }

    /// One line per journal line, finished and error: what a failure message shows.
    static QString transcript(const QList<QJsonObject> &lines)
    {
        QStringList out;
        for (const QJsonObject &o : lines) {
            const QString event = o.value(QStringLiteral("event")).toString();
            if (event == QLatin1String("journal"))
                out << QStringLiteral("  %1 %2 %3: %4")
                           .arg(o.value(QStringLiteral("at")).toString().mid(11),
                                o.value(QStringLiteral("state")).toString(),
                                o.value(QStringLiteral("kind")).toString(),
                                o.value(QStringLiteral("message")).toString().left(160));
            else if (event != QLatin1String("check") && event != QLatin1String("decision"))
                out << QStringLiteral("  ") +
                           QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        return out.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_env.init(this);
        if (QTest::currentTestFailed())
            return;
        // Short checks and drains, two steps: each row is a whole rollout on real time. The
        // latency limit is loose: these rollouts are about recovery, not judging (v1 and v2 are
        // equally fast), and a busy machine must not fail them.
        m_env.adoptBlue(QStringLiteral("v1"), QStringLiteral("  checkIntervalSec: 2\n"
                                                             "  minRequestsPerCheck: 10\n"
                                                             "  latencyStatistic: mean\n"
                                                             "  maxResponseTimeMs: 1000\n"
                                                             "  healthTimeoutSec: 30\n"
                                                             "  confirmTimeoutSec: 15\n"
                                                             "  drainSec: 1\n"));
    }
    void cleanupTestCase() { m_env.cleanup(); }

    void killedRolloutIsRecovered_data()
    {
        QTest::addColumn<QString>("killOn");      // a journal line this test kills it after
        QTest::addColumn<QString>("hook");        // or OPTIMIST_KILL_AT
        QTest::addColumn<QString>("interruptOn"); // SIGINT (roll back) after this line first
        QTest::addColumn<QString>("interruptedIn");
        QTest::addColumn<QString>("recovery"); // resume or rollback
        QTest::addColumn<QString>("outcome");

        const QString none;
        const QString resume = QStringLiteral("resume");
        const QString rollback = QStringLiteral("rollback");
        const QString succeeded = QStringLiteral("succeeded");
        const QString rolledBack = QStringLiteral("rolled_back");
        QTest::newRow("after PreChecks, resumed")
            << none << QStringLiteral("state:PreChecks") << none << QStringLiteral("PreChecks")
            << resume << succeeded;
        QTest::newRow("after PreChecks, rolled back")
            << none << QStringLiteral("state:PreChecks") << none << QStringLiteral("PreChecks")
            << rollback << rolledBack;
        // Created, not yet waited for; and killed before the create was sent.
        QTest::newRow("during Deploying (created), rolled back")
            << none << QStringLiteral("done:create") << none << QStringLiteral("Deploying")
            << rollback << rolledBack;
        QTest::newRow("during Deploying (before the create), resumed")
            << none << QStringLiteral("intent:create") << none << QStringLiteral("Deploying")
            << resume << succeeded;
        QTest::newRow("during WaitingHealthy, resumed")
            << QStringLiteral("state:WaitingHealthy") << none << none
            << QStringLiteral("WaitingHealthy") << resume << succeeded;
        QTest::newRow("weights written, not confirmed, rolled back")
            << none << QStringLiteral("done:weights") << none << QStringLiteral("Shifting")
            << rollback << rolledBack;
        QTest::newRow("weights written, not confirmed, resumed")
            << none << QStringLiteral("done:weights") << none << QStringLiteral("Shifting")
            << resume << succeeded;
        QTest::newRow("during Observing, rolled back")
            << QStringLiteral("state:Observing") << none << none << QStringLiteral("Observing")
            << rollback << rolledBack;
        QTest::newRow("during Observing, resumed")
            << QStringLiteral("state:Observing") << none << none << QStringLiteral("Observing")
            << resume << succeeded;
        QTest::newRow("during Finalizing (draining), rolled back")
            << QStringLiteral("state:Finalizing") << none << none << QStringLiteral("Finalizing")
            << rollback << rolledBack;
        // The old color is gone: rolling back would send the users to a removed service, so
        // the rollback request finishes the rollout instead.
        QTest::newRow("during Finalizing (old color removed), rolled back")
            << none << QStringLiteral("done:remove@Finalizing") << none
            << QStringLiteral("Finalizing") << rollback << succeeded;
        QTest::newRow("during Finalizing (draining), resumed")
            << QStringLiteral("state:Finalizing") << none << none << QStringLiteral("Finalizing")
            << resume << succeeded;
        // Ctrl-C while observing starts a rollback; the kill interrupts it.
        QTest::newRow("during RollingBack (weights written), resumed")
            << none << QStringLiteral("done:weights@RollingBack")
            << QStringLiteral("state:Observing") << QStringLiteral("RollingBack") << resume
            << rolledBack;
        QTest::newRow("during RollingBack, rolled back")
            << QStringLiteral("state:RollingBack") << none << QStringLiteral("state:Observing")
            << QStringLiteral("RollingBack") << rollback << rolledBack;
    }

    void killedRolloutIsRecovered()
    {
        QFETCH(QString, killOn);
        QFETCH(QString, hook);
        QFETCH(QString, interruptOn);
        QFETCH(QString, interruptedIn);
        QFETCH(QString, recovery);
        QFETCH(QString, outcome);

        // Where the previous row left the application (blue v1 for the first): one color at
        // 100%, alone. Read from the router and Swarm, so a failed row does not mislead the next.
        const QStringList before = m_env.weightsInForce();
        QCOMPARE(before.size(), 1);
        const Color from =
            before.first() == m_env.service(Color::Blue) + QStringLiteral("@swarm=100")
                ? Color::Blue
                : Color::Green;
        QCOMPARE(before, QStringList{m_env.service(from) + QStringLiteral("@swarm=100")});
        QCOMPARE(m_env.services(), QStringList{m_env.service(from)});
        const Color to = otherColor(from);
        const QString fromVersion = colorVersion(from);
        QVERIFY(fromVersion == QLatin1String("v1") || fromVersion == QLatin1String("v2"));
        const QString toVersion =
            fromVersion == QLatin1String("v1") ? QStringLiteral("v2") : QStringLiteral("v1");
        // PreChecks refuses an active color that is not healthy (a busy machine can fail a
        // health probe): start from a healthy one.
        QTRY_VERIFY_WITH_TIMEOUT(activeHealthy(from), 30000);

        LoadGenerator load(m_env.loadOptions(50));
        load.start();
        const Killed killed = rolloutKilled(toVersion, killOn, hook, interruptOn);
        // Whatever fails below, the log shows what both processes did.
        E2eEnvironment::CliRun recovered;
        const auto explain = qScopeGuard([&] {
            E2eEnvironment::drain(load);
            if (QTest::currentTestFailed())
                qWarning("killed process:\n%s\nrecovery:\n%s\n%s",
                         qPrintable(transcript(killed.journal)),
                         qPrintable(transcript(recovered.lines)),
                         qPrintable(killed.output.right(600)));
        });
        QVERIFY2(killed.crashed, "the rollout was not killed");
        QVERIFY2(killed.rolloutId > 0, qPrintable(killed.output));
        qInfo("killed rollout #%lld (%s → %s) after: %s", killed.rolloutId, qPrintable(fromVersion),
              qPrintable(toVersion),
              qPrintable(QString::fromUtf8(
                  QJsonDocument(killed.journal.last()).toJson(QJsonDocument::Compact))));

        // A new process on the same data directory finds it unfinished, not running anywhere.
        const E2eEnvironment::CliRun status = m_env.cli({QStringLiteral("status")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.output));
        const QList<QJsonObject> unfinished = status.events(QStringLiteral("unfinished"));
        QVERIFY2(unfinished.size() == 1, qPrintable(status.output));
        QCOMPARE(unfinished.first().value(QStringLiteral("rollout")).toInteger(), killed.rolloutId);
        QCOMPARE(unfinished.first().value(QStringLiteral("running")).toBool(), false);
        QCOMPARE(unfinished.first().value(QStringLiteral("state")).toString(), interruptedIn);

        recovered = m_env.cli({recovery, QString::number(killed.rolloutId)});
        E2eEnvironment::drain(load);
        const LoadRecord record = load.record();
        QVERIFY2(recovered.exitCode == (outcome == QLatin1String("succeeded") ? 0 : 3),
                 qPrintable(recovered.output.right(400)));
        QCOMPARE(recovered.finished().value(QStringLiteral("outcome")).toString(), outcome);

        // Traffic is 100% on one color, the only service of the application, all tasks running.
        const Color winner = outcome == QLatin1String("succeeded") ? to : from;
        const QString winnerVersion = winner == to ? toVersion : fromVersion;
        QCOMPARE(m_env.weightsInForce(),
                 QStringList{m_env.service(winner) + QStringLiteral("@swarm=100")});
        QTRY_COMPARE_WITH_TIMEOUT(m_env.services(), QStringList{m_env.service(winner)}, 20000);
        // All its tasks run (a busy machine may delay a health probe: give it time).
        QTRY_VERIFY_WITH_TIMEOUT(activeHealthy(winner), 30000);
        const E2eEnvironment::CliRun colors = m_env.cli({QStringLiteral("status")});
        int seen = 0;
        for (const QJsonObject &c : colors.events(QStringLiteral("color"))) {
            const bool isWinner = c.value(QStringLiteral("color")).toString() == colorName(winner);
            QCOMPARE(c.value(QStringLiteral("exists")).toBool(), isWinner);
            QCOMPARE(c.value(QStringLiteral("weight")).toInt(), isWinner ? 100 : 0);
            if (!isWinner)
                continue;
            ++seen;
            QCOMPARE(c.value(QStringLiteral("version")).toString(), winnerVersion);
            QVERIFY2(c.value(QStringLiteral("desired")).toInt() > 0, qPrintable(colors.output));
            QCOMPARE(c.value(QStringLiteral("running")).toInt(),
                     c.value(QStringLiteral("desired")).toInt());
            QVERIFY2(c.value(QStringLiteral("healthy")).toBool(), qPrintable(colors.output));
        }
        QCOMPARE(seen, 1);
        QVERIFY(colors.events(QStringLiteral("unfinished")).isEmpty());
        QVERIFY(m_env.servesOnly(winnerVersion, 10000));

        // The history: every line the killed process printed, then the takeover naming the
        // interrupted state and how it was recovered, then the reconciliation and the end.
        const History h = history(killed.rolloutId);
        QCOMPARE(h.record.value(QStringLiteral("outcome")).toString(), outcome);
        // Killed in PreChecks, the rollout may not have chosen its colors: then nothing changed.
        if (h.record.value(QStringLiteral("from")).toString().isEmpty()) {
            QCOMPARE(interruptedIn, QStringLiteral("PreChecks"));
            QCOMPARE(outcome, QStringLiteral("rolled_back"));
        } else {
            QCOMPARE(h.record.value(QStringLiteral("activeColor")).toString(), colorName(from));
            QCOMPARE(h.record.value(QStringLiteral("canaryColor")).toString(), colorName(to));
        }
        qsizetype takeover = -1;
        for (qsizetype i = 0; i < h.journal.size(); ++i)
            if (h.journal.at(i)
                    .value(QStringLiteral("data"))
                    .toObject()
                    .contains(QStringLiteral("recovery"))) {
                takeover = i;
                break;
            }
        QVERIFY2(takeover > 0, qPrintable(h.output));
        const QJsonObject &line = h.journal.at(takeover);
        QCOMPARE(line.value(QStringLiteral("kind")).toString(), QStringLiteral("operator"));
        QCOMPARE(line.value(QStringLiteral("data")).toObject().value(QStringLiteral("recovery")),
                 QJsonValue(recovery));
        QVERIFY2(line.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("interrupted rollout #%1 (last state %2")
                                   .arg(killed.rolloutId)
                                   .arg(interruptedIn)),
                 qPrintable(line.value(QStringLiteral("message")).toString()));
        QCOMPARE(h.journal.at(takeover - 1).value(QStringLiteral("state")).toString(),
                 interruptedIn);
        for (const QJsonObject &printed : killed.journal) {
            const qsizetype at = h.journal.indexOf(printed);
            QVERIFY2(at >= 0 && at < takeover,
                     qPrintable(QStringLiteral("not in the history before the takeover: ") +
                                QString::fromUtf8(QJsonDocument(printed).toJson())));
        }
        QVERIFY2(takeover + 1 < h.journal.size() &&
                     h.journal.at(takeover + 1)
                             .value(QStringLiteral("data"))
                             .toObject()
                             .value(QStringLiteral("op")) == QLatin1String("reconcile"),
                 qPrintable(h.output));
        QCOMPARE(h.journal.last().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("state"));
        // The loser color, if it ever was created, was removed and the history says so.
        const QString loser = m_env.service(otherColor(winner));
        bool created = false;
        bool removed = false;
        for (const QJsonObject &e : h.journal) {
            const QJsonObject data = e.value(QStringLiteral("data")).toObject();
            if (data.value(QStringLiteral("service")).toString() != loser)
                continue;
            created = created || data.value(QStringLiteral("op")) == QLatin1String("create");
            removed = removed || data.value(QStringLiteral("op")) == QLatin1String("remove");
        }
        QVERIFY2(!created || removed, qPrintable(h.output));

        // The users: no error and no lost connection, before, during and after the kill.
        qInfo("load: %s", qPrintable(record.totals().describe()));
        QVERIFY2(record.totals().failed() == 0, qPrintable(RolloutSteps::versionsOf(record)));
        QCOMPARE(record.totals().connectionErrors(), 0);
    }
};

QTEST_GUILESS_MAIN(TestE2eCrash)
#include "tst_e2ecrash.moc"
