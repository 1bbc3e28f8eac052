// The post-mortem of a real sandbox rollout, read back from its SQLite history: the decision
// log says why it ended as it did, with the failing number; the exports hold the timeline, the
// decisions and every stored sample; the view exports through its file-name seam.

#include "clock/VirtualClock.h"
#include "common/ModelRoles.h"
#include "history/DecisionLogModel.h"
#include "history/PostMortemExport.h"
#include "history/PostMortemText.h"
#include "history/PostMortemView.h"
#include "history/ThreadedHistorySource.h"
#include "rollout/RolloutEngine.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"
#include "store/SqliteHistoryStore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace optimist;

namespace {

/// Runs scenario @p name to its end in the sandbox, journaling into @p database; with
/// @p abortAtObserving, alice aborts once the first step is being observed.
qint64 runSandboxRollout(const QString &name, const QString &database, bool abortAtObserving)
{
    const Result<Scenario> scenario = Scenario::load(name);
    if (!scenario)
        qFatal("scenario: %s", qPrintable(scenario.error().message));
    VirtualClock clock;
    SandboxEnvironment sandbox(scenario.value(), &clock);
    SandboxCluster cluster(&sandbox);
    SandboxRouter router(&sandbox);
    SandboxMetrics metrics(&sandbox);
    auto opened = SqliteHistoryStore::open(database);
    if (!opened)
        qFatal("store: %s", qPrintable(opened.error().message));
    RolloutEngine engine(RolloutPorts{&cluster, &router, &metrics, &clock, opened.value().get()});
    RolloutRequest request;
    request.app = QStringLiteral("demo");
    request.environment = QStringLiteral("sandbox");
    request.version = QStringLiteral("v2");
    request.plan = scenario.value().plan;
    request.operatorName = QStringLiteral("ci");
    const Result<qint64> started = engine.start(request);
    if (!started)
        qFatal("start: %s", qPrintable(started.error().message));
    if (abortAtObserving) {
        while (engine.state() != RolloutState::Observing && clock.runNext()) {
        }
        if (!engine.control(OperatorAction::Kind::Abort, QStringLiteral("alice")))
            qFatal("abort refused");
    }
    clock.runUntilIdle();
    if (engine.isRunning())
        qFatal("the rollout did not end");
    return started.value();
}

std::unique_ptr<ThreadedHistorySource> sourceFor(const QString &path)
{
    return std::make_unique<ThreadedHistorySource>([path] {
        auto opened = SqliteHistoryStore::open(path);
        if (!opened)
            return Result<std::unique_ptr<HistoryStore>>(opened.error());
        return Result<std::unique_ptr<HistoryStore>>(std::move(opened).value());
    });
}

QString text(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestPostMortem : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_database;
    qint64 m_rolledBack = 0;
    qint64 m_aborted = 0;
    std::unique_ptr<ThreadedHistorySource> m_source;

    /// The post-mortem of @p id, read through the source into a tested DecisionLogModel.
    PostMortem load(DecisionLogModel &log, qint64 id)
    {
        QSignalSpy changed(&log, &DecisionLogModel::postMortemChanged);
        log.load(m_source.get(), id);
        if (!changed.wait(10000))
            qFatal("the post-mortem of %lld did not arrive", id);
        return log.postMortem();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("history.sqlite"));
        m_rolledBack = runSandboxRollout(QStringLiteral("error-spike"), m_database, false);
        m_aborted = runSandboxRollout(QStringLiteral("healthy"), m_database, true);
        m_source = sourceFor(m_database);
    }
    void cleanupTestCase() { m_source.reset(); }

