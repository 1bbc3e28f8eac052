#include "SqliteHistoryStore.h"

#include "StoreLogging.h"

#include "core/MetricsJson.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <cmath>
#include <iterator>
#include <limits>

namespace optimist {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// --- values in and out of columns -----------------------------------------------------------

/// Times are ISO-8601 UTC with milliseconds, as in the JSON columns, so that text order is time
/// order.
QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

/// A null QString may be bound as SQL NULL; text columns hold "" instead.
QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}

/// NaN ("not measured") is stored as NULL and read back as NaN.
QVariant realValue(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}

double realFrom(const QVariant &value)
{
    return value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonDocument jsonDocument(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8());
}

QJsonArray subsamplesJson(const QList<double> &values)
{
    QJsonArray array;
    for (double v : values)
        array.append(doubleToJson(v));
    return array;
}

QList<double> subsamplesFrom(const QVariant &value)
{
    QList<double> values;
    const QJsonArray array = jsonDocument(value).array();
    values.reserve(array.size());
    for (const QJsonValue &v : array)
        values.append(doubleFromJson(v));
    return values;
}

/// "Not in a final state", as ANDed comparisons: NOT IN (…) would make SQLite build a temporary
/// table for the list on every write that evaluates the partial index rollouts_unfinished.
QString unfinishedSql()
{
    return QStringLiteral("state <> '%1' AND state <> '%2' AND state <> '%3'")
        .arg(stateName(RolloutState::Succeeded), stateName(RolloutState::RolledBack),
             stateName(RolloutState::Failed));
}

// --- schema ----------------------------------------------------------------------------------

const QStringList &migration1()
{
    static const QStringList statements{
        QStringLiteral("CREATE TABLE rollouts ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " app TEXT NOT NULL,"
                       " environment TEXT NOT NULL,"
                       " from_version TEXT NOT NULL,"
                       " to_version TEXT NOT NULL,"
                       " active_color TEXT NOT NULL,"
                       " canary_color TEXT NOT NULL,"
                       " plan TEXT NOT NULL,"
                       " operator TEXT NOT NULL,"
                       " started_at TEXT,"
                       " ended_at TEXT,"
                       " state TEXT NOT NULL,"
                       " step INTEGER NOT NULL,"
                       " weight INTEGER NOT NULL,"
                       " max_weight INTEGER NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " canary_requests INTEGER NOT NULL,"
                       " canary_errors INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE events ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,"
                       " at TEXT,"
                       " kind TEXT NOT NULL,"
                       " state TEXT NOT NULL,"
                       " step INTEGER NOT NULL,"
                       " weight INTEGER NOT NULL,"
                       " message TEXT NOT NULL,"
                       " data TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX events_by_rollout ON events(rollout_id, id)"),
        QStringLiteral("CREATE TABLE checks ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,"
                       " at TEXT,"
                       " step INTEGER NOT NULL,"
                       " weight INTEGER NOT NULL,"
                       " check_index INTEGER NOT NULL,"
                       " verdict TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " result TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX checks_by_rollout ON checks(rollout_id, id)"),
        QStringLiteral("CREATE TABLE actions ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,"
                       " at TEXT,"
                       " who TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " detail TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX actions_by_rollout ON actions(rollout_id, id)"),
    };
    return statements;
}

const QString &insertSampleSql()
{
    static const QString sql = QStringLiteral(
        "INSERT INTO samples (rollout_id, check_id, source, window_from, window_to, color, weight,"
        " requests, errors, rps, latency_mean_ms, latency_p95_ms, cpu_pct, latency_subsamples)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return sql;
}

QVariantList sampleValues(qint64 rolloutId, qint64 checkId, const MetricsWindow &window,
                          const ColorMetrics &m)
{
    return {rolloutId,
            checkId,
            textValue(window.source),
            timeValue(window.from),
            timeValue(window.to),
            colorName(m.color),
            m.weight,
            m.requests,
            m.errors,
            realValue(m.rps),
            realValue(m.latencyMeanMs),
            realValue(m.latencyP95Ms),
            realValue(m.cpuPercent),
            jsonText(subsamplesJson(m.latencySubsamplesMs))};
}

bool execAll(QSqlDatabase &db, const QStringList &statements, QSqlError *error)
{
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            *error = query.lastError();
            return false;
        }
    }
    return true;
}

bool applyMigration1(QSqlDatabase &db, QSqlError *error)
{
    return execAll(db, migration1(), error);
}

/// Samples per window and color, the warm-until time, and indexes for the history list.
/// Backfills the samples from the windows the v1 checks carry in their JSON.
bool applyMigration2(QSqlDatabase &db, QSqlError *error)
{
    const QStringList statements{
        QStringLiteral("CREATE TABLE samples ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,"
                       " check_id INTEGER REFERENCES checks(id) ON DELETE CASCADE,"
                       " source TEXT NOT NULL,"
                       " window_from TEXT,"
                       " window_to TEXT,"
                       " color TEXT NOT NULL,"
                       " weight INTEGER NOT NULL,"
                       " requests INTEGER NOT NULL,"
                       " errors INTEGER NOT NULL,"
                       " rps REAL,"
                       " latency_mean_ms REAL,"
                       " latency_p95_ms REAL,"
                       " cpu_pct REAL,"
                       " latency_subsamples TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX samples_by_rollout ON samples(rollout_id, id)"),
        QStringLiteral("ALTER TABLE rollouts ADD COLUMN warm_until TEXT"),
        QStringLiteral("CREATE INDEX rollouts_by_start ON rollouts(started_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX rollouts_by_app ON rollouts(app, started_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX rollouts_unfinished ON rollouts(started_at, id)"
                       " WHERE %1")
            .arg(unfinishedSql()),
    };
    if (!execAll(db, statements, error))
        return false;

    struct StoredCheck
    {
        qint64 id;
        qint64 rolloutId;
        QJsonObject json;
    };
    QList<StoredCheck> stored;
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, rollout_id, result FROM checks ORDER BY id"))) {
        *error = select.lastError();
        return false;
    }
    while (select.next()) {
        const qint64 id = select.value(0).toLongLong();
        const QJsonDocument doc = jsonDocument(select.value(2));
        if (!doc.isObject()) {
            qCWarning(lcStore) << "check" << id << "has unreadable JSON; no samples for it";
            continue;
        }
        stored.append({id, select.value(1).toLongLong(), doc.object()});
    }
    if (select.lastError().isValid()) {
        *error = select.lastError();
        return false;
    }
    select.finish();

    QSqlQuery insert(db);
    if (!insert.prepare(insertSampleSql())) {
        *error = insert.lastError();
        return false;
    }
    for (const StoredCheck &check : stored) {
        const MetricsWindow window = CheckResult::fromJson(check.json).window;
        for (const ColorMetrics *m : {&window.blue, &window.green}) {
            const QVariantList values = sampleValues(check.rolloutId, check.id, window, *m);
            for (int i = 0; i < values.size(); ++i)
                insert.bindValue(i, values.at(i));
            if (!insert.exec()) {
                *error = insert.lastError();
                return false;
            }
        }
    }
    return true;
}

