// The history panel as a release manager uses it: filters, sorting by a header click, more rows
// when scrolling down, and double-click or Enter opening a rollout's post-mortem.

#include "support/GeneratedHistory.h"

#include "common/ModelRoles.h"
#include "history/HistoryModel.h"
#include "history/HistoryPanel.h"
#include "history/ThreadedHistorySource.h"
#include "store/SqliteHistoryStore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

namespace {

constexpr int kRollouts = 300;

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ThreadedHistorySource> m_source;
    std::unique_ptr<HistoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<HistoryPanel> m_panel;

    template <typename T> T *child(const char *name)
    {
        T *widget = m_panel->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s", name);
        return widget;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("history.sqlite"));
        QString error;
        QVERIFY2(generated::writeHistory(m_path, kRollouts, &error), qPrintable(error));
    }

    void init()
    {
        const QString path = m_path;
        m_source = std::make_unique<ThreadedHistorySource>([path] {
            auto opened = SqliteHistoryStore::open(path);
            if (!opened)
                return Result<std::unique_ptr<HistoryStore>>(opened.error());
            return Result<std::unique_ptr<HistoryStore>>(std::move(opened).value());
        });
        m_model = std::make_unique<HistoryModel>(m_source.get());
        m_model->setPageSize(50);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panel = std::make_unique<HistoryPanel>(m_model.get());
        m_panel->resize(800, 400);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QTRY_COMPARE(m_model->totalCount(), kRollouts);
    }

    void cleanup()
    {
        m_panel.reset();
        m_tester.reset();
        m_model.reset();
        m_source.reset();
    }

    void showsTheCountAndTheApplications()
    {
        QCOMPARE(child<QLabel>("historyStatus")->text(), QStringLiteral("Rollouts: 300"));
        auto *apps = child<QComboBox>("historyAppFilter");
        QTRY_COMPARE(apps->count(), 4);
        QCOMPARE(apps->itemText(0), QStringLiteral("All applications"));
        QCOMPARE(apps->itemText(2), QStringLiteral("portal"));
    }

    void filtersNarrowTheList()
    {
        auto *apps = child<QComboBox>("historyAppFilter");
        QTRY_COMPARE(apps->count(), 4);
        apps->setCurrentIndex(apps->findText(QStringLiteral("search")));
        QTRY_COMPARE(m_model->totalCount(), kRollouts / 3);
        QTRY_COMPARE(child<QLabel>("historyStatus")->text(), QStringLiteral("Rollouts: 100"));

        auto *outcome = child<QComboBox>("historyOutcomeFilter");
        outcome->setCurrentIndex(outcome->findText(QStringLiteral("Rolled back")));
        // search (i % 3 == 2) and rolled back (i % 5 == 0): i % 15 == 5
        QTRY_COMPARE(m_model->totalCount(), kRollouts / 15);
        QCOMPARE(m_model->index(0, 0).data(AppNameRole).toString(), QStringLiteral("search"));
        QCOMPARE(m_model->index(0, 0).data(OutcomeRole).toString(), QStringLiteral("rolled_back"));

        apps->setCurrentIndex(0);
        outcome->setCurrentIndex(0);
        QTRY_COMPARE(m_model->totalCount(), kRollouts);
        QTest::keyClicks(child<QLineEdit>("historyTextFilter"), QStringLiteral("dave"));
        QTRY_COMPARE(m_model->totalCount(), kRollouts / 4);
        QCOMPARE(m_model->query().text, QStringLiteral("dave")); // once, after typing rested
    }

    void headerClickSortsTheWholeHistory()
    {
        QTableView *view = child<QTableView>("historyView");
        QHeaderView *header = view->horizontalHeader();
        const int x = header->sectionViewportPosition(HistoryModel::DurationColumn) +
                      header->sectionSize(HistoryModel::DurationColumn) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QTRY_VERIFY(m_model->query().sortKey == RolloutQuery::SortKey::Duration &&
                    !m_model->isLoading() && m_model->rowCount() > 0);
        qint64 extreme = m_model->query().ascending ? std::numeric_limits<qint64>::max() : 0;
        for (int i = 0; i < kRollouts; ++i)
            extreme = m_model->query().ascending ? std::min(extreme, generated::durationSec(i))
                                                 : std::max(extreme, generated::durationSec(i));
        QCOMPARE(m_model->index(0, 0).data(DurationSecRole).toLongLong(), extreme);
    }

    void scrollingDownLoadsMore()
    {
        QTableView *view = child<QTableView>("historyView");
        QTRY_VERIFY(!m_model->isLoading());
        const int loaded = m_model->rowCount();
        QVERIFY(loaded < kRollouts);
        view->scrollToBottom();
        QTRY_VERIFY(m_model->rowCount() > loaded);
    }

    void doubleClickAndEnterOpenARollout()
    {
        QTableView *view = child<QTableView>("historyView");
        QSignalSpy opened(m_panel.get(), &HistoryPanel::openRollout);

        const QModelIndex third = m_model->index(2, HistoryModel::AppColumn);
        const QPoint centre = view->visualRect(third).center();
        // A double-click is a press on the row, then the double-click (as a window system sends).
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(opened.size(), 0); // one click only selects
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toLongLong(), m_model->rolloutId(2));

        view->setFocus();
        view->setCurrentIndex(m_model->index(5, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.last().first().toLongLong(), m_model->rolloutId(5));
        QVERIFY(m_model->rolloutId(5) != m_model->rolloutId(2));
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
