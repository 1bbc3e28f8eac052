#include "metrics/TraefikScrapeMetrics.h"
#include "support/TraefikMetricsText.h"

#include <QTest>

#include <cmath>
#include <optional>

using namespace optimist;
using optimist::test::TraefikMetricsText;

namespace {

const QString kBlue = QStringLiteral("demo-blue@swarm");
const QString kGreen = QStringLiteral("demo-green@swarm");
const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

QDateTime at(double seconds)
{
    return kT0.addMSecs(qint64(seconds * 1000));
}

/// What a window() call answered, once it did.
struct Answer
{
    QObject context;
    std::optional<Result<MetricsWindow>> result;
    int calls = 0;

    Reply<MetricsWindow> reply(CancelToken token = {})
    {
        return Reply<MetricsWindow>(
            &context,
            [this](const Result<MetricsWindow> &r) {
                ++calls;
                result = r;
            },
            token);
    }
};

TraefikScrapeMetrics::Config config(std::chrono::milliseconds maxWait = std::chrono::seconds(5))
{
    TraefikScrapeMetrics::Config c;
    c.url = QUrl(QStringLiteral("http://127.0.0.1:1/metrics"));
    c.version = TraefikNaming::Version::V3;
    c.scrapeInterval = std::chrono::seconds(1);
    c.requestTimeout = std::chrono::seconds(1);
    c.maxWait = maxWait;
    return c;
}

/// Scrapes at 0, 1, …, 20 s. Each second t (1…20) blue gets 10 requests (200) of latency
/// 50 ms (t ≤ 8), 200 ms (8 < t ≤ 12) or 500 ms (t > 12); green gets 5 of 80 ms, one of which
/// answers 500 from t = 11 on.
void feedTwentySeconds(TraefikScrapeMetrics &metrics, TraefikMetricsText &traffic)
{
    traffic.declare(kBlue, 200);
    traffic.declare(kGreen, 200);
    traffic.declare(kGreen, 500);
    QVERIFY(metrics.ingest(traffic.text(), at(0)).ok());
    for (int t = 1; t <= 20; ++t) {
        traffic.observe(kBlue, 200, t <= 8 ? 0.05 : t <= 12 ? 0.2 : 0.5, 10);
        traffic.observe(kGreen, 200, 0.08, t > 10 ? 4 : 5);
        if (t > 10)
            traffic.observe(kGreen, 500, 0.08, 1);
        QVERIFY(metrics.ingest(traffic.text(), at(t)).ok());
    }
}

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TestTraefikScrapeMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastWindowFromTheBuffer()
    {
        TraefikScrapeMetrics metrics(config());
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(5), at(15), answer.reply());
        QCOMPARE(answer.calls, 0); // never from inside window()
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        const MetricsWindow &w = answer.result->value();
        QCOMPARE(w.source, QStringLiteral("traefik"));
        QCOMPARE(w.from, at(5));
        QCOMPARE(w.to, at(15));
        QCOMPARE(w.blue.requests, 100);
        QCOMPARE(w.blue.errors, 0);
        QCOMPARE(w.green.requests, 50);
        QCOMPARE(w.green.errors, 5);
        QVERIFY(near(w.blue.rps, 10.0));
        // Mean: 3 s of 50 ms, 4 s of 200 ms, 3 s of 500 ms, 10 requests each second.
        QVERIFY(near(w.blue.latencyMeanMs, (3 * 50 + 4 * 200 + 3 * 500) / 10.0, 1e-6));
        QVERIFY(near(w.green.latencyMeanMs, 80, 1e-6));
        // The p95 (true value 500 ms) lies in the bucket 300–1200 ms: interpolated at rank 95 of
        // 100, 25 of the bucket's 30 observations in.
        QVERIFY(near(w.blue.latencyP95Ms, 300 + 25.0 / 30.0 * 900, 1e-6));
        QVERIFY2(metrics.lastNotes().join(u'\n').contains(QStringLiteral("300–1200 ms")),
                 qPrintable(metrics.lastNotes().join(u'\n')));
        // Three sub-intervals (10 s → at least 3), cut at the scrapes nearest 8.3 s and 11.7 s.
        QCOMPARE(w.blue.latencySubsamplesMs.size(), 3);
        QVERIFY(near(w.blue.latencySubsamplesMs.at(0), 50, 1e-6));
        QVERIFY(near(w.blue.latencySubsamplesMs.at(1), 200, 1e-6));
        QVERIFY(near(w.blue.latencySubsamplesMs.at(2), 500, 1e-6));
        QCOMPARE(w.green.latencySubsamplesMs.size(), 3);
        QVERIFY(std::isnan(w.blue.cpuPercent)); // the cluster's job (MetricsWithCpu)
    }

    void subIntervalsOfFiveSeconds()
    {
        TraefikScrapeMetrics metrics(config());
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(0), at(20), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        const MetricsWindow &w = answer.result->value();
        QCOMPARE(w.blue.requests, 200);
        QCOMPARE(w.blue.latencySubsamplesMs.size(), 4); // 20 s: one per 5 s
        QVERIFY(near(w.blue.latencySubsamplesMs.at(0), 50, 1e-6));
        QVERIFY(near(w.blue.latencySubsamplesMs.at(3), 500, 1e-6));
    }

    void bracketsWindowsBetweenScrapes()
    {
        TraefikScrapeMetrics metrics(config());
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        // The last scrape at or before 5.4 s is 5 s, the first at or after 14.6 s is 15 s.
        metrics.window(QStringLiteral("demo"), at(5.4), at(14.6), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().from, at(5));
        QCOMPARE(answer.result->value().to, at(15));
        QCOMPARE(answer.result->value().blue.requests, 100);
    }

    void waitsForAScrapeAfterTo()
    {
        TraefikScrapeMetrics metrics(config());
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(15), at(22), answer.reply());
        QTest::qWait(150);
        QCOMPARE(answer.calls, 0); // the newest scrape (20 s) is older than `to`
        traffic.observe(kBlue, 200, 0.05, 7);
        QVERIFY(metrics.ingest(traffic.text(), at(21)).ok());
        QTest::qWait(50);
        QCOMPARE(answer.calls, 0);
        traffic.observe(kBlue, 200, 0.05, 3);
        QVERIFY(metrics.ingest(traffic.text(), at(22)).ok());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().blue.requests, 50 + 10);
    }

    void notCoveredIsMissingData()
    {
        TraefikScrapeMetrics metrics(config(std::chrono::milliseconds(200)));
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(100), at(110), answer.reply());
        QTest::qWait(50);
        QCOMPARE(answer.calls, 0);
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        const MetricsWindow &w = answer.result->value();
        QCOMPARE(w.blue.requests, 0);
        QCOMPARE(w.green.requests, 0);
        QVERIFY(std::isnan(w.green.latencyP95Ms));
        QVERIFY(std::isnan(w.green.latencyMeanMs));
        QVERIFY(w.green.latencySubsamplesMs.isEmpty());
    }

    void lastScrapeShortlyBeforeToIsUsedAfterWaiting()
    {
        TraefikScrapeMetrics metrics(config(std::chrono::milliseconds(200)));
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(10), at(20.5), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().to, at(20));
        QCOMPARE(answer.result->value().blue.requests, 100);
    }

    void noSeriesForTheAppIsMissingData()
    {
        TraefikScrapeMetrics metrics(config());
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        metrics.window(QStringLiteral("shop"), at(5), at(15), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().green.requests, 0);
        QVERIFY(std::isnan(answer.result->value().green.latencyP95Ms));
        QVERIFY(metrics.lastNotes().join(u'\n').contains(QLatin1String("shop-green@swarm")));
    }

    void endpointGoneForTheWholeWindowIsUnreachable()
    {
        TraefikScrapeMetrics metrics(config(std::chrono::milliseconds(200)));
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        for (int t = 21; t <= 40; ++t)
            metrics.recordFailure(
                at(t), Error{Error::Kind::Unreachable, QStringLiteral("connection refused")});
        QCOMPARE(metrics.failedScrapes(), 20);
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(30), at(40), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(!answer.result->ok());
        QCOMPARE(answer.result->error().kind, Error::Kind::Unreachable);
        QVERIFY(answer.result->error().message.contains(QLatin1String("connection refused")));
    }

    void counterResetInsideTheWindow()
    {
        TraefikScrapeMetrics metrics(config());
        TraefikMetricsText traffic;
        traffic.declare(kGreen, 200);
        traffic.observe(kGreen, 200, 0.05, 100);
        QVERIFY(metrics.ingest(traffic.text(), at(0)).ok());
        traffic.observe(kGreen, 200, 0.05, 10);
        QVERIFY(metrics.ingest(traffic.text(), at(1)).ok());
        traffic.reset(); // Traefik restarted; 5 requests since
        traffic.observe(kGreen, 200, 0.05, 5);
        QVERIFY(metrics.ingest(traffic.text(), at(2)).ok());
        traffic.observe(kGreen, 200, 0.05, 10);
        QVERIFY(metrics.ingest(traffic.text(), at(3)).ok());
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(0), at(3), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().green.requests, 25);
    }

    void keepsOnlyTheWatchedServices()
    {
        TraefikScrapeMetrics::Config c = config();
        c.apps = {QStringLiteral("demo")};
        TraefikScrapeMetrics metrics(c);
        TraefikMetricsText traffic;
        const QString shop = QStringLiteral("shop-blue@swarm");
        traffic.declare(shop, 200);
        traffic.declare(kBlue, 200);
        QVERIFY(metrics.ingest(traffic.text(), at(0)).ok());
        traffic.observe(shop, 200, 0.05, 10);
        traffic.observe(kBlue, 200, 0.05, 4);
        QVERIFY(metrics.ingest(traffic.text(), at(1)).ok());
        Answer demo;
        Answer other;
        metrics.window(QStringLiteral("demo"), at(0), at(1), demo.reply());
        metrics.window(QStringLiteral("shop"), at(0), at(1), other.reply());
        QTRY_COMPARE(other.calls, 1);
        QTRY_COMPARE(demo.calls, 1);
        QCOMPARE(demo.result->value().blue.requests, 4);
        QCOMPARE(other.result->value().blue.requests, 0); // not kept before it was asked for
        // Asking watches it from then on.
        traffic.observe(shop, 200, 0.05, 6);
        QVERIFY(metrics.ingest(traffic.text(), at(2)).ok());
        traffic.observe(shop, 200, 0.05, 6);
        QVERIFY(metrics.ingest(traffic.text(), at(3)).ok());
        Answer later;
        metrics.window(QStringLiteral("shop"), at(2), at(3), later.reply());
        QTRY_COMPARE(later.calls, 1);
        QCOMPARE(later.result->value().blue.requests, 6);
    }

    void retentionBoundsTheBuffer()
    {
        TraefikScrapeMetrics::Config c = config();
        c.retention = std::chrono::seconds(10);
        TraefikScrapeMetrics metrics(c);
        TraefikMetricsText traffic;
        traffic.declare(kBlue, 200);
        for (int t = 0; t < 60; ++t)
            QVERIFY(metrics.ingest(traffic.text(), at(t)).ok());
        QCOMPARE(metrics.bufferedScrapes(), 11);
        // An older or equal time is dropped (the scrapes stay in time order).
        QVERIFY(metrics.ingest(traffic.text(), at(59)).ok());
        QCOMPARE(metrics.bufferedScrapes(), 11);
    }

    void malformedScrapeIsAFailure()
    {
        TraefikScrapeMetrics metrics(config());
        const Result<void> r =
            metrics.ingest("traefik_service_requests_total{code=\"200\" 1\n", at(0));
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(metrics.failedScrapes(), 1);
        QCOMPARE(metrics.bufferedScrapes(), 0);
    }

    void cancelledReplyIsNeverCalled()
    {
        TraefikScrapeMetrics metrics(config());
        TraefikMetricsText traffic;
        feedTwentySeconds(metrics, traffic);
        Answer answer;
        CancelToken token;
        metrics.window(QStringLiteral("demo"), at(5), at(15), answer.reply(token));
        token.cancel();
        QTest::qWait(50);
        QCOMPARE(answer.calls, 0);
    }

    void invalidSpan()
    {
        TraefikScrapeMetrics metrics(config());
        Answer answer;
        metrics.window(QStringLiteral("demo"), at(10), at(5), answer.reply());
        QCOMPARE(answer.calls, 0);
        QTRY_COMPARE(answer.calls, 1);
        QCOMPARE(answer.result->error().kind, Error::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestTraefikScrapeMetrics)
#include "tst_traefikscrapemetrics.moc"
