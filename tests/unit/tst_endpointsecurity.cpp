// Every HTTPS endpoint verifies its certificate, and credentials go over plain HTTP only to
// loopback or with the environment's `allowInsecureHttp: true` (issue 7, "Secrets"). Each
// client (Traefik's API, Prometheus, Traefik's metrics, Docker over TCP+TLS) against a server in
// this test — a QSslServer with a certificate signed by a private CA made with openssl: without
// the CA configured the request is refused with a message naming the endpoint and the profile
// key to set; with it, it works. The plain-HTTP refusal is checked on the wire: the server
// listens on a non-loopback address of this machine and must receive nothing.

#include "docker/DockerClient.h"
#include "docker/DockerEndpoint.h"
#include "metrics/PrometheusMetrics.h"
#include "metrics/TraefikScrapeMetrics.h"
#include "profiles/ProfileLoader.h"
#include "traefik/TraefikApiClient.h"

#include <QNetworkInterface>
#include <QSignalSpy>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>

#include "support/HttpFixtureServer.h"

using namespace optimist;
using namespace optimist::test;

namespace {

const QByteArray kEmptyVector =
    R"({"status":"success","data":{"resultType":"vector","result":[]}})";
const QByteArray kVersion = R"({"Version":"3.1.0","Codename":"test"})";
const QByteArray kMetrics = "# TYPE traefik_config_reloads_total counter\n"
                            "traefik_config_reloads_total 1\n";

template <typename T> Result<T> awaitReply(const std::function<void(Reply<T>)> &start)
{
    std::optional<Result<T>> got;
    QObject context;
    start(Reply<T>(&context, [&got](const Result<T> &r) { got = r; }));
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 15000))
        return Error{Error::Kind::Other, QStringLiteral("test: no answer")};
    return *got;
}

template <typename T>
Result<T> awaitCallback(const std::function<void(std::function<void(const Result<T> &)>)> &call)
{
    std::optional<Result<T>> got;
    call([&got](const Result<T> &r) { got = r; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 15000))
        return Error{Error::Kind::Other, QStringLiteral("test: no answer")};
    return *got;
}

template <typename T> QString messageOf(const Result<T> &r)
{
    return r.ok() ? QStringLiteral("(it succeeded)") : r.error().message;
}

/// An IPv4 address of this machine that is not loopback, or an empty string.
QString nonLoopbackAddress()
{
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : all) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            return a.toString();
    }
    return {};
}

} // namespace

