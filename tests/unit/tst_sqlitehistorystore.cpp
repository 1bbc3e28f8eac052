#include "store/SqliteHistoryStore.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

constexpr double kNaN = ColorMetrics::kNaN;

QDateTime utc(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

const qint64 kT0 = 1714564800123; // 2024-05-01T12:00:00.123Z

/// The error message of @p result for a failed QVERIFY2; QVERIFY2 evaluates it even on success.
template <typename T> const char *why(const Result<T> &result)
{
    static QByteArray text;
    text = result.ok() ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
}

std::unique_ptr<SqliteHistoryStore> openStore(const QString &path)
{
    auto opened = SqliteHistoryStore::open(path);
    if (!opened)
        qFatal("cannot open the store: %s", qPrintable(opened.error().message));
    return std::move(opened.value());
}

/// Runs @p sql on a connection of its own (as another tool would) and answers every row.
QList<QVariantList> rawQuery(const QString &path, const QString &sql)
{
    static int counter = 0;
    const QString name = QStringLiteral("tst.raw.%1").arg(++counter);
    QList<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("raw open failed");
        QSqlQuery q(db);
        if (!q.exec(sql))
            qFatal("raw query failed: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i);
            rows << row;
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QVariant rawScalar(const QString &path, const QString &sql)
{
    const QList<QVariantList> rows = rawQuery(path, sql);
    return rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
}

RolloutRecord fullRecord()
{
    RolloutRecord r;
    r.app = QStringLiteral("portal");
    r.environment = QStringLiteral("production");
    r.fromVersion = QStringLiteral("1.4.2");
    r.toVersion = QStringLiteral("1.5.0-rc.1");
    r.activeColor = Color::Green;
    r.canaryColor = Color::Blue;
    r.plan.steps = {5, 20, 60, 100};
    r.plan.checkIntervalSec = 45;
    r.plan.checksPerStep = 3;
    r.plan.threshold = 82.5;
    r.plan.coefficients.latencyWeight = 0.35;
    r.plan.latencyStatistic = LatencyStatistic::Mean;
    r.plan.maxErrorRatePct = 2.5;
    r.plan.failureLimit = 2;
    r.plan.rollbackWindowSec = 600;
    r.plan.keepFailedColor = true;
    r.plan.hookCommand = {QStringLiteral("migrate"), QStringLiteral("--to"),
                          QStringLiteral("héllo wörld")};
    r.plan.dryRun = true;
    r.operatorName = QStringLiteral("ana");
    // Given in a +02:00 offset: the store keeps the instant, in UTC.
    r.startedAt = QDateTime(QDate(2024, 5, 1), QTime(14, 0, 0, 123), Qt::OffsetFromUTC, 7200);
    r.endedAt = utc(kT0 + 754321);
    r.state = RolloutState::Succeeded;
    r.step = 3;
    r.weight = 100;
    r.maxWeight = 100;
    r.reason = QStringLiteral("all 12 checks passed; canary 1.5.0-rc.1 is active");
    r.canaryRequests = 9876543210LL;
    r.canaryErrors = 1234;
    r.warmUntil = utc(kT0 + 754321 + 600000);
    return r;
}

void compareRecords(const RolloutRecord &actual, const RolloutRecord &expected, bool withWarm)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.app, expected.app);
    QCOMPARE(actual.environment, expected.environment);
    QCOMPARE(actual.fromVersion, expected.fromVersion);
    QCOMPARE(actual.toVersion, expected.toVersion);
    QCOMPARE(actual.activeColor, expected.activeColor);
    QCOMPARE(actual.canaryColor, expected.canaryColor);
    QCOMPARE(actual.plan.toJson(), expected.plan.toJson());
    QCOMPARE(actual.operatorName, expected.operatorName);
    QCOMPARE(actual.startedAt, expected.startedAt);
    QCOMPARE(actual.startedAt.toMSecsSinceEpoch(), expected.startedAt.toMSecsSinceEpoch());
    QCOMPARE(actual.endedAt.isValid(), expected.endedAt.isValid());
    QCOMPARE(actual.endedAt, expected.endedAt);
    QCOMPARE(actual.state, expected.state);
    QCOMPARE(actual.step, expected.step);
    QCOMPARE(actual.weight, expected.weight);
    QCOMPARE(actual.maxWeight, expected.maxWeight);
    QCOMPARE(actual.reason, expected.reason);
    QCOMPARE(actual.canaryRequests, expected.canaryRequests);
    QCOMPARE(actual.canaryErrors, expected.canaryErrors);
    if (withWarm) {
        QCOMPARE(actual.warmUntil.isValid(), expected.warmUntil.isValid());
        QCOMPARE(actual.warmUntil, expected.warmUntil);
    }
}

MetricsWindow window(qint64 from, double canaryLatency)
{
    MetricsWindow w;
    w.from = utc(from);
    w.to = utc(from + 60000);
    w.source = QStringLiteral("traefik");
    w.blue.weight = 10;
    w.blue.requests = 1200;
    w.blue.errors = 18;
    w.blue.rps = 20.0;
    w.blue.latencyMeanMs = canaryLatency;
    w.blue.latencyP95Ms = kNaN;
    w.blue.cpuPercent = kNaN;
    w.blue.latencySubsamplesMs = {50.0, kNaN, 52.25};
    w.green.weight = 90;
    w.green.requests = 10800;
    w.green.errors = 54;
    w.green.rps = 180.25;
    w.green.latencyMeanMs = 41.5;
    w.green.latencyP95Ms = 80.125;
    w.green.cpuPercent = 33.3;
    w.green.latencySubsamplesMs = {40.0, 41.0, 43.5, 39.75};
    return w;
}

CheckResult fullCheck(int step, int index, qint64 from, double canaryLatency)
{
    CheckResult c;
    c.step = step;
    c.weight = 10;
    c.index = index;
    c.at = utc(from + 60000);
    c.canaryColor = Color::Blue;
    c.verdict = Verdict::Fail;
    c.reason = QStringLiteral("canary error rate 1.5% is significantly above baseline 0.5%");
    c.failures = {QStringLiteral("error rate"), QStringLiteral("bio-energy 61.2 < 70")};
    c.window = window(from, canaryLatency);
    c.canaryBioEnergy = 61.2;
    c.baselineBioEnergy = kNaN;
    c.canaryLatencyMs = canaryLatency;
    c.baselineLatencyMs = 80.125;
    c.errorRate.performed = true;
    c.errorRate.test = QStringLiteral("two-proportion z-test");
    c.errorRate.canary = 1.5;
    c.errorRate.baseline = 0.5;
    c.errorRate.statistic = 4.2;
    c.errorRate.pValue = 0.00001;
    c.errorRate.significant = true;
    c.errorRate.exceedsMargin = true;
    c.latency.performed = false;
    c.latency.note = QStringLiteral("too few sub-intervals");
    return c;
}

void compareMetrics(const ColorMetrics &a, const ColorMetrics &b)
{
    QCOMPARE(a.color, b.color);
    QCOMPARE(a.weight, b.weight);
    QCOMPARE(a.requests, b.requests);
    QCOMPARE(a.errors, b.errors);
    QCOMPARE(a.rps, b.rps); // QCOMPARE on doubles takes NaN == NaN
    QCOMPARE(a.latencyMeanMs, b.latencyMeanMs);
    QCOMPARE(a.latencyP95Ms, b.latencyP95Ms);
    QCOMPARE(a.cpuPercent, b.cpuPercent);
    QCOMPARE(a.latencySubsamplesMs.size(), b.latencySubsamplesMs.size());
    for (qsizetype i = 0; i < a.latencySubsamplesMs.size(); ++i)
        QCOMPARE(a.latencySubsamplesMs[i], b.latencySubsamplesMs[i]);
}

void compareWindows(const MetricsWindow &a, const MetricsWindow &b)
{
    QCOMPARE(a.from, b.from);
    QCOMPARE(a.to, b.to);
    QCOMPARE(a.source, b.source);
    compareMetrics(a.blue, b.blue);
    if (QTest::currentTestFailed())
        return;
    compareMetrics(a.green, b.green);
}

void compareChecks(const CheckResult &a, const CheckResult &b)
{
    QCOMPARE(a.step, b.step);
    QCOMPARE(a.weight, b.weight);
    QCOMPARE(a.index, b.index);
    QCOMPARE(a.at, b.at);
    QCOMPARE(a.canaryColor, b.canaryColor);
    QCOMPARE(a.verdict, b.verdict);
    QCOMPARE(a.reason, b.reason);
    QCOMPARE(a.failures, b.failures);
    QCOMPARE(a.canaryBioEnergy, b.canaryBioEnergy);
    QCOMPARE(a.baselineBioEnergy, b.baselineBioEnergy);
    QCOMPARE(a.canaryLatencyMs, b.canaryLatencyMs);
    QCOMPARE(a.baselineLatencyMs, b.baselineLatencyMs);
    for (const auto &[x, y] : {std::pair{&a.errorRate, &b.errorRate}, {&a.latency, &b.latency}}) {
        QCOMPARE(x->performed, y->performed);
        QCOMPARE(x->test, y->test);
        QCOMPARE(x->canary, y->canary);
        QCOMPARE(x->baseline, y->baseline);
        QCOMPARE(x->statistic, y->statistic);
        QCOMPARE(x->pValue, y->pValue);
        QCOMPARE(x->significant, y->significant);
        QCOMPARE(x->exceedsMargin, y->exceedsMargin);
        QCOMPARE(x->note, y->note);
    }
    compareWindows(a.window, b.window);
}

JournalEvent journalEvent(qint64 rolloutId, qint64 at, JournalEvent::Kind kind,
                          const QString &message)
{
    JournalEvent e;
    e.rolloutId = rolloutId;
    e.at = utc(at);
    e.kind = kind;
    e.state = RolloutState::Shifting;
    e.step = 1;
    e.weight = 25;
    e.message = message;
    e.data = QJsonObject{{QStringLiteral("weights"),
                          QJsonObject{{QStringLiteral("blue"), 75}, {QStringLiteral("green"), 25}}},
                         {QStringLiteral("keys"), QJsonArray{QStringLiteral("traefik/http/a")}},
                         {QStringLiteral("dry"), false}};
    return e;
}

void compareEvents(const JournalEvent &a, const JournalEvent &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.rolloutId, b.rolloutId);
    QCOMPARE(a.at, b.at);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.state, b.state);
    QCOMPARE(a.step, b.step);
    QCOMPARE(a.weight, b.weight);
    QCOMPARE(a.message, b.message);
    QCOMPARE(a.data, b.data);
}

