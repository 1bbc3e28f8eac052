// The history list: pages load as the view asks for them, and sorting and filtering run in the
// store's query over the whole history, read on a worker thread through ThreadedHistorySource.

#include "support/GeneratedHistory.h"

#include "common/ModelRoles.h"
#include "history/HistoryModel.h"
#include "history/ThreadedHistorySource.h"
#include "store/SqliteHistoryStore.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

namespace {

constexpr int kRollouts = 500;
constexpr int kPage = 40;

std::unique_ptr<ThreadedHistorySource> sourceFor(const QString &path)
{
    return std::make_unique<ThreadedHistorySource>([path] {
        auto opened = SqliteHistoryStore::open(path);
        if (!opened)
            return Result<std::unique_ptr<HistoryStore>>(opened.error());
        return Result<std::unique_ptr<HistoryStore>>(std::move(opened).value());
    });
}

/// The model over the generated history, with a tester attached and the first page loaded.
struct Fixture
{
    std::unique_ptr<ThreadedHistorySource> source;
    std::unique_ptr<HistoryModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;

    explicit Fixture(const QString &path)
        : source(sourceFor(path))
        , model(std::make_unique<HistoryModel>(source.get()))
        , tester(std::make_unique<QAbstractItemModelTester>(
              model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest))
    {
        model->setPageSize(kPage);
        model->refresh();
    }
};

bool idle(const HistoryModel &model)
{
    return !model.isLoading() && model.totalCount() >= 0;
}

void fetchAll(HistoryModel &model)
{
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QTRY_VERIFY(!model.isLoading());
    }
}

QVariant value(const HistoryModel &model, int row, int role, int column = 0)
{
    return model.data(model.index(row, column), role);
}