class TestEndpointSecurity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestCertificates m_certs;
    QSslServer m_https;
    std::unique_ptr<HttpFixtureServer> m_fixture;
    QString m_otherCa; ///< a CA that did not sign the server's certificate

    QString httpsUrl(const char *path = "") const
    {
        return QStringLiteral("https://127.0.0.1:%1%2")
            .arg(m_https.serverPort())
            .arg(QLatin1String(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certs = TestCertificates::make(m_dir.path());
        if (m_certs.caFile.isEmpty())
            QFAIL(qPrintable(QStringLiteral("cannot make test certificates (openssl): ") +
                             m_certs.error));
        QDir().mkpath(m_dir.filePath(QStringLiteral("other")));
        m_otherCa = TestCertificates::make(m_dir.filePath(QStringLiteral("other"))).caFile;
        QVERIFY(!m_otherCa.isEmpty());

        m_https.setSslConfiguration(m_certs.serverConfiguration());
        QVERIFY(m_https.listen(QHostAddress::LocalHost, 0));
        m_fixture = std::make_unique<HttpFixtureServer>(&m_https);
        m_fixture->routes.insert("/api/version", {200, kVersion});
        m_fixture->routes.insert("/api/v1/query", {200, kEmptyVector});
        m_fixture->routes.insert("/metrics", {200, kMetrics, "text/plain; version=0.0.4"});
        m_fixture->routes.insert(
            "/version", {200, R"({"ApiVersion":"1.41","MinAPIVersion":"1.12","Version":"20.10"})"});
        m_fixture->routes.insert("/_ping", {200, "OK", "text/plain"});
    }

    void traefikApiVerifiesItsCertificate()
    {
        TraefikApiSettings settings;
        settings.url = QUrl(httpsUrl());
        settings.user = QStringLiteral("ops");
        settings.password = QStringLiteral("tls-basic-password");
        {
            TraefikApiClient untrusted(settings);
            const auto version =
                awaitCallback<QString>([&](auto done) { untrusted.version(done); });
            QVERIFY(!version.ok());
            QCOMPARE(version.error().kind, Error::Kind::Unreachable);
            const QString message = version.error().message;
            QVERIFY2(message.contains(QStringLiteral("Traefik's API")) &&
                         message.contains(httpsUrl()) &&
                         message.contains(QStringLiteral("router.apiCaFile")) &&
                         message.contains(QStringLiteral("certificate")),
                     qPrintable(message));
            QVERIFY(!message.contains(settings.password));
        }
        settings.caFile = m_otherCa;
        {
            TraefikApiClient wrongCa(settings);
            const auto version = awaitCallback<QString>([&](auto done) { wrongCa.version(done); });
            QVERIFY(!version.ok());
            QVERIFY2(version.error().message.contains(m_otherCa), qPrintable(messageOf(version)));
        }
        settings.caFile = m_certs.caFile;
        TraefikApiClient trusted(settings);
        const auto version = awaitCallback<QString>([&](auto done) { trusted.version(done); });
        QVERIFY2(version.ok(), qPrintable(messageOf(version)));
        QCOMPARE(version.value(), QStringLiteral("3.1.0"));
    }

    void prometheusVerifiesItsCertificate()
    {
        PrometheusMetrics::Config config;
        config.baseUrl = QUrl(httpsUrl());
        config.bearerToken = QStringLiteral("tls-bearer-token");
        config.timeout = std::chrono::milliseconds(5000);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        {
            PrometheusMetrics untrusted(config);
            const auto answer = awaitReply<PrometheusApiResult>([&](Reply<PrometheusApiResult> r) {
                untrusted.query(QStringLiteral("up"), at, r);
            });
            QVERIFY(!answer.ok());
            const QString message = answer.error().message;
            QVERIFY2(message.contains(QStringLiteral("Prometheus")) &&
                         message.contains(httpsUrl()) &&
                         message.contains(QStringLiteral("metrics.caFile")),
                     qPrintable(message));
        }
        config.caFile = m_certs.caFile;
        PrometheusMetrics trusted(config);
        const auto answer = awaitReply<PrometheusApiResult>(
            [&](Reply<PrometheusApiResult> r) { trusted.query(QStringLiteral("up"), at, r); });
        QVERIFY2(answer.ok(), qPrintable(messageOf(answer)));
        QVERIFY(m_fixture->requests.last().contains("Authorization: Bearer tls-bearer-token"));
    }

    void traefikMetricsVerifyTheirCertificate()
    {
        TraefikScrapeMetrics::Config config;
        config.url = QUrl(httpsUrl("/metrics"));
        config.scrapeInterval = std::chrono::milliseconds(200);
        {
            TraefikScrapeMetrics untrusted(config);
            QSignalSpy failed(&untrusted, &TraefikScrapeMetrics::scrapeFailed);
            QSignalSpy scraped(&untrusted, &TraefikScrapeMetrics::scraped);
            untrusted.start();
            QVERIFY(failed.wait(10000));
            const QString message = failed.first().at(1).value<Error>().message;
            QVERIFY2(message.contains(QStringLiteral("Traefik's metrics")) &&
                         message.contains(httpsUrl("/metrics")) &&
                         message.contains(QStringLiteral("metrics.caFile")),
                     qPrintable(message));
            QCOMPARE(scraped.count(), 0);
            untrusted.stop();
        }
        config.caFile = m_certs.caFile;
        TraefikScrapeMetrics trusted(config);
        QSignalSpy scraped(&trusted, &TraefikScrapeMetrics::scraped);
        trusted.start();
        QVERIFY(scraped.wait(10000));
        trusted.stop();
    }

    void dockerOverTlsVerifiesTheDaemon()
    {
        auto endpoint = DockerEndpoint::parseHost(
            QStringLiteral("tcp://127.0.0.1:%1").arg(m_https.serverPort()), true,
            QStringLiteral("test"));
        QVERIFY2(endpoint.ok(), qPrintable(messageOf(endpoint)));
        DockerEndpoint untrusted = endpoint.value();
        untrusted.tls = true;
        untrusted.tlsVerify = true;
        untrusted.caFile = m_otherCa;
        {
            DockerClient client(untrusted);
            const auto version =
                awaitReply<QString>([&](Reply<QString> r) { client.negotiate(r); });
            QVERIFY(!version.ok());
            const QString message = version.error().message;
            QVERIFY2(
                message.contains(QStringLiteral("TLS")) &&
                    message.contains(QStringLiteral("127.0.0.1:%1").arg(m_https.serverPort())) &&
                    message.contains(m_otherCa),
                qPrintable(message));
        }
        DockerEndpoint trusted = endpoint.value();
        trusted.tls = true;
        trusted.tlsVerify = true;
        trusted.caFile = m_certs.caFile;
        DockerClient client(trusted);
        const auto version = awaitReply<QString>([&](Reply<QString> r) { client.negotiate(r); });
        QVERIFY2(version.ok(), qPrintable(messageOf(version)));
    }

    void credentialsOverPlainHttpNeedTheOptIn()
    {
        const QString address = nonLoopbackAddress();
        if (address.isEmpty())
            QSKIP("this machine has no non-loopback IPv4 address to test plain HTTP against");
        QTcpServer plain;
        QVERIFY(plain.listen(QHostAddress(address), 0));
        HttpFixtureServer server(&plain);
        server.routes.insert("/api/version", {200, kVersion});
        server.routes.insert("/api/v1/query", {200, kEmptyVector});
        const QString url = QStringLiteral("http://%1:%2").arg(address).arg(plain.serverPort());

        TraefikApiSettings api;
        api.url = QUrl(url);
        api.user = QStringLiteral("ops");
        api.password = QStringLiteral("plain-basic-password");
        {
            TraefikApiClient refused(api);
            const auto version = awaitCallback<QString>([&](auto done) { refused.version(done); });
            QVERIFY(!version.ok());
            QCOMPARE(version.error().kind, Error::Kind::Invalid);
            QVERIFY2(version.error().message.contains(QStringLiteral("allowInsecureHttp")) &&
                         version.error().message.contains(url),
                     qPrintable(version.error().message));
        }
        PrometheusMetrics::Config prometheus;
        prometheus.baseUrl = QUrl(url);
        prometheus.bearerToken = QStringLiteral("plain-bearer-token");
        const QDateTime at = QDateTime::currentDateTimeUtc();
        {
            PrometheusMetrics refused(prometheus);
            const auto answer = awaitReply<PrometheusApiResult>(
                [&](Reply<PrometheusApiResult> r) { refused.query(QStringLiteral("up"), at, r); });
            QVERIFY(!answer.ok());
            QVERIFY2(answer.error().message.contains(QStringLiteral("allowInsecureHttp")),
                     qPrintable(answer.error().message));
        }
        // Refused before sending: nothing reached the server.
        QTest::qWait(200);
        QCOMPARE(server.requests.size(), 0);

        // Without credentials plain HTTP is fine (nothing to steal).
        TraefikApiSettings anonymous = api;
        anonymous.user.clear();
        anonymous.password.clear();
        TraefikApiClient open(anonymous);
        QVERIFY(awaitCallback<QString>([&](auto done) { open.version(done); }).ok());
        QCOMPARE(server.requests.size(), 1);

        // The environment's opt-in lets them go.
        api.allowInsecureHttp = true;
        TraefikApiClient allowed(api);
        const auto version = awaitCallback<QString>([&](auto done) { allowed.version(done); });
        QVERIFY2(version.ok(), qPrintable(messageOf(version)));
        QVERIFY(server.requests.last().contains("Authorization: Basic " +
                                                QByteArray("ops:plain-basic-password").toBase64()));
        prometheus.allowInsecureHttp = true;
        PrometheusMetrics allowedPrometheus(prometheus);
        const auto answer = awaitReply<PrometheusApiResult>([&](Reply<PrometheusApiResult> r) {
            allowedPrometheus.query(QStringLiteral("up"), at, r);
        });
        QVERIFY2(answer.ok(), qPrintable(messageOf(answer)));
        QVERIFY(server.requests.last().contains("Authorization: Bearer plain-bearer-token"));
    }

    void loopbackNeedsNoOptIn()
    {
        QTcpServer plain;
        QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
        HttpFixtureServer server(&plain);
        server.routes.insert("/api/version", {200, kVersion});
        TraefikApiSettings api;
        api.url = QUrl(QStringLiteral("http://localhost:%1").arg(plain.serverPort()));
        api.user = QStringLiteral("ops");
        api.password = QStringLiteral("loopback-password");
        TraefikApiClient client(api);
        const auto version = awaitCallback<QString>([&](auto done) { client.version(done); });
        QVERIFY2(version.ok(), qPrintable(messageOf(version)));
        QVERIFY(server.requests.last().contains("Authorization: Basic"));
    }

    void profileOptInAndCaFiles()
    {
        const QByteArray yaml = R"(name: prod
allowInsecureHttp: true
cluster:
  kind: docker
  endpoint: tcp://10.0.0.5:2376
router:
  kind: redis
  address: 10.0.0.5:6379
  apiUrl: http://10.0.0.5:8080
  apiCaFile: traefik-ca.pem
metrics:
  kind: prometheus
  url: https://10.0.0.5:9090
  caFile: prom-ca.pem
  token: keychain:optimist/prom
)";
        const auto profile =
            ProfileLoader::parse(yaml, m_dir.filePath(QStringLiteral("prod.yaml")));
        QVERIFY2(profile.ok(), qPrintable(messageOf(profile)));
        QVERIFY(profile.value().allowInsecureHttp);
        QVERIFY(profile.value()
                    .metrics.settings.value(QStringLiteral("caFile"))
                    .toString()
                    .endsWith(QStringLiteral("prom-ca.pem")));

        QByteArray without = yaml;
        without.replace("allowInsecureHttp: true\n", "");
        const auto plain = ProfileLoader::parse(without, m_dir.filePath(QStringLiteral("p.yaml")));
        QVERIFY2(plain.ok(), qPrintable(messageOf(plain)));
        QVERIFY(!plain.value().allowInsecureHttp);

        QByteArray wrong = yaml;
        wrong.replace("allowInsecureHttp: true", "allowInsecureHttp: sure");
        const auto bad = ProfileLoader::parse(wrong, m_dir.filePath(QStringLiteral("w.yaml")));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(QStringLiteral("allowInsecureHttp")),
                 qPrintable(bad.error().message));
    }
};

QTEST_GUILESS_MAIN(TestEndpointSecurity)
#include "tst_endpointsecurity.moc"
