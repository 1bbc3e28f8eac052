// The environments panel as the release manager uses it: the tree opens expanded, clicking an
// application (or one of its colors) enables the one-click rollback button, which then asks to
// roll back exactly that application; the context menu offers a new rollout of it.

#include "common/ModelRoles.h"
#include "environments/EnvironmentTreeModel.h"
#include "environments/EnvironmentsPanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <optional>

using namespace optimist;

namespace {

AppSnapshot snapshot(const QString &app, const QString &blueVersion,
                     const std::optional<QString> &greenVersion = std::nullopt)
{
    AppSnapshot s;
    s.app = app;
    ColorService blue;
    blue.color = Color::Blue;
    blue.serviceName = app + QStringLiteral("-blue");
    blue.version = blueVersion;
    blue.replicasRunning = blue.replicasDesired = 2;
    blue.healthy = true;
    s.blue = blue;
    if (greenVersion) {
        ColorService green = blue;
        green.color = Color::Green;
        green.serviceName = app + QStringLiteral("-green");
        green.version = *greenVersion;
        s.green = green;
    }
    return s;
}

/// The panel over a model holding two environments, shown.
struct Fixture
{
    Fixture()
        : tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        model.setEnvironment(QStringLiteral("production"), ConnectionState::Connected);
        model.updateApplication(QStringLiteral("production"),
                                snapshot(QStringLiteral("portal"), QStringLiteral("v7")),
                                WeightSplit{100, 0});
        model.setEnvironment(QStringLiteral("sandbox"), ConnectionState::Connected);
        panel.setModel(&model);
        // Rows arriving after the panel shows them open too.
        model.updateApplication(
            QStringLiteral("sandbox"),
            snapshot(QStringLiteral("demo"), QStringLiteral("v1"), QStringLiteral("v2")),
            WeightSplit{75, 25});
        panel.resize(900, 500);
        panel.show();
    }

    QTreeView *tree() const
    {
        return panel.findChild<QTreeView *>(QStringLiteral("environmentsTree"));
    }
    QPushButton *rollbackButton() const
    {
        return panel.findChild<QPushButton *>(QStringLiteral("rollbackSelectedButton"));
    }
    /// The tree's row for @p environment / @p app (/ @p color), in the view's own model.
    QModelIndex row(const QString &environment, const QString &app = {},
                    std::optional<Color> color = std::nullopt) const
    {
        QModelIndex source = app.isEmpty() ? model.environmentIndex(environment)
                             : color       ? model.colorIndex(environment, app, *color)
                                           : model.applicationIndex(environment, app);
        const QAbstractItemModel *shown = tree()->model();
        const QModelIndexList found =
            shown->match(shown->index(0, 0), Qt::DisplayRole, source.data(), -1,
                         Qt::MatchExactly | Qt::MatchRecursive);
        for (const QModelIndex &candidate : found) {
            if (candidate.data(EnvironmentNameRole) == source.data(EnvironmentNameRole) &&
                candidate.data(AppNameRole) == source.data(AppNameRole) &&
                candidate.data(NodeKindRole) == source.data(NodeKindRole))
                return candidate;
        }
        return {};
    }
    void click(const QModelIndex &index)
    {
        QVERIFY(index.isValid());
        const QRect rect = tree()->visualRect(index);
        QVERIFY(!rect.isEmpty()); // shown, so its parents are expanded
        QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
    }

    EnvironmentTreeModel model;
    QAbstractItemModelTester tester;
    EnvironmentsPanel panel;
};

} // namespace

class TestEnvironmentsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensExpanded()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QVERIFY(f.tree());
        QVERIFY(f.tree()->isExpanded(f.row(QStringLiteral("production"))));
        QVERIFY(f.tree()->isExpanded(f.row(QStringLiteral("sandbox"))));
        QVERIFY(f.tree()->isExpanded(f.row(QStringLiteral("sandbox"), QStringLiteral("demo"))));
        QVERIFY(!f.tree()
                     ->visualRect(
                         f.row(QStringLiteral("sandbox"), QStringLiteral("demo"), Color::Green))
                     .isEmpty());
    }

    void selectingAnApplicationEnablesTheRollbackButton()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QPushButton *rollback = f.rollbackButton();
        QVERIFY(rollback);
        QVERIFY(!rollback->isEnabled());

        QSignalSpy selected(&f.panel, &EnvironmentsPanel::applicationSelected);
        QSignalSpy requested(&f.panel, &EnvironmentsPanel::rollbackRequested);
        f.click(f.row(QStringLiteral("production"), QStringLiteral("portal")));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first(),
                 (QList<QVariant>{QStringLiteral("production"), QStringLiteral("portal")}));
        QVERIFY(rollback->isEnabled());
        QVERIFY2(rollback->text().contains(QStringLiteral("portal")), qPrintable(rollback->text()));

        QTest::mouseClick(rollback, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first(),
                 (QList<QVariant>{QStringLiteral("production"), QStringLiteral("portal")}));
    }

    void aColorRowActsOnItsApplication()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QSignalSpy requested(&f.panel, &EnvironmentsPanel::rollbackRequested);
        f.click(f.row(QStringLiteral("sandbox"), QStringLiteral("demo"), Color::Green));
        QCOMPARE(f.panel.selectedEnvironment(), QStringLiteral("sandbox"));
        QCOMPARE(f.panel.selectedApplication(), QStringLiteral("demo"));
        QVERIFY(f.rollbackButton()->isEnabled());
        QTest::mouseClick(f.rollbackButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first(),
                 (QList<QVariant>{QStringLiteral("sandbox"), QStringLiteral("demo")}));
    }

    void anEnvironmentRowHasNoApplicationToRollBack()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        f.click(f.row(QStringLiteral("production"), QStringLiteral("portal")));
        QVERIFY(f.rollbackButton()->isEnabled());
        QSignalSpy selected(&f.panel, &EnvironmentsPanel::applicationSelected);
        f.click(f.row(QStringLiteral("sandbox")));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first(), (QList<QVariant>{QStringLiteral("sandbox"), QString()}));
        QVERIFY(!f.rollbackButton()->isEnabled());

        QSignalSpy requested(&f.panel, &EnvironmentsPanel::rollbackRequested);
        QTest::mouseClick(f.rollbackButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 0);
    }

    void theSelectionStaysThroughUpdatesAndLeavesWithItsApplication()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        f.click(f.row(QStringLiteral("sandbox"), QStringLiteral("demo"), Color::Green));
        QSignalSpy selected(&f.panel, &EnvironmentsPanel::applicationSelected);

        // The next step: the weights change, blue is scaled, the color rows stay.
        AppSnapshot next =
            snapshot(QStringLiteral("demo"), QStringLiteral("v1"), QStringLiteral("v2"));
        next.blue->replicasRunning = 1;
        f.model.updateApplication(QStringLiteral("sandbox"), next, WeightSplit{50, 50});
        QCOMPARE(selected.count(), 0);
        QVERIFY(f.rollbackButton()->isEnabled());
        const QModelIndexList rows = f.tree()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(ColorRole).toInt(), int(Color::Green));
        QCOMPARE(rows.first().data(WeightRole).toInt(), 50);

        // The application goes away: nothing is selected any more.
        f.model.removeApplication(QStringLiteral("sandbox"), QStringLiteral("demo"));
        QVERIFY(!f.rollbackButton()->isEnabled());
        QCOMPARE(f.panel.selectedApplication(), QString());
        QVERIFY(selected.count() >= 1);
        QCOMPARE(selected.last().at(1).toString(), QString());
    }

    void theContextMenuOffersANewRolloutOfTheApplication()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QSignalSpy requested(&f.panel, &EnvironmentsPanel::newRolloutRequested);
        const QModelIndex portal = f.row(QStringLiteral("production"), QStringLiteral("portal"));
        const QPoint at = f.tree()->visualRect(portal).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, at,
                                f.tree()->viewport()->mapToGlobal(at));
        QApplication::sendEvent(f.tree()->viewport(), &event);

        QMenu *menu = nullptr;
        QTRY_VERIFY(
            (menu = f.panel.findChild<QMenu *>(QStringLiteral("environmentsContextMenu"))) &&
            menu->isVisible());
        QAction *newRollout = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->objectName() == QLatin1String("actionNewRolloutSelected"))
                newRollout = action;
        }
        QVERIFY(newRollout);
        QVERIFY(newRollout->isEnabled());
        QVERIFY2(newRollout->text().contains(QStringLiteral("portal")),
                 qPrintable(newRollout->text()));
        newRollout->trigger();
        menu->close();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first(),
                 (QList<QVariant>{QStringLiteral("production"), QStringLiteral("portal")}));
    }

    void theFilterKeepsMatchingApplicationsWithTheirColors()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        auto *filter = f.panel.findChild<QLineEdit *>(QStringLiteral("environmentsFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("dem"));
        QVERIFY(!f.row(QStringLiteral("production"), QStringLiteral("portal")).isValid());
        QVERIFY(f.row(QStringLiteral("sandbox"), QStringLiteral("demo"), Color::Blue).isValid());
        QVERIFY(f.row(QStringLiteral("sandbox"), QStringLiteral("demo"), Color::Green).isValid());
        filter->clear();
        QVERIFY(f.row(QStringLiteral("production"), QStringLiteral("portal")).isValid());
    }
};

QTEST_MAIN(TestEnvironmentsPanel)
#include "tst_environmentspanel.moc"
