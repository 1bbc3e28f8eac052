// The keyboard shortcuts of the composed desktop application: no key is claimed by two actions
// of the window or its panels (Qt calls such a key ambiguous and neither action fires), and
// Ctrl+Shift+R, pressed wherever the focus is, asks for the one-click rollback.

#include "EnvironmentsBinding.h"
#include "GuiApplication.h"
#include "RolloutController.h"

#include "environments/EnvironmentsPanel.h"
#include "main/MainWindow.h"
#include "main/MessageBox.h"
#include "rollout/NewRolloutDialog.h"

#include <QAction>
#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace optimist;

namespace {

constexpr int kTimeoutMs = 60000;
/// Virtual seconds per real second: a 60 s check window lasts about a second.
constexpr double kLive = 50;

QString describe(QAction *action)
{
    if (!action)
        return QStringLiteral("nothing");
    QString owner = action->parent() ? action->parent()->objectName() : QString();
    return QStringLiteral("%1 (%2, in %3)")
        .arg(action->objectName(), action->text(), owner.isEmpty() ? QStringLiteral("?") : owner);
}

} // namespace

class TestShortcuts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GuiApplication> m_gui;

    MainWindow *window() const { return m_gui->window(); }
    QAction *action(const QString &name) const { return window()->findChild<QAction *>(name); }

    /// Every action the window and its panels hold: owned by them or added to them.
    QList<QAction *> allActions() const
    {
        QList<QAction *> actions = window()->findChildren<QAction *>();
        QList<QWidget *> widgets = window()->findChildren<QWidget *>();
        widgets << window();
        for (QWidget *widget : std::as_const(widgets))
            for (QAction *a : widget->actions())
                if (!actions.contains(a))
                    actions << a;
        return actions;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
        QApplication::setQuitOnLastWindowClosed(false);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        GuiArguments args;
        args.sandbox = true;
        args.scenario = QStringLiteral("healthy");
        args.speed = kLive;
        args.dataDir = m_dir->filePath(QStringLiteral("data"));
        args.configDir = m_dir->filePath(QStringLiteral("config"));
        m_gui = std::make_unique<GuiApplication>(args);
        m_gui->start();
        QTRY_VERIFY_WITH_TIMEOUT(action(QStringLiteral("newRollout"))->isEnabled(), 10000);
        // The tree's first application selected: the panel's actions are enabled too.
        QTRY_VERIFY(!m_gui->environments()->panel()->selectedApplication().isEmpty());
    }

    void cleanup()
    {
        m_gui.reset();
        m_dir.reset();
    }

    void noTwoActionsShareAKey()
    {
        const QList<QAction *> actions = allActions();
        QVERIFY(actions.size() >= 10);
        // Enabled or not: an action disabled now is enabled later with the other one.
        QHash<QKeySequence, QAction *> owner;
        int withKeys = 0;
        for (QAction *a : actions) {
            for (const QKeySequence &key : a->shortcuts()) {
                if (key.isEmpty())
                    continue;
                ++withKeys;
                QAction *other = owner.value(key);
                QVERIFY2(!other,
                         qPrintable(QStringLiteral("%1 is claimed by %2 and %3")
                                        .arg(key.toString(), describe(other), describe(a))));
                owner.insert(key, a);
            }
        }
        QVERIFY(withKeys >= 9);
        QCOMPARE(owner.value(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)),
                 action(QStringLiteral("oneClickRollback")));
    }

    void ctrlShiftRAsksForTheRollbackWhereverTheFocusIs()
    {
        // A rollout being observed: the one-click rollback is an Abort.
        action(QStringLiteral("newRollout"))->trigger();
        NewRolloutDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window()->findChild<NewRolloutDialog *>(
                                      QStringLiteral("newRolloutDialog"))) &&
                                     dialog->isVisible(),
                                 10000);
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startButton"));
        QTRY_VERIFY(start->isEnabled());
        start->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::Observing,
                                  kTimeoutMs);
        QTRY_VERIFY(action(QStringLiteral("oneClickRollback"))->isEnabled());

        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        const QString expected = QStringLiteral("Abort the rollout of portal v2");
        // In the environments tree (where the panel once claimed the same key) and in the
        // history list.
        for (const char *focus : {"environmentsTree", "historyView"}) {
            auto *widget = window()->findChild<QWidget *>(QString::fromLatin1(focus));
            QVERIFY2(widget, focus);
            if (QLatin1String(focus) == QLatin1String("historyView"))
                window()->showPanel(MainWindow::PanelSlot::History);
            widget->setFocus();
            QTRY_COMPARE(QApplication::focusWidget(), widget);
            // An empty question first, so only this key press can leave the expected one.
            MessageBox::setNextConfirmation(false);
            MessageBox::confirm(window(), QString(), QString(), QString(), [](bool) {});
            QVERIFY(MessageBox::lastQuestion().isEmpty());
            MessageBox::setNextConfirmation(false); // declined: the rollout goes on
            QTest::keyClick(window(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
            QVERIFY2(MessageBox::lastQuestion().startsWith(expected),
                     qPrintable(QStringLiteral("%1: \"%2\"")
                                    .arg(QLatin1String(focus), MessageBox::lastQuestion())));
            QVERIFY(m_gui->controller()->isRunning());
        }
        // Confirmed, it rolls back.
        MessageBox::setNextConfirmation(true);
        QTest::keyClick(window(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_gui->controller()->state(), RolloutState::RolledBack,
                                  kTimeoutMs);
    }
};

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
