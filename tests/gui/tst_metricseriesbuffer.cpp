// The sample buffer behind every chart line: bounded, time-ordered, searched by time, and
// decimated so that what the chart shows is still true — a one-sample spike survives, a gap stays
// a gap.

#include "metrics/MetricSeriesBuffer.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace optimist;

namespace {

int gapCount(const QList<QPointF> &points)
{
    int gaps = 0;
    for (const QPointF &p : points)
        gaps += std::isnan(p.y()) ? 1 : 0;
    return gaps;
}

int realCount(const QList<QPointF> &points)
{
    return int(points.size()) - gapCount(points);
}

/// Column by column, the extremes of @p buffer's decimation are those of its raw samples.
void verifyColumnExtremes(const MetricSeriesBuffer &buffer, qint64 from, qint64 to, int columns)
{
    const QList<QPointF> points = buffer.decimate(from, to, columns);
    const double perMs = double(columns) / double(to - from);
    QList<double> trueMin(columns, 1e300), trueMax(columns, -1e300);
    QList<double> drawnMin(columns, 1e300), drawnMax(columns, -1e300);
    const auto columnOf = [&](double t) {
        return std::clamp(int((t - double(from)) * perMs), 0, columns - 1);
    };
    for (qsizetype i = buffer.lowerBound(from); i < buffer.upperBound(to); ++i) {
        const int c = columnOf(double(buffer.at(i).timeMs));
        trueMin[c] = std::min(trueMin[c], buffer.at(i).value);
        trueMax[c] = std::max(trueMax[c], buffer.at(i).value);
    }
    for (const QPointF &p : points) {
        if (p.x() < double(from) || p.x() > double(to))
            continue; // the samples beyond the edges
        const int c = columnOf(p.x());
        drawnMin[c] = std::min(drawnMin[c], p.y());
        drawnMax[c] = std::max(drawnMax[c], p.y());
    }
    for (int c = 0; c < columns; ++c) {
        QCOMPARE(drawnMin[c], trueMin[c]);
        QCOMPARE(drawnMax[c], trueMax[c]);
    }
}

} // namespace

class TestMetricSeriesBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsTheNewestSamplesUpToItsCapacity()
    {
        MetricSeriesBuffer buffer(5);
        for (int t = 0; t < 8; ++t)
            QVERIFY(buffer.append(t * 1000, t));
        QCOMPARE(buffer.size(), 5);
        QCOMPARE(buffer.first().timeMs, 3000);
        QCOMPARE(buffer.last().value, 7.0);
        for (qsizetype i = 0; i < buffer.size(); ++i)
            QCOMPARE(buffer.at(i).value, double(i + 3));

        // Many times the capacity: the oldest go, the order stays.
        MetricSeriesBuffer big(1000);
        for (int t = 0; t < 10'000; ++t)
            big.append(t, t);
        QCOMPARE(big.size(), 1000);
        QCOMPARE(big.first().timeMs, 9000);
        QCOMPARE(big.at(500).timeMs, 9500);
        QCOMPARE(big.last().timeMs, 9999);

        big.setCapacity(10);
        QCOMPARE(big.size(), 10);
        QCOMPARE(big.first().timeMs, 9990);
    }

    void rejectsSamplesOutOfTimeOrder()
    {
        MetricSeriesBuffer buffer;
        QVERIFY(buffer.append(1000, 1));
        QVERIFY(buffer.append(2000, 2));
        QVERIFY(!buffer.append(1500, 9)); // late: would reorder what is drawn
        QVERIFY(buffer.append(2000, 3));  // same moment: kept in arrival order
        QCOMPARE(buffer.size(), 3);
        QCOMPARE(buffer.rejectedCount(), 1);
        QCOMPARE(buffer.at(1).value, 2.0);
        QCOMPARE(buffer.at(2).value, 3.0);
        buffer.clear();
        QVERIFY(buffer.isEmpty());
        QCOMPARE(buffer.rejectedCount(), 0);
    }

    void findsTheVisibleRangeByTime()
    {
        MetricSeriesBuffer buffer;
        for (int i = 0; i < 100; ++i)
            buffer.append(i * 10, i); // 0, 10, …, 990
        QCOMPARE(buffer.lowerBound(250), 25);
        QCOMPARE(buffer.lowerBound(251), 26);
        QCOMPARE(buffer.upperBound(250), 26);
        QCOMPARE(buffer.lowerBound(-5), 0);
        QCOMPARE(buffer.upperBound(5000), 100);

        // Few samples in view: all of them, plus the nearest one beyond each edge.
        const QList<QPointF> points = buffer.decimate(250, 300, 800);
        QCOMPARE(points.size(), 8);
        QCOMPARE(points.first(), QPointF(240, 24));
        QCOMPARE(points.last(), QPointF(310, 31));

        double lo = 0;
        double hi = 0;
        QVERIFY(buffer.valueRange(250, 300, &lo, &hi));
        QCOMPARE(lo, 25.0);
        QCOMPARE(hi, 30.0);
        QVERIFY(!buffer.valueRange(2000, 3000, &lo, &hi));
    }

    void decimationKeepsEachColumnsMinimumAndMaximum()
    {
        std::mt19937 random(7);
        std::normal_distribution<double> noise(50, 5);
        const int n = 200'000;
        // One sample each, far outside the noise: a spike and a dip.
        const int spikeAt = 123'457;
        const int dipAt = 4'321;
        MetricSeriesBuffer withSpikes(1'000'000);
        for (int i = 0; i < n; ++i)
            withSpikes.append(qint64(i) * 100,
                              i == spikeAt ? 1000.0 : (i == dipAt ? -1000.0 : noise(random)));

        const int columns = 640;
        const qint64 from = 0;
        const qint64 to = qint64(n - 1) * 100;
        const QList<QPointF> points = withSpikes.decimate(from, to, columns);
        QVERIFY2(realCount(points) <= 2 * columns + 2, qPrintable(QString::number(points.size())));
        QVERIFY(realCount(points) >= columns); // every column is drawn
        QVERIFY(points.contains(QPointF(double(spikeAt) * 100, 1000)));
        QVERIFY(points.contains(QPointF(double(dipAt) * 100, -1000)));
        for (int i = 1; i < points.size(); ++i)
            QVERIFY(points[i].x() >= points[i - 1].x());

        // Column by column, the drawn extremes are the true extremes of the raw samples.
        verifyColumnExtremes(withSpikes, from, to, columns);
    }

    void decimationOfABufferThatHasDroppedItsOldest()
    {
        // Far past capacity, the head dropped at odd positions: the extremes are still exact.
        MetricSeriesBuffer buffer(10'007);
        for (int i = 0; i < 100'003; ++i)
            buffer.append(i * 10, i == 95'555 ? 500.0 : std::sin(i / 300.0));
        QCOMPARE(buffer.size(), 10'007);
        verifyColumnExtremes(buffer, buffer.first().timeMs, buffer.last().timeMs, 37);
        verifyColumnExtremes(buffer, buffer.first().timeMs + 12'345, buffer.last().timeMs - 777,
                             11);
        const QList<QPointF> points =
            buffer.decimate(buffer.first().timeMs, buffer.last().timeMs, 37);
        QVERIFY(points.contains(QPointF(955'550, 500)));
        QVERIFY(points.first().x() >= double(buffer.first().timeMs));
    }

    void zoomedInDecimationShowsTheSamplesOfThatRange()
    {
        MetricSeriesBuffer buffer(1'000'000);
        for (int i = 0; i < 1'000'000; ++i)
            buffer.append(i, i % 1000);
        // 1000 samples in view at 800 columns: decimated to the columns, edges included.
        const QList<QPointF> points = buffer.decimate(500'000, 500'999, 800);
        QVERIFY(points.size() <= 2 * 800 + 2);
        QCOMPARE(points.first().x(), 499'999.0);
        QCOMPARE(points.last().x(), 501'000.0);
        QVERIFY(points.contains(QPointF(500'000, 0)));
        QVERIFY(points.contains(QPointF(500'999, 999)));
    }

    void nanSamplesAreGapsNotZeros()
    {
        const double nan = std::nan("");
        MetricSeriesBuffer buffer;
        for (double v : {1.0, 2.0, nan, nan, 3.0, 4.0})
            buffer.append(qint64(buffer.size()) * 1000, v);
        const QList<QPointF> few = buffer.decimate(0, 5000, 100);
        QCOMPARE(few.size(), 5); // two NaN samples, one gap
        QCOMPARE(gapCount(few), 1);
        QVERIFY(std::isnan(few[2].y()));
        for (const QPointF &p : few)
            QVERIFY(p.y() != 0);

        // Decimated: a block of NaN in the middle of a long series still splits the line.
        MetricSeriesBuffer many(1'000'000);
        for (int i = 0; i < 100'000; ++i)
            many.append(i, (i >= 40'000 && i < 60'000) ? nan : 10.0 + (i % 7));
        const QList<QPointF> points = many.decimate(0, 99'999, 300);
        QVERIFY(realCount(points) <= 602);
        QCOMPARE(gapCount(points), 1);
        qsizetype gap = -1;
        for (qsizetype i = 0; i < points.size(); ++i)
            if (std::isnan(points[i].y()))
                gap = i;
        QVERIFY(points[gap - 1].x() < 40'000);
        QVERIFY(points[gap + 1].x() >= 60'000);
        for (const QPointF &p : points)
            QVERIFY(std::isnan(p.y()) || p.y() >= 10);

        // Only NaN: nothing to draw but the gap.
        MetricSeriesBuffer empty;
        empty.append(0, nan);
        empty.append(1000, nan);
        QCOMPARE(realCount(empty.decimate(0, 1000, 10)), 0);
        double lo = 0;
        double hi = 0;
        QVERIFY(!empty.valueRange(0, 1000, &lo, &hi));
    }
};

QTEST_GUILESS_MAIN(TestMetricSeriesBuffer)
#include "tst_metricseriesbuffer.moc"