struct Migration
{
    int version;
    bool (*apply)(QSqlDatabase &db, QSqlError *error);
};

/// In order; each runs in its own transaction and ends by setting user_version.
constexpr Migration kMigrations[] = {
    {1, applyMigration1},
    {2, applyMigration2},
};
static_assert(std::size(kMigrations) == SqliteHistoryStore::kSchemaVersion);

// --- statements ------------------------------------------------------------------------------

enum RolloutColumn {
    RcId,
    RcApp,
    RcEnvironment,
    RcFromVersion,
    RcToVersion,
    RcActiveColor,
    RcCanaryColor,
    RcPlan,
    RcOperator,
    RcStartedAt,
    RcEndedAt,
    RcState,
    RcStep,
    RcWeight,
    RcMaxWeight,
    RcReason,
    RcCanaryRequests,
    RcCanaryErrors,
    RcWarmUntil,
};

/// The columns of a RolloutRecord, in RolloutColumn order; v1 has no warm_until.
QString rolloutColumns(int version)
{
    return QStringLiteral("id, app, environment, from_version, to_version, active_color,"
                          " canary_color, plan, operator, started_at, ended_at, state, step,"
                          " weight, max_weight, reason, canary_requests, canary_errors, ") +
           (version >= 2 ? QStringLiteral("warm_until") : QStringLiteral("NULL"));
}

