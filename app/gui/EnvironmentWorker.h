#pragma once

#include "runtime/EnvironmentRuntime.h"

#include "environments/ConnectionState.h"

#include "analysis/CheckResult.h"
#include "core/AppSnapshot.h"
#include "core/WeightSplit.h"
#include "rollout/Decision.h"
#include "rollout/JournalEvent.h"
#include "rollout/OperatorAction.h"
#include "rollout/RecoveryMode.h"
#include "rollout/RolloutRecord.h"
#include "rollout/RolloutRequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace optimist {

class EnvironmentMonitor;
class LeaseKeeper;
class RolloutEngine;
class SqliteHistoryStore;

/// The desktop application's environments, history store and rollout engines, on a thread of
/// their own: the store is synchronous SQLite, so none of them may run on the GUI thread.
///
/// It lives on its worker thread; the GUI calls its methods only through
/// QMetaObject::invokeMethod with it as the context and hears back through its signals (queued).
/// Every engine signal is relayed with the rollout's id first. A rollout run here holds the lock
/// file optimist-cli looks for, and controls other processes file in the history are applied.
class EnvironmentWorker : public QObject
{
    Q_OBJECT
public:
    explicit EnvironmentWorker(const QString &dataDir, QObject *parent = nullptr);
    ~EnvironmentWorker() override;

    /// Opens the history database in the data directory; storeFailed() says why not.
    void openStore();
    /// Opens an environment; environmentOpened() or environmentFailed() follows. Secrets it
    /// names are read from the keychain first.
    void openEnvironment(const optimist::EnvironmentRuntime::Options &options);
    /// Opens the environment of the profile in @p filePath again (after Settings saved it),
    /// with @p options for the rest; a rollout running in it goes on with the old connections.
    void reopenProfile(const QString &filePath,
                       const optimist::EnvironmentRuntime::Options &options);
    /// Closes @p environment (its profile was removed): its monitors stop and it is forgotten;
    /// environmentClosed() follows, after everything its monitors reported. A rollout running
    /// in it keeps its connections until it ends (the GUI refuses the removal before).
    void closeEnvironment(const QString &environment);
    /// Reads @p environment's cluster and router again now (its monitors' refreshNow).
    void refreshEnvironment(const QString &environment);
    /// Proposes the next rollout of @p app: its plan, and the version after the one it runs.
    void proposeRollout(const QString &environment, const QString &app, const QString &who);
    void startRollout(const optimist::RolloutRequest &request);
    /// Takes over rollout @p rolloutId, left unfinished by a process that ended (see
    /// unfinishedFound()): reconciles with the environment, then resumes it or rolls it back.
    void recover(qint64 rolloutId, optimist::RecoveryMode mode, const QString &who);
    void control(qint64 rolloutId, optimist::OperatorAction::Kind kind, const QString &who);
    /// Breaks the rollout lease of @p app in @p environment (whoever holds it), recording that
    /// @p who did; leaseBroken() or rolloutRejected() follows.
    void breakLease(const QString &environment, const QString &app, const QString &who);
    /// One-click rollback after a success: while the previous version of @p app is kept warm,
    /// a forced rollout back to it (what `optimist-cli rollback` starts when nothing is
    /// unfinished).
    void rollBackLastSuccess(const QString &environment, const QString &app, const QString &who);
    /// Ends every engine at once (before the thread stops); unfinished rollouts stay in the
    /// journal for `resume` or `rollback`.
    void shutDown();

