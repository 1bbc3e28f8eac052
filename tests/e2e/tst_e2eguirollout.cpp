// The v1 → v2 rollout end to end from the desktop application (issue 6): the same real test
// environment as tst_e2erollouts (E2eEnvironment: Swarm, Redis, the Traefik stand-in and its
// /metrics) under 50 requests/s from the project's load generator, but started and watched
// through the real window composition (GuiApplication) as a release manager would: the
// environment in the Environments tree, New rollout by its action, the step timeline, the split
// bar and the history. What the users saw is cut into steps by the engine's journal, as the CLI
// test does with the CLI's. Screenshots of the window mid-rollout and at the end go to the
// artifact folder (printed; OPTIMIST_TEST_ARTIFACTS overrides it).

#include "EnvironmentsBinding.h"
#include "GuiApplication.h"
#include "HistoryBinding.h"
#include "LiveRolloutBinding.h"
#include "RolloutController.h"

#include "charts/MetricChartView.h"
#include "charts/MetricsPanel.h"
#include "common/ModelRoles.h"
#include "environments/EnvironmentTreeModel.h"
#include "history/HistoryModel.h"
#include "main/MainWindow.h"
#include "rollout/NewRolloutDialog.h"
#include "rollout/SplitBar.h"
#include "rollout/StepTimelineModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include "e2e/E2eEnvironment.h"

using namespace optimist;
using namespace optimist::loadgen;
using optimist::test::E2eEnvironment;
using optimist::test::RolloutSteps;

namespace {

/// The environment profile E2eEnvironment writes.
const QString kEnvironment = QStringLiteral("e2e");
/// Generous for a loaded machine: a step lasts a 5-s check, the first waits for green's health.
constexpr int kStepTimeoutMs = 90000;
constexpr int kRolloutTimeoutMs = 240000;

} // namespace

class TestE2eGuiRollout : public QObject
{
    Q_OBJECT

    E2eEnvironment m_env;
    std::unique_ptr<GuiApplication> m_gui;
    QString m_artifacts;

    MainWindow *window() const { return m_gui->window(); }
    template <typename T> T *widget(const QString &name) const
    {
        return window()->findChild<T *>(name);
    }

