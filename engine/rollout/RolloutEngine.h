#pragma once

#include "Decision.h"
#include "JournalEvent.h"
#include "OperatorAction.h"
#include "RecoveryMode.h"
#include "RolloutPorts.h"
#include "RolloutRecord.h"
#include "RolloutRequest.h"

#include "analysis/CheckResult.h"
#include "core/AppSnapshot.h"
#include "core/CancelToken.h"
#include "core/Result.h"
#include "core/WeightSplit.h"

#include <QCoreApplication>
#include <QObject>

#include <chrono>
#include <functional>

namespace optimist {

/// The rollout state machine of DESIGN §1.
///
/// One engine runs one rollout. Every state change and every write is journaled in the
/// HistoryStore *before* it takes effect, so a new engine over the same store can recover an
/// interrupted rollout (recover()). All waiting goes through the injected Clock; all I/O through
/// the asynchronous ports, so the engine never blocks its thread.
class RolloutEngine : public QObject
{
    Q_OBJECT
public:
    explicit RolloutEngine(const RolloutPorts &ports, QObject *parent = nullptr);
    ~RolloutEngine() override;

    /// Validates the request, journals a new rollout and starts PreChecks. Answers the new
    /// rollout's id, or an error (Kind::Invalid for a bad plan or request) with nothing written.
    Result<qint64> start(const RolloutRequest &request);

    /// Takes over the unfinished rollout @p rolloutId from the history: reconciles with what
    /// the cluster and router show, then resumes it or rolls it back.
    Result<void> recover(qint64 rolloutId, RecoveryMode mode, const QString &who);

    /// Operator controls. Each is recorded with @p who and the time, applied or rejected with
    /// the reason. A rejected control changes nothing.
    Result<void> control(OperatorAction::Kind kind, const QString &who);
    /// Applies a control another process filed in the store as Requested.
    Result<void> applyRequested(const OperatorAction &action);

    /// Weight writes that fail for a passing reason (the router unreachable, too slow, or
    /// changed under the write) are tried this often, forward and in a rollback, before the
    /// rollout rolls back (forward) or stops in Failed (rollback). docs/failure-policy.md.
    static constexpr int kWeightWriteAttempts = 5;
    /// The wait before the first retry of a weight write; each further retry waits twice as
    /// long (1, 2, 4, 8 s: 15 s of retrying besides the attempts themselves).
    static constexpr std::chrono::seconds kFirstRetryDelay{1};

    /// Whether @p error may heal by waiting (Unreachable, Timeout, Conflict): only those are
    /// retried. Refused credentials or a malformed answer are not.
    static bool isPassing(const Error &error);
    /// The wait before retrying after failed attempt @p attempt (1-based).
    static std::chrono::seconds retryDelay(int attempt);

    RolloutState state() const { return m_record.state; }
    bool isPaused() const { return m_paused; }
    bool isRunning() const { return m_record.id != 0 && !isFinal(m_record.state); }
    const RolloutRecord &record() const { return m_record; }
    WeightSplit split() const { return m_split; }

Q_SIGNALS:
    void stateChanged(optimist::RolloutState state, int step, int weight);
    void weightsChanged(const optimist::WeightSplit &split);
    /// A check window opened; its verdict comes with checkCompleted() at @p until.
    void checkStarted(int step, int weight, int index, const QDateTime &until);
    void checkCompleted(const optimist::CheckResult &check);
    void decisionMade(const optimist::Decision &decision);
    void pausedChanged(bool paused);
    /// Every journal line, as it is written (progress output, dry-run "would do" lines).
    void journaled(const optimist::JournalEvent &event);
    void finished(optimist::RolloutState finalState, const QString &reason);

private:
    // Journal
    bool journal(JournalEvent::Kind kind, const QString &message, const QJsonObject &data = {});
    bool enter(RolloutState state, const QString &message);
    bool saveRecord();
    void storageFailed(const Error &error);

    // States
    void runPreChecks();
    void preChecksRead(const AppSnapshot &snapshot, const WeightSplit &split);
    void runMigration();
    void runDeploy();
    void runWaitHealthy();
    void runShift(int step);
    void writeStepWeights(int step, int attempt);
    void weightsConfirmed(int step);
    void beginCheck();
    void checkWindowEnded(const QDateTime &from);
    void judge(const CheckResult &check);
    void advanceFrom(int step);
    void runFinalize();
    void removeOldColor();
    void rollBack(const QString &reason);
    void rollBackWeights(int attempt);
    void rollBackRemoveCanary();
    void finish(RolloutState finalState, const QString &reason);
    void recoverRead(RecoveryMode mode, const AppSnapshot &snapshot, const WeightSplit &split);
    /// With @p allowUnrouted, a router that holds nothing for the app (NotFound) is no failure:
    /// m_unrouted is set and @p done gets a default split.
    void readClusterAndRouter(std::function<void(const AppSnapshot &, const WeightSplit &)> done,
                              std::function<void(const QString &what, const Error &error)> failed,
                              bool allowUnrouted = false);

    // Helpers
    void decide(Decision::Action action, const QString &reason);
    void gate(std::function<void()> next);
    CancelToken newOperation();
    void cancelOperation();
    bool dryRun() const { return m_record.plan.dryRun; }
    int stepWeight(int step) const { return m_record.plan.steps.value(step, 100); }
    int lastStep() const { return int(m_record.plan.steps.size()) - 1; }
    QString appColorName(Color color) const;
    Result<void> rejectControl(OperatorAction action, const QString &why);

    RolloutPorts m_ports;
    RolloutRecord m_record;
    WeightSplit m_split;
    CancelToken m_operation;
    bool m_paused = false;
    bool m_unrouted = false;       ///< PreChecks: the router holds no weights for the app yet
    bool m_canaryMayExist = false; ///< a create was attempted: rollback must remove the canary
    bool m_storageBroken = false;
    int m_passes = 0;
    int m_failures = 0;
    int m_inconclusiveRun = 0;
    int m_checkIndex = 0;
    int m_resumeStep = 0;             ///< the step to shift to once the canary is healthy
    std::function<void()> m_heldStep; ///< the next step, held while paused
};

} // namespace optimist