std::optional<RolloutRecord> recordFrom(const QSqlQuery &q, QString *problem)
{
    RolloutRecord r;
    r.id = q.value(RcId).toLongLong();
    r.app = q.value(RcApp).toString();
    r.environment = q.value(RcEnvironment).toString();
    r.fromVersion = q.value(RcFromVersion).toString();
    r.toVersion = q.value(RcToVersion).toString();
    const std::optional<Color> active = parseColor(q.value(RcActiveColor).toString());
    const std::optional<Color> canary = parseColor(q.value(RcCanaryColor).toString());
    const std::optional<RolloutState> state = parseState(q.value(RcState).toString());
    const QJsonDocument plan = jsonDocument(q.value(RcPlan));
    if (!active || !canary) {
        *problem = SqliteHistoryStore::tr("rollout %1 has unknown colors %2/%3")
                       .arg(r.id)
                       .arg(q.value(RcActiveColor).toString(), q.value(RcCanaryColor).toString());
        return std::nullopt;
    }
    if (!state) {
        *problem = SqliteHistoryStore::tr("rollout %1 has an unknown state %2")
                       .arg(r.id)
                       .arg(q.value(RcState).toString());
        return std::nullopt;
    }
    if (!plan.isObject()) {
        *problem = SqliteHistoryStore::tr("rollout %1 has an unreadable plan").arg(r.id);
        return std::nullopt;
    }
    r.activeColor = *active;
    r.canaryColor = *canary;
    r.state = *state;
    PlanIssues issues;
    r.plan = RolloutPlan::fromJson(plan.object(), &issues);
    for (const PlanIssue &issue : issues)
        qCWarning(lcStore) << "rollout" << r.id << "plan:" << issue.field << issue.message;
    r.operatorName = q.value(RcOperator).toString();
    r.startedAt = timeFrom(q.value(RcStartedAt));
    r.endedAt = timeFrom(q.value(RcEndedAt));
    r.step = q.value(RcStep).toInt();
    r.weight = q.value(RcWeight).toInt();
    r.maxWeight = q.value(RcMaxWeight).toInt();
    r.reason = q.value(RcReason).toString();
    r.canaryRequests = q.value(RcCanaryRequests).toLongLong();
    r.canaryErrors = q.value(RcCanaryErrors).toLongLong();
    r.warmUntil = timeFrom(q.value(RcWarmUntil));
    return r;
}

/// WHERE clause of a history listing; values to bind are appended to @p values.
std::optional<QString> whereClause(const RolloutQuery &query, QVariantList *values,
                                   QString *problem)
{
    QStringList terms;
    if (!query.app.isEmpty()) {
        terms << QStringLiteral("app = ?");
        values->append(query.app);
    }
    if (!query.environment.isEmpty()) {
        terms << QStringLiteral("environment = ?");
        values->append(query.environment);
    }
    if (!query.outcome.isEmpty()) {
        if (query.outcome == QLatin1String("unfinished")) {
            terms << unfinishedSql();
        } else {
            std::optional<RolloutState> state;
            for (RolloutState s :
                 {RolloutState::Succeeded, RolloutState::RolledBack, RolloutState::Failed})
                if (outcomeName(s) == query.outcome)
                    state = s;
            if (!state) {
                *problem = SqliteHistoryStore::tr("unknown outcome “%1”; use succeeded, "
                                                  "rolled_back, failed or unfinished")
                               .arg(query.outcome);
                return std::nullopt;
            }
            terms << QStringLiteral("state = ?");
            values->append(stateName(*state));
        }
    }
    if (!query.text.isEmpty()) {
        QString pattern = query.text;
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        QStringList alternatives;
        for (const char *column :
             {"app", "environment", "from_version", "to_version", "operator", "reason"}) {
            alternatives << QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            values->append(pattern);
        }
        terms << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return terms.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
}

/// ORDER BY clause of a history listing. The default (start, newest first) walks the index
/// rollouts_by_start; the others sort, which SQLite does with a bounded top-N sorter for a page.
QString orderClause(const RolloutQuery &query)
{
    const QString direction = query.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QString key;
    switch (query.sortKey) {
    case RolloutQuery::SortKey::StartedAt:
        return QStringLiteral(" ORDER BY started_at %1, id %1").arg(direction);
    case RolloutQuery::SortKey::App:
        key = QStringLiteral("app");
        break;
    case RolloutQuery::SortKey::ToVersion:
        key = QStringLiteral("to_version");
        break;
    case RolloutQuery::SortKey::Duration:
        key = QStringLiteral("julianday(ended_at) - julianday(started_at)");
        break;
    case RolloutQuery::SortKey::Outcome:
        key = QStringLiteral("state");
        break;
    case RolloutQuery::SortKey::Operator:
        key = QStringLiteral("operator");
        break;
    }
    return QStringLiteral(" ORDER BY %1 %2, started_at DESC, id DESC").arg(key, direction);
}

} // namespace

// --- opening ---------------------------------------------------------------------------------

SqliteHistoryStore::SqliteHistoryStore(const QString &path, const QString &connectionName)
    : m_path(path)
    , m_connectionName(connectionName)
    , m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName))
{
    m_db.setDatabaseName(path);
}

