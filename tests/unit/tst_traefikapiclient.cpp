// TraefikApiClient against a local fixture HTTP(S) server in this test (a QTcpServer / QSslServer
// on loopback serving Traefik's own fixture JSON from tests/fixtures/traefik/api): basic auth,
// typed errors for 401/404/500, malformed and truncated JSON, a silent server, TLS verification
// with and without the CA. The real API shape is tested against the Traefik stand-in in
// tests/integration/tst_traefikapi.cpp.

#include "traefik/TraefikApiClient.h"

#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

namespace {

/// The error of @p result, or an Other error when it succeeded (so a check fails, not throws).
template <typename T> Error errorOf(const Result<T> &result)
{
    return result.ok() ? Error{Error::Kind::Other, QStringLiteral("(it succeeded)")}
                       : result.error();
}

QByteArray fixture(const QString &relative)
{
    QFile file(QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik/api/") + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Answers each request with what `routes` says for its path; "silent" paths never answer.
class FixtureServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        bool silent = false;
    };

    explicit FixtureServer(QTcpServer *server)
        : m_server(server)
    {
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                if (socket->bytesAvailable())
                    serve(socket);
            }
        });
    }

    QMap<QByteArray, Answer> routes;
    QByteArray lastRequest;

private:
    void serve(QTcpSocket *socket)
    {
        m_buffers[socket] += socket->readAll();
        const QByteArray request = m_buffers.value(socket);
        if (!request.contains("\r\n\r\n"))
            return;
        m_buffers.remove(socket);
        lastRequest = request;
        const QByteArray target = request.split(' ').value(1);
        const Answer answer =
            routes.value(target, Answer{404, QByteArrayLiteral("404 page not found\n"), false});
        if (answer.silent)
            return;
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status) +
                      " X\r\nContent-Type: application/json\r\nConnection: close\r\n"
                      "Content-Length: " +
                      QByteArray::number(answer.body.size()) + "\r\n\r\n" + answer.body);
        socket->disconnectFromHost();
    }

    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

template <typename T>
Result<T> await(const std::function<void(std::function<void(const Result<T> &)>)> &call)
{
    std::optional<Result<T>> got;
    bool inside = true;
    call([&](const Result<T> &r) {
        if (inside)
            qWarning("answered inside the call");
        got = r;
    });
    inside = false;
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000))
        return Error{Error::Kind::Other, QStringLiteral("test: no answer")};
    return *got;
}

template <typename T> QString why(const Result<T> &result)
{
    return result.ok() ? QString() : errorOf(result).message;
}

} // namespace

class TestTraefikApiClient : public QObject
{
    Q_OBJECT

    QTcpServer m_tcp;
    std::unique_ptr<FixtureServer> m_fixture;

