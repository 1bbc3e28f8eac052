// The rollout panel: its controls are offered exactly when the engine would accept them, a click
// asks for the control (the owner applies it), and it follows a real sandbox rollout: header,
// state in words, the split bar, the timeline and the selected check's numbers.

#include "clock/VirtualClock.h"
#include "common/DisplayText.h"
#include "rollout/RolloutEngine.h"
#include "rollout/RolloutPanel.h"
#include "rollout/SplitBar.h"
#include "rollout/StepTimelineModel.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"
#include "store/SqliteHistoryStore.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <functional>
#include <memory>

using namespace optimist;

namespace {

template <typename T> T *find(QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

struct Controls
{
    bool pauseResume;
    bool promote;
    bool promoteFully;
    bool abort;
};

Controls controls(QWidget &panel)
{
    return {find<QPushButton>(panel, "pauseResumeButton")->isEnabled(),
            find<QPushButton>(panel, "promoteButton")->isEnabled(),
            find<QPushButton>(panel, "promoteFullyButton")->isEnabled(),
            find<QPushButton>(panel, "abortButton")->isEnabled()};
}

QString describe(const Controls &c)
{
    return QStringLiteral("pause/resume %1, promote %2, promote fully %3, abort %4")
        .arg(c.pauseResume)
        .arg(c.promote)
        .arg(c.promoteFully)
        .arg(c.abort);
}

} // namespace

class TestRolloutPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void controlsFollowTheState_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("paused");
        QTest::addColumn<QString>("pauseText");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, RolloutState state, bool paused, bool pause, bool promote,
                      bool abort) {
            QTest::newRow(name) << int(state) << paused
                                << (paused ? QStringLiteral("&Resume") : QStringLiteral("&Pause"))
                                << describe({pause, promote, promote, abort});
        };
        row("idle", RolloutState::Idle, false, false, false, false);
        row("pre-checks", RolloutState::PreChecks, false, true, false, true);
        row("deploying", RolloutState::Deploying, false, true, false, true);
        row("waiting healthy", RolloutState::WaitingHealthy, false, true, false, true);
        row("shifting", RolloutState::Shifting, false, true, false, true);
        row("observing", RolloutState::Observing, false, true, true, true);
        row("observing, paused", RolloutState::Observing, true, true, true, true);
        row("final validation", RolloutState::FinalValidation, false, true, true, true);
        row("finalizing", RolloutState::Finalizing, false, false, false, false);
        row("rolling back", RolloutState::RollingBack, false, false, false, false);
        row("rolling back, paused", RolloutState::RollingBack, true, true, false, false);
        row("succeeded", RolloutState::Succeeded, false, false, false, false);
        row("rolled back", RolloutState::RolledBack, false, false, false, false);
        row("failed", RolloutState::Failed, false, false, false, false);
    }
    void controlsFollowTheState()
    {
        QFETCH(int, state);
        QFETCH(bool, paused);
        QFETCH(QString, pauseText);
        QFETCH(QString, expected);
        RolloutPanel panel;
        RolloutRequest request;
        request.app = QStringLiteral("portal");
        request.version = QStringLiteral("2.0");
        panel.showRequest(request);
        panel.stateChanged(RolloutState(state), 1, 25);
        if (paused)
            panel.pausedChanged(true);
        QCOMPARE(describe(controls(panel)), expected);
        QCOMPARE(find<QPushButton>(panel, "pauseResumeButton")->text(), pauseText);
        QVERIFY2(find<QLabel>(panel, "stateLabel")
                     ->text()
                     .startsWith(DisplayText::state(RolloutState(state))),
                 qPrintable(find<QLabel>(panel, "stateLabel")->text()));
    }

    void clickingAsksForTheControl()
    {
        RolloutPanel panel;
        RolloutRequest request;
        request.app = QStringLiteral("portal");
        request.version = QStringLiteral("2.0");
        panel.showRequest(request);
        panel.stateChanged(RolloutState::Observing, 0, 10);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy asked(&panel, &RolloutPanel::controlRequested);
        auto click = [&](const char *name) {
            QTest::mouseClick(find<QPushButton>(panel, name), Qt::LeftButton);
            return asked.isEmpty() ? -1
                                   : int(asked.takeFirst().first().value<OperatorAction::Kind>());
        };
        QCOMPARE(click("pauseResumeButton"), int(OperatorAction::Kind::Pause));
        QCOMPARE(click("promoteButton"), int(OperatorAction::Kind::Promote));
        QCOMPARE(click("promoteFullyButton"), int(OperatorAction::Kind::PromoteFully));
        QCOMPARE(click("abortButton"), int(OperatorAction::Kind::Abort));
        // Asking changes nothing by itself: the state is the engine's to report.
        QCOMPARE(panel.state(), RolloutState::Observing);
        panel.pausedChanged(true);
        QCOMPARE(click("pauseResumeButton"), int(OperatorAction::Kind::Resume));
        panel.stateChanged(RolloutState::Succeeded, 4, 100);
        QCOMPARE(click("abortButton"), -1);
    }

    void followsASandboxRollout()
    {
        const auto scenario = Scenario::load(QStringLiteral("healthy"));
        QVERIFY(scenario.ok());
        VirtualClock clock;
        SandboxEnvironment sandbox(scenario.value(), &clock);
        SandboxCluster cluster(&sandbox);
        SandboxRouter router(&sandbox);
        SandboxMetrics metrics(&sandbox);
        auto opened = SqliteHistoryStore::open(QStringLiteral(":memory:"));
        QVERIFY(opened.ok());
        auto store = std::move(opened.value());
        RolloutEngine engine(RolloutPorts{&cluster, &router, &metrics, &clock, store.get()});
        auto runUntil = [&](const std::function<bool()> &done) {
            while (!done())
                if (!clock.runNext())
                    return false;
            return true;
        };

        RolloutPanel panel;
        QAbstractItemModelTester tester(panel.timeline(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.follow(&engine);
        // The owner applies what the panel asks for, as the operator.
        connect(&panel, &RolloutPanel::controlRequested, &engine,
                [&engine](OperatorAction::Kind kind) {
                    QVERIFY(engine.control(kind, QStringLiteral("alice")).ok());
                });

        RolloutRequest request;
        request.app = scenario.value().app;
        request.environment = QStringLiteral("sandbox");
        request.version = QStringLiteral("v2");
        request.plan = scenario.value().plan;
        request.operatorName = QStringLiteral("alice");
        panel.showRequest(request);
        QVERIFY(engine.start(request).ok());
        QVERIFY(runUntil([&] { return engine.state() == RolloutState::Deploying; }));
        panel.showRecord(engine.record());
        QCOMPARE(find<QLabel>(panel, "titleLabel")->text(), QStringLiteral("demo: v1 → v2"));

        QVERIFY(runUntil([&] {
            return engine.state() == RolloutState::Observing && engine.record().step == 1;
        }));
        QCOMPARE(find<QLabel>(panel, "stateLabel")->text(),
                 QStringLiteral("Observing · step 2 of 5 at 25 %"));
        QCOMPARE(find<SplitBar>(panel, "splitBar")->split(),
                 WeightSplit::canaryAt(Color::Green, 25));
        QCOMPARE(find<SplitBar>(panel, "splitBar")->toolTip(),
                 QStringLiteral("blue 75 % · green 25 %"));
        QCOMPARE(describe(controls(panel)), describe({true, true, true, true}));

        // The first step's check, selected in the view, shows its numbers and reasons.
        auto *view = find<QTreeView>(panel, "timelineView");
        const QModelIndex firstStep = view->model()->index(0, 0);
        QCOMPARE(view->model()->rowCount(firstStep), 1);
        QVERIFY(view->isExpanded(firstStep));
        const QModelIndex check = view->model()->index(0, 0, firstStep);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(check).center());
        const QString details = find<QPlainTextEdit>(panel, "checkDetails")->toPlainText();
        QVERIFY2(details.startsWith(QStringLiteral("Check 1 at 10 %: Pass")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Bio-energy:")), qPrintable(details));

        // Pause: the button turns into Resume.
        QTest::mouseClick(find<QPushButton>(panel, "pauseResumeButton"), Qt::LeftButton);
        QVERIFY(engine.isPaused());
        QCOMPARE(find<QPushButton>(panel, "pauseResumeButton")->text(), QStringLiteral("&Resume"));
        QVERIFY(find<QLabel>(panel, "stateLabel")->text().endsWith(QStringLiteral("paused")));
        QTest::mouseClick(find<QPushButton>(panel, "pauseResumeButton"), Qt::LeftButton);
        QVERIFY(!engine.isPaused());

        // Promote: shifting to step 3, where promoting is not possible until it is observed.
        QTest::mouseClick(find<QPushButton>(panel, "promoteButton"), Qt::LeftButton);
        QCOMPARE(engine.state(), RolloutState::Shifting);
        QCOMPARE(describe(controls(panel)), describe({true, false, false, true}));
        QVERIFY(runUntil([&] { return engine.state() == RolloutState::Observing; }));
        QCOMPARE(engine.record().step, 2);

        // Abort: rolled back, every control off, the reason in words.
        QTest::mouseClick(find<QPushButton>(panel, "abortButton"), Qt::LeftButton);
        clock.runUntilIdle();
        QCOMPARE(engine.state(), RolloutState::RolledBack);
        QCOMPARE(find<QLabel>(panel, "stateLabel")->text(), QStringLiteral("Rolled back"));
        QCOMPARE(describe(controls(panel)), describe({false, false, false, false}));
        QCOMPARE(find<QLabel>(panel, "reasonLabel")->text(), QStringLiteral("aborted by alice"));
        QCOMPARE(find<SplitBar>(panel, "splitBar")->split(),
                 WeightSplit::canaryAt(Color::Green, 0));
        QCOMPARE(view->model()->index(2, StepTimelineModel::StateColumn).data().toString(),
                 QStringLiteral("Aborted"));
    }
};

QTEST_MAIN(TestRolloutPanel)
#include "tst_rolloutpanel.moc"
