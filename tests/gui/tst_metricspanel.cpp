// The metrics panel as a release manager sees it: five charts with titles, units, both colors'
// lines and the plan's lines, which follow live data until zoomed or panned, and which stay
// within about two points per pixel column even with a million samples per line.

#include "ChartsSandboxRollout.h"

#include "charts/MetricChartView.h"
#include "charts/MetricsPanel.h"

#include <QAction>
#include <QApplication>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

using namespace optimist;
using Metric = MetricsTimeline::Metric;

namespace {

const QStringList kChartNames{QStringLiteral("bioEnergyChart"), QStringLiteral("responseTimeChart"),
                              QStringLiteral("errorRateChart"),
                              QStringLiteral("requestVolumeChart"), QStringLiteral("cpuChart")};

/// Every point Qt Charts holds for @p color, over all segments of its line.
QList<QPointF> shownPoints(MetricChartView *chart, Color color)
{
    QList<QPointF> points;
    for (QLineSeries *series : chart->lines(color))
        points += series->points();
    return points;
}

bool hasPixelNear(const QImage &image, const QColor &color)
{
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 12 && std::abs(c.green() - color.green()) < 12 &&
                std::abs(c.blue() - color.blue()) < 12)
                return true;
        }
    return false;
}

void wheel(QWidget *widget, int notches)
{
    const QPointF at(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

} // namespace

class TestMetricsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsFiveChartsOfARollout()
    {
        ChartsSandboxRollout rollout(QStringLiteral("healthy"));
        MetricsPanel panel;
        panel.resize(1200, 900);
        panel.setTimeline(&rollout.timeline);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(rollout.run());

        for (const QString &name : kChartNames) {
            auto *chart = panel.findChild<MetricChartView *>(name);
            QVERIFY2(chart, qPrintable(name));
            QVERIFY(!chart->chart()->title().isEmpty());
            QVERIFY(!chart->valueAxis()->titleText().isEmpty());
            // The batched redraw brings every check onto the chart; a window without traffic
            // (blue at 100 % green) is a gap in the line, not a point.
            for (Color color : {Color::Blue, Color::Green}) {
                const MetricSeriesBuffer &samples = rollout.timeline.series(chart->metric(), color);
                QList<QPointF> expected;
                for (qsizetype i = 0; i < samples.size(); ++i)
                    if (!std::isnan(samples.at(i).value))
                        expected.append(QPointF(double(samples.at(i).timeMs), samples.at(i).value));
                QVERIFY(!expected.isEmpty());
                QTRY_COMPARE(chart->pointCount(color), int(expected.size()));
                QCOMPARE(shownPoints(chart, color), expected);
            }
            const MetricSeriesBuffer &green =
                rollout.timeline.series(chart->metric(), Color::Green);
            const QList<QPointF> shown = shownPoints(chart, Color::Green);
            // Following live, the whole rollout is in view, markers included.
            QVERIFY(chart->followLive());
            // (the final decision comes a few ms after the last check's window)
            const qint64 lastMs = std::max(
                green.last().timeMs, rollout.timeline.markers().last().at.toMSecsSinceEpoch());
            QVERIFY(lastMs - green.last().timeMs < 1000);
            QCOMPARE(chart->visibleToMs(), lastMs);
            QCOMPARE(chart->timeAxis()->max().toMSecsSinceEpoch(), lastMs);
            QVERIFY(chart->visibleFromMs() <=
                    rollout.timeline.markers().first().at.toMSecsSinceEpoch());
            // The values fit the value axis.
            for (const QPointF &p : shown) {
                QVERIFY(p.y() >= chart->valueAxis()->min());
                QVERIFY(p.y() <= chart->valueAxis()->max());
            }
        }
        // The plan's threshold and limits, where there is one.
        for (Metric metric : MetricsTimeline::kMetrics) {
            MetricChartView *chart = panel.chart(metric);
            const double line = rollout.timeline.referenceLine(metric);
            QCOMPARE(chart->referenceSeries()->isVisible(), !std::isnan(line));
            if (std::isnan(line))
                continue;
            QCOMPARE(chart->referenceSeries()->count(), 2);
            QCOMPARE(chart->referenceSeries()->at(0).y(), line);
            QCOMPARE(chart->referenceSeries()->name(), rollout.timeline.referenceLineLabel(metric));
            QVERIFY(line <= chart->valueAxis()->max());
        }
        QVERIFY(!panel.chart(Metric::RequestVolume)->referenceSeries()->isVisible());

        // The PNG export: all five charts, with the lines drawn.
        const QImage image = panel.toImage();
        QVERIFY(!image.isNull());
        QVERIFY(hasPixelNear(image, QColor(31, 119, 180)));
        QVERIFY(hasPixelNear(image, QColor(44, 160, 44)));
        const QImage stacked = panel.toImage(QSize(800, 250));
        QCOMPARE(stacked.size(), QSize(800, 1250));
        QVERIFY(hasPixelNear(stacked.copy(0, 1000, 800, 250), QColor(44, 160, 44))); // CPU

        // The post-mortem exports a panel that may never have been shown.
        MetricsPanel hidden;
        hidden.setTimeline(&rollout.timeline);
        const QImage exported = hidden.toImage();
        QCOMPARE(exported.size(), QSize(MetricsPanel::kDefaultExportChartSize.width(),
                                        5 * MetricsPanel::kDefaultExportChartSize.height()));
        QVERIFY(hasPixelNear(exported, QColor(31, 119, 180)));
        QVERIFY(hasPixelNear(exported.copy(0, 0, 1000, 300), QColor(214, 39, 40))); // threshold
    }

    void aMillionSamplesStayWithinTwoPointsPerPixelColumn()
    {
        MetricsTimeline timeline(nullptr, 1'000'000);
        const int n = 1'000'000;
        const qint64 start =
            QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        const int spikeAt = 777'777;
        for (Metric metric : MetricsTimeline::kMetrics)
            for (int i = 0; i < n; ++i) {
                const double base = 40 + 10 * std::sin(i / 5000.0);
                timeline.appendSample(metric, Color::Blue, start + qint64(i) * 1000,
                                      i == spikeAt ? 1000 : base);
                timeline.appendSample(metric, Color::Green, start + qint64(i) * 1000,
                                      (i / 100'000) % 2 == 1 && i % 100'000 < 1000
                                          ? ColorMetrics::kNaN // a short outage each 200,000 s
                                          : base + 5);
            }
        MetricsPanel panel;
        panel.resize(1400, 1000);
        panel.setTimeline(&timeline);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.redrawNow();

        for (const QString &name : kChartNames) {
            auto *chart = panel.findChild<MetricChartView *>(name);
            QVERIFY(chart);
            const int plotWidth = int(chart->chart()->plotArea().width());
            QVERIFY(plotWidth > 100);
            QCOMPARE(chart->plotColumns(), plotWidth);
            for (Color color : {Color::Blue, Color::Green}) {
                const QList<QPointF> shown = shownPoints(chart, color);
                QCOMPARE(int(shown.size()), chart->pointCount(color));
                QVERIFY2(shown.size() <= 2 * plotWidth + 2,
                         qPrintable(QStringLiteral("%1 points for %2 columns")
                                        .arg(shown.size())
                                        .arg(plotWidth)));
                QVERIFY(shown.size() >= plotWidth); // the whole width is drawn
                QCOMPARE(shown.first().x(), double(start));
                QCOMPARE(shown.last().x(), double(start + qint64(n - 1) * 1000));
                for (const QPointF &p : shown)
                    QVERIFY(!std::isnan(p.y()) && p.y() != 0);
            }
            // The one-second spike among a million samples is still drawn.
            double highest = 0;
            for (const QPointF &p : shownPoints(chart, Color::Blue))
                highest = std::max(highest, p.y());
            QCOMPARE(highest, 1000.0);
            // Green's outages split its line: five segments, never a drop to zero.
            QCOMPARE(chart->lines(Color::Green).size(), 6);
            QCOMPARE(chart->lines(Color::Blue).size(), 1);
        }
    }

    void redrawsAreBatched()
    {
        MetricsTimeline timeline;
        MetricsPanel panel;
        panel.resize(1000, 800);
        panel.setTimeline(&timeline);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        MetricChartView *chart = panel.chart(Metric::Cpu);
        QTRY_VERIFY(chart->redrawCount() > 0);
        const int before = chart->redrawCount();

        // Samples as fast as they come, for 400 ms.
        QElapsedTimer elapsed;
        elapsed.start();
        qint64 t = 0;
        int samples = 0;
        while (elapsed.elapsed() < 400) {
            timeline.appendSample(Metric::Cpu, Color::Blue, t += 1000, double(samples % 90));
            ++samples;
            QCoreApplication::processEvents();
        }
        const qint64 ms = elapsed.elapsed();
        QTRY_COMPARE(chart->visibleToMs(), t); // the last sample is drawn
        const int redraws = chart->redrawCount() - before;
        QVERIFY(samples > 100);
        // At most one redraw per 40 ms (coarse timers may fire up to 5 % early), plus the last.
        QVERIFY2(redraws <= int(ms / 38) + 2,
                 qPrintable(QStringLiteral("%1 redraws in %2 ms for %3 samples")
                                .arg(redraws)
                                .arg(ms)
                                .arg(samples)));
        QVERIFY(redraws >= 2); // and it kept drawing while the samples came
    }

    void followsLiveDataUntilZoomedOrPanned()
    {
        MetricsTimeline timeline;
        MetricsPanel panel;
        panel.resize(1000, 800);
        panel.setTimeline(&timeline);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *follow = panel.findChild<QAction *>(QStringLiteral("followLiveAction"));
        QVERIFY(follow);
        QVERIFY(follow->isChecked());

        const qint64 start = 1'800'000'000'000;
        for (int i = 0; i <= 600; ++i)
            for (Metric metric : MetricsTimeline::kMetrics)
                timeline.appendSample(metric, Color::Blue, start + i * 1000, 10 + i % 7);
        MetricChartView *bio = panel.chart(Metric::BioEnergy);
        MetricChartView *cpu = panel.chart(Metric::Cpu);
        QTRY_COMPARE(bio->visibleToMs(), start + 600'000);
        QCOMPARE(bio->visibleFromMs(), start);

        // New data: the axis moves along.
        timeline.appendSample(Metric::BioEnergy, Color::Blue, start + 660'000, 12);
        QTRY_COMPARE(bio->visibleToMs(), start + 660'000);
        QTRY_COMPARE(cpu->visibleToMs(), start + 660'000); // every chart shares the time axis

        // Zooming one chart stops following on all and shows the others the same range.
        wheel(bio->viewport(), 2);
        QVERIFY(!bio->followLive());
        QVERIFY(!follow->isChecked());
        const qint64 zoomedFrom = bio->visibleFromMs();
        const qint64 zoomedTo = bio->visibleToMs();
        QVERIFY(zoomedTo - zoomedFrom < 660'000 * 0.7);
        QVERIFY(!cpu->followLive());
        QCOMPARE(cpu->visibleFromMs(), zoomedFrom);
        QCOMPARE(cpu->visibleToMs(), zoomedTo);
        timeline.appendSample(Metric::BioEnergy, Color::Blue, start + 720'000, 12);
        QTRY_COMPARE(bio->timeAxis()->max().toMSecsSinceEpoch(), zoomedTo);
        QTest::qWait(2 * MetricChartView::kRedrawIntervalMs);
        QCOMPARE(bio->visibleToMs(), zoomedTo); // it stays where the user put it

        // Panning with the keyboard moves the range, on every chart.
        bio->setFocus();
        QTest::keyClick(bio, Qt::Key_Left);
        QVERIFY(bio->visibleToMs() < zoomedTo);
        QCOMPARE(cpu->visibleToMs(), bio->visibleToMs());

        // Home follows live data again, everywhere.
        QTest::keyClick(bio, Qt::Key_Home);
        QVERIFY(follow->isChecked());
        QVERIFY(cpu->followLive());
        QTRY_COMPARE(bio->visibleToMs(), start + 720'000);
        QTRY_COMPARE(cpu->timeAxis()->max().toMSecsSinceEpoch(), start + 720'000);

        // And the toggle does the same as Home.
        wheel(cpu->viewport(), -1);
        QVERIFY(!follow->isChecked());
        QVERIFY(cpu->visibleToMs() - cpu->visibleFromMs() > 720'000);
        panel.findChild<QToolButton *>(QStringLiteral("followLiveButton"))->click();
        QVERIFY(follow->isChecked());
        QVERIFY(bio->followLive());
        QTRY_COMPARE(cpu->visibleFromMs(), start);

        // Switching the toggle off keeps the charts where they are, new data or not.
        QTRY_COMPARE(cpu->visibleToMs(), start + 720'000);
        follow->setChecked(false);
        QVERIFY(!cpu->followLive());
        timeline.appendSample(Metric::Cpu, Color::Blue, start + 780'000, 12);
        QTest::qWait(2 * MetricChartView::kRedrawIntervalMs);
        QCOMPARE(cpu->visibleToMs(), start + 720'000);
        QCOMPARE(cpu->timeAxis()->max().toMSecsSinceEpoch(), start + 720'000);
    }
};

QTEST_MAIN(TestMetricsPanel)
#include "tst_metricspanel.moc"