    /// The row of plan step @p step in the rollout panel's timeline (its proxy), at @p column.
    QModelIndex stepRow(int step, int column) const
    {
        const QAbstractItemModel *model =
            widget<QTreeView>(QStringLiteral("timelineView"))->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, column);
            if (index.data(StepIndexRole).toInt() == step)
                return index;
        }
        return {};
    }

    QModelIndex colorRow(Color color, int column) const
    {
        return m_gui->environments()->model()->colorIndex(kEnvironment, m_env.app, color, column);
    }

    /// Saves the main window as drawn now into the artifact folder; the path, or empty.
    QString screenshot(const QString &fileName)
    {
        m_gui->liveRollout()->metricsPanel()->redrawNow();
        const QString path = QDir(m_artifacts).filePath(fileName);
        if (!window()->grab().save(path))
            return {};
        qInfo("screenshot: %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
        // The profile names the test dockerd; nothing may redirect the application elsewhere.
        qunsetenv("DOCKER_HOST");
        QApplication::setQuitOnLastWindowClosed(false);
        m_artifacts = qEnvironmentVariable("OPTIMIST_TEST_ARTIFACTS");
        if (m_artifacts.isEmpty())
            m_artifacts = QCoreApplication::applicationDirPath() +
                          QStringLiteral("/../test-artifacts/tst_e2eguirollout");
        m_artifacts = QDir::cleanPath(m_artifacts);
        QVERIFY(QDir().mkpath(m_artifacts));
        qInfo("artifacts: %s", qPrintable(m_artifacts));
    }

    void init() { m_env.init(this, {.app = QStringLiteral("demo")}); }

    void cleanup()
    {
        // The window and its worker thread go before the servers' state is removed.
        m_gui.reset();
        m_env.cleanup();
    }

    /// v1 → v2 through 10/25/50/75/100, clicked through the window: each step's weight in the
    /// timeline and the split bar, green at 100 % at the end, the history's row, Redis at green
    /// 100 only — and for the users each step's share of v2, no error, no lost connection.
    void healthyReleaseRolledOutFromTheWindow()
    {
        m_env.adoptBlue(QStringLiteral("v1"), E2eEnvironment::plan());
        if (QTest::currentTestFailed())
            return;

        GuiArguments args;
        args.lang = QStringLiteral("en");
        args.configDir = m_env.configDir();
        args.dataDir = m_env.dataDir();
        m_gui = std::make_unique<GuiApplication>(args);
        window()->resize(1440, 900);
        m_gui->start();

        // The environment appears connected, with demo on blue v1 carrying all the traffic.
        EnvironmentTreeModel *tree = m_gui->environments()->model();
        QAbstractItemModelTester tester(tree,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(
            tree->environmentIndex(kEnvironment).data(ConnectionStateRole).toString(),
            QStringLiteral("connected"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            colorRow(Color::Blue, EnvironmentTreeModel::VersionColumn).data(VersionRole).toString(),
            QStringLiteral("v1"), 30000);
        QTRY_COMPARE(
            colorRow(Color::Blue, EnvironmentTreeModel::WeightColumn).data(WeightRole).toInt(),
            100);
        QVERIFY(!colorRow(Color::Green, EnvironmentTreeModel::NameColumn).isValid());
        auto *connection = widget<QLabel>(QStringLiteral("connection_") + kEnvironment);
        QVERIFY(connection);
        QCOMPARE(connection->text(), QStringLiteral("e2e: connected"));
        QVERIFY(widget<QTreeView>(QStringLiteral("environmentsTree"))->model()->rowCount() > 0);

        LoadGenerator load(m_env.loadOptions(50));
        load.start();
        RolloutController *controller = m_gui->controller();
        QList<JournalEvent> journal;
        connect(controller, &RolloutController::journaled, this,
                [&journal](const JournalEvent &event) { journal << event; });
        QSignalSpy finished(controller, &RolloutController::finished);

        // New rollout: the application and v2, started.
        QAction *newRollout = window()->findChild<QAction *>(QStringLiteral("newRollout"));
        QVERIFY(newRollout);
        QTRY_VERIFY(newRollout->isEnabled());
        newRollout->trigger();
        NewRolloutDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = widget<NewRolloutDialog>(QStringLiteral("newRolloutDialog"))) &&
                dialog->isVisible(),
            15000);
        auto *application = dialog->findChild<QComboBox *>(QStringLiteral("applicationCombo"));
        QVERIFY(application);
        const int demoRow = application->findText(m_env.app);
        QVERIFY2(demoRow >= 0, qPrintable(m_env.app));
        application->setCurrentIndex(demoRow);
        auto *version = dialog->findChild<QLineEdit *>(QStringLiteral("versionEdit"));
        version->selectAll();
        QTest::keyClicks(version, QStringLiteral("v2"));
        QCOMPARE(version->text(), QStringLiteral("v2"));
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startButton"));
        QTRY_VERIFY(start->isEnabled());
        start->click();
        auto *title = widget<QLabel>(QStringLiteral("titleLabel"));
        QTRY_VERIFY2(title->text().contains(QLatin1String("v2")), qPrintable(title->text()));

        // The step timeline advances through 10/25/50/75/100, the split bar with it.
        auto *splitBar = widget<SplitBar>(QStringLiteral("splitBar"));
        QVERIFY(splitBar);
        QString midRollout;
        const QList<int> weights{10, 25, 50, 75, 100};
        for (int step = 0; step < weights.size(); ++step) {
            const int weight = weights.at(step);
            QTRY_VERIFY2_WITH_TIMEOUT(splitBar->split().green == weight || !finished.isEmpty(),
                                      qPrintable(QStringLiteral("the split bar shows %1/%2")
                                                     .arg(splitBar->split().blue)
                                                     .arg(splitBar->split().green)),
                                      kStepTimeoutMs);
            if (!finished.isEmpty())
                QFAIL(qPrintable(QStringLiteral("the rollout ended before %1 %: %2")
                                     .arg(weight)
                                     .arg(finished.first().at(1).toString())));
            QCOMPARE(splitBar->split().blue, 100 - weight);
            const QModelIndex row = stepRow(step, StepTimelineModel::WeightColumn);
            QVERIFY(row.isValid());
            QCOMPARE(row.data(StepWeightRole).toInt(), weight);
            QCOMPARE(row.data().toString(), QStringLiteral("%1 %").arg(weight));
            qInfo("step %d: %d %% shown, %s", step + 1, weight,
                  qPrintable(stepRow(step, StepTimelineModel::StateColumn).data().toString()));
            if (weight == 50) {
                // Mid-rollout, the live charts holding the checks at 10 and 25 %.
                QTRY_COMPARE_WITH_TIMEOUT(stepRow(step, 0).data(StepStateRole).toString(),
                                          QStringLiteral("observing"), kStepTimeoutMs);
                MetricsPanel *charts = m_gui->liveRollout()->metricsPanel();
                charts->redrawNow();
                for (MetricChartView *chart : charts->charts()) {
                    QVERIFY2(chart->pointCount(Color::Blue) > 0, qPrintable(chart->objectName()));
                    QVERIFY2(chart->pointCount(Color::Green) > 0, qPrintable(chart->objectName()));
                }
                midRollout = screenshot(QStringLiteral("e2e-rollout-mid.png"));
                QVERIFY(!midRollout.isEmpty());
            }
        }

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRolloutTimeoutMs);
        const qint64 endedAtMs = QDateTime::currentMSecsSinceEpoch();
        E2eEnvironment::drain(load);
        const LoadRecord record = load.record();
        QCOMPARE(finished.first().at(0).value<RolloutState>(), RolloutState::Succeeded);

        // What the window shows at the end: succeeded, green at 100 %, every step passed.
        QTRY_VERIFY(widget<QLabel>(QStringLiteral("stateLabel"))
                        ->text()
                        .contains(QLatin1String("Succeeded")));
        QCOMPARE(splitBar->split().green, 100);
        QCOMPARE(splitBar->split().blue, 0);
        for (int step = 0; step < weights.size(); ++step) {
            QCOMPARE(stepRow(step, 0).data(StepWeightRole).toInt(), weights.at(step));
            QCOMPARE(stepRow(step, 0).data(StepStateRole).toString(), QStringLiteral("passed"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(colorRow(Color::Green, EnvironmentTreeModel::VersionColumn)
                                      .data(VersionRole)
                                      .toString(),
                                  QStringLiteral("v2"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            colorRow(Color::Green, EnvironmentTreeModel::WeightColumn).data(WeightRole).toInt(),
            100, 30000);

        // Blue, removed, leaves the tree at the monitor's next reading.
        QTRY_VERIFY_WITH_TIMEOUT(!colorRow(Color::Blue, EnvironmentTreeModel::NameColumn).isValid(),
                                 30000);
        QCOMPARE(colorRow(Color::Green, EnvironmentTreeModel::VersionColumn)
                     .data(VersionRole)
                     .toString(),
                 QStringLiteral("v2"));

        // The history's row: demo, v1 → v2, Succeeded, by the operator.
        window()->showPanel(MainWindow::PanelSlot::History);
        QAbstractItemModel *history = widget<QTableView>(QStringLiteral("historyView"))->model();
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 15000);
        QTRY_COMPARE(history->index(0, HistoryModel::OutcomeColumn).data().toString(),
                     QStringLiteral("Succeeded"));
        QCOMPARE(history->index(0, HistoryModel::AppColumn).data().toString(), m_env.app);
        QCOMPARE(history->index(0, HistoryModel::VersionsColumn).data().toString(),
                 QStringLiteral("v1 → v2"));
        QCOMPARE(history->index(0, HistoryModel::WhoColumn).data().toString(),
                 RolloutController::operatorName());
        window()->showPanel(MainWindow::PanelSlot::Rollout);
        QVERIFY(!screenshot(QStringLiteral("e2e-rollout-end.png")).isEmpty());

        // The router: green alone at 100; Swarm: green alone.
        QCOMPARE(m_env.weightsInForce(),
                 QStringList{m_env.service(Color::Green) + QStringLiteral("@swarm=100")});
        QTRY_COMPARE_WITH_TIMEOUT(m_env.services(), QStringList{m_env.service(Color::Green)},
                                  20000);

        // The users: each step's share of v2, blue gone only once drained, no error at all.
        RolloutSteps::fromJournal(journal, endedAtMs)
            .verifyStepByStep(record, m_env.service(Color::Blue), QStringLiteral("v1"),
                              QStringLiteral("v2"));
    }
};

QTEST_MAIN(TestE2eGuiRollout)
#include "tst_e2eguirollout.moc"