    void logSaysWhyItRolledBackWithTheFailingNumber()
    {
        DecisionLogModel log;
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const PostMortem p = load(log, m_rolledBack);
        QCOMPARE(p.record.state, RolloutState::RolledBack);
        QVERIFY(!p.checks.isEmpty());

        // The first row: how it ended, and why.
        QCOMPARE(log.index(0, 0).data(LogEntryKindRole).toInt(),
                 int(DecisionLogModel::EntryKind::Outcome));
        const QString outcome = text(log, 0, DecisionLogModel::DescriptionColumn);
        QVERIFY2(outcome.startsWith(QLatin1String("Rolled back after")), qPrintable(outcome));
        QVERIFY2(outcome.contains(p.record.reason), qPrintable(outcome));

        // The failed check, with the canary's error rate as the analyzer measured it.
        const CheckResult &failedCheck = p.checks.first();
        QCOMPARE(failedCheck.verdict, Verdict::Fail);
        const double canaryErrors = failedCheck.canary().errorRatePct();
        QVERIFY(canaryErrors > 10);
        int checkRow = -1;
        int finalRow = -1;
        for (int row = 0; row < log.rowCount(); ++row) {
            const QModelIndex index = log.index(row, 0);
            if (index.data(VerdictRole) == QVariant(int(Verdict::Fail)) && checkRow < 0)
                checkRow = row;
            if (index.data(FinalDecisionRole).toBool()) {
                QCOMPARE(finalRow, -1); // exactly one
                finalRow = row;
            }
        }
        QVERIFY(checkRow > 0);
        const QString checkText = text(log, checkRow, DecisionLogModel::DescriptionColumn);
        QVERIFY2(checkText.startsWith(QLatin1String("Fail: ")), qPrintable(checkText));
        QVERIFY(failedCheck.failures.size() > 1);
        for (const QString &failure : failedCheck.failures) // all of them, not "(and 2 more)"
            QVERIFY2(checkText.contains(failure), qPrintable(checkText));
        const QString numbers = log.index(checkRow, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(numbers.contains(
                     QStringLiteral("errors %1 %").arg(PostMortemText::figure(canaryErrors, 2))),
                 qPrintable(numbers));
        QCOMPARE(text(log, checkRow, DecisionLogModel::StepColumn),
                 QStringLiteral("Step 1 · 10 %"));
        QVERIFY(log.index(checkRow, 0).data(Qt::FontRole).value<QFont>().bold());

        // The decision that ended it comes after the check, and says so.
        QVERIFY(finalRow > checkRow);
        QCOMPARE(text(log, finalRow, DecisionLogModel::KindColumn), QStringLiteral("Decision"));
        QVERIFY2(text(log, finalRow, DecisionLogModel::DescriptionColumn)
                     .startsWith(QLatin1String("Roll back: ")),
                 qPrintable(text(log, finalRow, DecisionLogModel::DescriptionColumn)));

        // Time order after the outcome row.
        for (int row = 2; row < log.rowCount(); ++row)
            QVERIFY(log.index(row - 1, 0).data(TimestampRole).toDateTime() <=
                    log.index(row, 0).data(TimestampRole).toDateTime());
    }

    void logShowsWhoAborted()
    {
        DecisionLogModel log;
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const PostMortem p = load(log, m_aborted);
        QCOMPARE(p.record.state, RolloutState::RolledBack);
        QCOMPARE(p.actions.size(), 1);
        bool found = false;
        for (int row = 0; row < log.rowCount(); ++row)
            found = found || text(log, row, DecisionLogModel::DescriptionColumn) ==
                                 QStringLiteral("alice asked to abort — applied");
        QVERIFY(found);
    }

    void aMissingRolloutIsReported()
    {
        DecisionLogModel log;
        QSignalSpy failed(&log, &DecisionLogModel::loadFailed);
        log.load(m_source.get(), 999999);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("999999")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(log.rowCount(), 0);
    }

    void markdownHasTheTimelineAndTheDecision()
    {
        DecisionLogModel log;
        const PostMortem p = load(log, m_rolledBack);
        const QString md = PostMortemExport::markdown(p);
        QVERIFY2(md.startsWith(QStringLiteral("# Rollout #%1 — demo in sandbox").arg(p.record.id)),
                 qPrintable(md.left(200)));
        QVERIFY(md.contains(QStringLiteral("- **Outcome:** Rolled back after")));
        QVERIFY(md.contains(QLatin1String("## Step timeline")));
        // Step 1 failed at 10 %, the others were never reached.
        QVERIFY2(md.contains(QRegularExpression(
                     QStringLiteral(R"(\| 1 \| 10 % \| [0-9T:.Z-]+ \| Fail \| failed \|)"))),
                 qPrintable(md));
        QVERIFY(md.contains(QLatin1String("| 2 | 25 % |  | none | not reached |")));
        QVERIFY(md.contains(QLatin1String("| 5 | 100 % |  | none | not reached |")));
        // The check with its numbers, and the final decision.
        const CheckResult &c = p.checks.first();
        QVERIFY(md.contains(PostMortemText::figure(c.canary().errorRatePct(), 2)));
        QVERIFY(md.contains(QLatin1String("## Decisions")));
        QVERIFY2(md.contains(QRegularExpression(
                     QStringLiteral(R"(- \S+ Step 1 · 10 % \*\*Roll back\*\*: .+ \*\(final\)\*)"))),
                 qPrintable(md));
        QVERIFY(md.contains(QLatin1String("- **Final decision:** Roll back")));
        QVERIFY(md.contains(QLatin1String("## Operator actions\n\nNone.")));
    }

    void csvHasOneLinePerStoredSample()
    {
        DecisionLogModel log;
        const PostMortem p = load(log, m_rolledBack);
        QCOMPARE(p.samples.size(), p.checks.size()); // one window per check
        const QStringList lines =
            PostMortemExport::csv(p).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("time,window_start,color,weight_pct,requests,"
                                               "errors,rps,error_rate_pct,p95_ms,mean_ms,cpu_pct,"
                                               "bio_energy"));
        QCOMPARE(lines.size(), 1 + 2 * p.samples.size()); // both colors of every window
        const MetricsWindow &w = p.samples.first();
        const QStringList blue = lines.at(1).split(QLatin1Char(','));
        QCOMPARE(blue.size(), 12);
        QCOMPARE(blue.at(0), w.to.toUTC().toString(Qt::ISODateWithMs));
        QCOMPARE(blue.at(2), QStringLiteral("blue"));
        QCOMPARE(blue.at(4).toLongLong(), w.blue.requests);
        QCOMPARE(blue.at(6).toDouble(), w.blue.rps);
        const double bio = blue.at(11).toDouble();
        QVERIFY2(bio > 50 && bio <= 130, qPrintable(lines.at(1))); // a healthy baseline
        QCOMPARE(lines.at(2).split(QLatin1Char(',')).at(2), QStringLiteral("green"));
    }