SqliteHistoryStore::~SqliteHistoryStore()
{
    // Every query and copy of the connection must be gone before it can be removed.
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<SqliteHistoryStore>> SqliteHistoryStore::open(const QString &path)
{
    return openAtSchemaVersion(path, kSchemaVersion);
}

Result<std::unique_ptr<SqliteHistoryStore>>
SqliteHistoryStore::openAtSchemaVersion(const QString &path, int version)
{
    if (version < 1 || version > kSchemaVersion)
        return Error{Error::Kind::Storage,
                     tr("Could not open the history database %1 at schema version %2: this "
                        "version of Optimist knows versions 1 to %3.")
                         .arg(path)
                         .arg(version)
                         .arg(kSchemaVersion)};
    if (path.isEmpty())
        return Error{Error::Kind::Storage,
                     tr("Could not open the history database: no file name was given.")};
    if (path != QLatin1String(":memory:")) {
        const QString folder = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(folder))
            return Error{Error::Kind::Storage,
                         tr("Could not create the folder %1 for the history database.")
                             .arg(QDir::toNativeSeparators(folder))};
    }

    static std::atomic<quint64> nextConnection{0};
    const QString name = QStringLiteral("optimist.store.%1").arg(++nextConnection);
    std::unique_ptr<SqliteHistoryStore> store(new SqliteHistoryStore(path, name));
    if (Result<void> connected = store->connect(version); !connected)
        return connected.error();
    return Result<std::unique_ptr<SqliteHistoryStore>>(std::move(store));
}

Result<void> SqliteHistoryStore::connect(int version)
{
    if (!m_db.isValid())
        return Error{Error::Kind::Storage,
                     tr("Could not open the history database %1: Qt's SQLite driver (QSQLITE) "
                        "is not installed.")
                         .arg(m_path)};
    if (!m_db.open())
        return storageError(tr("open the database"), m_db.lastError());

    // Per connection; nothing here changes the file, so a refused database stays as it was.
    const QStringList connectionPragmas{
        QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
    };
    QSqlQuery pragma(m_db);
    for (const QString &sql : connectionPragmas)
        if (!pragma.exec(sql))
            return storageError(tr("configure the connection"), pragma.lastError());

    const Result<int> current = readUserVersion();
    if (!current)
        return current.error();
    if (current.value() > version)
        return Error{Error::Kind::Storage,
                     tr("The history database %1 has schema version %2, newer than this version "
                        "of Optimist understands (%3). It was left unchanged; open it with a "
                        "newer Optimist.")
                         .arg(m_path)
                         .arg(current.value())
                         .arg(version)};

    if (m_path != QLatin1String(":memory:")) {
        // WAL lets a second process file operator requests while this one journals.
        if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return storageError(tr("switch to the WAL journal"), pragma.lastError());
        if (pragma.next() && pragma.value(0).toString() != QLatin1String("wal"))
            qCWarning(lcStore) << "history database" << m_path << "stays in journal mode"
                               << pragma.value(0).toString();
        pragma.finish();
    }
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return storageError(tr("configure the connection"), pragma.lastError());

    if (Result<void> migrated = migrate(current.value(), version); !migrated)
        return migrated;
    m_version = version;
    qCDebug(lcStore) << "opened history database" << m_path << "at schema version" << version;
    return {};
}

Result<int> SqliteHistoryStore::readUserVersion()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return storageError(tr("read the schema version"), query.lastError());
    return query.value(0).toInt();
}

Result<void> SqliteHistoryStore::migrate(int fromVersion, int toVersion)
{
    int current = fromVersion;
    for (const Migration &migration : kMigrations) {
        if (migration.version > toVersion)
            break;
        if (migration.version <= current)
            continue;
        const QString operation =
            tr("migrate the database to schema version %1").arg(migration.version);
        if (Result<void> begun = begin(operation); !begun)
            return begun;
        // Another process may have migrated while this one waited for the write lock.
        const Result<int> now = readUserVersion();
        if (!now) {
            rollback();
            return now.error();
        }
        if (now.value() >= migration.version) {
            rollback();
            if (now.value() > toVersion)
                return Error{Error::Kind::Storage,
                             tr("The history database %1 was just migrated to schema version %2 "
                                "by a newer Optimist.")
                                 .arg(m_path)
                                 .arg(now.value())};
            current = now.value();
            continue;
        }
        QSqlError error;
        if (!migration.apply(m_db, &error)) {
            rollback();
            return storageError(operation, error);
        }
        QSqlQuery setVersion(m_db);
        if (!setVersion.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version))) {
            const QSqlError setError = setVersion.lastError();
            rollback();
            return storageError(operation, setError);
        }
        if (Result<void> committed = commit(operation); !committed)
            return committed;
        if (fromVersion == 0)
            qCDebug(lcStore) << "history database" << m_path << "created at schema version"
                             << migration.version;
        else
            qCInfo(lcStore) << "migrated history database" << m_path << "from schema version"
                            << current << "to" << migration.version;
        current = migration.version;
    }
    return {};
}

// --- statement helpers -----------------------------------------------------------------------

Error SqliteHistoryStore::storageError(const QString &operation, const QSqlError &error) const
{
    return Error{
        Error::Kind::Storage,
        tr("Could not %1 in the history database %2: %3").arg(operation, m_path, error.text())};
}

