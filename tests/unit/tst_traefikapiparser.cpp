// Traefik API JSON: every reference file from Traefik's own test data (v2.11 and v3.7) through
// TraefikApiParser, malformed and truncated answers, and the weights-in-force check.

#include "traefik/TraefikApiParser.h"
#include "traefik/TraefikWeights.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace optimist;

namespace {

/// The error of @p result, or an Other error when it succeeded (so a check fails, not throws).
template <typename T> Error errorOf(const Result<T> &result)
{
    return result.ok() ? Error{Error::Kind::Other, QStringLiteral("(it succeeded)")}
                       : result.error();
}

// Verbatim copies of Traefik's own API test data (MIT; see tests/fixtures/traefik/api/README.md).
QString referenceDir()
{
    return QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik/api");
}

QByteArray read(const QString &relative)
{
    QFile file(referenceDir() + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

const TraefikService *find(const QList<TraefikService> &services, const QString &name)
{
    for (const TraefikService &s : services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestTraefikApiParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servicesList_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("v2.11") << QStringLiteral("v2.11.53/pkg-api-testdata/services.json");
        QTest::newRow("v3.7") << QStringLiteral("v3.7.9/pkg-api-testdata/services.json");
    }
    void servicesList()
    {
        QFETCH(QString, file);
        const auto services = TraefikApiParser::parseServiceList(read(file), file);
        QVERIFY2(services.ok(), qPrintable(services.ok() ? QString() : errorOf(services).message));
        QCOMPARE(services.value().size(), 4);
        const TraefikService *bar = find(services.value(), QStringLiteral("bar@myprovider"));
        QVERIFY(bar);
        QCOMPARE(bar->type, QStringLiteral("loadbalancer"));
        QCOMPARE(bar->provider, QStringLiteral("myprovider"));
        QCOMPARE(bar->status, QStringLiteral("enabled"));
        QCOMPARE(bar->serverUrls, QStringList{QStringLiteral("http://127.0.0.1")});
        QCOMPARE(bar->serverStatus.value(QStringLiteral("http://127.0.0.1")), QStringLiteral("UP"));
        const TraefikService *canary = find(services.value(), QStringLiteral("canary@myprovider"));
        QVERIFY(canary);
        QVERIFY(canary->isWeighted());
        QCOMPARE(canary->stickyCookie, QStringLiteral("chocolat"));
        QVERIFY(canary->children.isEmpty()); // the fixture's weighted service lists no children
        const TraefikService *mirror = find(services.value(), QStringLiteral("mirror@myprovider"));
        QVERIFY(mirror);
        QCOMPARE(mirror->type, QStringLiteral("mirroring"));
    }

    void singleService_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("v2.11") << QStringLiteral("v2.11.53/pkg-api-testdata/service-bar.json");
        QTest::newRow("v3.7") << QStringLiteral("v3.7.9/pkg-api-testdata/service-bar.json");
    }
    void singleService()
    {
        QFETCH(QString, file);
        const auto service = TraefikApiParser::parseService(read(file), file);
        QVERIFY(service.ok());
        QCOMPARE(service.value().name, QStringLiteral("bar@myprovider"));
        QCOMPARE(service.value().serverStatus.size(), 1);
        QCOMPARE(service.value().serverStatus.first(), QStringLiteral("UP"));
    }

    void disabledService()
    {
        const QString file =
            QStringLiteral("v3.7.9/pkg-api-testdata/services-filtered-search.json");
        const auto services = TraefikApiParser::parseServiceList(read(file), file);
        QVERIFY(services.ok());
        QCOMPARE(services.value().size(), 1);
        QCOMPARE(services.value().first().status, QStringLiteral("disabled"));
    }

    void rawDataRedis_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("v2.11") << QStringLiteral(
            "v2.11.53/integration-testdata/rawdata-redis.json");
        QTest::newRow("v3.7") << QStringLiteral("v3.7.9/integration-testdata/rawdata-redis.json");
    }
    void rawDataRedis()
    {
        QFETCH(QString, file);
        const auto services = TraefikApiParser::parseRawDataServices(read(file), file);
        QVERIFY2(services.ok(), qPrintable(services.ok() ? QString() : errorOf(services).message));
        const TraefikService *weighted = find(services.value(), QStringLiteral("Service03@redis"));
        QVERIFY(weighted);
        QVERIFY(weighted->isWeighted());
        QCOMPARE(weighted->provider, QStringLiteral("redis"));
        QCOMPARE(weighted->children.size(), 2);
        QCOMPARE(weighted->children.at(0).name, QStringLiteral("srvcA"));
        QCOMPARE(weighted->children.at(0).weight, 42);
        QCOMPARE(weighted->children.at(1).name, QStringLiteral("srvcB"));
        QCOMPARE(weighted->children.at(1).weight, 42);
        const TraefikService *simple = find(services.value(), QStringLiteral("simplesvc@redis"));
        QVERIFY(simple);
        QCOMPARE(simple->serverStatus.size(), 2);
        QCOMPARE(simple->serverStatus.value(QStringLiteral("http://10.0.1.1:8889")),
                 QStringLiteral("UP"));
    }

    void rawDataCrd()
    {
        const QString file = QStringLiteral("v3.7.9/integration-testdata/rawdata-crd.json");
        const auto services = TraefikApiParser::parseRawDataServices(read(file), file);
        QVERIFY2(services.ok(), qPrintable(services.ok() ? QString() : errorOf(services).message));
        int weighted = 0;
        for (const TraefikService &s : services.value())
            weighted += s.isWeighted() ? 1 : 0;
        QVERIFY(weighted >= 1);
    }

    void rawData_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("v2.11") << QStringLiteral("v2.11.53/pkg-api-testdata/getrawdata.json");
        QTest::newRow("v3.7") << QStringLiteral("v3.7.9/pkg-api-testdata/getrawdata.json");
    }
    void rawData()
    {
        QFETCH(QString, file);
        const auto services = TraefikApiParser::parseRawDataServices(read(file), file);
        QVERIFY2(services.ok(), qPrintable(services.ok() ? QString() : errorOf(services).message));
        QVERIFY(!services.value().isEmpty());
    }

