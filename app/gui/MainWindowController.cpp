#include "MainWindowController.h"

#include "RolloutController.h"

#include "common/DisplayText.h"
#include "main/MessageBox.h"

#include <QAction>
#include <QStatusBar>

namespace optimist {

MainWindowController::MainWindowController(MainWindow *window, RolloutController *controller,
                                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_controller(controller)
{
    using A = MainWindow::Action;
    connect(window->action(A::NewRollout), &QAction::triggered, this,
            &MainWindowController::newRollout);
    connect(window->action(A::PauseResume), &QAction::triggered, this,
            &MainWindowController::pauseOrResume);
    connect(window->action(A::Promote), &QAction::triggered, this,
            [this] { m_controller->control(OperatorAction::Kind::Promote); });
    connect(window->action(A::PromoteFully), &QAction::triggered, this,
            &MainWindowController::promoteFully);
    connect(window->action(A::Abort), &QAction::triggered, this, &MainWindowController::abort);
    connect(window->action(A::Rollback), &QAction::triggered, this,
            &MainWindowController::rollBack);
    connect(window->action(A::Settings), &QAction::triggered, this, [this] {
        if (m_settings)
            m_settings();
    });
    connect(window, &MainWindow::closeChosen, this, &MainWindowController::carryOutClose);

    connect(controller, &RolloutController::controlsChanged, this,
            &MainWindowController::updateControls);
    connect(controller, &RolloutController::stateChanged, this,
            &MainWindowController::updateStatus);
    connect(controller, &RolloutController::weightsChanged, this,
            &MainWindowController::updateStatus);
    connect(controller, &RolloutController::recordChanged, this,
            &MainWindowController::updateStatus);
    connect(controller, &RolloutController::pausedChanged, this, [this](bool paused) {
        updateStatus();
        if (paused && m_closeWhen == CloseWhen::Paused && m_window)
            m_window->closeWithoutAsking();
    });
    connect(controller, &RolloutController::finished, this, &MainWindowController::onFinished);
    connect(controller, &RolloutController::rejected, this, [this](const QString &message) {
        m_proposalPending = false;
        if (m_window)
            m_window->statusBar()->showMessage(tr("Not done: %1").arg(message));
        // A pause that cannot be done leaves the rollout running: close once it has ended.
        if (m_closeWhen == CloseWhen::Paused)
            m_closeWhen = CloseWhen::Finished;
    });
    connect(controller, &RolloutController::leaseRefused, this,
            [this](const QString &environment, const QString &app, const QString &message) {
                if (!m_window)
                    return;
                // Another operator's process rolls the application out: say who and since
                // when, and offer to take over deliberately.
                enum { BreakLease = 1, Close = 2 };
                MessageBox::ask(
                    m_window, QMessageBox::Warning, tr("Rollout refused"), message,
                    {{BreakLease, tr("Break lease…"), QMessageBox::DestructiveRole},
                     {Close, tr("Close"), QMessageBox::RejectRole}},
                    [this, environment, app](int id) {
                        if (id != BreakLease || !m_window)
                            return;
                        MessageBox::confirm(
                            m_window, tr("Break lease"),
                            tr("Break the rollout lease of %1? The process holding it stops "
                               "advancing at its next renewal and leaves its rollout "
                               "unfinished. Your breaking it is recorded.")
                                .arg(app),
                            tr("Break lease"), [this, environment, app](bool confirmed) {
                                if (confirmed)
                                    m_controller->breakLease(environment, app);
                            });
                    });
            });
    connect(controller, &RolloutController::leaseBroken, this,
            [this](const QString &, const QString &, const QString &message) {
                if (m_window)
                    m_window->statusBar()->showMessage(message);
            });
    connect(controller, &RolloutController::leaseLost, this, [this](const QString &message) {
        updateControls();
        updateStatus();
        if (m_window)
            MessageBox::ask(m_window, QMessageBox::Warning, tr("Lease lost"), message,
                            {{0, tr("Close"), QMessageBox::AcceptRole}}, [](int) {});
    });
    connect(controller, &RolloutController::environmentOpened, this,
            [this](const QString &name, const QStringList &apps, bool simulated) {
                if (m_window)
                    m_window->setConnectionState(name,
                                                 simulated ? tr("simulated") : tr("connected"));
                if (m_app.isEmpty() && !apps.isEmpty())
                    setCurrentApplication(name, apps.first());
            });
    connect(controller, &RolloutController::environmentClosed, this, [this](const QString &name) {
        if (m_environment != name)
            return;
        // New rollout acts on an application still open, or on none.
        m_environment.clear();
        m_app.clear();
        for (const QString &open : m_controller->environments()) {
            const QStringList apps = m_controller->applications(open);
            if (!apps.isEmpty()) {
                setCurrentApplication(open, apps.first());
                break;
            }
        }
        updateControls();
    });
    connect(controller, &RolloutController::environmentFailed, this,
            [this](const QString &name, const QString &message) {
                if (!m_window)
                    return;
                m_window->setConnectionState(name, tr("not connected"), message);
                m_window->notify(tr("Environment %1 is not available").arg(name), message);
            });
    connect(controller, &RolloutController::storeFailed, this, [this](const QString &message) {
        if (m_window)
            m_window->notify(tr("The history cannot be opened"), message);
    });
    connect(controller, &RolloutController::unfinishedFound, this,
            &MainWindowController::offerRecovery);
    connect(controller, &RolloutController::rolloutProposed, this,
            [this](const RolloutRequest &request) {
                if (!m_proposalPending)
                    return;
                m_proposalPending = false;
                m_controller->startRollout(request);
            });
    updateControls();
    updateStatus();
}

void MainWindowController::setCurrentApplication(const QString &environment, const QString &app)
{
    m_environment = environment;
    m_app = app;
}

void MainWindowController::setNewRolloutHandler(std::function<void()> handler)
{
    m_newRollout = std::move(handler);
}

void MainWindowController::setSettingsHandler(std::function<void()> handler)
{
    m_settings = std::move(handler);
    updateControls();
}

void MainWindowController::newRollout()
{
    if (m_newRollout) {
        m_newRollout();
        return;
    }
    if (m_app.isEmpty())
        return;
    m_proposalPending = true;
    m_controller->proposeRollout(m_environment, m_app);
}

void MainWindowController::pauseOrResume()
{
    m_controller->control(m_controller->isPaused() ? OperatorAction::Kind::Resume
                                                   : OperatorAction::Kind::Pause);
}

void MainWindowController::promoteFully()
{
    const RolloutRecord &r = m_controller->record();
    MessageBox::confirm(
        m_window, tr("Promote fully"),
        tr("Shift 100% of %1's traffic to %2 (%3) now, skipping the remaining steps; %4 (%5) "
           "is then removed.")
            .arg(r.app, colorName(r.canaryColor), r.toVersion, colorName(r.activeColor),
                 r.fromVersion),
        tr("Promote fully"), [this](bool confirmed) {
            if (confirmed)
                m_controller->control(OperatorAction::Kind::PromoteFully);
        });
}

void MainWindowController::abort()
{
    MessageBox::confirm(m_window, tr("Abort the rollout"), m_controller->rollbackDescription(),
                        tr("Abort"), [this](bool confirmed) {
                            if (confirmed)
                                m_controller->control(OperatorAction::Kind::Abort);
                        });
}

void MainWindowController::rollBack()
{
    MessageBox::confirm(m_window, tr("Roll back"), m_controller->rollbackDescription(),
                        tr("Roll back"), [this](bool confirmed) {
                            if (confirmed)
                                m_controller->rollback();
                        });
}

void MainWindowController::updateControls()
{
    if (!m_window)
        return;
    RolloutControls c;
    c.canStart = m_controller->canStart() && (m_newRollout || !m_app.isEmpty());
    c.running = m_controller->isRunning() || m_controller->isStarting();
    c.paused = m_controller->isPaused();
    c.canPause = m_controller->canControl(c.paused ? OperatorAction::Kind::Resume
                                                   : OperatorAction::Kind::Pause);
    c.canPromote = m_controller->canControl(OperatorAction::Kind::Promote);
    c.canAbort = m_controller->canControl(OperatorAction::Kind::Abort);
    c.canRollBack = m_controller->canRollBack();
    c.rollbackDescription = m_controller->rollbackDescription();
    m_window->setControls(c);
    m_window->action(MainWindow::Action::Settings)->setEnabled(bool(m_settings));
}

void MainWindowController::updateStatus()
{
    if (!m_window)
        return;
    const RolloutRecord &r = m_controller->record();
    if (!m_controller->isRunning()) {
        m_window->setActiveRollout({});
        return;
    }
    const WeightSplit split = m_controller->split();
    QString text = tr("%1 %2 · %3 · %4")
                       .arg(r.app, r.toVersion, DisplayText::state(r.state),
                            DisplayText::split(split.blue, split.green));
    if (m_controller->isPaused())
        text += tr(" · paused");
    m_window->setActiveRollout(text);
}

void MainWindowController::onFinished(RolloutState state, const QString &reason)
{
    updateStatus();
    if (!m_window)
        return;
    const RolloutRecord &r = m_controller->record();
    QString title;
    if (m_controller->isRollbackOfSuccess())
        title = state == RolloutState::Succeeded
                    ? tr("%1 is back on %2").arg(r.app, r.toVersion)
                    : tr("Rolling %1 back to %2: %3")
                          .arg(r.app, r.toVersion, DisplayText::state(state));
    else if (state == RolloutState::Succeeded)
        title = tr("%1 %2 rolled out").arg(r.app, r.toVersion);
    else if (state == RolloutState::RolledBack)
        title = tr("%1 %2 rolled back").arg(r.app, r.toVersion);
    else
        title = tr("Rollout of %1 %2 failed").arg(r.app, r.toVersion);
    m_window->notify(title, reason);
    if (m_closeWhen != CloseWhen::Never)
        m_window->closeWithoutAsking();
}

void MainWindowController::offerRecovery(const RolloutRecord &r)
{
    if (!m_window)
        return;
    if (m_offeringRecovery || m_controller->isRunning() || m_controller->isStarting()) {
        m_window->notify(tr("Rollout #%1 of %2 is unfinished").arg(r.id).arg(r.app),
                         tr("Continue it with `optimist-cli resume %1` or roll it back with "
                            "`optimist-cli rollback %1`.")
                             .arg(r.id));
        return;
    }
    m_offeringRecovery = true;
    const qint64 id = r.id;
    MessageBox::ask(
        m_window, QMessageBox::Question, tr("An unfinished rollout"),
        tr("Rollout #%1 of %2 (%3 → %4), started by %5, was left unfinished in %6 with %7% of "
           "the traffic on %4.\n\nResume it where it stopped, or roll it back: shift 100% of "
           "%2's traffic back to %8 (%3) and remove %9 (%4)?")
            .arg(id)
            .arg(r.app, r.fromVersion, r.toVersion, r.operatorName, DisplayText::state(r.state))
            .arg(r.weight)
            .arg(colorName(r.activeColor), colorName(r.canaryColor)),
        {{ResumeIt, tr("Resume"), QMessageBox::AcceptRole},
         {RollItBack, tr("Roll back"), QMessageBox::DestructiveRole},
         {Later, tr("Later"), QMessageBox::RejectRole}},
        [this, id](int answer) {
            m_offeringRecovery = false;
            if (answer == ResumeIt)
                m_controller->recover(id, RecoveryMode::Resume);
            else if (answer == RollItBack)
                m_controller->recover(id, RecoveryMode::RollBack);
        });
}

void MainWindowController::carryOutClose(MainWindow::CloseChoice choice)
{
    if (!m_controller->isRunning()) {
        m_window->closeWithoutAsking();
        return;
    }
    if (choice == MainWindow::CloseChoice::Pause) {
        if (m_controller->isPaused()) {
            m_window->closeWithoutAsking();
            return;
        }
        m_closeWhen = CloseWhen::Paused;
        m_controller->control(OperatorAction::Kind::Pause);
        m_window->statusBar()->showMessage(
            tr("Pausing at the current weights; Optimist closes once paused."));
        return;
    }
    m_closeWhen = CloseWhen::Finished;
    if (m_controller->canControl(OperatorAction::Kind::Abort))
        m_controller->control(OperatorAction::Kind::Abort);
    m_window->statusBar()->showMessage(
        tr("Rolling back; Optimist closes once the rollback is done."));
}

} // namespace optimist
