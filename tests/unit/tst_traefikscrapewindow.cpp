#include "metrics/HistogramQuantile.h"
#include "metrics/PrometheusTextParser.h"
#include "metrics/TraefikScrapeWindow.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

const QString kBlue = QStringLiteral("demo-blue@swarm");
const QString kGreen = QStringLiteral("demo-green@docker");
const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

/// One child service's series for one code, in the shape Traefik exports them.
struct Series
{
    QString service;
    int code = 200;
    double requests = 0;
    QList<double> buckets; ///< cumulative counts for le 0.1, 0.3, 1.2, 5, +Inf
    double sum = 0;
};

QByteArray exposition(const QList<Series> &series)
{
    static const char *const kBounds[] = {"0.1", "0.3", "1.2", "5", "+Inf"};
    QByteArray text =
        "# HELP traefik_entrypoint_requests_total How many HTTP requests processed on an "
        "entrypoint, partitioned by status code, protocol, and method.\n"
        "# TYPE traefik_entrypoint_requests_total counter\n"
        "traefik_entrypoint_requests_total{code=\"200\",entrypoint=\"web\",method=\"GET\","
        "protocol=\"http\"} 99999\n"
        "# HELP traefik_service_request_duration_seconds How long it took to process the request "
        "on a service, partitioned by status code, protocol, and method.\n"
        "# TYPE traefik_service_request_duration_seconds histogram\n";
    for (const Series &s : series) {
        const QByteArray labels = "code=\"" + QByteArray::number(s.code) +
                                  "\",method=\"GET\",protocol=\"http\",service=\"" +
                                  s.service.toUtf8() + "\"";
        for (qsizetype i = 0; i < s.buckets.size(); ++i)
            text += "traefik_service_request_duration_seconds_bucket{" + labels + ",le=\"" +
                    kBounds[i] + "\"} " + QByteArray::number(s.buckets.at(i), 'g', 17) + "\n";
        text += "traefik_service_request_duration_seconds_sum{" + labels + "} " +
                QByteArray::number(s.sum, 'g', 17) + "\n";
        text += "traefik_service_request_duration_seconds_count{" + labels + "} " +
                QByteArray::number(s.buckets.isEmpty() ? 0 : s.buckets.last(), 'g', 17) + "\n";
    }
    text += "# HELP traefik_service_requests_total How many HTTP requests processed on a service, "
            "partitioned by status code, protocol, and method.\n"
            "# TYPE traefik_service_requests_total counter\n";
    for (const Series &s : series)
        text += "traefik_service_requests_total{code=\"" + QByteArray::number(s.code) +
                "\",method=\"GET\",protocol=\"http\",service=\"" + s.service.toUtf8() + "\"} " +
                QByteArray::number(s.requests, 'g', 17) + "\n";
    return text;
}

PrometheusScrape scrape(const QByteArray &text, qint64 secondsAfterT0)
{
    Result<PrometheusScrape> result = PrometheusTextParser::parse(text);
    if (!result)
        qFatal("fixture does not parse: %s", qPrintable(result.error().message));
    PrometheusScrape s = std::move(result).value();
    s.takenAt = kT0.addSecs(secondsAfterT0);
    return s;
}

