#pragma once

#include "charts/MetricsPanel.h"
#include "rollout/NewRolloutDialog.h"
#include "rollout/RolloutPanel.h"
#include "rollout/RolloutRequest.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace optimist {

class MainWindow;
class MainWindowController;
class MetricsTimeline;
class RolloutController;

/// The live rollout in the main window: the rollout panel (header, split, step timeline,
/// controls) and the five charts of one MetricsTimeline, both following the rollout controller's
/// signals; and the New rollout dialog, opened on the proposal for the selected application.
///
/// The panel's controls go through the window's actions, so destructive ones are confirmed the
/// same way as from the toolbar. One timeline per rollout: a new one starts with empty charts.
class LiveRolloutBinding : public QObject
{
    Q_OBJECT
public:
    /// Puts the panels into @p window's Rollout and Metrics slots and becomes
    /// @p windowController's New rollout handler.
    LiveRolloutBinding(MainWindow *window, MainWindowController *windowController,
                       RolloutController *controller, QObject *parent = nullptr);
    ~LiveRolloutBinding() override;

    RolloutPanel *rolloutPanel() const { return m_rolloutPanel; }
    MetricsPanel *metricsPanel() const { return m_metricsPanel; }
    MetricsTimeline *timeline() const { return m_timeline; }
    /// The New rollout dialog while it is open.
    NewRolloutDialog *dialog() const { return m_dialog; }

    /// Starts @p request: the panels show it at once, the charts start empty.
    void start(const RolloutRequest &request);

private:
    void askForProposal();
    void openDialog(const RolloutRequest &proposal);
    void restart(const RolloutPlan &plan);

    QPointer<MainWindow> m_window;
    MainWindowController *m_windowController;
    RolloutController *m_controller;
    MetricsTimeline *m_timeline;
    QPointer<RolloutPanel> m_rolloutPanel;
    QPointer<MetricsPanel> m_metricsPanel;
    QPointer<NewRolloutDialog> m_dialog;
    bool m_proposalPending = false;
    /// The time of the last journal line: a weight change is dated by the line that confirmed
    /// it (the engine's clock is on another thread).
    QDateTime m_lastJournalAt;
};

} // namespace optimist