Result<QSqlQuery *> SqliteHistoryStore::statement(const QString &sql, const QString &operation)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return storageError(operation, query->lastError());
    QSqlQuery *raw = query.get();
    m_statements.emplace(sql, std::move(query));
    return raw;
}

Result<QSqlQuery *> SqliteHistoryStore::run(const QString &sql, const QVariantList &values,
                                            const QString &operation)
{
    Result<QSqlQuery *> prepared = statement(sql, operation);
    if (!prepared)
        return prepared;
    QSqlQuery *query = prepared.value();
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, values.at(i));
    if (!query->exec()) {
        const Error error = storageError(operation, query->lastError());
        query->finish();
        return error;
    }
    return query;
}

Result<void> SqliteHistoryStore::begin(const QString &operation)
{
    // IMMEDIATE takes the write lock now, waiting out another writer under busy_timeout.
    Result<QSqlQuery *> begun = run(QStringLiteral("BEGIN IMMEDIATE"), {}, operation);
    if (!begun)
        return begun.error();
    return {};
}

Result<void> SqliteHistoryStore::commit(const QString &operation)
{
    Result<QSqlQuery *> committed = run(QStringLiteral("COMMIT"), {}, operation);
    if (!committed) {
        rollback();
        return committed.error();
    }
    return {};
}

void SqliteHistoryStore::rollback()
{
    Result<QSqlQuery *> rolledBack =
        run(QStringLiteral("ROLLBACK"), {}, tr("roll back a transaction"));
    if (!rolledBack)
        qCWarning(lcStore) << rolledBack.error().message;
}

// --- writing ---------------------------------------------------------------------------------

Result<qint64> SqliteHistoryStore::createRollout(const RolloutRecord &r)
{
    static const QString sqlV1 = QStringLiteral(
        "INSERT INTO rollouts (app, environment, from_version, to_version, active_color,"
        " canary_color, plan, operator, started_at, ended_at, state, step, weight, max_weight,"
        " reason, canary_requests, canary_errors)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    static const QString sqlV2 = QStringLiteral(
        "INSERT INTO rollouts (app, environment, from_version, to_version, active_color,"
        " canary_color, plan, operator, started_at, ended_at, state, step, weight, max_weight,"
        " reason, canary_requests, canary_errors, warm_until)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QVariantList values{textValue(r.app),
                        textValue(r.environment),
                        textValue(r.fromVersion),
                        textValue(r.toVersion),
                        colorName(r.activeColor),
                        colorName(r.canaryColor),
                        jsonText(r.plan.toJson()),
                        textValue(r.operatorName),
                        timeValue(r.startedAt),
                        timeValue(r.endedAt),
                        stateName(r.state),
                        r.step,
                        r.weight,
                        r.maxWeight,
                        textValue(r.reason),
                        r.canaryRequests,
                        r.canaryErrors};
    if (m_version >= 2)
        values.append(timeValue(r.warmUntil));
    Result<QSqlQuery *> inserted =
        run(m_version >= 2 ? sqlV2 : sqlV1, values, tr("record the new rollout of %1").arg(r.app));
    if (!inserted)
        return inserted.error();
    return inserted.value()->lastInsertId().toLongLong();
}

Result<void> SqliteHistoryStore::updateRollout(const RolloutRecord &r)
{
    static const QString sqlV1 = QStringLiteral(
        "UPDATE rollouts SET from_version = ?, to_version = ?, active_color = ?,"
        " canary_color = ?, ended_at = ?, state = ?, step = ?, weight = ?, max_weight = ?,"
        " reason = ?, canary_requests = ?, canary_errors = ? WHERE id = ?");
    static const QString sqlV2 = QStringLiteral(
        "UPDATE rollouts SET from_version = ?, to_version = ?, active_color = ?,"
        " canary_color = ?, ended_at = ?, state = ?, step = ?, weight = ?, max_weight = ?,"
        " reason = ?, canary_requests = ?, canary_errors = ?, warm_until = ? WHERE id = ?");
    QVariantList values{textValue(r.fromVersion),
                        textValue(r.toVersion),
                        colorName(r.activeColor),
                        colorName(r.canaryColor),
                        timeValue(r.endedAt),
                        stateName(r.state),
                        r.step,
                        r.weight,
                        r.maxWeight,
                        textValue(r.reason),
                        r.canaryRequests,
                        r.canaryErrors};
    if (m_version >= 2)
        values.append(timeValue(r.warmUntil));
    values.append(r.id);
    const QString operation = tr("update rollout %1").arg(r.id);
    Result<QSqlQuery *> updated = run(m_version >= 2 ? sqlV2 : sqlV1, values, operation);
    if (!updated)
        return updated.error();
    if (updated.value()->numRowsAffected() != 1)
        return Error{Error::Kind::NotFound,
                     tr("Could not %1: the history has no rollout %2.").arg(operation).arg(r.id)};
    return {};
}

