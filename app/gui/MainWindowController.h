#pragma once

#include "main/MainWindow.h"

#include "rollout/RolloutRecord.h"
#include "rollout/RolloutRequest.h"
#include "rollout/RolloutState.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace optimist {

class RolloutController;

/// Binds the main window to the rollout controller: its actions start and control rollouts
/// (destructive ones after a confirmation that says exactly what will happen), its enabled
/// states, status bar and notifications follow the controller, and the close question's answer
/// is carried out.
class MainWindowController : public QObject
{
    Q_OBJECT
public:
    /// The answers to "a rollout was left unfinished".
    enum RecoveryAnswer { ResumeIt = 1, RollItBack = 2, Later = 0 };

    MainWindowController(MainWindow *window, RolloutController *controller,
                         QObject *parent = nullptr);

    /// The application New rollout acts on (the environments panel's selection); by default
    /// the first application of the first environment opened.
    void setCurrentApplication(const QString &environment, const QString &app);
    QString currentEnvironment() const { return m_environment; }
    QString currentApplication() const { return m_app; }

    /// What New rollout does. By default it proposes the next version of the current
    /// application under its environment's plan and starts it at once; the New rollout dialog
    /// replaces this (and calls RolloutController::startRollout with its request).
    void setNewRolloutHandler(std::function<void()> handler);
    /// What Settings does; the action is disabled until one is set.
    void setSettingsHandler(std::function<void()> handler);

private:
    void newRollout();
    void pauseOrResume();
    void promoteFully();
    void abort();
    void rollBack();
    void updateControls();
    void updateStatus();
    void onFinished(RolloutState state, const QString &reason);
    void carryOutClose(MainWindow::CloseChoice choice);
    void offerRecovery(const RolloutRecord &record);

    QPointer<MainWindow> m_window;
    RolloutController *m_controller;
    QString m_environment;
    QString m_app;
    std::function<void()> m_newRollout;
    std::function<void()> m_settings;
    bool m_proposalPending = false;
    bool m_offeringRecovery = false;
    /// The window closes once the rollout is paused (Pause) or has ended (RollBack).
    enum class CloseWhen { Never, Paused, Finished } m_closeWhen = CloseWhen::Never;
};

} // namespace optimist