TraefikScrapeWindow windowOf(const QList<PrometheusScrape> &scrapes)
{
    Result<TraefikScrapeWindow> result = TraefikScrapeWindow::compute(scrapes, kBlue, kGreen);
    if (!result)
        qFatal("window failed: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

bool near(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

} // namespace

class TestTraefikScrapeWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deltasErrorsAndP95()
    {
        // Noise that must be ignored: another app, and the blue app under another provider.
        const Series otherStart{
            QStringLiteral("other@swarm"), 200, 7000, {7000, 7000, 7000, 7000, 7000}, 9};
        const Series otherEnd{
            QStringLiteral("other@swarm"), 500, 9000, {9000, 9000, 9000, 9000, 9000}, 99};
        const Series fileStart{QStringLiteral("demo-blue@file"), 200, 10, {10, 10, 10, 10, 10}, 1};
        const Series fileEnd{
            QStringLiteral("demo-blue@file"), 200, 910, {10, 10, 10, 10, 910}, 9000};

        const PrometheusScrape start =
            scrape(exposition({otherStart,
                               fileStart,
                               {kBlue, 200, 1000, {900, 980, 1000, 1000, 1000}, 50},
                               {kBlue, 500, 10, {10, 10, 10, 10, 10}, 0.2},
                               {kGreen, 200, 200, {200, 200, 200, 200, 200}, 10}}),
                   0);
        const PrometheusScrape end =
            scrape(exposition({otherStart,
                               otherEnd,
                               fileEnd,
                               {kBlue, 200, 1570, {1400, 1540, 1570, 1570, 1570}, 107},
                               {kBlue, 500, 40, {40, 40, 40, 40, 40}, 0.5},
                               {kGreen, 200, 500, {250, 470, 500, 500, 500}, 70}}),
                   30);

        Result<TraefikScrapeWindow> result =
            TraefikScrapeWindow::compute(start, end, kBlue, kGreen);
        QVERIFY(result);
        const TraefikScrapeWindow &w = result.value();
        QCOMPARE(w.window().source, QStringLiteral("traefik"));
        QCOMPARE(w.window().from, kT0);
        QCOMPARE(w.window().to, kT0.addSecs(30));

        // Blue: 570 + 30 requests, the 30 of code 500 are errors.
        const ColorMetrics &blue = w.window().blue;
        QCOMPARE(blue.color, Color::Blue);
        QCOMPARE(blue.requests, 600);
        QCOMPARE(blue.errors, 30);
        QVERIFY(near(blue.rps, 20));
        // (57 s + 0.3 s) / 600 requests.
        QVERIFY(near(blue.latencyMeanMs, 95.5));
        // Bucket deltas 530, 590, 600, 600, 600; rank 0.95 * 600 = 570 lies in (0.1, 0.3]:
        // 0.1 + 0.2 * (570 - 530) / (590 - 530) = 0.23333… s.
        QVERIFY(near(blue.latencyP95Ms, 1000.0 * (0.1 + 0.2 * 40.0 / 60.0)));
        QCOMPARE(w.detail(Color::Blue).p95Seconds.lower, 0.1);
        QCOMPARE(w.detail(Color::Blue).p95Seconds.upper, 0.3);
        QVERIFY(std::isnan(blue.cpuPercent));
        QCOMPARE(blue.latencySubsamplesMs.size(), 1);
        QVERIFY(near(blue.latencySubsamplesMs.first(), 95.5));
        QCOMPARE(w.detail(Color::Blue).requestSeries, 2);
        QCOMPARE(w.detail(Color::Blue).counterResets, 0);
        QCOMPARE(w.detail(Color::Blue).service, kBlue);
        QCOMPARE(w.p95Resolution(Color::Blue),
                 QStringLiteral("demo-blue@swarm: p95 233.333 ms, interpolated within the "
                                "histogram bucket 100–300 ms"));

        // Green: 300 requests, mean 60 s / 300, bucket deltas 50, 270, 300: rank 285 lies in
        // (0.3, 1.2]: 0.3 + 0.9 * (285 - 270) / 30 = 0.75 s.
        const ColorMetrics &green = w.window().green;
        QCOMPARE(green.color, Color::Green);
        QCOMPARE(green.requests, 300);
        QCOMPARE(green.errors, 0);
        QVERIFY(near(green.rps, 10));
        QVERIFY(near(green.latencyMeanMs, 200));
        QVERIFY(near(green.latencyP95Ms, 750));
        QCOMPARE(w.detail(Color::Green).p95Seconds.lower, 0.3);
        QCOMPARE(w.detail(Color::Green).p95Seconds.upper, 1.2);
        QCOMPARE(green.errorRatePct(), 0.0);
        QVERIFY(near(blue.errorRatePct(), 5));
    }

    void counterResetPerSeries()
    {
        // Code 200 restarted from 0 (5000 → 120: its increase is 120); code 500 did not (3 → 8).
        const PrometheusScrape start =
            scrape(exposition({{kBlue, 200, 5000, {4000, 4800, 5000, 5000, 5000}, 400},
                               {kBlue, 500, 3, {3, 3, 3, 3, 3}, 0.03}}),
                   0);
        const PrometheusScrape end =
            scrape(exposition({{kBlue, 200, 120, {100, 110, 120, 120, 120}, 6},
                               {kBlue, 500, 8, {8, 8, 8, 8, 8}, 0.08}}),
                   10);
        const TraefikScrapeWindow w = windowOf({start, end});
        const ColorMetrics &blue = w.window().blue;
        QCOMPARE(blue.requests, 125);
        QCOMPARE(blue.errors, 5);
        QVERIFY(near(blue.rps, 12.5));
        // (6 + 0.05) s / 125.
        QVERIFY(near(blue.latencyMeanMs, 48.4));
        // Bucket increases 105, 115, 125: rank 118.75 in (0.3, 1.2]: 0.3 + 0.9 * 3.75 / 10.
        QVERIFY(near(blue.latencyP95Ms, 1000.0 * (0.3 + 0.9 * 3.75 / 10.0)));
        // The requests series and the histogram of code 200.
        QCOMPARE(w.detail(Color::Blue).counterResets, 2);
    }

    void missingColorIsZeroNotAnError()
    {
        // Blue appears only in the second scrape (its first requests); green never.
        const PrometheusScrape start = scrape(exposition({}), 0);
        const PrometheusScrape end =
            scrape(exposition({{kBlue, 200, 42, {40, 42, 42, 42, 42}, 2.1}}), 15);
        Result<TraefikScrapeWindow> result =
            TraefikScrapeWindow::compute(start, end, kBlue, kGreen);
        QVERIFY(result);
        const MetricsWindow &w = result.value().window();
        QCOMPARE(w.blue.requests, 42);
        QVERIFY(near(w.blue.latencyMeanMs, 50));

        QCOMPARE(w.green.requests, 0);
        QCOMPARE(w.green.errors, 0);
        QCOMPARE(w.green.rps, 0.0);
        QVERIFY(std::isnan(w.green.latencyMeanMs));
        QVERIFY(std::isnan(w.green.latencyP95Ms));
        QVERIFY(std::isnan(w.green.cpuPercent));
        QVERIFY(std::isnan(w.green.errorRatePct()));
        QVERIFY(w.green.latencySubsamplesMs.isEmpty());
        QCOMPARE(result.value().detail(Color::Green).requestSeries, 0);
        QCOMPARE(result.value().p95Resolution(Color::Green),
                 QStringLiteral("demo-green@docker: no p95, the latency histogram saw no "
                                "requests in the window"));
    }

    void p95InTheInfBucket()
    {
        const PrometheusScrape start = scrape(exposition({{kBlue, 200, 0, {0, 0, 0, 0, 0}, 0}}), 0);
        const PrometheusScrape end =
            scrape(exposition({{kBlue, 200, 100, {10, 20, 30, 90, 100}, 300}}), 60);
        const TraefikScrapeWindow w = windowOf({start, end});
        // Rank 95 lies beyond the 5 s bucket (90): all that is known is "at least 5 s".
        QCOMPARE(w.window().blue.latencyP95Ms, 5000.0);
        QVERIFY(std::isinf(w.detail(Color::Blue).p95Seconds.upper));
        QCOMPARE(w.p95Resolution(Color::Blue),
                 QStringLiteral("demo-blue@swarm: p95 is above the largest finite bucket bound, "
                                "5000 ms (only a lower bound)"));
    }

    void subsamplesFromSuccessiveScrapes()
    {
        const PrometheusScrape s0 = scrape(exposition({{kBlue, 200, 0, {0, 0, 0, 0, 0}, 0}}), 0);
        const PrometheusScrape s1 =
            scrape(exposition({{kBlue, 200, 100, {100, 100, 100, 100, 100}, 5}}), 5);
        // A restart between s1 and s2: 40 requests since.
        const PrometheusScrape s2 =
            scrape(exposition({{kBlue, 200, 40, {20, 40, 40, 40, 40}, 4}}), 10);
        const PrometheusScrape s3 =
            scrape(exposition({{kBlue, 200, 40, {20, 40, 40, 40, 40}, 4}}), 15);
        const TraefikScrapeWindow w = windowOf({s0, s1, s2, s3});
        const ColorMetrics &blue = w.window().blue;
        QCOMPARE(blue.requests, 140);
        QVERIFY(near(blue.rps, 140.0 / 15.0));
        QVERIFY(near(blue.latencyMeanMs, 1000.0 * 9.0 / 140.0));
        // One sub-sample per interval that saw requests: 50 ms, then 100 ms.
        QCOMPARE(blue.latencySubsamplesMs.size(), 2);
        QVERIFY(near(blue.latencySubsamplesMs.at(0), 50));
        QVERIFY(near(blue.latencySubsamplesMs.at(1), 100));
        QCOMPARE(w.detail(Color::Blue).counterResets, 2);
    }

    void realSampleShapes()
    {
        // The real scrape as the start; the end adds 100 requests to readiness@http, 80 of them
        // within 0.1 s, 20 within 0.3 s, 10 s in all.
        QFile file(
            QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik/metrics-sample.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        QByteArray after = before;
        const QByteArray labels =
            "{code=\"200\",method=\"GET\",protocol=\"http\",service=\"readiness@http\"";
        const auto replace = [&after](const QByteArray &from, const QByteArray &to) {
            QVERIFY2(after.contains(from), from.constData());
            after.replace(from, to);
        };
        replace("traefik_service_requests_total" + labels + "} 70424",
                "traefik_service_requests_total" + labels + "} 70524");
        replace("seconds_bucket" + labels + ",le=\"0.1\"} 70424",
                "seconds_bucket" + labels + ",le=\"0.1\"} 70504");
        for (const char *le : {"0.3", "1.2", "5", "+Inf"})
            replace("seconds_bucket" + labels + ",le=\"" + le + "\"} 70424",
                    "seconds_bucket" + labels + ",le=\"" + le + "\"} 70524");
        replace("seconds_sum" + labels + "} 41.864985474000235",
                "seconds_sum" + labels + "} 51.864985474000235");
        replace("seconds_count" + labels + "} 70424", "seconds_count" + labels + "} 70524");

        const Result<TraefikScrapeWindow> result = TraefikScrapeWindow::compute(
            scrape(before, 0), scrape(after, 20), QStringLiteral("readiness@http"), kGreen);
        QVERIFY(result);
        const ColorMetrics &blue = result.value().window().blue;
        QCOMPARE(blue.requests, 100);
        QCOMPARE(blue.errors, 0);
        QVERIFY(near(blue.rps, 5));
        QVERIFY(std::fabs(blue.latencyMeanMs - 100) < 1e-6);
        // Rank 95 in (0.1, 0.3] with 80 below: 0.1 + 0.2 * 15 / 20 = 0.25 s.
        QVERIFY(near(blue.latencyP95Ms, 250));
        QCOMPARE(result.value().window().green.requests, 0);
    }

    void histogramQuantileByHand()
    {
        using B = HistogramQuantile::Bucket;
        const auto inf = std::numeric_limits<double>::infinity();
        // Given out of order; the 1.2 bucket dips below its predecessor and is lifted to 60.
        const auto e = HistogramQuantile::estimate(
            0.5, {{inf, 100}, B{0.1, 20}, B{1.2, 55}, B{0.3, 60}, B{5, 100}});
        // Rank 50 in (0.1, 0.3]: 0.1 + 0.2 * 30 / 40.
        QVERIFY(near(e.value, 0.1 + 0.2 * 30.0 / 40.0));
        QCOMPARE(e.lower, 0.1);
        QCOMPARE(e.upper, 0.3);
        QCOMPARE(e.observations, 100.0);
        // In the first bucket the lower bound is 0.
        const auto first = HistogramQuantile::estimate(0.1, {B{0.1, 20}, B{inf, 100}});
        QVERIFY(near(first.value, 0.05));
        QCOMPARE(first.lower, 0.0);
        QVERIFY(!HistogramQuantile::estimate(0.5, {B{0.1, 20}, B{5, 30}}).valid());
        QVERIFY(!HistogramQuantile::estimate(0.5, {B{inf, 20}}).valid());
        QVERIFY(!HistogramQuantile::estimate(0.5, {B{0.1, 0}, B{inf, 0}}).valid());
    }

    void invalidInput()
    {
        const PrometheusScrape one = scrape(exposition({}), 0);
        auto r = TraefikScrapeWindow::compute(QList<PrometheusScrape>{one}, kBlue, kGreen);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY(r.error().message.contains(QLatin1String("at least two scrapes")));

        PrometheusScrape undated = one;
        undated.takenAt = QDateTime();
        r = TraefikScrapeWindow::compute(one, undated, kBlue, kGreen);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(
            QLatin1String("scrape 2 of the metrics window has no time")));

        r = TraefikScrapeWindow::compute(one, one, kBlue, kGreen);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QLatin1String("not later than scrape 1")));
    }
};

QTEST_GUILESS_MAIN(TestTraefikScrapeWindow)
#include "tst_traefikscrapewindow.moc"
