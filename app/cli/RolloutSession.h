#pragma once

#include "CliPrinter.h"
#include "KillPoint.h"

#include "rollout/RolloutEngine.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace optimist {

class EnvironmentRuntime;
class HistoryStore;
class LeaseKeeper;
class UnixSignalNotifier;

/// Runs one rollout in this process to its end: takes the application's lease (so no other
/// operator's process rolls it out meanwhile), starts or recovers it, prints its progress,
/// applies controls other processes file in the history, holds the rollout's lock file (so they
/// know it runs here), and rolls back on Ctrl-C. Should the lease be lost (broken by someone,
/// or expired while it could not be renewed), the engine is stopped where it is: nothing more
/// is written, the rollout stays unfinished for `resume` or `rollback`, and done(4) follows.
class RolloutSession : public QObject
{
    Q_OBJECT
public:
    RolloutSession(EnvironmentRuntime &runtime, HistoryStore &store, CliPrinter &printer,
                   const QString &dataDir, const QString &who, QObject *parent = nullptr);
    ~RolloutSession() override;

    /// Takes the lease, then starts the rollout; failed() says why not (nothing was written).
    void start(const RolloutRequest &request);
    /// Takes the lease, then takes over the unfinished rollout @p record.
    void recover(const RolloutRecord &record, RecoveryMode mode);

    /// The lock file that marks rollout @p id as running in some process.
    static QString lockPath(const QString &dataDir, qint64 id);
    /// Whether a live process holds rollout @p id's lock.
    static bool runningElsewhere(const QString &dataDir, qint64 id);

Q_SIGNALS:
    void done(int exitCode);
    /// The rollout did not start: refused (another process holds the lease, or the engine
    /// refused) or the lease could not be checked.
    void failed(const optimist::Error &error);

private:
    /// Takes the lease of @p app, then runs @p go; failed() on a refusal or error.
    void withLease(const QString &environment, const QString &app,
                   std::function<Result<void>()> go);
    void leaseLost(const QString &reason);
    /// Releases the lease (if held), then emits done(@p exitCode).
    void end(int exitCode);
    void attach(qint64 id);
    void pollRequests();
    void onFinished(RolloutState state);

    EnvironmentRuntime &m_runtime;
    HistoryStore &m_store;
    CliPrinter &m_printer;
    QString m_dataDir;
    QString m_who;
    std::unique_ptr<RolloutEngine> m_engine;
    LeaseKeeper *m_lease = nullptr;
    bool m_ending = false;
    QTimer m_poll;
    std::unique_ptr<QLockFile> m_lock;
    UnixSignalNotifier *m_signals = nullptr;
    int m_interrupts = 0;
    KillPoint m_killPoint; ///< OPTIMIST_KILL_AT, for the crash tests
};

} // namespace optimist
