#pragma once

#include "analysis/CheckResult.h"
#include "core/WeightSplit.h"
#include "rollout/Decision.h"
#include "rollout/JournalEvent.h"
#include "rollout/OperatorAction.h"
#include "rollout/RolloutRecord.h"
#include "rollout/RolloutRequest.h"
#include "rollout/RolloutState.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace optimist {

class RolloutEngine;
class SplitBar;
class StepTimelineModel;

/// The running rollout: which application goes from which version to which, its state in words,
/// the traffic split, the step timeline with the selected check's numbers and reasons, and the
/// operator controls. A view: the controls only ask (controlRequested()); whoever owns the
/// engine confirms destructive ones, applies them and records who asked.
///
/// Its slots have the signatures of RolloutEngine's signals (follow() connects them all); the
/// timeline's are forwarded to the StepTimelineModel.
/// objectNames: titleLabel, stateLabel, reasonLabel, splitBar, timelineView, checkDetails,
/// pauseResumeButton, promoteButton, promoteFullyButton, abortButton.
class RolloutPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RolloutPanel(QWidget *parent = nullptr);
    ~RolloutPanel() override;

    StepTimelineModel *timeline() const { return m_model; }

    /// A rollout that is about to start (the old version is known once pre-checks ran).
    void showRequest(const RolloutRequest &request);
    /// A rollout as the engine or the history holds it: header, split and pending steps.
    void showRecord(const RolloutRecord &record);
    /// Connects every signal of @p engine to this panel (queued across threads).
    void follow(const RolloutEngine *engine);

    RolloutState state() const { return m_state; }
    bool isPaused() const { return m_paused; }

Q_SIGNALS:
    /// The operator pressed a control; nothing has happened yet.
    void controlRequested(optimist::OperatorAction::Kind kind);

public Q_SLOTS:
    void stateChanged(optimist::RolloutState state, int step, int weight);
    void weightsChanged(const optimist::WeightSplit &split);
    void checkStarted(int step, int weight, int index, const QDateTime &until);
    void checkCompleted(const optimist::CheckResult &check);
    void decisionMade(const optimist::Decision &decision);
    void pausedChanged(bool paused);
    void journaled(const optimist::JournalEvent &event);
    void finished(optimist::RolloutState finalState, const QString &reason);

private:
    void setHeader(const QString &app, const QString &fromVersion, const QString &toVersion);
    void updateStateText();
    void updateControls();
    void showSelectedDetails();

    StepTimelineModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_reason = nullptr;
    SplitBar *m_split = nullptr;
    QTreeView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_pauseResume = nullptr;
    QPushButton *m_promote = nullptr;
    QPushButton *m_promoteFully = nullptr;
    QPushButton *m_abort = nullptr;

    RolloutState m_state = RolloutState::Idle;
    int m_step = -1;
    int m_stepCount = 0;
    int m_weight = 0;
    bool m_paused = false;
    bool m_dryRun = false;
};

} // namespace optimist