    TraefikApiSettings settings() const
    {
        TraefikApiSettings s;
        s.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp.serverPort()));
        s.user = QStringLiteral("ops");
        s.password = QStringLiteral("pw-123");
        s.requestTimeout = std::chrono::milliseconds(2000);
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tcp.listen(QHostAddress::LocalHost, 0));
        m_fixture = std::make_unique<FixtureServer>(&m_tcp);
        m_fixture->routes.insert("/api/version",
                                 {200, R"({"Version":"2.11.53","Codename":"mimolette"})"});
        m_fixture->routes.insert(
            "/api/http/services/bar@myprovider",
            {200, fixture(QStringLiteral("v3.7.9/pkg-api-testdata/service-bar.json"))});
        m_fixture->routes.insert("/api/http/services/html@redis", {200, "<html>hello</html>"});
        m_fixture->routes.insert(
            "/api/http/services/cut@redis",
            {200, fixture(QStringLiteral("v2.11.53/pkg-api-testdata/service-bar.json")).left(100)});
        m_fixture->routes.insert("/api/http/services/locked@redis", {401, "401 Unauthorized\n"});
        m_fixture->routes.insert("/api/http/services/broken@redis", {500, "oops"});
        m_fixture->routes.insert("/api/http/services/slow@redis", {200, {}, true});
    }

    void versionAndBasicAuth()
    {
        TraefikApiClient client(settings());
        const auto major = await<TraefikNaming::Version>([&](auto cb) { client.majorVersion(cb); });
        QVERIFY2(major.ok(), qPrintable(why(major)));
        QCOMPARE(major.value(), TraefikNaming::Version::V2);
        QVERIFY(m_fixture->lastRequest.contains("Authorization: Basic " +
                                                QByteArray("ops:pw-123").toBase64()));
    }

    void serviceFromFixture()
    {
        TraefikApiClient client(settings());
        const auto service = await<TraefikService>(
            [&](auto cb) { client.service(QStringLiteral("bar@myprovider"), cb); });
        QVERIFY2(service.ok(), qPrintable(why(service)));
        QCOMPARE(service.value().name, QStringLiteral("bar@myprovider"));
        QCOMPARE(service.value().serverStatus.value(QStringLiteral("http://127.0.0.1")),
                 QStringLiteral("UP"));
    }

    void typedErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QStringLiteral("html@redis") << Error::Kind::Invalid
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("truncated") << QStringLiteral("cut@redis") << Error::Kind::Invalid
                                   << QStringLiteral("not valid JSON");
        QTest::newRow("401") << QStringLiteral("locked@redis") << Error::Kind::Invalid
                             << QStringLiteral("refused the credentials");
        QTest::newRow("404") << QStringLiteral("nothing@redis") << Error::Kind::NotFound
                             << QStringLiteral("HTTP 404");
        QTest::newRow("500") << QStringLiteral("broken@redis") << Error::Kind::Unreachable
                             << QStringLiteral("HTTP 500");
        QTest::newRow("silent") << QStringLiteral("slow@redis") << Error::Kind::Timeout
                                << QStringLiteral("did not answer within 0.5 s");
    }
    void typedErrors()
    {
        QFETCH(QString, name);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, says);
        TraefikApiSettings s = settings();
        s.requestTimeout = std::chrono::milliseconds(500);
        TraefikApiClient client(s);
        const auto service = await<TraefikService>([&](auto cb) { client.service(name, cb); });
        QVERIFY(!service.ok());
        QCOMPARE(errorOf(service).kind, kind);
        QVERIFY2(errorOf(service).message.contains(says), qPrintable(errorOf(service).message));
        QVERIFY(!errorOf(service).message.contains(s.password));
    }

    void tlsIsVerified()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForStarted(5000))
            QSKIP("needs the openssl command to make a test certificate");
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);

        QFile certFile(cert);
        QFile keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer https;
        https.setSslConfiguration(tls);
        QVERIFY(https.listen(QHostAddress::LocalHost, 0));
        FixtureServer fixtureServer(&https);
        fixtureServer.routes.insert("/api/version", {200, R"({"Version":"3.7.9"})"});

        TraefikApiSettings s = settings();
        s.url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(https.serverPort()));
        {
            TraefikApiClient untrusted(s);
            const auto version = await<QString>([&](auto cb) { untrusted.version(cb); });
            QVERIFY(!version.ok());
            QCOMPARE(errorOf(version).kind, Error::Kind::Unreachable);
            QVERIFY2(errorOf(version).message.contains(QStringLiteral("TLS certificate")),
                     qPrintable(errorOf(version).message));
        }
        s.caFile = cert;
        TraefikApiClient trusted(s);
        const auto version = await<QString>([&](auto cb) { trusted.version(cb); });
        QVERIFY2(version.ok(), qPrintable(why(version)));
        QCOMPARE(version.value(), QStringLiteral("3.7.9"));

        s.caFile = dir.filePath(QStringLiteral("missing.pem"));
        TraefikApiClient badCa(s);
        const auto noCa = await<QString>([&](auto cb) { badCa.version(cb); });
        QCOMPARE(errorOf(noCa).kind, Error::Kind::Invalid);
        QVERIFY(errorOf(noCa).message.contains(QStringLiteral("missing.pem")));
    }
};

QTEST_GUILESS_MAIN(TestTraefikApiClient)
#include "tst_traefikapiclient.moc"
