#include "LiveRolloutBinding.h"

#include "MainWindowController.h"
#include "RolloutController.h"

#include "charts/MetricsPanel.h"
#include "main/MainWindow.h"
#include "metrics/MetricsTimeline.h"
#include "rollout/NewRolloutDialog.h"
#include "rollout/RolloutPanel.h"

#include <QAction>

namespace optimist {

LiveRolloutBinding::LiveRolloutBinding(MainWindow *window, MainWindowController *windowController,
                                       RolloutController *controller, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_windowController(windowController)
    , m_controller(controller)
    , m_timeline(new MetricsTimeline(this))
    , m_rolloutPanel(new RolloutPanel)
    , m_metricsPanel(new MetricsPanel)
{
    m_metricsPanel->setTimeline(m_timeline);
    window->setPanel(MainWindow::PanelSlot::Rollout, m_rolloutPanel);
    window->setPanel(MainWindow::PanelSlot::Metrics, m_metricsPanel);

    RolloutPanel *panel = m_rolloutPanel;
    using C = RolloutController;
    connect(controller, &C::stateChanged, panel, &RolloutPanel::stateChanged);
    connect(controller, &C::weightsChanged, panel, &RolloutPanel::weightsChanged);
    connect(controller, &C::checkStarted, panel, &RolloutPanel::checkStarted);
    connect(controller, &C::checkCompleted, panel, &RolloutPanel::checkCompleted);
    connect(controller, &C::decisionMade, panel, &RolloutPanel::decisionMade);
    connect(controller, &C::pausedChanged, panel, &RolloutPanel::pausedChanged);
    connect(controller, &C::journaled, panel, &RolloutPanel::journaled);
    connect(controller, &C::finished, panel, &RolloutPanel::finished);
    connect(controller, &C::recordChanged, panel, &RolloutPanel::showRecord);

    connect(controller, &C::checkCompleted, m_timeline, &MetricsTimeline::checkCompleted);
    connect(controller, &C::decisionMade, m_timeline, &MetricsTimeline::decisionMade);
    connect(controller, &C::journaled, this,
            [this](const JournalEvent &event) { m_lastJournalAt = event.at; });
    connect(controller, &C::weightsChanged, m_timeline, [this](const WeightSplit &split) {
        if (m_lastJournalAt.isValid())
            m_timeline->addWeightChange(m_lastJournalAt, split);
    });
    // A rollout started here, a recovered one or a one-click rollback: from now on it is shown.
    connect(controller, &C::started, this, [this](const RolloutRecord &record) {
        // Its first signals are still to come: the charts start from nothing.
        restart(record.plan);
        m_lastJournalAt = record.startedAt;
        if (m_rolloutPanel)
            m_rolloutPanel->showRecord(record);
        if (m_window)
            m_window->showPanel(MainWindow::PanelSlot::Rollout);
    });

    // The panel's controls are the window's actions: the same confirmations, the same record.
    connect(panel, &RolloutPanel::controlRequested, this, [this](OperatorAction::Kind kind) {
        if (!m_window)
            return;
        using A = MainWindow::Action;
        switch (kind) {
        case OperatorAction::Kind::Pause:
        case OperatorAction::Kind::Resume:
            m_window->action(A::PauseResume)->trigger();
            break;
        case OperatorAction::Kind::Promote:
            m_window->action(A::Promote)->trigger();
            break;
        case OperatorAction::Kind::PromoteFully:
            m_window->action(A::PromoteFully)->trigger();
            break;
        case OperatorAction::Kind::Abort:
            m_window->action(A::Abort)->trigger();
            break;
        }
    });

    connect(controller, &C::rolloutProposed, this, [this](const RolloutRequest &proposal) {
        if (!m_proposalPending)
            return;
        m_proposalPending = false;
        openDialog(proposal);
    });
    connect(controller, &C::rejected, this, [this] { m_proposalPending = false; });
    windowController->setNewRolloutHandler([this] { askForProposal(); });
}

LiveRolloutBinding::~LiveRolloutBinding() = default;

void LiveRolloutBinding::askForProposal()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const QString app = m_windowController->currentApplication();
    if (app.isEmpty() || m_proposalPending)
        return;
    // The proposal (the plan, the version after the one running) is read on the worker.
    m_proposalPending = true;
    m_controller->proposeRollout(m_windowController->currentEnvironment(), app);
}

void LiveRolloutBinding::openDialog(const RolloutRequest &proposal)
{
    if (!m_window || m_dialog)
        return;
    auto *dialog = new NewRolloutDialog(m_controller->applications(proposal.environment), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEnvironment(proposal.environment);
    dialog->setOperatorName(RolloutController::operatorName());
    dialog->setPlan(proposal.plan);
    dialog->setApplication(proposal.app);
    dialog->setVersion(proposal.version);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { start(dialog->request()); });
    m_dialog = dialog;
    dialog->open();
}

void LiveRolloutBinding::start(const RolloutRequest &request)
{
    restart(request.plan);
    if (m_rolloutPanel)
        m_rolloutPanel->showRequest(request);
    if (m_window)
        m_window->showPanel(MainWindow::PanelSlot::Rollout);
    m_controller->startRollout(request);
}

void LiveRolloutBinding::restart(const RolloutPlan &plan)
{
    m_timeline->clear();
    m_timeline->setPlan(plan);
    m_metricsPanel->setFollowLive(true);
    m_lastJournalAt = {};
}

} // namespace optimist
