#include "GuiApplication.h"

#include "EnvironmentsBinding.h"
#include "HistoryBinding.h"
#include "LiveRolloutBinding.h"
#include "MainWindowController.h"
#include "RolloutController.h"
#include "ServicesSettingsBackend.h"

#include "config/Locations.h"
#include "main/MainWindow.h"
#include "main/MessageBox.h"
#include "profiles/ProfileLoader.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QStatusBar>
#include <QTranslator>

namespace optimist {

GuiApplication::GuiApplication(const GuiArguments &arguments, QObject *parent)
    : QObject(parent)
    , m_args(arguments)
    , m_dataDir(Locations::dataDir(arguments.dataDir))
    , m_configDir(Locations::configDir(arguments.configDir))
    , m_translators(loadTranslations(arguments.lang))
{
    m_controller = std::make_unique<RolloutController>(m_dataDir);
    m_window = std::make_unique<MainWindow>();
    m_windowController = std::make_unique<MainWindowController>(m_window.get(), m_controller.get());
    m_environments = std::make_unique<EnvironmentsBinding>(m_window.get(), m_windowController.get(),
                                                           m_controller.get());
    m_liveRollout = std::make_unique<LiveRolloutBinding>(m_window.get(), m_windowController.get(),
                                                         m_controller.get());
    m_history = std::make_unique<HistoryBinding>(m_window.get(), m_controller.get(), m_dataDir);
    m_windowController->setSettingsHandler([this] { openSettings(); });
}

GuiApplication::~GuiApplication()
{
    m_windowController.reset();
    // The panels go with the window, then the models they showed.
    m_window.reset();
    m_history.reset();
    m_liveRollout.reset();
    m_environments.reset();
    m_controller.reset();
    for (const auto &translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
}

QStringList GuiApplication::sandboxApplications()
{
    return {QStringLiteral("portal"), QStringLiteral("shop")};
}

std::vector<std::unique_ptr<QTranslator>> GuiApplication::loadTranslations(const QString &lang)
{
    std::vector<std::unique_ptr<QTranslator>> installed;
    const QLocale locale = lang.isEmpty() ? QLocale() : QLocale(lang);
    auto own = std::make_unique<QTranslator>();
    if (!own->load(locale, QStringLiteral("optimist"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        return installed; // English, the source language, or no translation for the locale
    QCoreApplication::installTranslator(own.get());
    installed.push_back(std::move(own));
    // Qt's own texts (standard buttons, file dialogs) in the same language, when installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed.push_back(std::move(qt));
    }
    return installed;
}

void GuiApplication::start()
{
    m_window->show();
    if (m_args.sandbox) {
        openSandbox(m_args.scenario);
        return;
    }
    const QString profilesDir = Locations::profilesDir(m_configDir);
    QList<EnvironmentProfile> profiles;
    if (QDir(profilesDir).exists()) {
        const auto loaded = ProfileLoader::loadDirectory(profilesDir);
        if (!loaded) {
            m_window->notify(tr("The environments cannot be read"), loaded.error().message);
            return;
        }
        profiles = loaded.value();
    }
    if (profiles.isEmpty()) {
        offerSandbox();
        return;
    }
    for (const EnvironmentProfile &profile : std::as_const(profiles)) {
        EnvironmentRuntime::Options options = baseOptions();
        options.environment = profile.name;
        m_window->setConnectionState(profile.name, tr("connecting…"));
        m_controller->openEnvironment(options);
    }
}

void GuiApplication::openSandbox(const QString &freshScenario)
{
    EnvironmentRuntime::Options options = baseOptions();
    // A sandbox profile of the user's own, if there is one; else the embedded sandbox.
    options.environment = QStringLiteral("sandbox");
    options.freshScenario = freshScenario;
    options.sandboxApps = sandboxApplications();
    m_controller->openEnvironment(options);
}

EnvironmentRuntime::Options GuiApplication::baseOptions() const
{
    EnvironmentRuntime::Options options;
    options.dataDir = m_dataDir;
    options.configDir = m_configDir;
    if (m_args.speed > 0)
        options.speed = m_args.speed;
    return options;
}

void GuiApplication::openSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    ServicesSettingsBackend::Options backendOptions;
    backendOptions.profilesDir = Locations::profilesDir(m_configDir);
    backendOptions.removalRefusal = [controller = m_controller.get()](const QString &environment) {
        return controller->removalRefusal(environment);
    };
    auto *backend = new ServicesSettingsBackend(backendOptions);
    auto *dialog = new SettingsDialog(backend, m_window.get());
    backend->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::profileSaved, this, [this](const QString &filePath) {
        // Opened again with the saved settings; a rollout running in it keeps its connections.
        m_controller->reopenProfile(filePath, baseOptions());
        m_window->statusBar()->showMessage(
            tr("Saved %1; its environment is opened again with these settings.")
                .arg(QFileInfo(filePath).fileName()));
    });
    connect(dialog, &SettingsDialog::profileRemoved, this,
            [this](const QString &filePath, const QString &environment) {
                m_controller->closeEnvironment(environment);
                m_window->statusBar()->showMessage(
                    tr("Removed %1; the environment %2 is closed.")
                        .arg(QFileInfo(filePath).fileName(), environment));
            });
    m_settings = dialog;
    dialog->open();
}

void GuiApplication::offerSandbox()
{
    MessageBox::ask(m_window.get(), QMessageBox::Question, tr("Welcome to Optimist"),
                    tr("No environment is configured yet.\n\nOpen the sandbox — a simulated "
                       "Docker Swarm with Traefik and two applications, portal and shop, on a "
                       "fast clock — to try rollouts without touching a real cluster? You can "
                       "add your own environments in Settings at any time."),
                    {{OpenSandbox, tr("Open the sandbox"), QMessageBox::AcceptRole},
                     {NotNow, tr("Not now"), QMessageBox::RejectRole}},
                    [this](int answer) {
                        if (answer == OpenSandbox)
                            openSandbox(QString());
                        else
                            m_window->statusBar()->showMessage(
                                tr("No environment is open; add one in Settings."));
                    });
}

} // namespace optimist