    /// The version after @p version: its last number counted up ("v1" → "v2", "1.4.9" →
    /// "1.4.10"), else "-2" appended.
    static QString nextVersion(const QString &version);

Q_SIGNALS:
    void storeFailed(const QString &message);
    void environmentOpened(const QString &environment, const QStringList &applications,
                           bool simulated);
    void environmentFailed(const QString &environment, const QString &message);
    /// Whether @p environment lets credentials go over plain http to other hosts (its
    /// profile's `allowInsecureHttp`); sent right after environmentOpened().
    void environmentSecurity(const QString &environment, bool insecureHttp);
    void environmentClosed(const QString &environment);
    /// What an environment's monitor read of one application (EnvironmentMonitor's signals,
    /// relayed: the monitors live here, with the ports they read).
    void applicationUpdated(const QString &environment, const optimist::AppSnapshot &snapshot,
                            const optimist::WeightSplit &weights);
    void applicationRemoved(const QString &environment, const QString &app);
    void connectionChanged(const QString &environment, optimist::ConnectionState state,
                           const QString &error);
    void rolloutProposed(const optimist::RolloutRequest &request);
    /// A rollout started (@p isRollback: a one-click rollback after success); the engine's
    /// signals from its first moments follow it.
    void rolloutStarted(qint64 rolloutId, const optimist::RolloutRecord &record, bool isRollback);
    void rolloutRejected(const QString &message);
    /// Starting a rollout of @p app was refused because another process holds its lease;
    /// @p message names holder and since (rolloutRejected() follows with it too).
    void leaseRefused(const QString &environment, const QString &app, const QString &message);
    void leaseBroken(const QString &environment, const QString &app, const QString &message);
    /// Rollout @p rolloutId lost its lease (broken, or expired unrenewed): its engine was
    /// stopped where it was, nothing more is written; the rollout is left unfinished.
    void leaseLost(qint64 rolloutId, const QString &message);
    /// An environment opened with a rollout left unfinished in it, which no process runs.
    void unfinishedFound(const optimist::RolloutRecord &record);
    void controlRejected(qint64 rolloutId, optimist::OperatorAction::Kind kind,
                         const QString &message);
    /// The previous version that rollout @p rolloutId kept warm is no longer kept.
    void rollbackWindowClosed(qint64 rolloutId);

    void stateChanged(qint64 rolloutId, optimist::RolloutState state, int step, int weight);
    void weightsChanged(qint64 rolloutId, const optimist::WeightSplit &split);
    void checkStarted(qint64 rolloutId, int step, int weight, int index, const QDateTime &until);
    void checkCompleted(qint64 rolloutId, const optimist::CheckResult &check);
    void decisionMade(qint64 rolloutId, const optimist::Decision &decision);
    void pausedChanged(qint64 rolloutId, bool paused);
    void journaled(qint64 rolloutId, const optimist::JournalEvent &event);
    /// The rollout's record after each state change and at its end.
    void recordChanged(qint64 rolloutId, const optimist::RolloutRecord &record);
    void finished(qint64 rolloutId, optimist::RolloutState finalState, const QString &reason);

private:
    struct Running
    {
        RolloutEngine *engine = nullptr;
        /// Shared: a profile reopened by Settings replaces the environment, not its rollout's.
        std::shared_ptr<EnvironmentRuntime> runtime;
        std::unique_ptr<QLockFile> lock;
        LeaseKeeper *lease = nullptr; ///< the application's lease, renewed while it runs
    };

    void readSecretsAndFinish(std::shared_ptr<EnvironmentRuntime> runtime);
    void environmentReady(std::shared_ptr<EnvironmentRuntime> runtime);
    /// One monitor per cluster and router of @p runtime (in a sandbox of several applications,
    /// one per application), polling from now on.
    void watch(EnvironmentRuntime *runtime);
    void unwatch(const QString &environment);
    void start(const RolloutRequest &request, bool isRollback);
    /// Takes the lease of @p app, then runs @p go with it; a refusal or an unreadable lease
    /// emits rolloutRejected() and nothing starts.
    void withLease(const std::shared_ptr<EnvironmentRuntime> &runtime, const QString &app,
                   const QString &who, std::function<void(LeaseKeeper *)> go);
    void loseLease(qint64 rolloutId, const QString &reason);
    static void release(LeaseKeeper *keeper);
    /// Begins a rollout on a new engine with @p begin (start or recover), holding the engine's
    /// first signals until rolloutStarted() is out.
    bool launch(const std::shared_ptr<EnvironmentRuntime> &runtime, const QString &app,
                const std::function<Result<qint64>(RolloutEngine *)> &begin, bool isRollback,
                LeaseKeeper *lease);
    RolloutEngine *createEngine(EnvironmentRuntime *runtime, const QString &app);
    /// Runs @p emit now, or after rolloutStarted() while an engine is starting.
    void relay(std::function<void()> emit);
    void pollRequests();
    void engineFinished(RolloutEngine *engine);

    QString m_dataDir;
    std::unique_ptr<SqliteHistoryStore> m_store;
    std::map<QString, std::shared_ptr<EnvironmentRuntime>> m_environments;
    std::map<qint64, Running> m_running;
    std::multimap<QString, std::unique_ptr<EnvironmentMonitor>> m_monitors;
    bool m_holding = false;
    QList<std::function<void()>> m_held;
    QTimer m_poll;
};

} // namespace optimist
