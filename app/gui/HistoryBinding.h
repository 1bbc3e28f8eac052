#pragma once

#include "charts/MetricsPanel.h"
#include "history/HistoryPanel.h"
#include "history/PostMortem.h"
#include "history/PostMortemView.h"
#include "metrics/MetricsMarker.h"

#include <QObject>
#include <QPointer>
#include <QTreeView>

class QSplitter;

namespace optimist {

class DecisionLogModel;
class HistoryModel;
class MainWindow;
class MetricsTimeline;
class RolloutController;
class StepTimelineModel;
class ThreadedHistorySource;

/// The History tab: every rollout (read page by page on a thread of its own, from the same
/// history file the rollouts are written to) above the post-mortem of the one opened — the five
/// charts replayed from its stored samples with a marker at every weight change and decision,
/// its step timeline and its decision log. The list is read again when a rollout ends.
class HistoryBinding : public QObject
{
    Q_OBJECT
public:
    /// Puts the tab's contents into @p window's History slot; @p dataDir holds the history.
    HistoryBinding(MainWindow *window, RolloutController *controller, const QString &dataDir,
                   QObject *parent = nullptr);
    ~HistoryBinding() override;

    HistoryModel *model() const { return m_model; }
    HistoryPanel *panel() const { return m_panel; }
    PostMortemView *postMortemView() const { return m_postMortem; }
    MetricsPanel *chartsPanel() const { return m_charts; }
    StepTimelineModel *timeline() const { return m_steps; }
    DecisionLogModel *decisionLog() const { return m_log; }

    /// Opens rollout @p rolloutId's post-mortem (as a double-click on its row does).
    void open(qint64 rolloutId);

    /// The chart markers of a stored rollout: its confirmed weight changes and its decisions.
    static QList<MetricsMarker> markers(const PostMortem &postMortem);

private:
    void show(const PostMortem &postMortem);

    QPointer<MainWindow> m_window;
    ThreadedHistorySource *m_source;
    HistoryModel *m_model;
    DecisionLogModel *m_log;
    MetricsTimeline *m_chartsTimeline;
    StepTimelineModel *m_steps;
    QPointer<HistoryPanel> m_panel;
    QPointer<PostMortemView> m_postMortem;
    QPointer<MetricsPanel> m_charts;
    QPointer<QTreeView> m_stepsView;
};

} // namespace optimist