Result<qint64> SqliteHistoryStore::appendEvent(const JournalEvent &e)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO events (rollout_id, at, kind, state, step, weight, message, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    Result<QSqlQuery *> inserted =
        run(sql,
            {e.rolloutId, timeValue(e.at), JournalEvent::kindName(e.kind), stateName(e.state),
             e.step, e.weight, textValue(e.message), jsonText(e.data)},
            tr("journal a %1 event of rollout %2")
                .arg(JournalEvent::kindName(e.kind))
                .arg(e.rolloutId));
    if (!inserted)
        return inserted.error();
    return inserted.value()->lastInsertId().toLongLong();
}

Result<void> SqliteHistoryStore::appendCheck(qint64 rolloutId, const CheckResult &check)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO checks (rollout_id, at, step, weight, check_index, verdict, reason, result)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const QString operation = tr("record check %1 of step %2 of rollout %3")
                                  .arg(check.index)
                                  .arg(check.step)
                                  .arg(rolloutId);
    if (Result<void> begun = begin(operation); !begun)
        return begun;
    Result<QSqlQuery *> inserted =
        run(sql,
            {rolloutId, timeValue(check.at), check.step, check.weight, check.index,
             verdictName(check.verdict), textValue(check.reason), jsonText(check.toJson())},
            operation);
    if (!inserted) {
        rollback();
        return inserted.error();
    }
    if (m_version >= 2) {
        const qint64 checkId = inserted.value()->lastInsertId().toLongLong();
        for (const ColorMetrics *m : {&check.window.blue, &check.window.green}) {
            Result<QSqlQuery *> sample = run(
                insertSampleSql(), sampleValues(rolloutId, checkId, check.window, *m), operation);
            if (!sample) {
                rollback();
                return sample.error();
            }
        }
    }
    return commit(operation);
}

Result<qint64> SqliteHistoryStore::appendAction(const OperatorAction &a)
{
    static const QString sql =
        QStringLiteral("INSERT INTO actions (rollout_id, at, who, kind, status, detail)"
                       " VALUES (?, ?, ?, ?, ?, ?)");
    Result<QSqlQuery *> inserted =
        run(sql,
            {a.rolloutId, timeValue(a.at), textValue(a.who), OperatorAction::kindName(a.kind),
             OperatorAction::statusName(a.status), textValue(a.detail)},
            tr("record the %1 request for rollout %2")
                .arg(OperatorAction::kindName(a.kind))
                .arg(a.rolloutId));
    if (!inserted)
        return inserted.error();
    return inserted.value()->lastInsertId().toLongLong();
}

Result<void> SqliteHistoryStore::setActionStatus(qint64 actionId, OperatorAction::Status status,
                                                 const QString &detail)
{
    static const QString sql =
        QStringLiteral("UPDATE actions SET status = ?, detail = ? WHERE id = ?");
    const QString operation =
        tr("mark operator action %1 %2").arg(actionId).arg(OperatorAction::statusName(status));
    Result<QSqlQuery *> updated =
        run(sql, {OperatorAction::statusName(status), textValue(detail), actionId}, operation);
    if (!updated)
        return updated.error();
    if (updated.value()->numRowsAffected() != 1)
        return Error{Error::Kind::NotFound,
                     tr("Could not %1: the history has no operator action %2.")
                         .arg(operation)
                         .arg(actionId)};
    return {};
}

// --- reading ---------------------------------------------------------------------------------

Result<QList<RolloutRecord>> SqliteHistoryStore::readRollouts(const QString &sql,
                                                              const QVariantList &values,
                                                              const QString &operation)
{
    Result<QSqlQuery *> selected = run(sql, values, operation);
    if (!selected)
        return selected.error();
    QSqlQuery &query = *selected.value();
    QList<RolloutRecord> records;
    while (query.next()) {
        QString problem;
        std::optional<RolloutRecord> record = recordFrom(query, &problem);
        if (!record) {
            query.finish();
            return Error{
                Error::Kind::Storage,
                tr("Could not %1 in the history database %2: %3.").arg(operation, m_path, problem)};
        }
        records.append(std::move(*record));
    }
    const QSqlError error = query.lastError();
    query.finish();
    if (error.isValid())
        return storageError(operation, error);
    return records;
}

Result<RolloutRecord> SqliteHistoryStore::rollout(qint64 id)
{
    const QString operation = tr("read rollout %1").arg(id);
    Result<QList<RolloutRecord>> found = readRollouts(
        QStringLiteral("SELECT %1 FROM rollouts WHERE id = ?").arg(rolloutColumns(m_version)), {id},
        operation);
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return Error{Error::Kind::NotFound,
                     tr("Could not %1: the history has no rollout %2.").arg(operation).arg(id)};
    return found.value().first();
}

