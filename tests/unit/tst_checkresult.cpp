#include "analysis/CheckResult.h"
#include "core/MetricsJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

constexpr double kNaN = ColorMetrics::kNaN;

// Equal, or both NaN: a missing measurement must stay missing, not become 0.
bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool same(const QList<double> &a, const QList<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i]))
            return false;
    return true;
}

QDateTime utc(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

MetricsWindow sampleWindow()
{
    MetricsWindow w;
    w.from = utc(1714564800123);
    w.to = utc(1714564860456);
    w.source = QStringLiteral("traefik");
    w.blue.weight = 90;
    w.blue.requests = 10800;
    w.blue.errors = 54;
    w.blue.rps = 180.25;
    w.blue.latencyMeanMs = 41.5;
    w.blue.latencyP95Ms = 80.125;
    w.blue.cpuPercent = 33.3;
    w.blue.latencySubsamplesMs = {40.0, 41.0, 43.5, 39.75};
    w.green.weight = 10;
    w.green.requests = 1200;
    w.green.errors = 18;
    w.green.rps = 20.0;
    w.green.latencyMeanMs = kNaN;
    w.green.latencyP95Ms = 95.0;
    w.green.cpuPercent = kNaN;
    w.green.latencySubsamplesMs = {50.0, kNaN, 52.0};
    return w;
}

void compareMetrics(const ColorMetrics &a, const ColorMetrics &b)
{
    QCOMPARE(a.color, b.color);
    QCOMPARE(a.weight, b.weight);
    QCOMPARE(a.requests, b.requests);
    QCOMPARE(a.errors, b.errors);
    QVERIFY(same(a.rps, b.rps));
    QVERIFY2(same(a.latencyMeanMs, b.latencyMeanMs), "latencyMeanMs");
    QVERIFY2(same(a.latencyP95Ms, b.latencyP95Ms), "latencyP95Ms");
    QVERIFY2(same(a.cpuPercent, b.cpuPercent), "cpuPercent");
    QVERIFY2(same(a.latencySubsamplesMs, b.latencySubsamplesMs), "latencySubsamplesMs");
}

void compareWindows(const MetricsWindow &a, const MetricsWindow &b)
{
    QCOMPARE(a.from, b.from);
    QCOMPARE(a.to, b.to);
    QCOMPARE(a.from.toMSecsSinceEpoch(), b.from.toMSecsSinceEpoch());
    QCOMPARE(a.source, b.source);
    compareMetrics(a.blue, b.blue);
    compareMetrics(a.green, b.green);
}

void compareComparisons(const Comparison &a, const Comparison &b)
{
    QCOMPARE(a.performed, b.performed);
    QCOMPARE(a.test, b.test);
    QVERIFY(same(a.canary, b.canary));
    QVERIFY(same(a.baseline, b.baseline));
    QVERIFY(same(a.statistic, b.statistic));
    QVERIFY(same(a.pValue, b.pValue));
    QCOMPARE(a.significant, b.significant);
    QCOMPARE(a.exceedsMargin, b.exceedsMargin);
    QCOMPARE(a.note, b.note);
}

// Through text, as the history store and the journal keep it.
QJsonObject throughText(const QJsonObject &o)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("JSON did not parse back: %s", qPrintable(error.errorString()));
    return doc.object();
}

} // namespace

class TestCheckResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nanIsWrittenAsNull()
    {
        const QJsonObject o = colorMetricsToJson(sampleWindow().green);
        QVERIFY(o.value(QStringLiteral("cpuPercent")).isNull());
        QVERIFY(o.value(QStringLiteral("latencyMeanMs")).isNull());
        QCOMPARE(o.value(QStringLiteral("latencyP95Ms")).toDouble(), 95.0);
        QVERIFY(o.value(QStringLiteral("latencySubsamplesMs")).toArray().at(1).isNull());
        const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
        QVERIFY2(!text.contains("nan") && !text.contains("NaN"), text.constData());
    }

    void datesAreUtcIsoWithMilliseconds()
    {
        // 14:00:00.123 at +02:00 is 12:00:00.123 UTC.
        const QDateTime local =
            QDateTime(QDate(2024, 5, 1), QTime(14, 0, 0, 123), Qt::OffsetFromUTC, 7200);
        QCOMPARE(dateTimeToJson(local).toString(), QStringLiteral("2024-05-01T12:00:00.123Z"));
        const QDateTime back = dateTimeFromJson(dateTimeToJson(local));
        QCOMPARE(back, local);
        QCOMPARE(back.timeSpec(), Qt::UTC);
        QVERIFY(dateTimeToJson(QDateTime()).isNull());
        QVERIFY(!dateTimeFromJson(QJsonValue()).isValid());
    }

    void metricsWindowRoundTrips()
    {
        const MetricsWindow w = sampleWindow();
        const MetricsWindow back = metricsWindowFromJson(throughText(metricsWindowToJson(w)));
        compareWindows(back, w);
        QVERIFY(std::isnan(back.green.cpuPercent));
        QCOMPARE(back.blue.cpuPercent, 33.3);
    }

    void largeCountsStayExact()
    {
        ColorMetrics m;
        m.requests = 9007199254740993LL; // 2^53 + 1: not representable as a double
        m.errors = 3;
        const ColorMetrics back = colorMetricsFromJson(throughText(colorMetricsToJson(m)));
        QCOMPARE(back.requests, m.requests);
    }

    void checkResultRoundTrips()
    {
        CheckResult r;
        r.step = 2;
        r.weight = 50;
        r.index = 1;
        r.window = sampleWindow();
        r.at = r.window.to;
        r.canaryColor = Color::Green;
        r.verdict = Verdict::Fail;
        r.reason = QStringLiteral("error rate 1.5% vs 0.5% on blue, significantly worse");
        r.failures = {QStringLiteral("error rate 1.5% vs 0.5%"),
                      QStringLiteral("p95 95 ms vs 80 ms")};
        r.canaryBioEnergy = 88.25;
        r.baselineBioEnergy = kNaN;
        r.canaryLatencyMs = 95.0;
        r.baselineLatencyMs = 80.125;
        r.errorRate.performed = true;
        r.errorRate.test = QStringLiteral("two-proportion z-test");
        r.errorRate.canary = 1.5;
        r.errorRate.baseline = 0.5;
        r.errorRate.statistic = 4.21;
        r.errorRate.pValue = 1.3e-5;
        r.errorRate.significant = true;
        r.errorRate.exceedsMargin = true;
        r.latency.performed = false;
        r.latency.note = QStringLiteral("fewer than 3 sub-samples on blue");
        r.latency.canary = kNaN;

        const CheckResult back = CheckResult::fromJson(throughText(r.toJson()));
        QCOMPARE(back.step, r.step);
        QCOMPARE(back.weight, r.weight);
        QCOMPARE(back.index, r.index);
        QCOMPARE(back.at, r.at);
        QCOMPARE(back.canaryColor, Color::Green);
        QCOMPARE(back.verdict, Verdict::Fail);
        QCOMPARE(back.reason, r.reason);
        QCOMPARE(back.failures, r.failures);
        compareWindows(back.window, r.window);
        QCOMPARE(back.canaryBioEnergy, 88.25);
        QVERIFY(std::isnan(back.baselineBioEnergy));
        QCOMPARE(back.canaryLatencyMs, r.canaryLatencyMs);
        QCOMPARE(back.baselineLatencyMs, r.baselineLatencyMs);
        compareComparisons(back.errorRate, r.errorRate);
        compareComparisons(back.latency, r.latency);
        QVERIFY(back.errorRate.worse());
        QVERIFY(!back.latency.worse());
        QCOMPARE(back.canary().requests, 1200);
        QCOMPARE(back.baseline().requests, 10800);
    }

    void everyVerdictRoundTrips_data()
    {
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<Color>("canary");
        QTest::newRow("pass/blue") << Verdict::Pass << Color::Blue;
        QTest::newRow("inconclusive/green") << Verdict::Inconclusive << Color::Green;
        QTest::newRow("fail/blue") << Verdict::Fail << Color::Blue;
    }

    void everyVerdictRoundTrips()
    {
        QFETCH(Verdict, verdict);
        QFETCH(Color, canary);
        CheckResult r;
        r.verdict = verdict;
        r.canaryColor = canary;
        const CheckResult back = CheckResult::fromJson(throughText(r.toJson()));
        QCOMPARE(back.verdict, verdict);
        QCOMPARE(back.canaryColor, canary);
    }

    void unreadableVerdictIsNotAPass()
    {
        QJsonObject o = CheckResult{}.toJson();
        o.insert(QStringLiteral("verdict"), QStringLiteral("passed!"));
        QCOMPARE(CheckResult::fromJson(o).verdict, Verdict::Inconclusive);
    }
};

QTEST_GUILESS_MAIN(TestCheckResult)
#include "tst_checkresult.moc"