    void viewExportsThroughTheFileNameSeam()
    {
        DecisionLogModel log;
        PostMortemView view(&log);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *png = view.findChild<QAction *>(QStringLiteral("exportPngAction"));
        auto *markdown = view.findChild<QAction *>(QStringLiteral("exportMarkdownAction"));
        auto *csv = view.findChild<QAction *>(QStringLiteral("exportCsvAction"));
        QVERIFY(png && markdown && csv);
        QVERIFY(!markdown->isEnabled()); // nothing to export yet

        QStringList suggested;
        QString answer;
        view.setFileNameAsker([&](PostMortemExport::Format, const QString &proposed,
                                  std::function<void(const QString &)> reply) {
            suggested << proposed;
            if (!answer.isEmpty())
                reply(answer);
        });
        const PostMortem p = load(log, m_rolledBack);
        QVERIFY(markdown->isEnabled());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("postMortemTitle"))
                    ->text()
                    .contains(QLatin1String("Rolled back")));
        QCOMPARE(view.findChild<QTreeView *>(QStringLiteral("decisionLogView"))->model(), &log);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("chartsSlot")));
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("timelineSlot")));

        // Cancelled: nothing is written.
        QSignalSpy exported(&view, &PostMortemView::exported);
        markdown->trigger();
        QCOMPARE(suggested.size(), 1);
        QVERIFY2(
            suggested.first().endsWith(QStringLiteral("/demo-%1-rolled_back.md").arg(p.record.id)),
            qPrintable(suggested.first()));
        QCOMPARE(exported.size(), 0);

        answer = m_dir.filePath(QStringLiteral("report.md"));
        markdown->trigger();
        QCOMPARE(exported.size(), 1);
        QCOMPARE(readAll(answer), PostMortemExport::markdown(p));

        answer = m_dir.filePath(QStringLiteral("samples.csv"));
        csv->trigger();
        QCOMPARE(readAll(answer), PostMortemExport::csv(p));

        // The charts slot as it is drawn (the charts panel goes there).
        auto *charts = new QLabel(QStringLiteral("five charts"));
        charts->setMinimumSize(320, 200);
        view.setChartsWidget(charts);
        QTRY_VERIFY(charts->isVisible() && charts->height() >= 200);
        answer = m_dir.filePath(QStringLiteral("charts.png"));
        png->trigger();
        QCOMPARE(exported.size(), 3);
        const QImage image(answer);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), view.chartsSlot()->size() * view.devicePixelRatio());

        // A folder that cannot be written: the view says so, the old file stays.
        QSignalSpy failed(&view, &PostMortemView::exportFailed);
        answer = m_dir.filePath(QStringLiteral("no/such/folder/report.md"));
        markdown->trigger();
        QCOMPARE(failed.size(), 1);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("postMortemStatus"))
                    ->text()
                    .startsWith(QLatin1String("Could not write")));
    }
};

QTEST_MAIN(TestPostMortem)
#include "tst_postmortem.moc"
