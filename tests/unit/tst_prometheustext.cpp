#include "metrics/PrometheusTextParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

const char kSamplePath[] = OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik/metrics-sample.txt";

QByteArray readSample()
{
    QFile file(QString::fromUtf8(kSamplePath));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", kSamplePath);
    return file.readAll();
}

PrometheusScrape parseOk(const QByteArray &text)
{
    Result<PrometheusScrape> result = PrometheusTextParser::parse(text);
    if (!result)
        qFatal("unexpected parse error: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

const PrometheusSample *find(const PrometheusScrape &scrape, const QString &name,
                             const QList<QPair<QString, QString>> &labels = {})
{
    for (const PrometheusSample &s : scrape.samples) {
        if (s.name == name && s.labels == labels)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestPrometheusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realTraefikScrape()
    {
        const QByteArray text = readSample();
        QCOMPARE(text.size(), 12689);
        const PrometheusScrape scrape = parseOk(text);
        // 178 lines (the last without "\n"): 45 HELP, 45 TYPE, 88 samples.
        QCOMPARE(scrape.samples.size(), 88);
        QCOMPARE(scrape.types.size(), 45);
        QCOMPARE(scrape.help.size(), 45);
        QCOMPARE(scrape.typeOf(QStringLiteral("traefik_service_request_duration_seconds")),
                 PrometheusScrape::Type::Histogram);
        QCOMPARE(scrape.typeOf(QStringLiteral("traefik_service_requests_total")),
                 PrometheusScrape::Type::Counter);
        QCOMPARE(scrape.typeOf(QStringLiteral("go_gc_duration_seconds")),
                 PrometheusScrape::Type::Summary);
        QCOMPARE(scrape.typeOf(QStringLiteral("go_goroutines")), PrometheusScrape::Type::Gauge);
        QCOMPARE(scrape.typeOf(QStringLiteral("no_such_metric")), PrometheusScrape::Type::Untyped);
        int types[5] = {};
        for (const auto type : scrape.types)
            ++types[int(type)];
        QCOMPARE(types[int(PrometheusScrape::Type::Gauge)], 33);
        QCOMPARE(types[int(PrometheusScrape::Type::Counter)], 9);
        QCOMPARE(types[int(PrometheusScrape::Type::Histogram)], 2);
        QCOMPARE(types[int(PrometheusScrape::Type::Summary)], 1);
        QCOMPARE(scrape.help.value(QStringLiteral("go_goroutines")),
                 QStringLiteral("Number of goroutines that currently exist."));

        // First and last lines, and a few values by hand.
        const PrometheusSample &first = scrape.samples.first();
        QCOMPARE(first.name, QStringLiteral("go_gc_duration_seconds"));
        QCOMPARE(first.label(u"quantile"), QStringLiteral("0"));
        QCOMPARE(first.value, 0.000189542);
        QVERIFY(!first.timestampMs);
        const PrometheusSample &last = scrape.samples.last();
        QCOMPARE(last.name, QStringLiteral("traefik_service_requests_total"));
        const QList<QPair<QString, QString>> lastLabels = {
            {QStringLiteral("code"), QStringLiteral("200")},
            {QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("protocol"), QStringLiteral("http")},
            {QStringLiteral("service"), QStringLiteral("readiness@http")}};
        QCOMPARE(last.labels, lastLabels);
        QCOMPARE(last.value, 70424.0);

        const auto *fraction = find(scrape, QStringLiteral("go_memstats_gc_cpu_fraction"));
        QVERIFY(fraction);
        QCOMPARE(fraction->value, 1.279030208778519e-05);
        const auto *maxVm = find(scrape, QStringLiteral("process_virtual_memory_max_bytes"));
        QVERIFY(maxVm);
        QCOMPARE(maxVm->value, 1.8446744073709552e+19);
        const auto *goInfo = find(scrape, QStringLiteral("go_info"),
                                  {{QStringLiteral("version"), QStringLiteral("go1.17.6")}});
        QVERIFY(goInfo);
        QCOMPARE(goInfo->value, 1.0);

        // The histogram's +Inf bucket: labels sorted, "le" last by name order.
        auto bucketLabels = lastLabels;
        bucketLabels.insert(1, {QStringLiteral("le"), QStringLiteral("+Inf")});
        const auto *inf =
            find(scrape, QStringLiteral("traefik_service_request_duration_seconds_bucket"),
                 bucketLabels);
        QVERIFY(inf);
        QCOMPARE(inf->value, 70424.0);
        const auto *sum = find(
            scrape, QStringLiteral("traefik_service_request_duration_seconds_sum"), lastLabels);
        QVERIFY(sum);
        QCOMPARE(sum->value, 41.864985474000235);
        int serviceBuckets = 0;
        for (const PrometheusSample &s : scrape.samples)
            serviceBuckets +=
                s.name == QLatin1String("traefik_service_request_duration_seconds_bucket");
        QCOMPARE(serviceBuckets, 5);
    }

    void truncatedSampleNeverCrashes()
    {
        const QByteArray text = readSample();
        int parsed = 0;
        int rejected = 0;
        for (qsizetype cut = 0; cut <= text.size(); cut += 37) {
            const auto result = PrometheusTextParser::parse(text.left(cut));
            if (result) {
                ++parsed;
            } else {
                ++rejected;
                QVERIFY(result.error().message.startsWith(QLatin1String("line ")));
                QCOMPARE(result.error().kind, Error::Kind::Invalid);
            }
        }
        QVERIFY(parsed > 0);
        QVERIFY(rejected > 0);
    }

    void escapes()
    {
        const PrometheusScrape scrape = parseOk(
            "# HELP m Backslash \\\\ and\\nnewline, \"quotes\" stay.\n"
            "m{a=\"x\\\\y\",b=\"say \\\"hi\\\"\",c=\"two\\nlines\",d=\"\",e=\"ü{},=\"} 1\n");
        QCOMPARE(scrape.help.value(QStringLiteral("m")),
                 QStringLiteral("Backslash \\ and\nnewline, \"quotes\" stay."));
        QCOMPARE(scrape.samples.size(), 1);
        const PrometheusSample &s = scrape.samples.first();
        QCOMPARE(s.label(u"a"), QStringLiteral("x\\y"));
        QCOMPARE(s.label(u"b"), QStringLiteral("say \"hi\""));
        QCOMPARE(s.label(u"c"), QStringLiteral("two\nlines"));
        QVERIFY(!s.label(u"d").isNull());
        QVERIFY(s.label(u"d").isEmpty());
        QCOMPARE(s.label(u"e"), QStringLiteral("ü{},="));
        QVERIFY(s.label(u"z").isNull());
    }

    void values()
    {
        const PrometheusScrape scrape = parseOk("a +Inf\n"
                                                "b -Inf\n"
                                                "c NaN\n"
                                                "d Inf\n"
                                                "e -0.5\n"
                                                "f 1e3\n"
                                                "g +12\n"
                                                "h 1.5E-3\n"
                                                "i nan\n");
        QCOMPARE(scrape.samples.size(), 9);
        QVERIFY(std::isinf(scrape.samples.at(0).value) && scrape.samples.at(0).value > 0);
        QVERIFY(std::isinf(scrape.samples.at(1).value) && scrape.samples.at(1).value < 0);
        QVERIFY(std::isnan(scrape.samples.at(2).value));
        QVERIFY(std::isinf(scrape.samples.at(3).value) && scrape.samples.at(3).value > 0);
        QCOMPARE(scrape.samples.at(4).value, -0.5);
        QCOMPARE(scrape.samples.at(5).value, 1000.0);
        QCOMPARE(scrape.samples.at(6).value, 12.0);
        QCOMPARE(scrape.samples.at(7).value, 0.0015);
        QVERIFY(std::isnan(scrape.samples.at(8).value));
    }

    void timestampsAndLayout()
    {
        const PrometheusScrape scrape = parseOk("# an ordinary comment\n"
                                                "#\n"
                                                "# HELP\n"
                                                "\n"
                                                "   \t\n"
                                                "m 1 1700000000123\n"
                                                "n{a=\"1\",} 2 -5\r\n"
                                                "  o { a = \"1\" , b=\"2\" }\t3\t42  \n"
                                                "p:q_r 4");
        QCOMPARE(scrape.samples.size(), 4);
        QCOMPARE(scrape.samples.at(0).timestampMs, std::optional<qint64>(1700000000123));
        QCOMPARE(scrape.samples.at(1).timestampMs, std::optional<qint64>(-5));
        QCOMPARE(scrape.samples.at(1).label(u"a"), QStringLiteral("1"));
        QCOMPARE(scrape.samples.at(2).name, QStringLiteral("o"));
        QCOMPARE(scrape.samples.at(2).labels.size(), 2);
        QCOMPARE(scrape.samples.at(2).value, 3.0);
        QCOMPARE(scrape.samples.at(2).timestampMs, std::optional<qint64>(42));
        QCOMPARE(scrape.samples.at(3).name, QStringLiteral("p:q_r"));
        QVERIFY(!scrape.samples.at(3).timestampMs);
        QVERIFY(scrape.types.isEmpty());

        const PrometheusScrape empty = parseOk("");
        QVERIFY(empty.samples.isEmpty());
    }

    void histogramAndSummaryShapes()
    {
        const PrometheusScrape scrape = parseOk("# TYPE h histogram\n"
                                                "h_bucket{le=\"0.1\"} 1\n"
                                                "h_bucket{le=\"+Inf\"} 2\n"
                                                "h_sum 0.3\n"
                                                "h_count 2\n"
                                                "# TYPE s summary\n"
                                                "s{quantile=\"0.5\"} 0.1\n"
                                                "s_sum 1\n"
                                                "s_count 3\n"
                                                "# TYPE x_bucket counter\n"
                                                "x_bucket 7\n");
        QCOMPARE(scrape.samples.size(), 8);
        QCOMPARE(scrape.typeOf(QStringLiteral("x_bucket")), PrometheusScrape::Type::Counter);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("says");

        QTest::newRow("name starts with a digit")
            << QByteArray("a 1\nb 2\n1bad 3\n") << 3 << QStringLiteral("expected a metric name");
        QTest::newRow("invalid name character")
            << QByteArray("a 1\nm-x 1\n") << 2 << QStringLiteral("invalid character \"-\"");
        QTest::newRow("no value") << QByteArray("m\n") << 1 << QStringLiteral("has no value");
        QTest::newRow("no value after labels")
            << QByteArray("m{a=\"b\"}   \n") << 1 << QStringLiteral("has no value");
        QTest::newRow("invalid value")
            << QByteArray("\n\nm abc\n") << 3 << QStringLiteral("invalid value \"abc\"");
        QTest::newRow("double sign")
            << QByteArray("m +-1\n") << 1 << QStringLiteral("invalid value");
        QTest::newRow("comma decimal")
            << QByteArray("m 1,5\n") << 1 << QStringLiteral("invalid value");
        QTest::newRow("fractional timestamp")
            << QByteArray("m 1 12.5\n") << 1 << QStringLiteral("invalid timestamp \"12.5\"");
        QTest::newRow("text after timestamp")
            << QByteArray("m 1 2 3\n") << 1 << QStringLiteral("after the timestamp");
        QTest::newRow("unterminated label value")
            << QByteArray("ok 1\nm{a=\"b} 1\n") << 2 << QStringLiteral("no closing quote");
        QTest::newRow("unquoted label value")
            << QByteArray("m{a=b} 1\n") << 1 << QStringLiteral("is not quoted");
        QTest::newRow("no equals") << QByteArray("m{a \"b\"} 1\n") << 1
                                   << QStringLiteral("expected \"=\" after label name a");
        QTest::newRow("no comma") << QByteArray("m{a=\"b\" c=\"d\"} 1\n") << 1
                                  << QStringLiteral("expected \",\" or \"}\"");
        QTest::newRow("no closing brace")
            << QByteArray("m{a=\"b\",\n") << 1 << QStringLiteral("no closing brace");
        QTest::newRow("invalid label name")
            << QByteArray("m{1a=\"b\"} 1\n") << 1 << QStringLiteral("expected a label name");
        QTest::newRow("invalid escape")
            << QByteArray("m{a=\"\\t\"} 1\n") << 1 << QStringLiteral("invalid escape sequence \\t");
        QTest::newRow("duplicate label")
            << QByteArray("m{a=\"1\",a=\"2\"} 1\n") << 1 << QStringLiteral("label a appears twice");
        QTest::newRow("duplicate series")
            << QByteArray("m{a=\"1\",b=\"2\"} 1\nm{b=\"2\",a=\"1\"} 2\n") << 2
            << QStringLiteral("duplicate series");
        QTest::newRow("unknown type") << QByteArray("# TYPE m countr\n") << 1
                                      << QStringLiteral("unknown metric type \"countr\"");
        QTest::newRow("type without type")
            << QByteArray("# TYPE m\n") << 1 << QStringLiteral("unknown metric type \"\"");
        QTest::newRow("text after type")
            << QByteArray("# TYPE m gauge extra\n") << 1 << QStringLiteral("after the type of m");
        QTest::newRow("second TYPE") << QByteArray("# TYPE m gauge\nm 1\n# TYPE m counter\n") << 3
                                     << QStringLiteral("second TYPE line for metric m");
        QTest::newRow("TYPE after samples") << QByteArray("m 1\n# TYPE m gauge\n") << 2
                                            << QStringLiteral("comes after its samples");
        QTest::newRow("histogram TYPE after buckets")
            << QByteArray("h_bucket{le=\"1\"} 1\n# TYPE h histogram\n") << 2
            << QStringLiteral("comes after its samples");
        QTest::newRow("second HELP") << QByteArray("# HELP m one\n# HELP m two\n") << 2
                                     << QStringLiteral("second HELP line for metric m");
        QTest::newRow("HELP escape") << QByteArray("# HELP m a \\t b\n") << 1
                                     << QStringLiteral("invalid escape sequence \\t");
        QTest::newRow("HELP lone backslash")
            << QByteArray("# HELP m a \\") << 1 << QStringLiteral("lone backslash");
        QTest::newRow("HELP bad name") << QByteArray("# HELP 1x text\n") << 1
                                       << QStringLiteral("HELP line: \"1x text\" is not a valid");
        QTest::newRow("bucket without le")
            << QByteArray("# TYPE h histogram\nh_bucket{a=\"1\"} 1\n") << 2
            << QStringLiteral("has no \"le\" label");
        QTest::newRow("bucket with invalid le")
            << QByteArray("# TYPE h histogram\nh_bucket{le=\"fast\"} 1\n") << 2
            << QStringLiteral("invalid bound le=fast");
        QTest::newRow("histogram without suffix")
            << QByteArray("# TYPE h histogram\nh 1\n") << 2
            << QStringLiteral("needs a suffix _bucket, _sum or _count");
        QTest::newRow("summary without quantile")
            << QByteArray("# TYPE s summary\ns_sum 1\ns 1\n") << 3
            << QStringLiteral("has no \"quantile\" label");
        QTest::newRow("summary with invalid quantile")
            << QByteArray("# TYPE s summary\ns{quantile=\"p95\"} 1\n") << 2
            << QStringLiteral("invalid quantile=p95");
        QTest::newRow("NUL byte") << QByteArray("m 1\nn\0 2\n", 9) << 2
                                  << QStringLiteral("NUL byte");
        QTest::newRow("last line without newline")
            << QByteArray("m 1\nm{") << 2 << QStringLiteral("no closing brace");
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, says);
        const Result<PrometheusScrape> result = PrometheusTextParser::parse(text);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Invalid);
        const QString message = result.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("line %1: ").arg(line)), qPrintable(message));
        QVERIFY2(message.contains(says), qPrintable(message));
    }

    void largeScrapeIsFast()
    {
        // 12,000 histogram and counter lines in the shape of Traefik's service metrics.
        QByteArray text = "# TYPE traefik_service_request_duration_seconds histogram\n";
        const char *bounds[] = {"0.1", "0.3", "1.2", "5", "+Inf"};
        for (int service = 0; service < 1000; ++service) {
            const QByteArray labels =
                "code=\"200\",method=\"GET\",protocol=\"http\",service=\"app-" +
                QByteArray::number(service) + "@swarm\"";
            for (const char *le : bounds)
                text += "traefik_service_request_duration_seconds_bucket{" + labels + ",le=\"" +
                        le + "\"} " + QByteArray::number(service * 7) + "\n";
            text += "traefik_service_request_duration_seconds_sum{" + labels + "} " +
                    QByteArray::number(service * 0.25) + "\n";
            text += "traefik_service_request_duration_seconds_count{" + labels + "} " +
                    QByteArray::number(service * 7) + "\n";
        }
        for (int service = 0; service < 5000; ++service)
            text += "traefik_service_requests_total{code=\"200\",method=\"GET\",protocol=\"http\","
                    "service=\"app-" +
                    QByteArray::number(service) + "@swarm\"} " + QByteArray::number(service) + "\n";
        QElapsedTimer timer;
        timer.start();
        const PrometheusScrape scrape = parseOk(text);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(scrape.samples.size(), 12000);
        qInfo("parsed %lld bytes, %lld samples in %lld ms", qint64(text.size()),
              qint64(scrape.samples.size()), elapsed);
        // Tens of milliseconds in an optimised build; the bound only catches a quadratic parser.
#if defined(__SANITIZE_ADDRESS__)
        const qint64 limitMs = 10000;
#else
        const qint64 limitMs = 2000;
#endif
        QVERIFY2(elapsed < limitMs, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "tst_prometheustext.moc"
