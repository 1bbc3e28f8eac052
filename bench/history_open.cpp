// history_open: the history panel (model + view, offscreen) opening on 100,000 rollouts against
// 100, in one run. See bench/README.md.
//
//     QT_QPA_PLATFORM=offscreen build/bin/history_open [--large 100000] [--small 100] [--rounds 7]
//
// Generates both databases once into a temporary folder, then opens the panel on each in turn
// (small, large, small, large, …, after one unmeasured warm-up each): the time from creating
// the history source to the first page drawn, and to the total count and the application
// names. Prints the medians and the ratio large / small.

#include "support/GeneratedHistory.h"

#include "history/HistoryModel.h"
#include "history/HistoryPanel.h"
#include "history/ThreadedHistorySource.h"
#include "store/SqliteHistoryStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace optimist;

namespace {

struct Opening
{
    double firstPageMs = 0; ///< the first page in the model and drawn
    double completeMs = 0;  ///< the count and the application names arrived too
};

/// Opens the panel on @p path and waits (spinning the event loop: a benchmark, not the product)
/// until the first page is drawn and the count and names are in.
Opening open(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    ThreadedHistorySource source([path] {
        auto opened = SqliteHistoryStore::open(path);
        if (!opened)
            return Result<std::unique_ptr<HistoryStore>>(opened.error());
        return Result<std::unique_ptr<HistoryStore>>(std::move(opened).value());
    });
    HistoryModel model(&source);
    HistoryPanel panel(&model);
    panel.resize(1000, 700);
    panel.show();
    bool failed = false;
    QObject::connect(&model, &HistoryModel::loadFailed, &panel, [&failed](const QString &m) {
        QTextStream(stderr) << "history_open: " << m << Qt::endl;
        failed = true;
    });
    Opening result;
    while (model.rowCount() == 0 && !failed)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    panel.grab(); // drawn, with the rows
    result.firstPageMs = double(timer.nsecsElapsed()) / 1e6;
    while ((model.totalCount() < 0 || model.appNames().isEmpty()) && !failed)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    result.completeMs = double(timer.nsecsElapsed()) / 1e6;
    if (failed)
        std::exit(1);
    return result;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption largeOption(QStringLiteral("large"),
                                         QStringLiteral("Rollouts in the large history."),
                                         QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption smallOption(QStringLiteral("small"),
                                         QStringLiteral("Rollouts in the small history."),
                                         QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Measured openings of each."),
                                          QStringLiteral("n"), QStringLiteral("7"));
    parser.addOptions({largeOption, smallOption, roundsOption});
    parser.process(app);
    const int large = parser.value(largeOption).toInt();
    const int small = parser.value(smallOption).toInt();
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString smallPath = dir.filePath(QStringLiteral("small.sqlite"));
    const QString largePath = dir.filePath(QStringLiteral("large.sqlite"));
    for (const auto &[path, count] : {std::pair{smallPath, small}, std::pair{largePath, large}}) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (!generated::writeHistory(path, count, &error)) {
            out << "history_open: " << error << Qt::endl;
            return 1;
        }
        out << QStringLiteral("generated %1 rollouts in %2 s")
                   .arg(count)
                   .arg(double(timer.elapsed()) / 1000, 0, 'f', 1)
            << Qt::endl;
    }

    open(smallPath); // warm-up: page cache, fonts, styles
    open(largePath);
    QList<double> smallFirst, largeFirst, smallComplete, largeComplete;
    for (int round = 0; round < rounds; ++round) {
        const Opening s = open(smallPath);
        const Opening l = open(largePath);
        smallFirst << s.firstPageMs;
        smallComplete << s.completeMs;
        largeFirst << l.firstPageMs;
        largeComplete << l.completeMs;
    }
    const double sf = median(smallFirst), lf = median(largeFirst);
    const double sc = median(smallComplete), lc = median(largeComplete);
    out << QStringLiteral("rounds=%1 (medians)").arg(rounds) << Qt::endl;
    out << QStringLiteral("%1 rollouts: first page drawn %2 ms, count and apps in %3 ms")
               .arg(small)
               .arg(sf, 0, 'f', 1)
               .arg(sc, 0, 'f', 1)
        << Qt::endl;
    out << QStringLiteral("%1 rollouts: first page drawn %2 ms, count and apps in %3 ms")
               .arg(large)
               .arg(lf, 0, 'f', 1)
               .arg(lc, 0, 'f', 1)
        << Qt::endl;
    out << QStringLiteral("ratio large/small: first page %1x, complete %2x (goal <= 2x)")
               .arg(lf / sf, 0, 'f', 2)
               .arg(lc / sc, 0, 'f', 2)
        << Qt::endl;
    return 0;
}
