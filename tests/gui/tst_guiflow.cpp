// The desktop application composed from its panels, clicked through as a release manager would:
// the New rollout dialog, the live rollout panel and charts, the environments tree, the history
// with its post-mortem, one-click rollback — all on the sandbox with a fast virtual clock, the
// engine on its worker thread. Confirmations are answered through MessageBox's next-answer seam.

#include "EnvironmentsBinding.h"
#include "GuiApplication.h"
#include "HistoryBinding.h"
#include "LiveRolloutBinding.h"
#include "RolloutController.h"

#include "charts/MetricChartView.h"
#include "charts/MetricsPanel.h"
#include "common/ModelRoles.h"
#include "config/Locations.h"
#include "environments/EnvironmentTreeModel.h"
#include "history/DecisionLogModel.h"
#include "history/HistoryModel.h"
#include "main/MainWindow.h"
#include "main/MessageBox.h"
#include "rollout/NewRolloutDialog.h"
#include "rollout/StepTimelineModel.h"
#include "settings/SettingsDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace optimist;

namespace {

constexpr int kTimeoutMs = 60000;
/// Virtual seconds per real second: a whole rollout in about a second.
constexpr double kFast = 3000;
/// A 60 s check window lasts about a second: the test acts while a step is observed.
constexpr double kLive = 50;

} // namespace

class TestGuiFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GuiApplication> m_gui;

    void openOnSandbox(double speed, const QString &scenario)
    {
        GuiArguments args;
        args.sandbox = true;
        args.scenario = scenario;
        args.speed = speed;
        args.dataDir = m_dir->filePath(QStringLiteral("data"));
        args.configDir = m_dir->filePath(QStringLiteral("config"));
        m_gui = std::make_unique<GuiApplication>(args);
        m_gui->start();
        QTRY_VERIFY_WITH_TIMEOUT(action(QStringLiteral("newRollout"))->isEnabled(), 10000);
    }

    MainWindow *window() const { return m_gui->window(); }
    QAction *action(const QString &name) const { return window()->findChild<QAction *>(name); }
    template <typename T> T *widget(const QString &name) const
    {
        return window()->findChild<T *>(name);
    }

    /// New rollout from the toolbar; the dialog, found by its name, once its proposal is in.
    NewRolloutDialog *openDialog()
    {
        action(QStringLiteral("newRollout"))->trigger();
        NewRolloutDialog *dialog = nullptr;
        const auto shown = [&] {
            dialog = widget<NewRolloutDialog>(QStringLiteral("newRolloutDialog"));
            return dialog && dialog->isVisible();
        };
        if (!QTest::qWaitFor(shown, 10000))
            return nullptr;
        return dialog;
    }

    static void accept(NewRolloutDialog *dialog)
    {
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startButton"));
        QVERIFY(start);
        QTRY_VERIFY(start->isEnabled());
        start->click();
    }

    QTableView *historyView() const { return widget<QTableView>(QStringLiteral("historyView")); }

    /// Opens the post-mortem of the history's row @p row as the user does: selects it, Enter.
    void openHistoryRow(int row)
    {
        window()->showPanel(MainWindow::PanelSlot::History);
        QTableView *view = historyView();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(row, 0));
        QTest::keyClick(view, Qt::Key_Return);
    }

    /// The environments tree's row of @p app's @p color, in the panel's (proxy) model.
    QModelIndex colorRow(const QString &app, Color color, int column) const
    {
        return m_gui->environments()->model()->colorIndex(QStringLiteral("sandbox"), app, color,
                                                          column);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
        QApplication::setQuitOnLastWindowClosed(false);
    }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void cleanup()
    {
        m_gui.reset();
        m_dir.reset();
    }

    void thePanelsAreInTheirSlots()
    {
        openOnSandbox(kFast, QStringLiteral("healthy"));
        for (const char *name :
             {"environmentsPanel", "rolloutPanel", "metricsPanel", "historyView", "postMortemView"})
            QVERIFY2(widget<QWidget>(QString::fromLatin1(name)), name);
        // No placeholder is left.
        QVERIFY(!widget<QLabel>(QStringLiteral("placeholder")));
        // The environments tree shows both applications of the sandbox, read by its monitor.
        EnvironmentTreeModel *model = m_gui->environments()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(
            model->applicationIndex(QStringLiteral("sandbox"), QStringLiteral("shop")).isValid(),
            10000);
        QTRY_COMPARE(
            colorRow(QStringLiteral("portal"), Color::Blue, EnvironmentTreeModel::VersionColumn)
                .data(VersionRole)
                .toString(),
            QStringLiteral("v1"));
        QCOMPARE(model->environmentIndex(QStringLiteral("sandbox")).data(ConnectionStateRole),
                 QVariant(QStringLiteral("connected")));
        // The first application is selected: New rollout acts on it.
        QTRY_COMPARE(m_gui->environments()->panel()->selectedApplication(),
                     QStringLiteral("portal"));
    }

    void aWholeRolloutClickedThrough()
    {
        openOnSandbox(kFast, QStringLiteral("healthy"));
        NewRolloutDialog *dialog = openDialog();
        QVERIFY(dialog);
        // Prefilled with the selected application and the version after the one it runs.
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("versionEdit"))->text(),
                 QStringLiteral("v2"));
        auto *version = dialog->findChild<QLineEdit *>(QStringLiteral("versionEdit"));
        version->clear();
        QTest::keyClicks(version, QStringLiteral("2.0.0"));
        QSignalSpy finished(m_gui->controller(), &RolloutController::finished);
        QSignalSpy checks(m_gui->controller(), &RolloutController::checkCompleted);
        accept(dialog);

        // The rollout panel shows it at once, and the live charts fill.
        auto *title = widget<QLabel>(QStringLiteral("titleLabel"));
        QVERIFY2(title->text().contains(QLatin1String("2.0.0")), qPrintable(title->text()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(finished.first().at(0).value<RolloutState>(), RolloutState::Succeeded);
        QVERIFY(checks.size() >= 5);
        QTRY_VERIFY(widget<QLabel>(QStringLiteral("stateLabel"))
                        ->text()
                        .contains(QLatin1String("Succeeded")));
        MetricsPanel *live = m_gui->liveRollout()->metricsPanel();
        live->redrawNow();
        for (MetricChartView *chart : live->charts())
            QVERIFY2(chart->pointCount(Color::Green) > 0, qPrintable(chart->objectName()));
        // Markers at every weight change: the five steps' and none undated.
        const QList<MetricsMarker> &markers = m_gui->liveRollout()->timeline()->markers();
        QVERIFY(std::count_if(markers.begin(), markers.end(), [](const MetricsMarker &m) {
                    return m.kind == MetricsMarker::Kind::WeightChange && m.at.isValid();
                }) >= 5);

        // The environments tree shows the new version on green with all the traffic, and the
        // bio-energy of the last check.
        QTRY_COMPARE_WITH_TIMEOUT(
            colorRow(QStringLiteral("portal"), Color::Green, EnvironmentTreeModel::WeightColumn)
                .data(WeightRole)
                .toInt(),
            100, 10000);
        QTRY_COMPARE(
            colorRow(QStringLiteral("portal"), Color::Green, EnvironmentTreeModel::VersionColumn)
                .data(VersionRole)
                .toString(),
            QStringLiteral("2.0.0"));
        const double bio =
            colorRow(QStringLiteral("portal"), Color::Green, EnvironmentTreeModel::BioEnergyColumn)
                .data(BioEnergyRole)
                .toDouble();
        QVERIFY2(bio > 70 && bio <= 130, qPrintable(QString::number(bio)));

        // The history gains the row; opening it shows the post-mortem.
        QAbstractItemModel *history = historyView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 10000);
        QCOMPARE(history->index(0, 0).data(ToVersionRole).toString(), QStringLiteral("2.0.0"));
        QCOMPARE(history->index(0, 0).data(OutcomeRole).toString(), QStringLiteral("succeeded"));
        openHistoryRow(0);
        DecisionLogModel *log = m_gui->history()->decisionLog();
        QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0, 10000);
        QTRY_VERIFY(widget<QLabel>(QStringLiteral("postMortemTitle"))
                        ->text()
                        .contains(QLatin1String("2.0.0")));

        // Five charts holding data of both colors, with the weight changes marked.
        MetricsPanel *charts = m_gui->history()->chartsPanel();
        QVERIFY(charts->isVisible());
        charts->redrawNow();
        QCOMPARE(charts->charts().size(), 5);
        for (MetricChartView *chart : charts->charts()) {
            QVERIFY2(chart->pointCount(Color::Blue) > 0, qPrintable(chart->objectName()));
            QVERIFY2(chart->pointCount(Color::Green) > 0, qPrintable(chart->objectName()));
        }
        const QList<MetricsMarker> &stored = charts->timeline()->markers();
        QCOMPARE(std::count_if(stored.begin(), stored.end(),
                               [](const MetricsMarker &m) {
                                   return m.kind == MetricsMarker::Kind::WeightChange;
                               }),
                 std::count_if(markers.begin(), markers.end(), [](const MetricsMarker &m) {
                     return m.kind == MetricsMarker::Kind::WeightChange;
                 }));

        // The step timeline: five steps, each passed.
        auto *steps = widget<QTreeView>(QStringLiteral("postMortemTimelineView"));
        QVERIFY(steps && steps->isVisible());
        QAbstractItemModelTester tester(m_gui->history()->timeline(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(steps->model()->rowCount(), 5);
        for (int row = 0; row < 5; ++row)
            QCOMPARE(steps->model()->index(row, 0).data(StepStateRole).toString(),
                     QStringLiteral("passed"));
    }

    void aBadReleaseRollsBackByItselfAndSaysWhy()
    {
        openOnSandbox(kFast, QStringLiteral("error-spike"));
        QSignalSpy checks(m_gui->controller(), &RolloutController::checkCompleted);
        QSignalSpy finished(m_gui->controller(), &RolloutController::finished);
        NewRolloutDialog *dialog = openDialog();
        QVERIFY(dialog);
        accept(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(finished.first().at(0).value<RolloutState>(), RolloutState::RolledBack);
        const auto failed =
            std::find_if(checks.begin(), checks.end(), [](const QList<QVariant> &c) {
                return c.at(0).value<CheckResult>().verdict == Verdict::Fail;
            });
        QVERIFY(failed != checks.end());
        const CheckResult check = failed->at(0).value<CheckResult>();
        QVERIFY(!check.failures.isEmpty());

        // The rollout panel: rolled back, with the reason; the failing check's numbers in its
        // tooltip and, once selected, in the details.
        QTRY_VERIFY(widget<QLabel>(QStringLiteral("stateLabel"))
                        ->text()
                        .contains(QLatin1String("Rolled back")));
        QVERIFY(!widget<QLabel>(QStringLiteral("reasonLabel"))->text().isEmpty());
        auto *timeline = widget<QTreeView>(QStringLiteral("timelineView"));
        const QModelIndex step = timeline->model()->index(check.step, 0);
        QCOMPARE(step.data(StepStateRole).toString(), QStringLiteral("failed"));
        const QModelIndex checkRow = timeline->model()->index(check.index, 0, step);
        QVERIFY(checkRow.isValid());
        for (const QString &failure : check.failures)
            QVERIFY2(checkRow.data(Qt::ToolTipRole).toString().contains(failure),
                     qPrintable(checkRow.data(Qt::ToolTipRole).toString()));
        timeline->setCurrentIndex(checkRow);
        auto *details = widget<QPlainTextEdit>(QStringLiteral("checkDetails"));
        for (const QString &failure : check.failures)
            QVERIFY2(details->toPlainText().contains(failure), qPrintable(details->toPlainText()));

        // The history's post-mortem: the decision log holds the failed check with its numbers
        // and the decision that rolled it back.
        QTRY_COMPARE_WITH_TIMEOUT(historyView()->model()->rowCount(), 1, 10000);
        QCOMPARE(historyView()->model()->index(0, 0).data(OutcomeRole).toString(),
                 QStringLiteral("rolled_back"));
        openHistoryRow(0);
        DecisionLogModel *log = m_gui->history()->decisionLog();
        QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0, 10000);
        QAbstractItemModelTester tester(log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        bool failedCheckShown = false;
        bool finalDecisionShown = false;
        for (int row = 0; row < log->rowCount(); ++row) {
            const QModelIndex entry = log->index(row, DecisionLogModel::DescriptionColumn);
            const QString text = entry.data().toString() + QLatin1Char('\n') +
                                 entry.data(Qt::ToolTipRole).toString();
            if (entry.data(VerdictRole).toInt() == int(Verdict::Fail))
                failedCheckShown =
                    std::all_of(check.failures.begin(), check.failures.end(),
                                [&text](const QString &failure) { return text.contains(failure); });
            if (entry.data(FinalDecisionRole).toBool())
                finalDecisionShown = text.contains(check.failures.first());
        }
        QVERIFY(failedCheckShown);
        QVERIFY(finalDecisionShown);
        // Its charts show the canary's error rate over the limit.
        MetricsPanel *charts = m_gui->history()->chartsPanel();
        charts->redrawNow();
        for (MetricChartView *chart : charts->charts())
            QVERIFY2(chart->pointCount(Color::Green) > 0, qPrintable(chart->objectName()));
        const QList<MetricsMarker> &markers = charts->timeline()->markers();
        QVERIFY(std::any_of(markers.begin(), markers.end(), [](const MetricsMarker &m) {
            return m.kind == MetricsMarker::Kind::RollBack;
        }));
    }

    void thePostMortemChartsAreLegibleAtTheDefaultSize()
    {
        openOnSandbox(kFast, QStringLiteral("latency-regression"));
        QCOMPARE(window()->size(), QSize(1440, 900));
        QSignalSpy finished(m_gui->controller(), &RolloutController::finished);
        NewRolloutDialog *dialog = openDialog();
        QVERIFY(dialog);
        accept(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(historyView()->model()->rowCount(), 1, 10000);
        openHistoryRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(m_gui->history()->decisionLog()->rowCount() > 0, 10000);
        MetricsPanel *charts = m_gui->history()->chartsPanel();
        QTRY_VERIFY(charts->isVisible());
        charts->redrawNow();
        QCoreApplication::processEvents(); // the charts lay out their new axis ranges
        charts->redrawNow();
        if (const QString grabs = qEnvironmentVariable("OPTIMIST_TEST_GRABS"); !grabs.isEmpty())
            window()->grab().save(grabs + QStringLiteral("/post-mortem.png"));

        for (MetricChartView *chart : charts->charts()) {
            const QRectF plot = chart->chart()->plotArea();
            QVERIFY2(plot.height() >= 80, qPrintable(QStringLiteral("%1: plot %2 px high")
                                                         .arg(chart->objectName())
                                                         .arg(plot.height())));
            // Every label reads in full, and the value axis has numbers to read.
            int valueLabels = 0;
            for (QGraphicsItem *item : chart->scene()->items()) {
                auto *text = dynamic_cast<QGraphicsTextItem *>(item);
                if (!text || !text->isVisible())
                    continue;
                const QString shown = text->toPlainText();
                QVERIFY2(
                    !shown.contains(QChar(0x2026)),
                    qPrintable(QStringLiteral("%1: label \"%2\"").arg(chart->objectName(), shown)));
                const QRectF at = text->sceneBoundingRect();
                bool isNumber = false;
                shown.toDouble(&isNumber);
                if (isNumber && at.right() <= plot.left() + 1)
                    ++valueLabels;
            }
            QVERIFY2(valueLabels >= 3, qPrintable(QStringLiteral("%1: %2 value labels")
                                                      .arg(chart->objectName())
                                                      .arg(valueLabels)));
        }
    }

    void oneClickRollbackMidRolloutFromTheToolbar()
    {
        openOnSandbox(kLive, QStringLiteral("healthy"));
        NewRolloutDialog *dialog = openDialog();
        QVERIFY(dialog);
        accept(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::Observing,
                                  kTimeoutMs);

        // The rollout panel's Abort asks first, as the toolbar's does; declined, nothing changes.
        auto *abort = widget<QPushButton>(QStringLiteral("abortButton"));
        QTRY_VERIFY(abort->isEnabled());
        MessageBox::setNextConfirmation(false);
        abort->click();
        QVERIFY(MessageBox::lastQuestion().contains(QLatin1String("Abort the rollout of portal")));
        QVERIFY(m_gui->controller()->isRunning());

        auto *button = widget<QToolButton>(QStringLiteral("oneClickRollbackButton"));
        QVERIFY(button && button->isEnabled());
        MessageBox::setNextConfirmation(true);
        button->click();
        QCOMPARE(MessageBox::lastQuestion(),
                 QStringLiteral("Abort the rollout of portal v2: shift 100% of portal's traffic "
                                "back to blue (v1) and remove green (v2)."));
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::RolledBack,
                                  kTimeoutMs);
        QTRY_VERIFY(widget<QLabel>(QStringLiteral("stateLabel"))
                        ->text()
                        .contains(QLatin1String("Rolled back")));
        // All traffic on blue again, in the tree; and the history holds it.
        QTRY_COMPARE_WITH_TIMEOUT(
            colorRow(QStringLiteral("portal"), Color::Blue, EnvironmentTreeModel::WeightColumn)
                .data(WeightRole)
                .toInt(),
            100, 10000);
        // (Listed once it started; its outcome once it ended.)
        QTRY_COMPARE_WITH_TIMEOUT(historyView()->model()->index(0, 0).data(OutcomeRole).toString(),
                                  QStringLiteral("rolled_back"), 10000);
        QCOMPARE(historyView()->model()->rowCount(), 1);
        QVERIFY(!button->isEnabled());
    }

    void oneClickRollbackAfterSuccessFromTheEnvironmentsPanel()
    {
        openOnSandbox(kFast, QStringLiteral("healthy"));
        NewRolloutDialog *dialog = openDialog();
        QVERIFY(dialog);
        // The old version is kept warm long enough for the test to act.
        dialog->findChild<QSpinBox *>(QStringLiteral("rollbackWindowSpin"))->setValue(7 * 24 * 60);
        accept(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::Succeeded,
                                  kTimeoutMs);
        auto *toolbarButton = widget<QToolButton>(QStringLiteral("oneClickRollbackButton"));
        QTRY_VERIFY(toolbarButton->isEnabled());
        QVERIFY(toolbarButton->toolTip().contains(QLatin1String("back to blue (v1)")));

        // Another application selected: its button says there is nothing to roll back for it.
        EnvironmentsPanel *panel = m_gui->environments()->panel();
        panel->selectApplication(QStringLiteral("sandbox"), QStringLiteral("shop"));
        QCOMPARE(panel->selectedApplication(), QStringLiteral("shop"));
        auto *panelButton = widget<QPushButton>(QStringLiteral("rollbackSelectedButton"));
        MessageBox::setNextConfirmation(false);
        panelButton->click();
        QVERIFY(window()->statusBar()->currentMessage().contains(
            QLatin1String("Nothing to roll back for shop")));
        QVERIFY(m_gui->controller()->canRollBack());

        // portal's button: the same confirmed rollback as the toolbar's.
        panel->selectApplication(QStringLiteral("sandbox"), QStringLiteral("portal"));
        MessageBox::setNextConfirmation(true);
        panelButton->click();
        QCOMPARE(MessageBox::lastQuestion(),
                 QStringLiteral("Shift 100% of portal's traffic back to blue (v1) and remove "
                                "green (v2)."));
        QTRY_VERIFY_WITH_TIMEOUT(m_gui->controller()->isRollbackOfSuccess(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::Succeeded,
                                  kTimeoutMs);
        QTRY_VERIFY(window()->statusBar()->currentMessage().contains(
            QLatin1String("portal is back on v1")));
        QTRY_COMPARE_WITH_TIMEOUT(
            colorRow(QStringLiteral("portal"), Color::Blue, EnvironmentTreeModel::WeightColumn)
                .data(WeightRole)
                .toInt(),
            100, 10000);
        QTRY_COMPARE(
            colorRow(QStringLiteral("portal"), Color::Blue, EnvironmentTreeModel::VersionColumn)
                .data(VersionRole)
                .toString(),
            QStringLiteral("v1"));
        // Both are in the history, the rollback last.
        QTRY_COMPARE_WITH_TIMEOUT(historyView()->model()->rowCount(), 2, 10000);
        QVERIFY(!toolbarButton->isEnabled());
    }

    void settingsOpensAndASavedProfileIsOpened()
    {
        openOnSandbox(kFast, QStringLiteral("healthy"));
        action(QStringLiteral("settings"))->trigger();
        QTRY_VERIFY(m_gui->settingsDialog() && m_gui->settingsDialog()->isVisible());
        SettingsDialog *settings = m_gui->settingsDialog();
        // A second trigger shows the same dialog.
        action(QStringLiteral("settings"))->trigger();
        QCOMPARE(window()->findChildren<SettingsDialog *>().size(), 1);

        // A profile saved by the dialog is opened with its settings: a second environment.
        QSignalSpy opened(m_gui->controller(), &RolloutController::environmentOpened);
        QSignalSpy failed(m_gui->controller(), &RolloutController::environmentFailed);
        const QString dir = Locations::profilesDir(m_dir->filePath(QStringLiteral("config")));
        QDir().mkpath(dir);
        const QString file = dir + QStringLiteral("/staging.yaml");
        QFile yaml(file);
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("name: staging\n"
                   "cluster:\n  kind: sandbox\n  scenario: healthy\n"
                   "router:\n  kind: sandbox\nmetrics:\n  kind: sandbox\n"
                   "applications:\n  - name: portal\n");
        yaml.close();
        Q_EMIT settings->profileSaved(file);
        QTRY_VERIFY_WITH_TIMEOUT(opened.size() + failed.size() > 0, 10000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        QCOMPARE(opened.first().at(0).toString(), QStringLiteral("staging"));
        QTRY_VERIFY(m_gui->environments()
                        ->model()
                        ->applicationIndex(QStringLiteral("staging"), QStringLiteral("portal"))
                        .isValid());
    }
};

QTEST_MAIN(TestGuiFlow)
#include "tst_guiflow.moc"
