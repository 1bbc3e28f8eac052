#pragma once

#include "analysis/CheckResult.h"
#include "plan/RolloutPlan.h"
#include "rollout/Decision.h"
#include "rollout/JournalEvent.h"
#include "rollout/RolloutRecord.h"
#include "rollout/RolloutState.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTimer>

namespace optimist {

class RolloutEngine;

/// The step timeline of one rollout: the plan's steps as top-level rows, each check of a step as
/// a child row with its verdict and the numbers that made it (canary vs baseline).
///
/// It follows a running engine through slots with the signatures of RolloutEngine's signals
/// (follow() connects them all), or replays a stored rollout with loadFromHistory(), which feeds
/// the journal through the same slots, so live and replayed timelines read the same.
/// Roles: the "Step timeline" block of ModelRoles.h; Qt::DisplayRole is formatted text,
/// SortRole the raw value of each column, Qt::ToolTipRole the numbers and reasons in words.
class StepTimelineModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        StepColumn,      ///< "Step 2" / "Check 1"
        WeightColumn,    ///< canary weight
        StateColumn,     ///< step state or check verdict, with a decoration color
        StartedColumn,   ///< when the step's shift or the check's window began
        BioEnergyColumn, ///< canary vs baseline
        LatencyColumn,   ///< the plan's latency statistic (p95 or mean), canary vs baseline
        ErrorRateColumn, ///< canary vs baseline, percent
        RpsColumn,       ///< canary vs baseline, requests per second
        CpuColumn,       ///< canary vs baseline, percent
        ColumnCount
    };

    enum class StepState { Pending, Shifting, Observing, Passed, Failed, Aborted, Skipped };

    explicit StepTimelineModel(QObject *parent = nullptr);
    ~StepTimelineModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The rollout's state as last reported.
    RolloutState rolloutState() const { return m_state; }
    const RolloutPlan &plan() const { return m_plan; }

    /// Connects every signal of @p engine the timeline follows to this model (queued when the
    /// engine lives on another thread).
    void follow(const RolloutEngine *engine);

    /// Machine names of the step states, as StepStateRole answers them.
    static QString stepStateName(StepState state);
    static QString stepStateText(StepState state);

public Q_SLOTS:
    /// Pending rows for every step of @p plan; forgets what was shown.
    void setPlan(const optimist::RolloutPlan &plan);
    /// No rows at all.
    void reset();
    /// Replays a stored rollout: its plan, the journal's state changes and decisions and its
    /// checks, as SqliteHistoryStore::rollout(), events() and checks() answer them.
    void loadFromHistory(const optimist::RolloutRecord &record,
                         const QList<optimist::JournalEvent> &events,
                         const QList<optimist::CheckResult> &checks);

    // The engine's signals.
    void stateChanged(optimist::RolloutState state, int step, int weight);
    void checkStarted(int step, int weight, int index, const QDateTime &until);
    void checkCompleted(const optimist::CheckResult &check);
    void decisionMade(const optimist::Decision &decision);
    /// Journal lines carry the time of each state change (stateChanged() has none).
    void journaled(const optimist::JournalEvent &event);

private:
    struct CheckRow
    {
        int index = 0;
        int weight = 0;
        QDateTime startedAt;
        QDateTime until;
        bool judged = false;
        CheckResult result;
    };
    struct StepRow
    {
        int weight = 0;
        StepState state = StepState::Pending;
        QDateTime startedAt;
        QString decision;
        QList<CheckRow> checks;
    };

    /// The row of @p step, appending rows (at @p weight) when the plan had fewer.
    StepRow &ensureStep(int step, int weight);
    void setStepState(int step, StepState state);
    /// The step currently shifted or observed, -1 when none.
    int activeStep() const;
    /// Failed when the step's last judged check did not pass, else Aborted.
    StepState stoppedState(int step) const;
    /// An event's time, or the latest journal time when the engine did not give one.
    QDateTime now() const { return m_lastAt; }

    QVariant stepData(int step, int column, int role) const;
    QVariant checkData(int step, int check, int column, int role) const;
    QString checkToolTip(const StepRow &step, const CheckRow &check) const;
    QString stepToolTip(int stepIndex, const StepRow &step) const;

    void appendCheckRow(int step, const CheckRow &row);
    /// A check window cut short (promote, abort, rollback) never gets a verdict: its row goes,
    /// as it never reaches the history either.
    void dropRunningChecks();
    /// Marks a row as changed; dataChanged() goes out in one batch shortly after.
    void touch(int step, int check = -1);
    void flushChanges();

    RolloutPlan m_plan;
    RolloutState m_state = RolloutState::Idle;
    QList<StepRow> m_steps;
    QDateTime m_lastAt;
    bool m_replaying = false; ///< inside loadFromHistory(): one model reset, no row signals
    QSet<QPair<int, int>> m_dirty;
    QTimer m_flushTimer;
};

} // namespace optimist
