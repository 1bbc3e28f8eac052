// optimist-cli end to end: every shipped scenario, bad input, dry-run, and several processes
// working on one rollout (controls, a kill and the recovery after it).

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QList<QJsonObject> json() const
    {
        QList<QJsonObject> objects;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
            if (doc.isObject())
                objects << doc.object();
        }
        return objects;
    }
    QJsonObject last(const QString &event) const
    {
        const auto all = json();
        for (auto it = all.rbegin(); it != all.rend(); ++it)
            if (it->value(QStringLiteral("event")).toString() == event)
                return *it;
        return {};
    }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPTIMIST_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("OPTIMIST_CONFIG_DIR"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
        return env;
    }

    Run cli(const QStringList &args, int timeoutMs = 60000) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(OPTIMIST_CLI), args);
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static bool waitForOutput(QProcess &p, QString &seen, const QString &needle, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (!seen.contains(needle)) {
            if (t.elapsed() > timeoutMs || p.state() == QProcess::NotRunning)
                return false;
            p.waitForReadyRead(100);
            seen += QString::fromUtf8(p.readAllStandardOutput());
        }
        return true;
    }

    /// Starts `rollout v2` on a fresh healthy sandbox in the background and waits until its
    /// output shows @p stage; @p seen collects the output so far.
    bool startSandboxRollout(QProcess &p, const QString &speed, const QString &stage,
                             QString &seen) const
    {
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(OPTIMIST_CLI),
                {QStringLiteral("rollout"), QStringLiteral("v2"), QStringLiteral("--sandbox"),
                 QStringLiteral("healthy"), QStringLiteral("--speed"), speed});
        return p.waitForStarted() && waitForOutput(p, seen, stage, 30000);
    }

    /// The id of the newest rollout in the history, as the CLI takes it.
    QString newestRolloutId() const
    {
        const Run h = cli({QStringLiteral("history"), QStringLiteral("--json")});
        return h.json().isEmpty()
                   ? QString()
                   : QString::number(h.json().first().value(QStringLiteral("rollout")).toInt());
    }

    void resetState()
    {
        QDir(m_dir.filePath(QStringLiteral("data"))).removeRecursively();
        QDir(m_dir.filePath(QStringLiteral("config"))).removeRecursively();
    }

