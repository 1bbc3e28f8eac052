#include "ScreenshotTour.h"

#include "GuiApplication.h"
#include "HistoryBinding.h"
#include "LiveRolloutBinding.h"
#include "RolloutController.h"

#include "charts/MetricsPanel.h"
#include "common/ModelRoles.h"
#include "config/Locations.h"
#include "history/DecisionLogModel.h"
#include "history/HistoryModel.h"
#include "main/MainWindow.h"
#include "rollout/NewRolloutDialog.h"
#include "settings/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>

namespace optimist {

namespace {

constexpr int kPollMs = 50;

template <typename T> T *find(QWidget *root, const char *name)
{
    return root ? root->findChild<T *>(QString::fromLatin1(name)) : nullptr;
}

} // namespace

ScreenshotTour::ScreenshotTour(const QString &outputDir, const QSize &windowSize, QObject *parent)
    : QObject(parent)
    , m_outputDir(outputDir)
    , m_windowSize(windowSize)
    , m_poll(this)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotTour::poll);
}

ScreenshotTour::~ScreenshotTour() = default;

void ScreenshotTour::start()
{
    if (!m_dir.isValid() || !QDir().mkpath(m_outputDir)) {
        fail(tr("cannot create the folders"));
        return;
    }
    writeProfiles();
    auto window = [this] { return m_gui ? m_gui->window() : nullptr; };
    auto action = [window](const char *name) { return find<QAction>(window(), name); };
    auto dialog = [window] {
        auto *d = find<NewRolloutDialog>(window(), "newRolloutDialog");
        return d && d->isVisible() && d->isValid() ? d : nullptr;
    };
    auto startRollout = [action] { action("newRollout")->trigger(); };
    auto acceptDialog = [dialog](const QString &version) {
        return [dialog, version] {
            NewRolloutDialog *d = dialog();
            auto *edit = d->findChild<QLineEdit *>(QStringLiteral("versionEdit"));
            edit->setText(version);
            d->findChild<QPushButton *>(QStringLiteral("startButton"))->click();
        };
    };
    auto finishedAs = [this](RolloutState state) {
        return [this, state] {
            return !m_gui->controller()->isRunning() && !m_gui->controller()->isStarting() &&
                   m_gui->controller()->state() == state;
        };
    };
    auto historyHas = [this](int rows) {
        return [this, rows] {
            HistoryModel *model = m_gui->history()->model();
            return model->rowCount() >= rows && !model->isLoading() &&
                   model->index(0, 0).data(OutcomeRole).toString() != QLatin1String("unfinished");
        };
    };

    // 1. A release that rolls back by itself, and its post-mortem.
    m_steps << Step{tr("the sandbox (regression-at-50)"),
                    [action] { return action("newRollout") && action("newRollout")->isEnabled(); },
                    startRollout}
            << Step{tr("the New rollout dialog"), [dialog] { return dialog() != nullptr; },
                    acceptDialog(QStringLiteral("v2.4.0"))}
            << Step{tr("the rollback"), finishedAs(RolloutState::RolledBack),
                    [this] { m_gui->window()->showPanel(MainWindow::PanelSlot::History); }}
            << Step{tr("the history row"), historyHas(1),
                    [this] {
                        QTableView *view = m_gui->history()->panel()->view();
                        view->selectRow(0);
                        m_gui->history()->open(m_gui->history()->model()->rolloutId(0));
                    }}
            << Step{tr("the post-mortem"),
                    [this] { return m_gui->history()->decisionLog()->rowCount() > 0; },
                    [this] {
                        // The check that failed, selected: its numbers are in view.
                        QTreeView *steps =
                            find<QTreeView>(m_gui->window(), "postMortemTimelineView");
                        QAbstractItemModel *model = steps->model();
                        for (int row = 0; row < model->rowCount(); ++row) {
                            const QModelIndex step = model->index(row, 0);
                            if (step.data(StepStateRole).toString() == QLatin1String("failed") &&
                                model->rowCount(step) > 0) {
                                steps->setCurrentIndex(model->index(0, 0, step));
                                break;
                            }
                        }
                        m_gui->history()->chartsPanel()->redrawNow();
                    }}
            << Step{tr("the post-mortem drawn"), [] { return true; },
                    [this] {
                        if (!save(m_gui->window(), QStringLiteral("post-mortem-rolled-back.png")))
                            return;
                        m_gui.reset();
                        openSandbox(QStringLiteral("healthy"), 40);
                    }};

    // 2. A rollout caught mid-way: the third step observed, two checks passed.
    m_steps << Step{tr("the sandbox (healthy)"),
                    [action] { return action("newRollout") && action("newRollout")->isEnabled(); },
                    startRollout}
            << Step{tr("the New rollout dialog"), [dialog] { return dialog() != nullptr; },
                    acceptDialog(QStringLiteral("v2.5.0"))}
            << Step{tr("the third step"),
                    [this] {
                        RolloutController *c = m_gui->controller();
                        return c->state() == RolloutState::Observing && c->split().green >= 50;
                    },
                    [this] {
                        QTreeView *timeline = find<QTreeView>(m_gui->window(), "timelineView");
                        QAbstractItemModel *model = timeline->model();
                        const QModelIndex step = model->index(1, 0);
                        if (model->rowCount(step) > 0)
                            timeline->setCurrentIndex(model->index(0, 0, step));
                        m_gui->liveRollout()->metricsPanel()->redrawNow();
                    }}
            << Step{tr("the main window drawn"), [] { return true; },
                    [this] {
                        if (!save(m_gui->window(), QStringLiteral("main-window-mid-rollout.png")))
                            return;
                        m_gui->openSettings();
                    }} // 3. The settings, on the production profile.
            << Step{tr("the settings dialog"),
                    [this] {
                        return m_gui->settingsDialog() && m_gui->settingsDialog()->isVisible();
                    },
                    [this] {
                        SettingsDialog *settings = m_gui->settingsDialog();
                        settings->selectEnvironment(QStringLiteral("production"));
                        settings->resize(960, 560);
                    }}
            << Step{tr("the settings drawn"), [] { return true; },
                    [this] {
                        if (!save(m_gui->settingsDialog(), QStringLiteral("settings.png")))
                            return;
                        // Stop the rollout where it is: the journal keeps it, the folder goes.
                        m_gui.reset();
                        m_poll.stop();
                        Q_EMIT finished(QString());
                    }};

    openSandbox(QStringLiteral("regression-at-50"), 3000);
    m_waited.start();
    m_poll.start();
}

