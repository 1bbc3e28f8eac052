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

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QThread>

namespace optimist {

class EnvironmentWorker;

/// The GUI thread's handle on rollouts: starts them, applies the operator's controls and the
/// one-click rollback, and re-emits the engine's signals of the rollout it follows on the GUI
/// thread, with the engine's signatures, for models to connect to.
///
/// The environments, the history store and the engines run on an EnvironmentWorker on a thread
/// of its own (the store is synchronous SQLite); this class talks to it only through queued
/// calls and signals. It follows one rollout at a time: the last one started here.
class RolloutController : public QObject
{
    Q_OBJECT
public:
    /// Starts the worker thread; the history database is DATA_DIR's.
    explicit RolloutController(const QString &dataDir, QObject *parent = nullptr);
    /// Stops the engines and the worker thread. A rollout still running stays unfinished in the
    /// history, for `optimist-cli resume` or `rollback`.
    ~RolloutController() override;

    /// The engine types that cross threads in queued signals.
    static void registerMetaTypes();

    void openEnvironment(const optimist::EnvironmentRuntime::Options &options);
    /// Opens the environment of the profile saved in @p filePath again; @p options give the
    /// directories and the sandbox's speed.
    void reopenProfile(const QString &filePath,
                       const optimist::EnvironmentRuntime::Options &options);
    /// Closes @p environment (its profile was removed); environmentClosed() follows. Refused
    /// (rejected()) while a rollout runs in it: see removalRefusal().
    void closeEnvironment(const QString &environment);
    /// Why @p environment cannot be closed now (a rollout runs or starts in it); empty when
    /// it can.
    QString removalRefusal(const QString &environment) const;
    /// Reads @p environment's cluster and router again now.
    void refreshEnvironment(const QString &environment);
    QStringList environments() const { return m_applications.keys(); }
    QStringList applications(const QString &environment) const
    {
        return m_applications.value(environment);
    }

    /// Asks for the next rollout of @p app (its plan, the version after the one it runs);
    /// rolloutProposed() answers.
    void proposeRollout(const QString &environment, const QString &app);
    void startRollout(const optimist::RolloutRequest &request);
    /// Takes over a rollout unfinishedFound() reported and follows it.
    void recover(qint64 rolloutId, optimist::RecoveryMode mode);
    /// Breaks the rollout lease of @p app in @p environment as this operator (after the
    /// person confirmed it): leaseBroken() or rejected() follows.
    void breakLease(const QString &environment, const QString &app);
    /// Pause, Resume, Promote, PromoteFully or Abort the followed rollout, recorded as done by
    /// the OS user.
    void control(optimist::OperatorAction::Kind kind);
    /// One-click rollback: during a rollout, Abort; after a success while the previous version
    /// is kept warm, a forced rollout back to it.
    void rollback();

    bool isRunning() const { return m_running; }
    bool isStarting() const { return m_starting; }
    bool isPaused() const { return m_paused; }
    optimist::RolloutState state() const { return m_record.state; }
    WeightSplit split() const { return m_split; }
    /// The followed rollout (the last one, once finished); id 0 before any.
    const RolloutRecord &record() const { return m_record; }
    /// Whether the followed rollout is a one-click rollback after a success.
    bool isRollbackOfSuccess() const { return m_isRollback; }

    bool canStart() const;
    bool canControl(optimist::OperatorAction::Kind kind) const;
    bool canRollBack() const;
    /// What rollback() would do now, in words ("Shift 100% of portal's traffic back to blue (v1)
    /// and remove green (v2)."); empty when there is nothing to roll back.
    QString rollbackDescription() const;
    /// The rollout rollback() would act on: the running one, else the success whose previous
    /// version is kept warm; id 0 when there is nothing to roll back.
    RolloutRecord rollbackTarget() const;

    /// Who controls are recorded as: the OS user.
    static QString operatorName();

Q_SIGNALS:
    void storeFailed(const QString &message);
    void environmentOpened(const QString &environment, const QStringList &applications,
                           bool simulated);
    void environmentFailed(const QString &environment, const QString &message);
    /// Whether @p environment lets credentials go over plain http to other hosts (its
    /// profile's `allowInsecureHttp`); sent right after environmentOpened().
    void environmentSecurity(const QString &environment, bool insecureHttp);
    /// @p environment was closed: its applications are gone from environments().
    void environmentClosed(const QString &environment);
    void rolloutProposed(const optimist::RolloutRequest &request);
    /// What the environments' monitors read (EnvironmentMonitor's signals, for the tree model).
    void applicationUpdated(const QString &environment, const optimist::AppSnapshot &snapshot,
                            const optimist::WeightSplit &weights);
    void applicationRemoved(const QString &environment, const QString &app);
    void connectionChanged(const QString &environment, optimist::ConnectionState state,
                           const QString &error);
    /// An environment opened with rollout @p record left unfinished, which no process runs:
    /// recover() resumes it or rolls it back.
    void unfinishedFound(const optimist::RolloutRecord &record);
    /// A rollout started here; the controller follows it from now on.
    void started(const optimist::RolloutRecord &record);
    /// A start, control or rollback was refused, and why.
    void rejected(const QString &message);
    /// A start was refused because another process holds the application's lease.
    void leaseRefused(const QString &environment, const QString &app, const QString &message);
    void leaseBroken(const QString &environment, const QString &app, const QString &message);
    /// The followed rollout lost its lease and was stopped where it was (left unfinished).
    void leaseLost(const QString &message);
    /// What can be done now (canStart, canControl, canRollBack) may have changed.
    void controlsChanged();
    void recordChanged(const optimist::RolloutRecord &record);

    // The followed engine's signals.
    void stateChanged(optimist::RolloutState state, int step, int weight);
    void weightsChanged(const optimist::WeightSplit &split);
    void checkStarted(int step, int weight, int index, const QDateTime &until);
    void checkCompleted(const optimist::CheckResult &check);
    void decisionMade(const optimist::Decision &decision);
    void pausedChanged(bool paused);
    void journaled(const optimist::JournalEvent &event);
    void finished(optimist::RolloutState finalState, const QString &reason);

private:
    void connectWorker();
    bool follows(qint64 rolloutId) const { return rolloutId != 0 && rolloutId == m_record.id; }

    QThread m_thread;
    EnvironmentWorker *m_worker = nullptr;
    QMap<QString, QStringList> m_applications;
    RolloutRecord m_record;
    WeightSplit m_split;
    bool m_running = false;
    bool m_starting = false;
    bool m_paused = false;
    bool m_isRollback = false;
    /// The last success whose previous version is still kept warm (id 0: none).
    RolloutRecord m_warm;
};

} // namespace optimist
