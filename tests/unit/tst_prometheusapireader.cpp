#include "metrics/PrometheusApiReader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

QByteArray referenceFile(const char *name)
{
    QFile file(QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/prometheus/") +
               QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// JSON written with ' for " (moc mis-scans raw string literals full of quotes).
QByteArray J(const char *text)
{
    QByteArray json(text);
    json.replace('\'', '"');
    return json;
}

PrometheusApiResult readOk(const QByteArray &json)
{
    Result<PrometheusApiResult> r = PrometheusApiReader::read(json);
    if (!r)
        qFatal("expected a result, got: %s", qPrintable(r.error().message));
    return std::move(r).value();
}

} // namespace

class TestPrometheusApiReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instantExample()
    {
        const QByteArray json = referenceFile("query-instant-example.json");
        QVERIFY2(!json.isEmpty(), "fixture query-instant-example.json not found");
        const PrometheusApiResult r = readOk(json);
        QCOMPARE(r.type, PrometheusApiResult::Type::Vector);
        QCOMPARE(r.series.size(), 2);
        QCOMPARE(r.series.at(0).metric.value(QStringLiteral("__name__")), QStringLiteral("up"));
        QCOMPARE(r.series.at(0).metric.value(QStringLiteral("job")), QStringLiteral("prometheus"));
        QCOMPARE(r.series.at(1).metric.value(QStringLiteral("instance")),
                 QStringLiteral("localhost:9100"));
        QCOMPARE(r.series.at(0).points.size(), 1);
        QCOMPARE(r.series.at(0).points.at(0).timeSec, 1435781451.781);
        QCOMPARE(r.series.at(0).points.at(0).value, 1.0);
        QCOMPARE(r.series.at(1).points.at(0).value, 0.0);
    }

    void rangeExample()
    {
        const QByteArray json = referenceFile("query-range-example.json");
        QVERIFY2(!json.isEmpty(), "fixture query-range-example.json not found");
        const PrometheusApiResult r = readOk(json);
        QCOMPARE(r.type, PrometheusApiResult::Type::Matrix);
        QCOMPARE(r.series.size(), 2);
        QCOMPARE(r.series.at(1).metric.value(QStringLiteral("instance")),
                 QStringLiteral("localhost:9091"));
        QCOMPARE(r.series.at(1).points.size(), 3);
        QCOMPARE(r.series.at(1).points.at(0).timeSec, 1435781430.781);
        QCOMPARE(r.series.at(1).points.at(1).value, 0.0);
        QCOMPARE(r.series.at(1).points.at(2).timeSec, 1435781460.781);
        QCOMPARE(r.series.at(1).points.at(2).value, 1.0);
    }

    /// Every inline JSON answer of /query and /query_range in the OpenAPI golden file.
    void openApiInlineExamples()
    {
        const QByteArray yaml = referenceFile("openapi_3.1_golden-query-excerpt.yaml");
        QVERIFY2(!yaml.isEmpty(), "fixture openapi_3.1_golden-query-excerpt.yaml not found");
        const qsizetype begin = yaml.indexOf("\n    /query:");
        const qsizetype end = yaml.indexOf("\n    /query_exemplars:");
        QVERIFY(begin > 0 && end > begin);
        const QString section = QString::fromUtf8(yaml.mid(begin, end - begin));
        static const QRegularExpression line(QStringLiteral("value: (\\{\"status\".*\\})\\s*$"),
                                             QRegularExpression::MultilineOption);
        int vectors = 0;
        int matrices = 0;
        for (auto it = line.globalMatch(section); it.hasNext();) {
            const PrometheusApiResult r = readOk(it.next().captured(1).toUtf8());
            QVERIFY(!r.series.isEmpty());
            for (const auto &s : r.series) {
                QCOMPARE(s.metric.value(QStringLiteral("__name__")), QStringLiteral("up"));
                for (const auto &p : s.points) {
                    QCOMPARE(p.value, 1.0);
                    QVERIFY(p.timeSec > 1767000000);
                }
            }
            if (r.type == PrometheusApiResult::Type::Vector) {
                ++vectors;
                QCOMPARE(r.series.size(), 2);
                QCOMPARE(r.series.at(1).metric.value(QStringLiteral("env")),
                         QStringLiteral("demo"));
            } else {
                QCOMPARE(r.type, PrometheusApiResult::Type::Matrix);
                ++matrices;
            }
        }
        // /query get + post: a vector and a matrix each; /query_range get + post: a matrix each.
        QCOMPARE(vectors, 2);
        QCOMPARE(matrices, 4);
    }

    /// The block-YAML examples of the same file (scalar(42), "TSDB not ready"), as JSON.
    void openApiBlockExamples()
    {
        const PrometheusApiResult scalar = readOk(
            J("{'data':{'result':[1767436620,'42'],'resultType':'scalar'},'status':'success'}"));
        QCOMPARE(scalar.type, PrometheusApiResult::Type::Scalar);
        QCOMPARE(scalar.scalar.timeSec, 1767436620.0);
        QCOMPARE(scalar.scalar.value, 42.0);

        const Result<PrometheusApiResult> error = PrometheusApiReader::read(
            J("{'error':'TSDB not ready','errorType':'internal','status':'error'}"));
        QVERIFY(!error);
        QCOMPARE(error.error().kind, Error::Kind::Other);
        QVERIFY2(error.error().message.contains(QLatin1String("internal")),
                 qPrintable(error.error().message));
        QVERIFY(error.error().message.contains(QLatin1String("TSDB not ready")));
    }

    void stringResult()
    {
        const PrometheusApiResult r =
            readOk(J("{'status':'success','data':{'resultType':'string','result':[1.5,'hello']}}"));
        QCOMPARE(r.type, PrometheusApiResult::Type::String);
        QCOMPARE(r.string, QStringLiteral("hello"));
        QCOMPARE(r.scalar.timeSec, 1.5);
    }

    void specialValues()
    {
        const PrometheusApiResult r = readOk(
            J("{'status':'success','data':{'resultType':'matrix','result':[{'metric':{},'values':"
              "[[1,'NaN'],[2,'+Inf'],[3,'-Inf'],[4,'1e-3'],[5,'-0.5']]}]},"
              "'warnings':['PromQL info: metric might not be a counter']}"));
        QCOMPARE(r.series.size(), 1);
        const auto &p = r.series.at(0).points;
        QCOMPARE(p.size(), 5);
        QVERIFY(std::isnan(p.at(0).value));
        QVERIFY(std::isinf(p.at(1).value) && p.at(1).value > 0);
        QVERIFY(std::isinf(p.at(2).value) && p.at(2).value < 0);
        QCOMPARE(p.at(3).value, 0.001);
        QCOMPARE(p.at(4).value, -0.5);
        QCOMPARE(r.warnings.size(), 1);
    }

    void emptyVector()
    {
        const PrometheusApiResult r =
            readOk(J("{'status':'success','data':{'resultType':'vector','result':[]}}"));
        QCOMPARE(r.type, PrometheusApiResult::Type::Vector);
        QVERIFY(r.series.isEmpty());
    }

    void errorTypes_data()
    {
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<int>("kind");
        QTest::newRow("bad_data") << "bad_data" << int(Error::Kind::Invalid);
        QTest::newRow("timeout") << "timeout" << int(Error::Kind::Timeout);
        QTest::newRow("canceled") << "canceled" << int(Error::Kind::Cancelled);
        QTest::newRow("unavailable") << "unavailable" << int(Error::Kind::Unreachable);
        QTest::newRow("execution") << "execution" << int(Error::Kind::Other);
    }
    void errorTypes()
    {
        QFETCH(QString, errorType);
        QFETCH(int, kind);
        const QByteArray json = J("{'status':'error','errorType':'") + errorType.toUtf8() +
                                J("','error':'1:5: parse error: unexpected end of input'}");
        const Result<PrometheusApiResult> r = PrometheusApiReader::read(json);
        QVERIFY(!r);
        QCOMPARE(int(r.error().kind), kind);
        QVERIFY(r.error().message.contains(errorType));
        QVERIFY(r.error().message.contains(QLatin1String("unexpected end of input")));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QByteArray good = referenceFile("query-range-example.json");
        QTest::newRow("empty") << QByteArray() << "malformed JSON";
        QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>") << "malformed JSON";
        QTest::newRow("truncated half") << good.left(good.size() / 2) << "malformed JSON";
        QTest::newRow("truncated end") << good.left(good.size() - 3) << "malformed JSON";
        QTest::newRow("array") << QByteArray("[1,2]") << "envelope";
        QTest::newRow("no status") << QByteArray(J("{'data':{}}")) << "status";
        QTest::newRow("no data") << QByteArray(J("{'status':'success'}")) << "data";
        QTest::newRow("unknown type")
            << QByteArray(J("{'status':'success','data':{'resultType':'table','result':[]}}"))
            << "table";
        QTest::newRow("result not list")
            << QByteArray(J("{'status':'success','data':{'resultType':'vector','result':{}}}"))
            << "list";
        QTest::newRow("number value")
            << QByteArray(J("{'status':'success','data':{'resultType':'vector','result':"
                            "[{'metric':{},'value':[1,2]}]}}"))
            << "series 1";
        QTest::newRow("bad value")
            << QByteArray(J("{'status':'success','data':{'resultType':'vector','result':"
                            "[{'metric':{},'value':[1,'abc']}]}}"))
            << "series 1";
        QTest::newRow("short pair")
            << QByteArray(J("{'status':'success','data':{'resultType':'matrix','result':"
                            "[{'metric':{'a':'b'},'values':[[1,'1'],[2]]}]}}"))
            << "point 2";
        QTest::newRow("label not string")
            << QByteArray(J("{'status':'success','data':{'resultType':'vector','result':"
                            "[{'metric':{'a':1},'value':[1,'1']}]}}"))
            << "labels";
        QTest::newRow("scalar not pair")
            << QByteArray(J("{'status':'success','data':{'resultType':'scalar','result':'1'}}"))
            << "scalar";
    }
    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const Result<PrometheusApiResult> r = PrometheusApiReader::read(json);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    }

    /// Every prefix of a real answer is rejected cleanly (no crash, never a partial result).
    void everyTruncation()
    {
        const QByteArray good = referenceFile("query-instant-example.json").trimmed();
        QVERIFY(!good.isEmpty());
        for (qsizetype n = 0; n < good.size(); ++n) {
            const Result<PrometheusApiResult> r = PrometheusApiReader::read(good.left(n));
            QVERIFY2(!r, qPrintable(QStringLiteral("prefix of %1 bytes was accepted").arg(n)));
            QCOMPARE(r.error().kind, Error::Kind::Invalid);
        }
        QVERIFY(PrometheusApiReader::read(good).ok());
    }
};

QTEST_GUILESS_MAIN(TestPrometheusApiReader)
#include "tst_prometheusapireader.moc"
