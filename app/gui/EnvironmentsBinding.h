#pragma once

#include "environments/EnvironmentsPanel.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace optimist {

class EnvironmentTreeModel;
class MainWindow;
class MainWindowController;
class RolloutController;

/// The environments panel in the main window: an EnvironmentTreeModel fed by the environments'
/// monitors (through the rollout controller, from the worker thread) and by the checks of the
/// followed rollout (each color's latest bio-energy). The selected application is what New
/// rollout acts on; the panel's rollback goes through the window's confirmed one-click rollback.
class EnvironmentsBinding : public QObject
{
    Q_OBJECT
public:
    /// Puts the panel into @p window's Environments slot.
    EnvironmentsBinding(MainWindow *window, MainWindowController *windowController,
                        RolloutController *controller, QObject *parent = nullptr);
    ~EnvironmentsBinding() override;

    EnvironmentTreeModel *model() const { return m_model; }
    EnvironmentsPanel *panel() const { return m_panel; }

private:
    void rollBack(const QString &environment, const QString &app);
    void newRollout(const QString &environment, const QString &app);

    QPointer<MainWindow> m_window;
    MainWindowController *m_windowController;
    RolloutController *m_controller;
    EnvironmentTreeModel *m_model;
    QPointer<EnvironmentsPanel> m_panel;
    /// Environment → whether it is simulated (the status bar says "simulated", not "connected").
    QHash<QString, bool> m_simulated;
};

} // namespace optimist
