// The desktop application as a release manager uses it: the real main window, the real rollout
// controller with its worker thread, on a sandbox of two applications with a fast virtual clock.
// Actions are triggered by name; confirmations answered through MessageBox's next-answer seam.

#include "GuiApplication.h"
#include "MainWindowController.h"
#include "RolloutController.h"

#include "config/Locations.h"
#include "config/SystemUser.h"
#include "main/MainWindow.h"
#include "main/MessageBox.h"
#include "rollout/NewRolloutDialog.h"
#include "store/SqliteHistoryStore.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

namespace {

constexpr int kRolloutTimeoutMs = 60000;

/// Virtual seconds per real second: a whole rollout in well under a second.
constexpr double kFast = 5000;
/// Slow enough that a step is still observed when the test acts on it (a 60 s check window
/// lasts about a second).
constexpr double kLive = 50;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GuiApplication> m_gui;

    GuiArguments sandboxArguments(double speed, const QString &scenario = QStringLiteral("healthy"))
    {
        GuiArguments args;
        args.sandbox = true;
        args.scenario = scenario;
        args.speed = speed;
        args.dataDir = m_dir->filePath(QStringLiteral("data"));
        args.configDir = m_dir->filePath(QStringLiteral("config"));
        return args;
    }

    /// Opens the window on the sandbox and waits until a rollout can be started.
    void openOnSandbox(double speed)
    {
        m_gui = std::make_unique<GuiApplication>(sandboxArguments(speed));
        m_gui->start();
        QTRY_VERIFY_WITH_TIMEOUT(action(MainWindow::Action::NewRollout)->isEnabled(), 10000);
    }

    QAction *action(MainWindow::Action a) const { return m_gui->window()->action(a); }

    QAction *actionNamed(const QString &name) const
    {
        auto *a = m_gui->window()->findChild<QAction *>(name);
        return a;
    }

    std::unique_ptr<SqliteHistoryStore> openHistory() const
    {
        auto store = SqliteHistoryStore::open(
            Locations::historyDatabasePath(m_dir->filePath(QStringLiteral("data"))));
        if (!store)
            return nullptr;
        return std::move(store.value());
    }

