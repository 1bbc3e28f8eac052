#pragma once

#include "GuiArguments.h"

#include "runtime/EnvironmentRuntime.h"
#include "settings/SettingsDialog.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

namespace optimist {

class EnvironmentsBinding;
class HistoryBinding;
class LiveRolloutBinding;
class MainWindow;
class MainWindowController;
class RolloutController;

/// The desktop application's composition root: the translation, the rollout controller (with
/// its worker thread), the main window with its panels bound to it (environments, live rollout
/// and charts, history with the post-mortem, settings), and which environments open — the
/// sandbox with --sandbox, else the configured profiles, else (first start) the sandbox if the
/// user accepts it.
class GuiApplication : public QObject
{
    Q_OBJECT
public:
    /// The answers of the first-start question ("no environment is configured").
    enum FirstStartAnswer { OpenSandbox = 1, NotNow = 0 };

    explicit GuiApplication(const GuiArguments &arguments, QObject *parent = nullptr);
    ~GuiApplication() override;

    /// Shows the window and opens the environments.
    void start();

    /// The applications the embedded sandbox simulates.
    static QStringList sandboxApplications();
    /// Installs the translations for @p lang ("de", "en"; empty: the system locale): the
    /// program's own and, where Debian's qt6-translations-l10n has it, Qt's (the standard
    /// buttons and dialogs), so a German window has no English "Cancel". Empty for English.
    static std::vector<std::unique_ptr<QTranslator>> loadTranslations(const QString &lang);

    QString dataDir() const { return m_dataDir; }
    QString configDir() const { return m_configDir; }
    MainWindow *window() const { return m_window.get(); }
    RolloutController *controller() const { return m_controller.get(); }
    MainWindowController *windowController() const { return m_windowController.get(); }
    EnvironmentsBinding *environments() const { return m_environments.get(); }
    LiveRolloutBinding *liveRollout() const { return m_liveRollout.get(); }
    HistoryBinding *history() const { return m_history.get(); }
    /// The settings dialog while it is open.
    SettingsDialog *settingsDialog() const { return m_settings; }

    /// Opens the settings of the environments (the Settings action).
    void openSettings();

private:
    void openSandbox(const QString &freshScenario);
    void offerSandbox();
    /// The options every environment opens with: the directories and the sandbox's speed.
    EnvironmentRuntime::Options baseOptions() const;

    GuiArguments m_args;
    QString m_dataDir;
    QString m_configDir;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
    // Declared so the window and its binding go before the controller (and its thread).
    std::unique_ptr<RolloutController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MainWindowController> m_windowController;
    std::unique_ptr<EnvironmentsBinding> m_environments;
    std::unique_ptr<LiveRolloutBinding> m_liveRollout;
    std::unique_ptr<HistoryBinding> m_history;
    QPointer<SettingsDialog> m_settings;
};

} // namespace optimist
