#pragma once

#include "RolloutControls.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QLabel;
class QSystemTrayIcon;
class QTabWidget;

namespace optimist {

/// Optimist's main window: environments on the left; the rollout with its step timeline and the
/// five live charts, and the history with its post-mortem, in the centre. A view: the panels are
/// other classes' widgets put into its slots, its actions are connected by the composition, and
/// it never does I/O.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Where a panel goes; each slot is a container named environmentsPanelSlot,
    /// rolloutPanelSlot, metricsPanelSlot, historyPanelSlot.
    enum class PanelSlot { Environments, Rollout, Metrics, History };

    enum class Action {
        NewRollout,
        PauseResume,
        Promote,
        PromoteFully,
        Abort,
        Rollback,
        Settings,
        Quit,
        Shortcuts,
        About
    };

    /// The answer to "a rollout runs: close anyway?".
    enum class CloseChoice { KeepRunning, Pause, RollBack };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Puts @p panel into @p slot (the window takes it), replacing what was there.
    void setPanel(PanelSlot slot, QWidget *panel);
    /// The container of @p slot.
    QWidget *panelSlot(PanelSlot slot) const;
    /// Shows the tab that holds @p slot.
    void showPanel(PanelSlot slot);

    QAction *action(Action action) const;
    void setControls(const RolloutControls &controls);
    const RolloutControls &controls() const { return m_controls; }

    /// The status bar's word for @p environment's connection (e.g. "connected", "simulated"),
    /// with @p detail (why it is not connected) as its tooltip.
    void setConnectionState(const QString &environment, const QString &state,
                            const QString &detail = {});
    /// Takes @p environment's connection state off the status bar (the environment was closed).
    void removeConnectionState(const QString &environment);
    /// The status bar's active rollout ("portal v2 · Observing · blue 90 % · green 10 %"), or
    /// empty when none runs.
    void setActiveRollout(const QString &text);

    /// A desktop notification where a system tray exists, else a status bar message.
    void notify(const QString &title, const QString &message);
    /// Whether the window went to the tray (or was minimized) instead of closing.
    bool isKeptRunning() const { return m_keptRunning; }

    /// Closes without asking (after the close question's answer has been carried out).
    void closeWithoutAsking();

Q_SIGNALS:
    /// The close question was answered with Pause or RollBack; the composition carries it out
    /// and calls closeWithoutAsking(). KeepRunning the window carries out itself.
    void closeChosen(optimist::MainWindow::CloseChoice choice);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createPanels();
    void askBeforeClosing();
    void keepRunning();
    void showShortcuts();
    void showAbout();

    QHash<Action, QAction *> m_actions;
    QHash<PanelSlot, QWidget *> m_slots;
    QHash<QString, QLabel *> m_connectionLabels;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_activeRollout = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    RolloutControls m_controls;
    bool m_closeApproved = false;
    bool m_asking = false;
    bool m_keptRunning = false;
};

} // namespace optimist