Result<QList<RolloutRecord>> SqliteHistoryStore::rollouts(const RolloutQuery &query)
{
    QVariantList values;
    QString problem;
    const std::optional<QString> where = whereClause(query, &values, &problem);
    if (!where)
        return Error{Error::Kind::Invalid, tr("Could not list the history: %1").arg(problem)};
    values << query.limit << std::max(query.offset, 0);
    return readRollouts(QStringLiteral("SELECT %1 FROM rollouts%2%3 LIMIT ? OFFSET ?")
                            .arg(rolloutColumns(m_version), *where, orderClause(query)),
                        values, tr("list the history"));
}

Result<qint64> SqliteHistoryStore::countRollouts(const RolloutQuery &query)
{
    QVariantList values;
    QString problem;
    const std::optional<QString> where = whereClause(query, &values, &problem);
    if (!where)
        return Error{Error::Kind::Invalid, tr("Could not count the history: %1").arg(problem)};
    const QString operation = tr("count the history");
    Result<QSqlQuery *> counted =
        run(QStringLiteral("SELECT COUNT(*) FROM rollouts") + *where, values, operation);
    if (!counted)
        return counted.error();
    QSqlQuery &q = *counted.value();
    if (!q.next()) {
        const QSqlError error = q.lastError();
        q.finish();
        return storageError(operation, error);
    }
    const qint64 count = q.value(0).toLongLong();
    q.finish();
    return count;
}

Result<QStringList> SqliteHistoryStore::appNames()
{
    const QString operation = tr("list the applications in the history");
    // One index seek per application (rollouts_by_app) instead of a scan of every rollout.
    static const QString sql =
        QStringLiteral("WITH RECURSIVE apps(name) AS ("
                       " SELECT MIN(app) FROM rollouts"
                       " UNION ALL"
                       " SELECT (SELECT MIN(app) FROM rollouts WHERE app > apps.name) FROM apps"
                       " WHERE apps.name IS NOT NULL)"
                       " SELECT name FROM apps WHERE name IS NOT NULL");
    Result<QSqlQuery *> selected = run(sql, {}, operation);
    if (!selected)
        return selected.error();
    QSqlQuery &q = *selected.value();
    QStringList apps;
    while (q.next())
        apps << q.value(0).toString();
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return storageError(operation, error);
    return apps;
}

Result<QList<RolloutRecord>> SqliteHistoryStore::unfinishedRollouts()
{
    // The WHERE term matches the v2 partial index rollouts_unfinished word for word.
    return readRollouts(QStringLiteral("SELECT %1 FROM rollouts WHERE %2"
                                       " ORDER BY started_at, id")
                            .arg(rolloutColumns(m_version), unfinishedSql()),
                        {}, tr("list the unfinished rollouts"));
}