    /// New rollout from the toolbar: the dialog opens with the proposal; its start button.
    void startFromDialog()
    {
        actionNamed(QStringLiteral("newRollout"))->trigger();
        NewRolloutDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_gui->window()->findChild<NewRolloutDialog *>(
                                      QStringLiteral("newRolloutDialog"))) &&
                                     dialog->isVisible() && dialog->isValid(),
                                 10000);
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startButton"));
        QVERIFY(start && start->isEnabled());
        start->click();
    }

    /// Starts a rollout from the toolbar and waits until its first step is observed.
    void startAndWaitObserving()
    {
        startFromDialog();
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::Observing,
                                  kRolloutTimeoutMs);
        QVERIFY(actionNamed(QStringLiteral("abort"))->isEnabled());
        QVERIFY(actionNamed(QStringLiteral("promote"))->isEnabled());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
        // The tests close the window and go on.
        QApplication::setQuitOnLastWindowClosed(false);
    }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void cleanup()
    {
        m_gui.reset();
        m_dir.reset();
    }

    void theWindowHasItsSlotsActionsAndShortcuts()
    {
        MainWindow window;
        for (const char *slot :
             {"environmentsPanelSlot", "rolloutPanelSlot", "metricsPanelSlot", "historyPanelSlot"})
            QVERIFY2(window.findChild<QWidget *>(QString::fromLatin1(slot)), slot);

        const QList<std::pair<const char *, QKeySequence>> shortcuts{
            {"newRollout", QKeySequence(QStringLiteral("Ctrl+N"))},
            {"pauseResume", QKeySequence(QStringLiteral("Ctrl+P"))},
            {"promote", QKeySequence(QStringLiteral("Ctrl+Right"))},
            {"promoteFully", QKeySequence(QStringLiteral("Ctrl+Shift+Right"))},
            {"abort", QKeySequence(QStringLiteral("Ctrl+Shift+A"))},
            {"oneClickRollback", QKeySequence(QStringLiteral("Ctrl+Shift+R"))},
            {"settings", QKeySequence(QStringLiteral("Ctrl+,"))},
            {"quit", QKeySequence(QStringLiteral("Ctrl+Q"))}};
        QSet<QKeySequence> seen;
        for (const auto &[name, keys] : shortcuts) {
            auto *a = window.findChild<QAction *>(QString::fromLatin1(name));
            QVERIFY2(a, name);
            QCOMPARE(a->shortcut(), keys);
            QVERIFY2(!seen.contains(keys), name);
            seen.insert(keys);
        }
        // Nothing runs: the rollout controls are off.
        for (const char *name :
             {"pauseResume", "promote", "promoteFully", "abort", "oneClickRollback"})
            QVERIFY2(!window.findChild<QAction *>(QString::fromLatin1(name))->isEnabled(), name);

        auto *panel = new QLabel(QStringLiteral("the real panel"));
        window.setPanel(MainWindow::PanelSlot::Metrics, panel);
        QCOMPARE(panel->parentWidget(), window.panelSlot(MainWindow::PanelSlot::Metrics));
        QVERIFY(!window.panelSlot(MainWindow::PanelSlot::Metrics)
                     ->findChild<QLabel *>(QStringLiteral("placeholder")));
    }

    void sandboxOpensWithTwoApplications()
    {
        openOnSandbox(kFast);
        QCOMPARE(m_gui->controller()->environments(), QStringList{QStringLiteral("sandbox")});
        QCOMPARE(m_gui->controller()->applications(QStringLiteral("sandbox")),
                 (QStringList{QStringLiteral("portal"), QStringLiteral("shop")}));
        auto *connection =
            m_gui->window()->findChild<QLabel *>(QStringLiteral("connection_sandbox"));
        QVERIFY(connection);
        QVERIFY2(connection->text().contains(QLatin1String("simulated")),
                 qPrintable(connection->text()));
    }

    void firstStartOffersTheSandbox()
    {
        GuiArguments args = sandboxArguments(kFast);
        args.sandbox = false;
        args.scenario.clear();
        MessageBox::setNextAnswer(GuiApplication::OpenSandbox);
        m_gui = std::make_unique<GuiApplication>(args);
        m_gui->start();
        QVERIFY(MessageBox::lastQuestion().contains(QLatin1String("No environment")));
        QTRY_VERIFY_WITH_TIMEOUT(action(MainWindow::Action::NewRollout)->isEnabled(), 10000);
        QCOMPARE(m_gui->controller()->applications(QStringLiteral("sandbox")).size(), 2);
    }

    void firstStartDeclinedOpensNothing()
    {
        GuiArguments args = sandboxArguments(kFast);
        args.sandbox = false;
        args.scenario.clear();
        MessageBox::setNextAnswer(GuiApplication::NotNow);
        m_gui = std::make_unique<GuiApplication>(args);
        m_gui->start();
        QTRY_VERIFY(m_gui->window()->statusBar()->currentMessage().contains(
            QLatin1String("No environment")));
        QVERIFY(m_gui->controller()->environments().isEmpty());
        QVERIFY(!action(MainWindow::Action::NewRollout)->isEnabled());
    }

    void aWholeRolloutFromTheToolbar()
    {
        openOnSandbox(kFast);
        RolloutController *controller = m_gui->controller();
        QSignalSpy states(controller, &RolloutController::stateChanged);
        QSignalSpy checks(controller, &RolloutController::checkCompleted);
        QSignalSpy finished(controller, &RolloutController::finished);

        startFromDialog();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRolloutTimeoutMs);
        QCOMPARE(finished.first().at(0).value<RolloutState>(), RolloutState::Succeeded);
        QCOMPARE(controller->state(), RolloutState::Succeeded);
        // It went through the plan's steps on the GUI thread's signals.
        QVERIFY(checks.size() >= 5);
        QCOMPARE(states.first().at(0).value<RolloutState>(), RolloutState::PreChecks);
        QCOMPARE(controller->split(), (WeightSplit{0, 100}));

        // The history holds it, by the OS user.
        auto store = openHistory();
        QVERIFY(store);
        const auto rollouts = store->rollouts({});
        QVERIFY(rollouts);
        QCOMPARE(rollouts.value().size(), 1);
        const RolloutRecord &r = rollouts.value().first();
        QCOMPARE(r.state, RolloutState::Succeeded);
        QCOMPARE(r.app, QStringLiteral("portal"));
        QCOMPARE(r.fromVersion, QStringLiteral("v1"));
        QCOMPARE(r.toVersion, QStringLiteral("v2"));
        QCOMPARE(r.operatorName, SystemUser::name());

        // The outcome is announced (no tray offscreen: in the status bar), and the next rollout
        // can start.
        QVERIFY2(m_gui->window()->statusBar()->currentMessage().contains(
                     QLatin1String("portal v2 rolled out")),
                 qPrintable(m_gui->window()->statusBar()->currentMessage()));
        QVERIFY(actionNamed(QStringLiteral("newRollout"))->isEnabled());
        QVERIFY(!actionNamed(QStringLiteral("abort"))->isEnabled());
    }

    void abortDeclinedChangesNothing()
    {
        openOnSandbox(kLive);
        startAndWaitObserving();
        const qint64 id = m_gui->controller()->record().id;

        MessageBox::setNextConfirmation(false);
        actionNamed(QStringLiteral("abort"))->trigger();
        // The confirmation said exactly what would have happened.
        QCOMPARE(MessageBox::lastQuestion(),
                 QStringLiteral("Abort the rollout of portal v2: shift 100% of portal's traffic "
                                "back to blue (v1) and remove green (v2)."));
        // A pause after it is applied in order: had the abort gone out, it would have been first.
        QSignalSpy paused(m_gui->controller(), &RolloutController::pausedChanged);
        actionNamed(QStringLiteral("pauseResume"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(paused.size(), 1, 10000);
        QVERIFY(m_gui->controller()->isRunning());
        QVERIFY(m_gui->controller()->state() != RolloutState::RollingBack);

        auto store = openHistory();
        QVERIFY(store);
        const auto actions = store->actions(id);
        QVERIFY(actions);
        QCOMPARE(actions.value().size(), 1);
        QCOMPARE(actions.value().first().kind, OperatorAction::Kind::Pause);
        QCOMPARE(actions.value().first().who, SystemUser::name());
        QCOMPARE(actionNamed(QStringLiteral("pauseResume"))->text().remove(QLatin1Char('&')),
                 QStringLiteral("Resume"));
    }

    void oneClickRollbackDuringARollout()
    {
        openOnSandbox(kLive);
        startAndWaitObserving();
        QVERIFY(actionNamed(QStringLiteral("oneClickRollback"))->isEnabled());
        MessageBox::setNextConfirmation(true);
        actionNamed(QStringLiteral("oneClickRollback"))->trigger();
        QVERIFY(MessageBox::lastQuestion().contains(
            QLatin1String("back to blue (v1) and remove green (v2)")));
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::RolledBack,
                                  kRolloutTimeoutMs);
        QCOMPARE(m_gui->controller()->split(), (WeightSplit{100, 0}));
        auto store = openHistory();
        const auto actions = store->actions(m_gui->controller()->record().id);
        QVERIFY(actions);
        QCOMPARE(actions.value().size(), 1);
        QCOMPARE(actions.value().first().kind, OperatorAction::Kind::Abort);
        QCOMPARE(actions.value().first().status, OperatorAction::Status::Applied);
    }

    void oneClickRollbackAfterSuccess()
    {
        openOnSandbox(kFast);
        RolloutController *controller = m_gui->controller();
        QSignalSpy proposed(controller, &RolloutController::rolloutProposed);
        controller->proposeRollout(QStringLiteral("sandbox"), QStringLiteral("portal"));
        QTRY_COMPARE(proposed.size(), 1);
        RolloutRequest request = proposed.first().at(0).value<RolloutRequest>();
        QCOMPARE(request.version, QStringLiteral("v2"));
        request.plan.rollbackWindowSec = 7 * 24 * 3600; // still warm when the test acts
        controller->startRollout(request);
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), RolloutState::Succeeded, kRolloutTimeoutMs);
        QTRY_VERIFY(actionNamed(QStringLiteral("oneClickRollback"))->isEnabled());
        const qint64 first = controller->record().id;

        MessageBox::setNextConfirmation(true);
        actionNamed(QStringLiteral("oneClickRollback"))->trigger();
        QCOMPARE(MessageBox::lastQuestion(),
                 QStringLiteral("Shift 100% of portal's traffic back to blue (v1) and remove "
                                "green (v2)."));
        QTRY_VERIFY(controller->record().id != first);
        QVERIFY(controller->isRollbackOfSuccess());
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), RolloutState::Succeeded, kRolloutTimeoutMs);
        QCOMPARE(controller->record().toVersion, QStringLiteral("v1"));
        QCOMPARE(controller->split(), (WeightSplit{100, 0}));
        QTRY_VERIFY(m_gui->window()->statusBar()->currentMessage().contains(
            QLatin1String("portal is back on v1")));
        // The previous version is no longer kept: nothing more to roll back.
        QVERIFY(!actionNamed(QStringLiteral("oneClickRollback"))->isEnabled());
    }

    void closingDuringARolloutCanRollItBack()
    {
        openOnSandbox(kLive);
        startAndWaitObserving();
        MessageBox::setNextAnswer(int(MainWindow::CloseChoice::RollBack));
        QVERIFY(m_gui->window()->close() == false); // asked first
        QVERIFY(MessageBox::lastQuestion().contains(QLatin1String("A rollout is running")));
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::RolledBack,
                                  kRolloutTimeoutMs);
        QTRY_VERIFY(!m_gui->window()->isVisible());

        auto store = openHistory();
        const auto record = store->rollout(m_gui->controller()->record().id);
        QVERIFY(record);
        QCOMPARE(record.value().state, RolloutState::RolledBack);
    }

    void closingDuringARolloutCanPauseIt()
    {
        openOnSandbox(kLive);
        startAndWaitObserving();
        const WeightSplit before = m_gui->controller()->split();
        MessageBox::setNextAnswer(int(MainWindow::CloseChoice::Pause));
        QVERIFY(!m_gui->window()->close());
        QTRY_VERIFY_WITH_TIMEOUT(!m_gui->window()->isVisible(), 10000);
        QVERIFY(m_gui->controller()->isPaused());
        QVERIFY(m_gui->controller()->isRunning());
        QCOMPARE(m_gui->controller()->split(), before);

        auto store = openHistory();
        const auto actions = store->actions(m_gui->controller()->record().id);
        QVERIFY(actions);
        QCOMPARE(actions.value().size(), 1);
        QCOMPARE(actions.value().first().kind, OperatorAction::Kind::Pause);
        QCOMPARE(actions.value().first().status, OperatorAction::Status::Applied);
        const qint64 id = m_gui->controller()->record().id;

        // The next start finds it unfinished and offers to resume it (or roll it back).
        m_gui.reset();
        store.reset();
        MessageBox::setNextAnswer(MainWindowController::ResumeIt);
        m_gui = std::make_unique<GuiApplication>(sandboxArguments(kFast, QString()));
        m_gui->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_gui->controller()->record().id == id, 10000);
        QVERIFY2(MessageBox::lastQuestion().contains(
                     QStringLiteral("Rollout #%1 of portal (v1 → v2)").arg(id)),
                 qPrintable(MessageBox::lastQuestion()));
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::Succeeded,
                                  kRolloutTimeoutMs);
        store = openHistory();
        QCOMPARE(store->rollout(id).value().state, RolloutState::Succeeded);
    }

    void closingCancelledKeepsTheWindow()
    {
        openOnSandbox(kLive);
        startAndWaitObserving();
        MessageBox::setNextAnswer(MessageBox::kCancelled);
        QVERIFY(!m_gui->window()->close());
        // The answer arrives on the event loop; the rollout's next check comes after it.
        QSignalSpy checks(m_gui->controller(), &RolloutController::checkCompleted);
        QVERIFY(checks.wait(kRolloutTimeoutMs));
        QVERIFY(m_gui->window()->isVisible());
        QVERIFY(!m_gui->window()->isKeptRunning());
        QVERIFY(m_gui->controller()->isRunning());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
