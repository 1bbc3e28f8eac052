#pragma once

#include "ports/HistoryStore.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <memory>
#include <unordered_map>

class QSqlError;
class QSqlQuery;

namespace optimist {

/// The rollout journal and history in a SQLite database (Qt SQL, QSQLITE driver). DESIGN §5.
///
/// One instance is one database connection; use it on the thread that opened it. Several
/// instances, in this process or others, may share one file: the WAL journal and a busy timeout
/// let a second optimist-cli file operator requests while the first one runs the rollout.
///
/// The schema is versioned with PRAGMA user_version; open() migrates an older database in
/// place, one transaction per version, and refuses a newer one without touching it.
/// The records hold no secret, and must not: the file is a plain file.
class SqliteHistoryStore final : public HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(SqliteHistoryStore)

public:
    /// The schema version this code writes and open() migrates to.
    static constexpr int kSchemaVersion = 2;

    /// Opens (or creates, with its parent folder) the database at @p path, migrated to
    /// kSchemaVersion. ":memory:" opens a private in-memory database.
    static Result<std::unique_ptr<SqliteHistoryStore>> open(const QString &path);
    /// Test seam: as open(), but migrates only up to @p version (1 … kSchemaVersion); the store
    /// then reads and writes that version's schema.
    static Result<std::unique_ptr<SqliteHistoryStore>> openAtSchemaVersion(const QString &path,
                                                                           int version);

    ~SqliteHistoryStore() override;
    SqliteHistoryStore(const SqliteHistoryStore &) = delete;
    SqliteHistoryStore &operator=(const SqliteHistoryStore &) = delete;

    QString path() const { return m_path; }
    /// The schema version the store works with.
    int schemaVersion() const { return m_version; }

    Result<qint64> createRollout(const RolloutRecord &record) override;
    /// Writes state, step, weights, reason, end, counters and warm-until, and also the versions
    /// and colors, which pre-checks may learn only after the rollout was created.
    Result<void> updateRollout(const RolloutRecord &record) override;
    Result<qint64> appendEvent(const JournalEvent &event) override;
    Result<void> appendCheck(qint64 rolloutId, const CheckResult &check) override;
    Result<qint64> appendAction(const OperatorAction &action) override;
    Result<void> setActionStatus(qint64 actionId, OperatorAction::Status status,
                                 const QString &detail) override;

    Result<RolloutRecord> rollout(qint64 id) override;
    Result<QList<RolloutRecord>> rollouts(const RolloutQuery &query) override;
    Result<qint64> countRollouts(const RolloutQuery &query) override;
    Result<QStringList> appNames() override;
    Result<QList<RolloutRecord>> unfinishedRollouts() override;
    Result<QList<JournalEvent>> events(qint64 rolloutId) override;
    Result<QList<CheckResult>> checks(qint64 rolloutId) override;
    Result<QList<MetricsWindow>> samples(qint64 rolloutId) override;
    Result<QList<OperatorAction>>
    actions(qint64 rolloutId, std::optional<OperatorAction::Status> status = std::nullopt) override;

private:
    SqliteHistoryStore(const QString &path, const QString &connectionName);

    Result<void> connect(int version);
    Result<void> migrate(int fromVersion, int toVersion);
    Result<int> readUserVersion();

    /// The statement for @p sql, prepared once and kept for the life of the store.
    Result<QSqlQuery *> statement(const QString &sql, const QString &operation);
    /// Prepares (or reuses) @p sql, binds @p values in order and executes it.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values,
                            const QString &operation);
    Result<void> begin(const QString &operation);
    Result<void> commit(const QString &operation);
    void rollback();

    Result<QList<RolloutRecord>> readRollouts(const QString &sql, const QVariantList &values,
                                              const QString &operation);
    Result<QList<MetricsWindow>> samplesFromChecks(qint64 rolloutId);

    Error storageError(const QString &operation, const QSqlError &error) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_version = 0;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace optimist