int expectedCount(const std::function<bool(int)> &matches)
{
    int count = 0;
    for (int i = 0; i < kRollouts; ++i)
        count += matches(i) ? 1 : 0;
    return count;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("history.sqlite"));
        QString error;
        QVERIFY2(generated::writeHistory(m_path, kRollouts, &error), qPrintable(error));
    }

    void opensWithOnePageAndTheTotal()
    {
        Fixture f(m_path);
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->rowCount(), kPage);
        QCOMPARE(f.model->totalCount(), kRollouts);
        QVERIFY(f.model->canFetchMore({}));
        QCOMPARE(f.model->appNames(), generated::apps());

        // Newest first: the last generated rollout on top, with its words and numbers.
        const int newest = kRollouts - 1;
        const RolloutRecord expected = generated::rollout(newest);
        QCOMPARE(value(*f.model, 0, AppNameRole).toString(), expected.app);
        QCOMPARE(value(*f.model, 0, Qt::DisplayRole, HistoryModel::VersionsColumn).toString(),
                 QStringLiteral("%1 → %2").arg(expected.fromVersion, expected.toVersion));
        QCOMPARE(value(*f.model, 0, DurationSecRole).toLongLong(), generated::durationSec(newest));
        QCOMPARE(value(*f.model, 0, Qt::DisplayRole, HistoryModel::WhoColumn).toString(),
                 expected.operatorName);
        QCOMPARE(value(*f.model, 0, StartedAtRole).toDateTime(), expected.startedAt);
    }

    void fetchMoreLoadsThePagesInOrderUntilTheEnd()
    {
        Fixture f(m_path);
        QTRY_VERIFY(idle(*f.model));
        QSignalSpy inserted(f.model.get(), &QAbstractItemModel::rowsInserted);
        f.model->fetchMore({});
        QVERIFY(f.model->isLoading());
        QVERIFY(!f.model->canFetchMore({})); // one page at a time
        QTRY_COMPARE(f.model->rowCount(), 2 * kPage);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), kPage);

        fetchAll(*f.model);
        QCOMPARE(f.model->rowCount(), kRollouts);
        QVERIFY(!f.model->canFetchMore({}));
        QSet<qint64> ids;
        for (int row = 0; row < f.model->rowCount(); ++row) {
            ids.insert(f.model->rolloutId(row));
            if (row > 0)
                QVERIFY(value(*f.model, row - 1, StartedAtRole).toDateTime() >
                        value(*f.model, row, StartedAtRole).toDateTime());
        }
        QCOMPARE(ids.size(), kRollouts);
    }

    void sortsByStartAndDurationOverTheWholeHistory()
    {
        Fixture f(m_path);
        QTRY_VERIFY(idle(*f.model));

        f.model->sort(HistoryModel::StartedColumn, Qt::AscendingOrder);
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->rowCount(), kPage);
        QCOMPARE(value(*f.model, 0, StartedAtRole).toDateTime(), generated::firstStart());

        qint64 longest = 0;
        qint64 shortest = std::numeric_limits<qint64>::max();
        for (int i = 0; i < kRollouts; ++i) {
            longest = std::max(longest, generated::durationSec(i));
            shortest = std::min(shortest, generated::durationSec(i));
        }
        f.model->sort(HistoryModel::DurationColumn, Qt::DescendingOrder);
        QTRY_VERIFY(idle(*f.model));
        f.model->fetchMore({});
        QTRY_COMPARE(f.model->rowCount(), 2 * kPage);
        // The longest of all 500, not of the rows loaded before: the query sorted.
        QCOMPARE(value(*f.model, 0, DurationSecRole).toLongLong(), longest);
        for (int row = 1; row < f.model->rowCount(); ++row)
            QVERIFY(value(*f.model, row - 1, DurationSecRole).toLongLong() >=
                    value(*f.model, row, DurationSecRole).toLongLong());

        f.model->sort(HistoryModel::DurationColumn, Qt::AscendingOrder);
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(value(*f.model, 0, DurationSecRole).toLongLong(), shortest);
        QCOMPARE(value(*f.model, 0, SortRole, HistoryModel::DurationColumn).toLongLong(), shortest);
    }

    void filtersByOutcomeAppAndText()
    {
        Fixture f(m_path);
        QTRY_VERIFY(idle(*f.model));

        f.model->setOutcomeFilter(QStringLiteral("rolled_back"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(), expectedCount([](int i) { return i % 5 == 0; }));
        fetchAll(*f.model);
        QCOMPARE(f.model->rowCount(), f.model->totalCount());
        for (int row = 0; row < f.model->rowCount(); ++row) {
            QCOMPARE(value(*f.model, row, OutcomeRole).toString(), QStringLiteral("rolled_back"));
            QCOMPARE(value(*f.model, row, Qt::DisplayRole, HistoryModel::OutcomeColumn).toString(),
                     QStringLiteral("Rolled back"));
        }

        f.model->setAppFilter(QStringLiteral("portal"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(),
                 expectedCount([](int i) { return i % 5 == 0 && i % 3 == 1; }));
        QCOMPARE(value(*f.model, 0, AppNameRole).toString(), QStringLiteral("portal"));

        f.model->setOutcomeFilter(QString());
        f.model->setAppFilter(QString());
        // Text: the operator, case-insensitively …
        f.model->setTextFilter(QStringLiteral("CAROL"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(), expectedCount([](int i) { return i % 4 == 2; }));
        QCOMPARE(value(*f.model, 0, WhoRole).toString(), QStringLiteral("carol"));
        // … words of the reason …
        f.model->setTextFilter(QStringLiteral("never became healthy"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(), expectedCount([](int i) { return i % 5 && i % 7 == 0; }));
        // … a version (LIKE wildcards are taken literally) …
        f.model->setTextFilter(QStringLiteral("1.123"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(), 2); // 1.122 → 1.123 and 1.123 → 1.124
        f.model->setTextFilter(QStringLiteral("12.5%"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(), expectedCount([](int i) { return i % 5 == 0; }));
        f.model->setTextFilter(QStringLiteral("1_1"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(), 0);
        QCOMPARE(f.model->rowCount(), 0);
        QVERIFY(!f.model->canFetchMore({}));
    }

    void anUnreadableHistoryIsReported()
    {
        ThreadedHistorySource source([] {
            return Result<std::unique_ptr<HistoryStore>>(
                Error{Error::Kind::Storage, QStringLiteral("the disk is on fire")});
        });
        HistoryModel model(&source);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &HistoryModel::loadFailed);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("the disk is on fire"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
        QVERIFY(!model.canFetchMore({})); // no retry loop; refresh() tries again
    }

    void aStaleAnswerIsIgnored()
    {
        Fixture f(m_path);
        // Replaced before its first page arrived: only the answer to the new query counts.
        f.model->setOutcomeFilter(QStringLiteral("failed"));
        QTRY_VERIFY(idle(*f.model));
        QCOMPARE(f.model->totalCount(), expectedCount([](int i) { return i % 5 && i % 7 == 0; }));
        for (int row = 0; row < f.model->rowCount(); ++row)
            QCOMPARE(value(*f.model, row, OutcomeRole).toString(), QStringLiteral("failed"));
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