private Q_SLOTS:
    void init() { resetState(); }

    void everyShippedScenarioEndsAsExpected_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expect");
        const QDir dir(QStringLiteral(OPTIMIST_SOURCE_DIR "/resources/scenarios"));
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 9);
        for (const QString &file : files) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString expect = QJsonDocument::fromJson(f.readAll())
                                       .object()
                                       .value(QStringLiteral("expect"))
                                       .toString();
            QVERIFY2(!expect.isEmpty(), qPrintable(file));
            const QString name = file.chopped(5);
            QTest::newRow(qPrintable(name)) << name << expect;
        }
    }
    void everyShippedScenarioEndsAsExpected()
    {
        QFETCH(QString, name);
        QFETCH(QString, expect);
        const Run r = cli({QStringLiteral("simulate"), name, QStringLiteral("--json")});
        const QJsonObject finished = r.last(QStringLiteral("finished"));
        QVERIFY2(!finished.isEmpty(), qPrintable(r.out + r.err));
        QCOMPARE(finished.value(QStringLiteral("outcome")).toString(), expect);
        const int code = expect == QLatin1String("succeeded")     ? 0
                         : expect == QLatin1String("rolled_back") ? 3
                                                                  : 4;
        QCOMPARE(r.exitCode, code);
        for (const char *key :
             {"reason", "maxWeight", "durationSec", "canaryRequests", "canaryErrors"})
            QVERIFY2(finished.contains(QLatin1String(key)), key);
        // One JSON object per line, nothing else on stdout.
        QCOMPARE(r.json().size(), r.out.count(QLatin1Char('\n')));
        if (expect == QLatin1String("succeeded"))
            QCOMPARE(finished.value(QStringLiteral("maxWeight")).toInt(), 100);
        else
            QVERIFY(!finished.value(QStringLiteral("reason")).toString().isEmpty());
    }

    void badInputExitsWith2AndNamesTheProblem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no command") << QStringList{} << "no command";
        QTest::newRow("unknown command") << QStringList{"deploy"} << "unknown command \"deploy\"";
        QTest::newRow("unknown option") << QStringList{"rollout", "v2", "--colour"} << "colour";
        QTest::newRow("missing version") << QStringList{"rollout"} << "VERSION";
        QTest::newRow("steps not increasing")
            << QStringList{"rollout", "v2", "--sandbox", "healthy", "--steps", "10,50,25,100"}
            << "steps";
        QTest::newRow("steps not ending at 100")
            << QStringList{"simulate", "healthy", "--steps", "10,50"} << "must end at 100";
        QTest::newRow("steps not numbers")
            << QStringList{"rollout", "v2", "--steps", "ten,100"} << "--steps";
        QTest::newRow("initial traffic 0")
            << QStringList{"rollout", "v2", "--initial-traffic", "0"} << "--initial-traffic";
        QTest::newRow("threshold text")
            << QStringList{"rollout", "v2", "--threshold", "high"} << "--threshold";
        QTest::newRow("interval negative")
            << QStringList{"simulate", "healthy", "--check-interval", "-5"} << "--check-interval";
        QTest::newRow("option of another command")
            << QStringList{"history", "--dry-run"} << "--dry-run does not apply to `history`";
        QTest::newRow("show needs a number") << QStringList{"show", "abc"} << "ID";
        QTest::newRow("show unknown id") << QStringList{"show", "999"} << "no rollout #999";
        QTest::newRow("unknown scenario")
            << QStringList{"simulate", "no-such-scenario"} << "no-such-scenario";
        QTest::newRow("unknown app")
            << QStringList{"rollout", "v2", "--sandbox", "healthy", "--app", "shop"} << "--app";
        QTest::newRow("nothing to roll back") << QStringList{"rollback"} << "nothing to rollback";
    }
    void badInputExitsWith2AndNamesTheProblem()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QLatin1String("PreChecks")), qPrintable(r.out));
        // Bad input starts no rollout.
        const Run h = cli({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(h.json().size(), 0);
    }

    void malformedScenarioFilesAreReportedWithFileAndPlace_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\n  \"name\": \"x\",\n  \"seed\": 1,,\n}") << ":3";
        QTest::newRow("wrong type") << QByteArray(R"({"name":"x","baseline":{"latencyMs":"fast"}})")
                                    << "baseline.latencyMs";
        QTest::newRow("unknown field") << QByteArray(R"({"name":"x","colour":1})") << "colour";
        QTest::newRow("bad plan") << QByteArray(R"({"name":"x","plan":{"steps":[50,10,100]}})")
                                  << "steps";
    }
    void malformedScenarioFilesAreReportedWithFileAndPlace()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        for (const QStringList &args :
             {QStringList{"simulate", path}, QStringList{"rollout", "v2", "--sandbox", path}}) {
            const Run r = cli(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QLatin1String("broken.json")), qPrintable(r.err));
            QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        }
    }

    void malformedProfileIsReportedWithFileLineAndField()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("config/environments")));
        QFile f(m_dir.filePath(QStringLiteral("config/environments/staging.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name: staging\ncluster:\n  kind: sandbox\n  scenario: healthy\nrouter:\n  kind: "
                "sandbox\nmetrics:\n  kind: sandbox\napplications:\n  - name: demo\nplan:\n  "
                "steps: [10, 5, 100]\n");
        f.close();
        const Run r = cli({QStringLiteral("rollout"), QStringLiteral("v2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("staging.yaml:12")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("steps")), qPrintable(r.err));
    }

    void shippedSandboxProfileIsTheEnvironment()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("config/environments")));
        QVERIFY(QFile::copy(QStringLiteral(OPTIMIST_SOURCE_DIR "/resources/profiles/sandbox.yaml"),
                            m_dir.filePath(QStringLiteral("config/environments/sandbox.yaml"))));
        const Run r =
            cli({QStringLiteral("rollout"), QStringLiteral("v2"), QStringLiteral("--speed"),
                 QStringLiteral("100000"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const Run h = cli({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(h.json().size(), 1);
        // The profile's application, its environment and its plan are used.
        QCOMPARE(h.json().first().value(QStringLiteral("app")).toString(),
                 QStringLiteral("portal"));
        QCOMPARE(h.json().first().value(QStringLiteral("environment")).toString(),
                 QStringLiteral("sandbox"));
        const Run other = cli({QStringLiteral("rollout"), QStringLiteral("v3"),
                               QStringLiteral("--app"), QStringLiteral("shop")});
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains(QLatin1String("has no application shop (it has: portal)")),
                 qPrintable(other.err));
    }

    void rolloutHistoryAndPostMortem()
    {
        const Run r = cli({QStringLiteral("rollout"), QStringLiteral("v2"),
                           QStringLiteral("--sandbox"), QStringLiteral("error-spike"),
                           QStringLiteral("--speed"), QStringLiteral("100000")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QLatin1String("ROLLED BACK")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("error rate")));

        const Run h = cli({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(h.exitCode, 0);
        const auto rows = h.json();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("rolled_back"));
        QCOMPARE(rows[0].value(QStringLiteral("operator")).toString(), QStringLiteral("tester"));
        const QString id = QString::number(rows[0].value(QStringLiteral("rollout")).toInt());

        const Run show = cli({QStringLiteral("show"), id});
        QCOMPARE(show.exitCode, 0);
        for (const char *part : {"Timeline", "Checks", "Decisions", "ROLLED BACK", "RollingBack",
                                 "error rate", "v1 → v2"})
            QVERIFY2(show.out.contains(QString::fromUtf8(part)), part);
        const Run showJson = cli({QStringLiteral("show"), id, QStringLiteral("--json")});
        const QJsonObject check = showJson.last(QStringLiteral("check"));
        QCOMPARE(check.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
        QVERIFY(check.value(QStringLiteral("canary"))
                    .toObject()
                    .value(QStringLiteral("errorRatePct"))
                    .toDouble() > 5);
    }

    void dryRunWritesNothing()
    {
        // A real rollout first, so the sandbox has a state a dry run could disturb.
        QCOMPARE(
            cli({QStringLiteral("rollout"), QStringLiteral("v2"), QStringLiteral("--sandbox"),
                 QStringLiteral("healthy"), QStringLiteral("--speed"), QStringLiteral("100000")})
                .exitCode,
            0);
        const Run before = cli({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(before.exitCode, 0);
        const Run dry =
            cli({QStringLiteral("rollout"), QStringLiteral("v3"), QStringLiteral("--dry-run"),
                 QStringLiteral("--speed"), QStringLiteral("100000")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QLatin1String("would create service demo-blue")),
                 qPrintable(dry.out));
        QVERIFY(dry.out.contains(QLatin1String("would set in Redis")));
        QVERIFY(!dry.out.contains(QLatin1String("Writing weights")));
        QVERIFY(dry.out.contains(QLatin1String("demo:v3")));
        QVERIFY(dry.out.contains(QLatin1String("DRY RUN COMPLETE")));
        const Run after = cli({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(after.out, before.out);
        QVERIFY(after.out.contains(QLatin1String("\"version\":\"v2\"")));
        QVERIFY(!after.out.contains(QLatin1String("v3")));
    }

    void controlsFromAnotherProcess()
    {
        QProcess rollout;
        QString seen;
        QVERIFY2(startSandboxRollout(rollout, QStringLiteral("30"), QStringLiteral("Observing 10%"),
                                     seen),
                 qPrintable(seen));

        const Run pause = cli({QStringLiteral("pause")});
        QVERIFY2(pause.exitCode == 0, qPrintable(pause.out + pause.err));
        QVERIFY(pause.out.contains(QLatin1String("pause applied")));
        QVERIFY2(waitForOutput(rollout, seen, QStringLiteral("holding at 10% while paused"), 30000),
                 qPrintable(seen));
        QVERIFY(!seen.contains(QLatin1String("Step 2 of 5")));

        const Run again = cli({QStringLiteral("pause")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QLatin1String("already paused")));

        const Run status = cli({QStringLiteral("status")});
        QVERIFY2(status.out.contains(QLatin1String("running")), qPrintable(status.out));

        const QString rolloutId = newestRolloutId();
        QVERIFY(!rolloutId.isEmpty());
        const Run resume = cli({QStringLiteral("resume"), rolloutId});
        QVERIFY2(resume.exitCode == 0, qPrintable(resume.out + resume.err));
        const Run promote = cli({QStringLiteral("promote"), QStringLiteral("--fully")});
        QVERIFY2(promote.exitCode == 0, qPrintable(promote.out + promote.err));

        QVERIFY(rollout.waitForFinished(60000));
        seen += QString::fromUtf8(rollout.readAllStandardOutput());
        QCOMPARE(rollout.exitCode(), 0);
        QVERIFY2(seen.contains(QLatin1String("promoted fully to 100% by tester")),
                 qPrintable(seen));

        const Run show = cli({QStringLiteral("show"), rolloutId, QStringLiteral("--json")});
        QStringList actions;
        for (const QJsonObject &o : show.json())
            if (o.value(QStringLiteral("event")).toString() == QLatin1String("action"))
                actions << o.value(QStringLiteral("action")).toString() + QLatin1Char('/') +
                               o.value(QStringLiteral("status")).toString() + QLatin1Char('/') +
                               o.value(QStringLiteral("who")).toString();
        QCOMPARE(actions, (QStringList{"pause/applied/tester", "pause/rejected/tester",
                                       "resume/applied/tester", "promote_fully/applied/tester"}));
    }

    void killedRolloutIsResumedOrRolledBackByTheNextProcess_data()
    {
        QTest::addColumn<bool>("resume");
        QTest::newRow("resume") << true;
        QTest::newRow("rollback") << false;
    }
    void killedRolloutIsResumedOrRolledBackByTheNextProcess()
    {
        QFETCH(bool, resume);
        QProcess rollout;
        QString seen;
        QVERIFY2(startSandboxRollout(rollout, QStringLiteral("60"), QStringLiteral("Observing 25%"),
                                     seen),
                 qPrintable(seen));
        ::kill(pid_t(rollout.processId()), SIGKILL);
        QVERIFY(rollout.waitForFinished(10000));

        const Run status = cli({QStringLiteral("status")});
        QVERIFY2(status.out.contains(QLatin1String("interrupted")), qPrintable(status.out));
        const Run blocked = cli({QStringLiteral("rollout"), QStringLiteral("v3")});
        QCOMPARE(blocked.exitCode, 1);
        QVERIFY2(blocked.err.contains(QLatin1String("unfinished")), qPrintable(blocked.err));

        const QString id = newestRolloutId();
        QVERIFY(!id.isEmpty());
        const Run recovered = cli({resume ? QStringLiteral("resume") : QStringLiteral("rollback"),
                                   id, QStringLiteral("--speed"), QStringLiteral("100000")});
        QCOMPARE(recovered.exitCode, resume ? 0 : 3);
        QVERIFY2(recovered.out.contains(QLatin1String("takes over interrupted rollout")),
                 qPrintable(recovered.out));

        const Run after = cli({QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        int total = 0;
        for (const QJsonObject &o : after.json()) {
            if (o.value(QStringLiteral("event")).toString() != QLatin1String("color"))
                continue;
            const int weight = o.value(QStringLiteral("weight")).toInt();
            total += weight;
            if (weight == 100) {
                QVERIFY(o.value(QStringLiteral("exists")).toBool());
                QVERIFY(o.value(QStringLiteral("healthy")).toBool());
                QCOMPARE(o.value(QStringLiteral("version")).toString(),
                         resume ? QStringLiteral("v2") : QStringLiteral("v1"));
            } else {
                QVERIFY2(!o.value(QStringLiteral("exists")).toBool(), "no orphaned color");
            }
        }
        QCOMPARE(total, 100);
        QVERIFY(!after.out.contains(QLatin1String("\"event\":\"unfinished\"")));
    }

    void oneClickRollbackAfterSuccessWithinTheWindow()
    {
        QFile shipped(QStringLiteral(OPTIMIST_SOURCE_DIR "/resources/scenarios/healthy.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QJsonObject scenario = QJsonDocument::fromJson(shipped.readAll()).object();
        QJsonObject plan = scenario.value(QStringLiteral("plan")).toObject();
        plan.insert(QStringLiteral("rollbackWindowSec"), 3600);
        scenario.insert(QStringLiteral("plan"), plan);
        const QString path = m_dir.filePath(QStringLiteral("warm.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(scenario).toJson());
        f.close();

        const QStringList fast{QStringLiteral("--speed"), QStringLiteral("100000")};
        const Run rollout = cli(QStringList{QStringLiteral("rollout"), QStringLiteral("v2"),
                                            QStringLiteral("--sandbox"), path} +
                                fast);
        QCOMPARE(rollout.exitCode, 0);
        QVERIFY2(rollout.out.contains(QLatin1String("kept warm")), qPrintable(rollout.out));

        const Run back = cli(QStringList{QStringLiteral("rollback")} + fast);
        QCOMPARE(back.exitCode, 3);
        QVERIFY2(back.out.contains(QLatin1String("Rolling demo back to v1")), qPrintable(back.out));
        const Run status = cli({QStringLiteral("status"), QStringLiteral("--json")});
        for (const QJsonObject &o : status.json()) {
            if (o.value(QStringLiteral("event")).toString() != QLatin1String("color"))
                continue;
            if (o.value(QStringLiteral("color")).toString() == QLatin1String("blue")) {
                QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("v1"));
                QCOMPARE(o.value(QStringLiteral("weight")).toInt(), 100);
            } else {
                QVERIFY(!o.value(QStringLiteral("exists")).toBool());
            }
        }
        // Nothing is warm any more: a second rollback has nothing to go back to.
        const Run again = cli(QStringList{QStringLiteral("rollback")} + fast);
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QLatin1String("kept warm")), qPrintable(again.err));
    }

    void interruptRollsBack()
    {
        QProcess rollout;
        QString seen;
        QVERIFY2(startSandboxRollout(rollout, QStringLiteral("60"), QStringLiteral("Observing 10%"),
                                     seen),
                 qPrintable(seen));
        ::kill(pid_t(rollout.processId()), SIGINT);
        QVERIFY(rollout.waitForFinished(60000));
        seen += QString::fromUtf8(rollout.readAllStandardOutput());
        QCOMPARE(rollout.exitCode(), 3);
        QVERIFY2(seen.contains(QLatin1String("aborted by tester")), qPrintable(seen));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