OperatorAction action(qint64 rolloutId, OperatorAction::Kind kind, qint64 at)
{
    OperatorAction a;
    a.rolloutId = rolloutId;
    a.at = utc(at);
    a.who = QStringLiteral("bob");
    a.kind = kind;
    a.status = OperatorAction::Status::Requested;
    a.detail = QStringLiteral("from optimist-cli on host-2");
    return a;
}

void compareActions(const OperatorAction &a, const OperatorAction &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.rolloutId, b.rolloutId);
    QCOMPARE(a.at, b.at);
    QCOMPARE(a.who, b.who);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.detail, b.detail);
}

RolloutRecord listed(const QString &app, const QString &env, RolloutState state, qint64 start)
{
    RolloutRecord r;
    r.app = app;
    r.environment = env;
    r.fromVersion = QStringLiteral("1");
    r.toVersion = QStringLiteral("2");
    r.operatorName = QStringLiteral("ci");
    r.startedAt = utc(start);
    r.state = state;
    if (isFinal(state))
        r.endedAt = utc(start + 1000);
    return r;
}

QList<qint64> ids(const QList<RolloutRecord> &records)
{
    QList<qint64> out;
    for (const RolloutRecord &r : records)
        out << r.id;
    return out;
}

} // namespace

class TestSqliteHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // "connection still in use", an unreadable row: the store must never warn here.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        QVERIFY(m_dir.isValid());
    }

    void rolloutRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("nested/deeper/history.sqlite"));
        auto store = openStore(path);
        QVERIFY(QFile::exists(path));
        QCOMPARE(store->schemaVersion(), SqliteHistoryStore::kSchemaVersion);

        RolloutRecord record = fullRecord();
        const Result<qint64> id = store->createRollout(record);
        QVERIFY2(id.ok(), why(id));
        QVERIFY(id.value() > 0);
        record.id = id.value();

        Result<RolloutRecord> read = store->rollout(record.id);
        QVERIFY2(read.ok(), why(read));
        compareRecords(read.value(), record, true);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(read.value().startedAt.timeSpec(), Qt::UTC);

        // Times are stored as ISO-8601 UTC with milliseconds.
        QCOMPARE(rawScalar(path, QStringLiteral("SELECT started_at FROM rollouts")).toString(),
                 QStringLiteral("2024-05-01T12:00:00.123Z"));

        // Every mutable field, and an unfinished record's null end.
        RolloutRecord changed = record;
        changed.fromVersion = QStringLiteral("1.4.3");
        changed.activeColor = Color::Blue;
        changed.canaryColor = Color::Green;
        changed.state = RolloutState::Observing;
        changed.step = 1;
        changed.weight = 20;
        changed.maxWeight = 20;
        changed.reason = QString();
        changed.endedAt = QDateTime();
        changed.warmUntil = QDateTime();
        changed.canaryRequests = 17;
        changed.canaryErrors = 0;
        const Result<void> updated = store->updateRollout(changed);
        QVERIFY2(updated.ok(), why(updated));
        read = store->rollout(record.id);
        QVERIFY2(read.ok(), why(read));
        compareRecords(read.value(), changed, true);
    }

    void eventCheckActionRoundTrip()
    {
        auto store = openStore(QStringLiteral(":memory:"));
        const qint64 rid = store->createRollout(fullRecord()).value();
        const qint64 other = store->createRollout(fullRecord()).value();

        QList<JournalEvent> written;
        const JournalEvent::Kind kinds[] = {
            JournalEvent::Kind::State,   JournalEvent::Kind::Intent,   JournalEvent::Kind::Done,
            JournalEvent::Kind::WouldDo, JournalEvent::Kind::Decision, JournalEvent::Kind::Operator,
            JournalEvent::Kind::Error,   JournalEvent::Kind::Info};
        qint64 at = kT0;
        for (JournalEvent::Kind kind : kinds) {
            JournalEvent e = journalEvent(rid, at += 10, kind,
                                          JournalEvent::kindName(kind) + QStringLiteral(" — ünï"));
            const Result<qint64> id = store->appendEvent(e);
            QVERIFY2(id.ok(), why(id));
            e.id = id.value();
            written << e;
            QVERIFY(
                store->appendEvent(journalEvent(other, at, kind, QStringLiteral("other"))).ok());
        }
        const QList<JournalEvent> events = store->events(rid).value();
        QCOMPARE(events.size(), written.size());
        for (qsizetype i = 0; i < events.size(); ++i) {
            compareEvents(events[i], written[i]);
            if (QTest::currentTestFailed())
                return;
        }

        const CheckResult first = fullCheck(0, 0, kT0, 55.5);
        const CheckResult second = fullCheck(0, 1, kT0 + 60000, kNaN);
        QVERIFY(store->appendCheck(rid, first).ok());
        QVERIFY(store->appendCheck(rid, second).ok());
        QVERIFY(store->appendCheck(other, fullCheck(2, 0, kT0, 1.0)).ok());
        const QList<CheckResult> checks = store->checks(rid).value();
        QCOMPARE(checks.size(), 2);
        compareChecks(checks[0], first);
        compareChecks(checks[1], second);
        if (QTest::currentTestFailed())
            return;
        const QList<MetricsWindow> samples = store->samples(rid).value();
        QCOMPARE(samples.size(), 2);
        compareWindows(samples[0], first.window);
        compareWindows(samples[1], second.window);
        QVERIFY(std::isnan(samples[1].blue.latencyMeanMs));
        QVERIFY(std::isnan(samples[1].blue.latencySubsamplesMs[1]));

        OperatorAction pause = action(rid, OperatorAction::Kind::Pause, kT0 + 5);
        OperatorAction fully = action(rid, OperatorAction::Kind::PromoteFully, kT0 + 6);
        pause.id = store->appendAction(pause).value();
        fully.id = store->appendAction(fully).value();
        QVERIFY(store->appendAction(action(other, OperatorAction::Kind::Abort, kT0)).ok());
        QList<OperatorAction> actions = store->actions(rid).value();
        QCOMPARE(actions.size(), 2);
        compareActions(actions[0], pause);
        compareActions(actions[1], fully);

        QVERIFY(store
                    ->setActionStatus(pause.id, OperatorAction::Status::Applied,
                                      QStringLiteral("paused at step 1"))
                    .ok());
        pause.status = OperatorAction::Status::Applied;
        pause.detail = QStringLiteral("paused at step 1");
        actions = store->actions(rid, OperatorAction::Status::Requested).value();
        QCOMPARE(actions.size(), 1);
        compareActions(actions[0], fully);
        actions = store->actions(rid, OperatorAction::Status::Applied).value();
        QCOMPARE(actions.size(), 1);
        compareActions(actions[0], pause);
        QVERIFY(store->actions(rid, OperatorAction::Status::Rejected).value().isEmpty());
    }

    void queryFiltersAndPaging()
    {
        auto store = openStore(QStringLiteral(":memory:"));
        // Inserted out of time order: the listing goes by start time, not by id.
        const struct
        {
            const char *app;
            const char *env;
            RolloutState state;
            qint64 minute;
        } rows[] = {
            {"portal", "production", RolloutState::Succeeded, 5},
            {"portal", "staging", RolloutState::RolledBack, 1},
            {"billing", "production", RolloutState::Failed, 4},
            {"portal", "production", RolloutState::Observing, 3},
            {"billing", "staging", RolloutState::Succeeded, 2},
            {"portal", "production", RolloutState::Succeeded, 6},
        };
        QList<qint64> id;
        for (const auto &row : rows)
            id << store
                      ->createRollout(listed(QString::fromLatin1(row.app),
                                             QString::fromLatin1(row.env), row.state,
                                             kT0 + row.minute * 60000))
                      .value();

        auto list = [&](const RolloutQuery &q) { return ids(store->rollouts(q).value()); };
        auto count = [&](const RolloutQuery &q) { return store->countRollouts(q).value(); };

        RolloutQuery all;
        QCOMPARE(list(all), (QList<qint64>{id[5], id[0], id[2], id[3], id[4], id[1]}));
        QCOMPARE(count(all), 6);

        RolloutQuery portal;
        portal.app = QStringLiteral("portal");
        QCOMPARE(list(portal), (QList<qint64>{id[5], id[0], id[3], id[1]}));
        QCOMPARE(count(portal), 4);

        RolloutQuery staging;
        staging.environment = QStringLiteral("staging");
        QCOMPARE(list(staging), (QList<qint64>{id[4], id[1]}));

        RolloutQuery succeeded;
        succeeded.outcome = QStringLiteral("succeeded");
        QCOMPARE(list(succeeded), (QList<qint64>{id[5], id[0], id[4]}));
        RolloutQuery rolledBack;
        rolledBack.outcome = QStringLiteral("rolled_back");
        QCOMPARE(list(rolledBack), QList<qint64>{id[1]});
        RolloutQuery failed;
        failed.outcome = QStringLiteral("failed");
        QCOMPARE(list(failed), QList<qint64>{id[2]});
        RolloutQuery unfinished;
        unfinished.outcome = QStringLiteral("unfinished");
        QCOMPARE(list(unfinished), QList<qint64>{id[3]});
        QCOMPARE(count(unfinished), 1);

        RolloutQuery combined;
        combined.app = QStringLiteral("portal");
        combined.environment = QStringLiteral("production");
        combined.outcome = QStringLiteral("succeeded");
        QCOMPARE(list(combined), (QList<qint64>{id[5], id[0]}));
        QCOMPARE(count(combined), 2);

        RolloutQuery page;
        page.limit = 2;
        page.offset = 2;
        QCOMPARE(list(page), (QList<qint64>{id[2], id[3]}));
        QCOMPARE(count(page), 6); // the count ignores paging
        page.offset = 5;
        QCOMPARE(list(page), QList<qint64>{id[1]});
        page.offset = 6;
        QVERIFY(list(page).isEmpty());

        RolloutQuery nobody;
        nobody.app = QStringLiteral("nobody");
        QVERIFY(list(nobody).isEmpty());
        QCOMPARE(count(nobody), 0);

        RolloutQuery bogus;
        bogus.outcome = QStringLiteral("exploded");
        const auto refused = store->rollouts(bogus);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QVERIFY(refused.error().message.contains(QLatin1String("exploded")));
        QVERIFY(!store->countRollouts(bogus).ok());
    }

    void unfinishedOldestFirst()
    {
        auto store = openStore(QStringLiteral(":memory:"));
        const qint64 newer = store
                                 ->createRollout(listed(QStringLiteral("a"), QStringLiteral("p"),
                                                        RolloutState::Shifting, kT0 + 9000))
                                 .value();
        const qint64 done = store
                                ->createRollout(listed(QStringLiteral("a"), QStringLiteral("p"),
                                                       RolloutState::Succeeded, kT0))
                                .value();
        const qint64 older = store
                                 ->createRollout(listed(QStringLiteral("b"), QStringLiteral("p"),
                                                        RolloutState::RollingBack, kT0 + 1000))
                                 .value();
        const qint64 idle = store
                                ->createRollout(listed(QStringLiteral("c"), QStringLiteral("p"),
                                                       RolloutState::Idle, kT0 + 5000))
                                .value();
        QCOMPARE(ids(store->unfinishedRollouts().value()), (QList<qint64>{older, idle, newer}));

        // Finishing one takes it off the list.
        RolloutRecord r = store->rollout(older).value();
        r.state = RolloutState::RolledBack;
        r.endedAt = utc(kT0 + 20000);
        QVERIFY(store->updateRollout(r).ok());
        QCOMPARE(ids(store->unfinishedRollouts().value()), (QList<qint64>{idle, newer}));
        QVERIFY(store->rollout(done).value().finished());
    }

    void migratesVersion1WithData()
    {
        const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
        RolloutRecord record = fullRecord();
        QList<JournalEvent> events;
        QList<CheckResult> checks{fullCheck(0, 0, kT0, 48.0), fullCheck(1, 0, kT0 + 60000, kNaN)};
        OperatorAction abort = action(0, OperatorAction::Kind::Abort, kT0 + 7);
        {
            auto opened = SqliteHistoryStore::openAtSchemaVersion(path, 1);
            QVERIFY2(opened.ok(), why(opened));
            auto &v1 = opened.value();
            QCOMPARE(v1->schemaVersion(), 1);
            record.id = v1->createRollout(record).value();
            for (auto kind : {JournalEvent::Kind::State, JournalEvent::Kind::Intent}) {
                JournalEvent e =
                    journalEvent(record.id, kT0 + events.size(), kind, QStringLiteral("x"));
                e.id = v1->appendEvent(e).value();
                events << e;
            }
            for (const CheckResult &c : checks)
                QVERIFY(v1->appendCheck(record.id, c).ok());
            abort.rolloutId = record.id;
            abort.id = v1->appendAction(abort).value();
            // A v1 store answers samples from its checks.
            QCOMPARE(v1->samples(record.id).value().size(), 2);
            QVERIFY(v1->updateRollout(record).ok());
        }
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(rawScalar(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"
                                                " WHERE name = 'samples'"))
                     .toInt(),
                 0);

        auto store = openStore(path);
        QCOMPARE(store->schemaVersion(), 2);
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 2);

        // v1 had no warm-until; everything else is intact.
        compareRecords(store->rollout(record.id).value(), record, false);
        QVERIFY(!store->rollout(record.id).value().warmUntil.isValid());
        const QList<JournalEvent> readEvents = store->events(record.id).value();
        QCOMPARE(readEvents.size(), events.size());
        for (qsizetype i = 0; i < events.size(); ++i)
            compareEvents(readEvents[i], events[i]);
        const QList<CheckResult> readChecks = store->checks(record.id).value();
        QCOMPARE(readChecks.size(), checks.size());
        for (qsizetype i = 0; i < checks.size(); ++i)
            compareChecks(readChecks[i], checks[i]);
        const QList<OperatorAction> readActions = store->actions(record.id).value();
        QCOMPARE(readActions.size(), 1);
        compareActions(readActions[0], abort);
        if (QTest::currentTestFailed())
            return;

        // The samples were backfilled from the checks' windows, one row per color.
        QCOMPARE(rawScalar(path, QStringLiteral("SELECT COUNT(*) FROM samples")).toInt(), 4);
        QList<MetricsWindow> samples = store->samples(record.id).value();
        QCOMPARE(samples.size(), 2);
        compareWindows(samples[0], checks[0].window);
        compareWindows(samples[1], checks[1].window);

        // And the migrated database takes v2 writes.
        record.warmUntil = utc(kT0 + 3600000);
        QVERIFY(store->updateRollout(record).ok());
        compareRecords(store->rollout(record.id).value(), record, true);
        QVERIFY(store->appendCheck(record.id, fullCheck(2, 0, kT0 + 120000, 47.0)).ok());
        QCOMPARE(store->samples(record.id).value().size(), 3);

        // Reopening does not migrate again.
        store.reset();
        store = openStore(path);
        QCOMPARE(rawScalar(path, QStringLiteral("SELECT COUNT(*) FROM samples")).toInt(), 6);
    }

    void refusesNewerSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        rawQuery(path, QStringLiteral("CREATE TABLE hovercraft (eels INTEGER)"));
        rawQuery(path, QStringLiteral("PRAGMA user_version = 99"));
        const QByteArray before = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(!before.isEmpty());

        const auto opened = SqliteHistoryStore::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, Error::Kind::Storage);
        QVERIFY2(opened.error().message.contains(QLatin1String("99")), why(opened));
        QVERIFY(opened.error().message.contains(path));

        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before); // not even switched to WAL
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("delete"));

        // A current database is "newer" for a store asked to work at version 1.
        const QString current = m_dir.filePath(QStringLiteral("current.sqlite"));
        openStore(current).reset();
        const auto old = SqliteHistoryStore::openAtSchemaVersion(current, 1);
        QVERIFY(!old.ok());
        QCOMPARE(old.error().kind, Error::Kind::Storage);
        QCOMPARE(rawScalar(current, QStringLiteral("PRAGMA user_version")).toInt(), 2);
    }

    void twoStoresShareOneFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        auto runner = openStore(path);
        auto operatorCli = openStore(path);
        QCOMPARE(rawScalar(path, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));

        RolloutRecord r = listed(QStringLiteral("portal"), QStringLiteral("production"),
                                 RolloutState::Observing, kT0);
        r.id = runner->createRollout(r).value();
        QCOMPARE(ids(operatorCli->unfinishedRollouts().value()), QList<qint64>{r.id});

        OperatorAction pause = action(r.id, OperatorAction::Kind::Pause, kT0 + 1);
        pause.id = operatorCli->appendAction(pause).value();

        const QList<OperatorAction> pending =
            runner->actions(r.id, OperatorAction::Status::Requested).value();
        QCOMPARE(pending.size(), 1);
        compareActions(pending[0], pause);
        QVERIFY(runner
                    ->setActionStatus(pause.id, OperatorAction::Status::Rejected,
                                      QStringLiteral("already finalizing"))
                    .ok());
        const QList<OperatorAction> seen = operatorCli->actions(r.id).value();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].status, OperatorAction::Status::Rejected);
        QCOMPARE(seen[0].detail, QStringLiteral("already finalizing"));
        QVERIFY(runner->actions(r.id, OperatorAction::Status::Requested).value().isEmpty());
    }

    void connectionsAreReleased()
    {
        const qsizetype before = QSqlDatabase::connectionNames().size();
        {
            auto a = openStore(QStringLiteral(":memory:"));
            auto b = openStore(QStringLiteral(":memory:"));
            QCOMPARE(QSqlDatabase::connectionNames().size(), before + 2);
            // Separate in-memory databases: one instance does not see the other's rows.
            a->createRollout(fullRecord()).value();
            QCOMPARE(b->countRollouts({}).value(), 0);
        }
        QCOMPARE(QSqlDatabase::connectionNames().size(), before);
    }

    void failuresAreTyped()
    {
        auto store = openStore(QStringLiteral(":memory:"));
        const auto orphan = store->appendEvent(
            journalEvent(4242, kT0, JournalEvent::Kind::Info, QStringLiteral("no such rollout")));
        QVERIFY(!orphan.ok());
        QCOMPARE(orphan.error().kind, Error::Kind::Storage);
        QVERIFY2(orphan.error().message.contains(QLatin1String("FOREIGN KEY")), why(orphan));
        QVERIFY(orphan.error().message.contains(QLatin1String("4242")));

        // A failed check leaves nothing half-written.
        const auto check = store->appendCheck(4242, fullCheck(0, 0, kT0, 1));
        QVERIFY(!check.ok());
        QCOMPARE(check.error().kind, Error::Kind::Storage);
        const qint64 rid = store->createRollout(fullRecord()).value();
        QVERIFY(store->appendCheck(rid, fullCheck(0, 0, kT0, 1)).ok());
        QCOMPARE(store->samples(rid).value().size(), 1);

        RolloutRecord ghost = fullRecord();
        ghost.id = 999;
        QCOMPARE(store->updateRollout(ghost).error().kind, Error::Kind::NotFound);
        QCOMPARE(store->rollout(999).error().kind, Error::Kind::NotFound);
        QCOMPARE(store->setActionStatus(999, OperatorAction::Status::Applied, {}).error().kind,
                 Error::Kind::NotFound);

        // A folder that cannot be created: a file is in the way.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto blocked = SqliteHistoryStore::open(blocker + QStringLiteral("/h.sqlite"));
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().kind, Error::Kind::Storage);

        // Not a database at all.
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(QByteArray(4096, 'x'));
        g.close();
        const auto notDb = SqliteHistoryStore::open(garbage);
        QVERIFY(!notDb.ok());
        QCOMPARE(notDb.error().kind, Error::Kind::Storage);
        QVERIFY2(notDb.error().message.contains(QLatin1String("not a database")), why(notDb));
    }

    void tenThousandRolloutsPage()
    {
        const QString path = m_dir.filePath(QStringLiteral("big.sqlite"));
        auto store = openStore(path);
        constexpr int kCount = 10000;
        const QString apps[] = {QStringLiteral("portal"), QStringLiteral("billing"),
                                QStringLiteral("search"), QStringLiteral("auth")};
        QHash<int, qint64> idByMinute;
        for (int i = 0; i < kCount; ++i) {
            // 7919 is prime to 10000: every minute once, in scrambled order.
            const int minute = int((qint64(i) * 7919) % kCount);
            const RolloutState state =
                minute % 3 == 0 ? RolloutState::RolledBack : RolloutState::Succeeded;
            const Result<qint64> id =
                store->createRollout(listed(apps[minute % 4], QStringLiteral("production"), state,
                                            kT0 + qint64(minute) * 60000));
            QVERIFY2(id.ok(), why(id));
            idByMinute.insert(minute, id.value());
        }
        QCOMPARE(store->countRollouts({}).value(), kCount);

        RolloutQuery page;
        page.limit = 50;
        page.offset = 100;
        const QList<RolloutRecord> rows = store->rollouts(page).value();
        QCOMPARE(rows.size(), 50);
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i].id, idByMinute.value(kCount - 1 - 100 - i));

        RolloutQuery byApp;
        byApp.app = QStringLiteral("search"); // minutes ≡ 2 (mod 4)
        byApp.limit = 10;
        byApp.offset = 20;
        const QList<RolloutRecord> appRows = store->rollouts(byApp).value();
        QCOMPARE(appRows.size(), 10);
        for (int i = 0; i < appRows.size(); ++i)
            QCOMPARE(appRows[i].id, idByMinute.value(9998 - 4 * (20 + i)));
        QCOMPARE(store->countRollouts(byApp).value(), kCount / 4);

        // A page is read through the indexes, never by sorting the whole table.
        for (const QString &sql :
             {QStringLiteral("SELECT * FROM rollouts ORDER BY started_at DESC, id DESC LIMIT 50"),
              QStringLiteral("SELECT * FROM rollouts WHERE app = 'search'"
                             " ORDER BY started_at DESC, id DESC LIMIT 50")}) {
            QString plan;
            for (const QVariantList &row :
                 rawQuery(path, QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
                plan += row.last().toString() + QLatin1Char('\n');
            QVERIFY2(plan.contains(QLatin1String("INDEX rollouts_by_")), qPrintable(plan));
            QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSqliteHistoryStore)
#include "tst_sqlitehistorystore.moc"