Result<QList<JournalEvent>> SqliteHistoryStore::events(qint64 rolloutId)
{
    static const QString sql =
        QStringLiteral("SELECT id, rollout_id, at, kind, state, step, weight, message, data"
                       " FROM events WHERE rollout_id = ? ORDER BY id");
    const QString operation = tr("read the journal of rollout %1").arg(rolloutId);
    Result<QSqlQuery *> selected = run(sql, {rolloutId}, operation);
    if (!selected)
        return selected.error();
    QSqlQuery &q = *selected.value();
    QList<JournalEvent> events;
    while (q.next()) {
        JournalEvent e;
        e.id = q.value(0).toLongLong();
        e.rolloutId = q.value(1).toLongLong();
        e.at = timeFrom(q.value(2));
        e.kind = JournalEvent::parseKind(q.value(3).toString());
        const std::optional<RolloutState> state = parseState(q.value(4).toString());
        if (!state)
            qCWarning(lcStore) << "event" << e.id << "has an unknown state"
                               << q.value(4).toString();
        e.state = state.value_or(RolloutState::Idle);
        e.step = q.value(5).toInt();
        e.weight = q.value(6).toInt();
        e.message = q.value(7).toString();
        e.data = jsonDocument(q.value(8)).object();
        events.append(std::move(e));
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return storageError(operation, error);
    return events;
}

Result<QList<CheckResult>> SqliteHistoryStore::checks(qint64 rolloutId)
{
    static const QString sql =
        QStringLiteral("SELECT id, result FROM checks WHERE rollout_id = ? ORDER BY id");
    const QString operation = tr("read the checks of rollout %1").arg(rolloutId);
    Result<QSqlQuery *> selected = run(sql, {rolloutId}, operation);
    if (!selected)
        return selected.error();
    QSqlQuery &q = *selected.value();
    QList<CheckResult> checks;
    while (q.next()) {
        const QJsonDocument doc = jsonDocument(q.value(1));
        if (!doc.isObject()) {
            const qint64 id = q.value(0).toLongLong();
            q.finish();
            return Error{Error::Kind::Storage,
                         tr("Could not %1 in the history database %2: check %3 is unreadable.")
                             .arg(operation, m_path)
                             .arg(id)};
        }
        checks.append(CheckResult::fromJson(doc.object()));
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return storageError(operation, error);
    return checks;
}

Result<QList<MetricsWindow>> SqliteHistoryStore::samplesFromChecks(qint64 rolloutId)
{
    Result<QList<CheckResult>> found = checks(rolloutId);
    if (!found)
        return found.error();
    QList<MetricsWindow> windows;
    windows.reserve(found.value().size());
    for (const CheckResult &check : found.value())
        windows.append(check.window);
    return windows;
}

Result<QList<MetricsWindow>> SqliteHistoryStore::samples(qint64 rolloutId)
{
    if (m_version < 2)
        return samplesFromChecks(rolloutId);
    static const QString sql = QStringLiteral(
        "SELECT check_id, source, window_from, window_to, color, weight, requests, errors, rps,"
        " latency_mean_ms, latency_p95_ms, cpu_pct, latency_subsamples"
        " FROM samples WHERE rollout_id = ? ORDER BY id");
    const QString operation = tr("read the samples of rollout %1").arg(rolloutId);
    Result<QSqlQuery *> selected = run(sql, {rolloutId}, operation);
    if (!selected)
        return selected.error();
    QSqlQuery &q = *selected.value();
    QList<MetricsWindow> windows;
    // The rows of one window (one per color) are consecutive and share check and times.
    QVariant lastCheck;
    QVariant lastFrom;
    QVariant lastTo;
    while (q.next()) {
        const QVariant checkId = q.value(0);
        const QVariant from = q.value(2);
        const QVariant to = q.value(3);
        if (windows.isEmpty() || checkId != lastCheck || from != lastFrom || to != lastTo) {
            MetricsWindow window;
            window.source = q.value(1).toString();
            window.from = timeFrom(from);
            window.to = timeFrom(to);
            windows.append(window);
            lastCheck = checkId;
            lastFrom = from;
            lastTo = to;
        }
        const std::optional<Color> color = parseColor(q.value(4).toString());
        if (!color) {
            qCWarning(lcStore) << "rollout" << rolloutId << "has a sample of unknown color"
                               << q.value(4).toString();
            continue;
        }
        ColorMetrics &m = windows.last().of(*color);
        m.color = *color;
        m.weight = q.value(5).toInt();
        m.requests = q.value(6).toLongLong();
        m.errors = q.value(7).toLongLong();
        m.rps = realFrom(q.value(8));
        m.latencyMeanMs = realFrom(q.value(9));
        m.latencyP95Ms = realFrom(q.value(10));
        m.cpuPercent = realFrom(q.value(11));
        m.latencySubsamplesMs = subsamplesFrom(q.value(12));
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return storageError(operation, error);
    return windows;
}

Result<QList<OperatorAction>>
SqliteHistoryStore::actions(qint64 rolloutId, std::optional<OperatorAction::Status> status)
{
    static const QString all = QStringLiteral("SELECT id, rollout_id, at, who, kind, status, detail"
                                              " FROM actions WHERE rollout_id = ? ORDER BY id");
    static const QString withStatus =
        QStringLiteral("SELECT id, rollout_id, at, who, kind, status, detail"
                       " FROM actions WHERE rollout_id = ? AND status = ? ORDER BY id");
    const QString operation = tr("read the operator actions of rollout %1").arg(rolloutId);
    Result<QSqlQuery *> selected =
        status ? run(withStatus, {rolloutId, OperatorAction::statusName(*status)}, operation)
               : run(all, {rolloutId}, operation);
    if (!selected)
        return selected.error();
    QSqlQuery &q = *selected.value();
    QList<OperatorAction> actions;
    while (q.next()) {
        OperatorAction a;
        a.id = q.value(0).toLongLong();
        a.rolloutId = q.value(1).toLongLong();
        a.at = timeFrom(q.value(2));
        a.who = q.value(3).toString();
        const QString kindText = q.value(4).toString();
        const std::optional<OperatorAction::Kind> kind = OperatorAction::parseKind(kindText);
        if (!kind) {
            q.finish();
            return Error{Error::Kind::Storage,
                         tr("Could not %1 in the history database %2: action %3 has an unknown "
                            "kind %4.")
                             .arg(operation, m_path)
                             .arg(a.id)
                             .arg(kindText)};
        }
        a.kind = *kind;
        a.status = OperatorAction::parseStatus(q.value(5).toString());
        a.detail = q.value(6).toString();
        actions.append(std::move(a));
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return storageError(operation, error);
    return actions;
}

} // namespace optimist