    void routers_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("single");
        QTest::newRow("v2.11") << QStringLiteral("v2.11.53/pkg-api-testdata/routers.json")
                               << QStringLiteral("v2.11.53/pkg-api-testdata/router-bar.json");
        QTest::newRow("v3.7") << QStringLiteral("v3.7.9/pkg-api-testdata/routers.json")
                              << QStringLiteral("v3.7.9/pkg-api-testdata/router-bar.json");
    }
    void routers()
    {
        QFETCH(QString, list);
        QFETCH(QString, single);
        const auto routes = TraefikApiParser::parseRouterList(read(list), list);
        QVERIFY2(routes.ok(), qPrintable(routes.ok() ? QString() : errorOf(routes).message));
        QVERIFY(!routes.value().isEmpty());
        const auto route = TraefikApiParser::parseRouter(read(single), single);
        QVERIFY(route.ok());
        QCOMPARE(route.value().name, QStringLiteral("bar@myprovider"));
        QVERIFY(!route.value().rule.isEmpty());
        QVERIFY(!route.value().service.isEmpty());
    }

    // An overview is not a service: a wrong endpoint gives a clear Invalid, not garbage.
    void overviewIsNotAService_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("v2.11") << QStringLiteral("v2.11.53/pkg-api-testdata/overview-dynamic.json");
        QTest::newRow("v3.7") << QStringLiteral("v3.7.9/pkg-api-testdata/overview-dynamic.json");
        QTest::newRow("v3.7 providers")
            << QStringLiteral("v3.7.9/pkg-api-testdata/overview-providers.json");
    }
    void overviewIsNotAService()
    {
        QFETCH(QString, file);
        QVERIFY(!read(file).isEmpty());
        const auto service = TraefikApiParser::parseService(read(file), file);
        QVERIFY(!service.ok());
        QCOMPARE(errorOf(service).kind, Error::Kind::Invalid);
        QVERIFY(errorOf(service).message.contains(QStringLiteral("not a service")));
    }

    void version()
    {
        const auto v3 = TraefikApiParser::parseVersion(
            R"({"Version":"3.7.9","Codename":"x","startDate":"2026-01-01T00:00:00Z"})", "t");
        QVERIFY(v3.ok());
        QCOMPARE(TraefikNaming::versionFromString(v3.value()), TraefikNaming::Version::V3);
        const auto v2 = TraefikApiParser::parseVersion(R"({"Version":"2.11.53"})", "t");
        QCOMPARE(TraefikNaming::versionFromString(v2.value()), TraefikNaming::Version::V2);
        const auto none = TraefikApiParser::parseVersion(R"({"version":1})", "t");
        QVERIFY(!none.ok());
        QCOMPARE(errorOf(none).kind, Error::Kind::Invalid);
    }

    // Every reference file cut short at several places: an Invalid naming the source, no crash.
    void truncated_data()
    {
        QTest::addColumn<QString>("file");
        QDir root(referenceDir());
        for (const QString &version : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            for (const QString &sub :
                 QDir(root.filePath(version)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                for (const QString &file : QDir(root.filePath(version + QLatin1Char('/') + sub))
                                               .entryList({QStringLiteral("*.json")}))
                    QTest::newRow(qPrintable(version + QLatin1Char('/') + file))
                        << version + QLatin1Char('/') + sub + QLatin1Char('/') + file;
            }
        }
    }
    void truncated()
    {
        QFETCH(QString, file);
        const QByteArray body = read(file);
        QVERIFY(body.size() > 100);
        for (qsizetype cut : {qsizetype(1), body.size() / 3, body.size() / 2, body.size() - 2}) {
            const QByteArray part = body.left(cut);
            for (const auto &error :
                 {errorOf(TraefikApiParser::parseService(part, file)),
                  errorOf(TraefikApiParser::parseServiceList(part, file)),
                  errorOf(TraefikApiParser::parseRawDataServices(part, file))}) {
                QCOMPARE(error.kind, Error::Kind::Invalid);
                QVERIFY2(error.message.contains(file), qPrintable(error.message));
            }
        }
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("html") << QByteArray("<html>404 page not found</html>")
                              << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not a service");
        QTest::newRow("weight text")
            << QByteArray(
                   R"({"status":"enabled","weighted":{"services":[{"name":"a","weight":"x"}]}})")
            << QStringLiteral("not a whole number");
        QTest::newRow("weight fraction")
            << QByteArray(
                   R"({"status":"enabled","weighted":{"services":[{"name":"a","weight":1.5}]}})")
            << QStringLiteral("not a whole number");
        QTest::newRow("child without name")
            << QByteArray(R"({"status":"enabled","weighted":{"services":[{"weight":1}]}})")
            << QStringLiteral("has no name");
        QTest::newRow("services not list")
            << QByteArray(R"({"status":"enabled","weighted":{"services":{}}})")
            << QStringLiteral("not a list");
        QTest::newRow("serverStatus list")
            << QByteArray(R"({"status":"enabled","loadBalancer":{},"serverStatus":["UP"]})")
            << QStringLiteral("serverStatus");
        QTest::newRow("weighted not object") << QByteArray(R"({"status":"enabled","weighted":3})")
                                             << QStringLiteral("not an object");
    }
    void malformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const auto service = TraefikApiParser::parseService(body, QStringLiteral("http://t/x"));
        QVERIFY(!service.ok());
        QCOMPARE(errorOf(service).kind, Error::Kind::Invalid);
        QVERIFY2(errorOf(service).message.contains(says), qPrintable(errorOf(service).message));
    }

    void weightsFromChildren()
    {
        const QString app = QStringLiteral("portal");
        auto split = TraefikWeights::fromChildren(
            app,
            {{QStringLiteral("portal-blue@swarm"), 90}, {QStringLiteral("portal-green@swarm"), 10}},
            QStringLiteral("t"));
        QVERIFY(split.ok());
        QCOMPARE(split.value(), (WeightSplit{90, 10}));
        // Traefik's weights are relative; a missing child is weight 0.
        split = TraefikWeights::fromChildren(app, {{QStringLiteral("portal-blue@docker"), 1}},
                                             QStringLiteral("t"));
        QCOMPARE(split.value(), (WeightSplit{100, 0}));
        split = TraefikWeights::fromChildren(
            app, {{QStringLiteral("portal-blue"), 1}, {QStringLiteral("portal-green"), 3}},
            QStringLiteral("t"));
        QCOMPARE(split.value(), (WeightSplit{25, 75}));
        split = TraefikWeights::fromChildren(app, {{QStringLiteral("other-blue@swarm"), 1}},
                                             QStringLiteral("t"));
        QCOMPARE(errorOf(split).kind, Error::Kind::Invalid);
        split = TraefikWeights::fromChildren(
            app,
            {{QStringLiteral("portal-blue@swarm"), 0}, {QStringLiteral("portal-green@swarm"), 0}},
            QStringLiteral("t"));
        QCOMPARE(errorOf(split).kind, Error::Kind::Invalid);
    }

    void checkNamesTheDifference()
    {
        const QString app = QStringLiteral("portal");
        const WeightSplit expected{90, 10};
        TraefikService weighted;
        weighted.name = QStringLiteral("portal@redis");
        weighted.type = QStringLiteral("weighted");
        weighted.status = QStringLiteral("enabled");
        weighted.children = {{QStringLiteral("portal-blue@swarm"), 100},
                             {QStringLiteral("portal-green@swarm"), 0}};
        TraefikService child;
        child.name = QStringLiteral("portal-blue@swarm");
        child.serverStatus.insert(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("UP"));

        auto check = TraefikWeights::check(app, expected, weighted, {}, weighted.name);
        QVERIFY(!check.matches);
        QCOMPARE(check.difference,
                 QStringLiteral("expected blue=90 green=10, Traefik shows blue=100 green=0"));

        check = TraefikWeights::check(app, expected, std::nullopt, {}, weighted.name);
        QVERIFY(!check.matches);
        QVERIFY(
            check.difference.contains(QStringLiteral("does not know the service portal@redis")));

        weighted.children = {{QStringLiteral("portal-blue@swarm"), 90},
                             {QStringLiteral("portal-green@swarm"), 10}};
        QMap<Color, std::optional<TraefikService>> children;
        children.insert(Color::Blue, child);
        children.insert(Color::Green, std::nullopt);
        check = TraefikWeights::check(app, expected, weighted, children, weighted.name);
        QVERIFY(!check.matches);
        QVERIFY2(check.difference.contains(QStringLiteral("child is missing")),
                 qPrintable(check.difference));

        TraefikService green = child;
        green.name = QStringLiteral("portal-green@swarm");
        children.insert(Color::Green, green);
        check = TraefikWeights::check(app, expected, weighted, children, weighted.name);
        QVERIFY(check.matches);
        QCOMPARE(check.inForce, expected);

        // Weight 0: Traefik drops the child; dropped or listed with 0, it matches 100/0.
        weighted.children = {{QStringLiteral("portal-blue@swarm"), 100}};
        children.remove(Color::Green);
        check = TraefikWeights::check(app, WeightSplit{100, 0}, weighted, children, weighted.name);
        QVERIFY(check.matches);

        green.serverStatus.insert(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("DOWN"));
        children.insert(Color::Green, green);
        weighted.children = {{QStringLiteral("portal-blue@swarm"), 90},
                             {QStringLiteral("portal-green@swarm"), 10}};
        check = TraefikWeights::check(app, expected, weighted, children, weighted.name);
        QVERIFY(!check.matches);
        QVERIFY(check.difference.contains(QStringLiteral("no server of portal-green@swarm UP")));
    }
};

QTEST_GUILESS_MAIN(TestTraefikApiParser)
#include "tst_traefikapiparser.moc"