void ScreenshotTour::openSandbox(const QString &scenario, double speed)
{
    GuiArguments args;
    args.sandbox = true;
    args.scenario = scenario;
    args.speed = speed;
    args.lang = QStringLiteral("en");
    args.dataDir = m_dir.filePath(QStringLiteral("data"));
    args.configDir = m_dir.filePath(QStringLiteral("config"));
    m_gui = std::make_unique<GuiApplication>(args);
    m_gui->window()->resize(m_windowSize);
    m_gui->start();
}

void ScreenshotTour::writeProfiles()
{
    // A real environment for the settings dialog to show (nothing connects to it).
    const QString dir = Locations::profilesDir(m_dir.filePath(QStringLiteral("config")));
    QDir().mkpath(dir);
    QFile::copy(QStringLiteral(OPTIMIST_SOURCE_DIR "/resources/profiles/sandbox.yaml"),
                QDir(dir).filePath(QStringLiteral("sandbox.yaml")));
    QFile file(QDir(dir).filePath(QStringLiteral("production.yaml")));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write("name: production\n"
               "description: The Swarm behind portal.example.com and shop.example.com\n"
               "cluster:\n"
               "  kind: docker\n"
               "  endpoint: tcp://swarm-manager.example.com:2376\n"
               "  tlsCertPath: /etc/optimist/certs/production\n"
               "  tlsVerify: true\n"
               "router:\n"
               "  kind: redis\n"
               "  address: redis.example.com:6379\n"
               "  password: keychain:optimist/redis-production\n"
               "  apiUrl: https://traefik.example.com:8443\n"
               "  traefikVersion: 3\n"
               "  entryPoints: [websecure]\n"
               "metrics:\n"
               "  kind: prometheus\n"
               "  url: https://prometheus.example.com\n"
               "applications:\n"
               "  - name: portal\n"
               "    ports: {blue: 8081, green: 8082}\n"
               "    rule: Host(`portal.example.com`)\n"
               "  - name: shop\n"
               "    ports: {blue: 8091, green: 8092}\n"
               "    rule: Host(`shop.example.com`)\n");
}

void ScreenshotTour::poll()
{
    if (m_steps.isEmpty())
        return;
    Step &step = m_steps.first();
    if (!step.ready()) {
        // Real time, not polls counted: a loaded machine polls less often.
        if (m_waited.hasExpired(step.timeoutMs))
            fail(tr("%1 did not come within %2 s (%3)")
                     .arg(step.what)
                     .arg(step.timeoutMs / 1000)
                     .arg(rolloutSituation()));
        return;
    }
    m_waited.restart();
    const Step taken = m_steps.takeFirst();
    taken.act();
}

QString ScreenshotTour::rolloutSituation() const
{
    const RolloutController *c = m_gui ? m_gui->controller() : nullptr;
    if (!c)
        return tr("no application is open");
    if (c->isStarting())
        return tr("the rollout is starting");
    if (c->record().id == 0)
        return tr("no rollout has started");
    const RolloutRecord &r = c->record();
    return tr("rollout #%1 of %2 to %3 is %4 in %5 at step %6, weights %7")
        .arg(r.id)
        .arg(r.app, r.toVersion, c->isRunning() ? tr("running") : tr("not running"),
             stateName(r.state))
        .arg(r.step + 1)
        .arg(c->split().toString());
}

bool ScreenshotTour::save(QWidget *widget, const QString &fileName)
{
    const QString path = QDir(m_outputDir).filePath(fileName);
    if (!widget || !widget->grab().save(path)) {
        fail(tr("cannot write %1").arg(path));
        return false;
    }
    return true;
}

void ScreenshotTour::fail(const QString &error)
{
    m_poll.stop();
    m_steps.clear();
    Q_EMIT finished(error);
}

} // namespace optimist
