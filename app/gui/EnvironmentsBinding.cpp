#include "EnvironmentsBinding.h"

#include "MainWindowController.h"
#include "RolloutController.h"

#include "environments/EnvironmentTreeModel.h"
#include "environments/EnvironmentsPanel.h"
#include "main/MainWindow.h"

#include <QAction>
#include <QStatusBar>

namespace optimist {

EnvironmentsBinding::EnvironmentsBinding(MainWindow *window, MainWindowController *windowController,
                                         RolloutController *controller, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_windowController(windowController)
    , m_controller(controller)
    , m_model(new EnvironmentTreeModel(this))
    , m_panel(new EnvironmentsPanel)
{
    m_panel->setModel(m_model);
    window->setPanel(MainWindow::PanelSlot::Environments, m_panel);

    connect(controller, &RolloutController::applicationUpdated, m_model,
            &EnvironmentTreeModel::updateApplication);
    connect(controller, &RolloutController::applicationRemoved, m_model,
            &EnvironmentTreeModel::removeApplication);
    connect(controller, &RolloutController::environmentOpened, this,
            [this](const QString &environment, const QStringList &apps, bool simulated) {
                m_simulated.insert(environment, simulated);
                m_model->setEnvironment(environment, ConnectionState::Connecting);
                // The first application is selected, as New rollout acts on it.
                if (m_panel && m_panel->selectedApplication().isEmpty() && !apps.isEmpty() &&
                    environment == m_windowController->currentEnvironment())
                    m_panel->selectApplication(environment,
                                               m_windowController->currentApplication());
            });
    connect(controller, &RolloutController::environmentSecurity, m_model,
            &EnvironmentTreeModel::setInsecureHttp);
    connect(controller, &RolloutController::environmentClosed, this,
            [this](const QString &environment) {
                m_simulated.remove(environment);
                m_model->removeEnvironment(environment);
                if (m_window)
                    m_window->removeConnectionState(environment);
            });
    connect(controller, &RolloutController::environmentFailed, m_model,
            [this](const QString &environment, const QString &message) {
                m_model->setEnvironment(environment, ConnectionState::Disconnected, message);
            });
    connect(controller, &RolloutController::connectionChanged, this,
            [this](const QString &environment, ConnectionState state, const QString &error) {
                m_model->setEnvironment(environment, state, error);
                if (!m_window || state == ConnectionState::Connecting)
                    return;
                if (state == ConnectionState::Disconnected)
                    m_window->setConnectionState(environment, tr("not connected"), error);
                else
                    m_window->setConnectionState(environment, m_simulated.value(environment)
                                                                  ? tr("simulated")
                                                                  : tr("connected"));
            });
    // The bio-energy of both colors, as the followed rollout's last check judged them.
    connect(
        controller, &RolloutController::checkCompleted, m_model, [this](const CheckResult &check) {
            const RolloutRecord &r = m_controller->record();
            m_model->setBioEnergy(r.environment, r.app, check.canaryColor, check.canaryBioEnergy);
            m_model->setBioEnergy(r.environment, r.app, otherColor(check.canaryColor),
                                  check.baselineBioEnergy);
        });
    // When a tree row appears for the application New rollout acts on, it is selected.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_panel && m_panel->selectedApplication().isEmpty() &&
            !m_windowController->currentApplication().isEmpty())
            m_panel->selectApplication(m_windowController->currentEnvironment(),
                                       m_windowController->currentApplication());
    });

    connect(m_panel, &EnvironmentsPanel::applicationSelected, this,
            [this](const QString &environment, const QString &app) {
                if (!app.isEmpty())
                    m_windowController->setCurrentApplication(environment, app);
            });
    connect(m_panel, &EnvironmentsPanel::rollbackRequested, this, &EnvironmentsBinding::rollBack);
    connect(m_panel, &EnvironmentsPanel::newRolloutRequested, this,
            &EnvironmentsBinding::newRollout);
    connect(m_panel, &EnvironmentsPanel::refreshRequested, controller,
            &RolloutController::refreshEnvironment);
}

EnvironmentsBinding::~EnvironmentsBinding() = default;

void EnvironmentsBinding::rollBack(const QString &environment, const QString &app)
{
    if (!m_window)
        return;
    // The one-click rollback acts on the followed rollout (or the version it keeps warm): the
    // panel's button asks for it when that is the selected application's.
    const RolloutRecord target = m_controller->rollbackTarget();
    if (target.id == 0 || target.environment != environment || target.app != app) {
        m_window->statusBar()->showMessage(
            tr("Nothing to roll back for %1: no rollout of it runs and no previous version of it "
               "is kept warm.")
                .arg(app));
        return;
    }
    m_window->action(MainWindow::Action::Rollback)->trigger();
}

void EnvironmentsBinding::newRollout(const QString &environment, const QString &app)
{
    if (!m_window)
        return;
    m_windowController->setCurrentApplication(environment, app);
    QAction *action = m_window->action(MainWindow::Action::NewRollout);
    if (action->isEnabled())
        action->trigger();
    else
        m_window->statusBar()->showMessage(tr("A rollout is running; one rollout at a time."));
}

} // namespace optimist
