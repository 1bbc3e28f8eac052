// DockerClient against the dedicated dockerd of ./scripts/test, over its unix socket and over
// TCP with TLS client certificates.

#include "docker/DockerClient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>
#include <QUuid>
#include <QVersionNumber>

#include <optional>

using namespace optimist;
using namespace std::chrono_literals;

namespace {

using Outcome = std::optional<Result<DockerResponse>>;

QByteArray why(const Outcome &out)
{
    if (!out)
        return "no answer";
    return out->ok() ? QByteArray("ok") : out->error().message.toUtf8();
}

DockerRequest request(const QByteArray &method, const QString &path, const QByteArray &body = {})
{
    DockerRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    return r;
}

} // namespace

class TestDockerClient : public QObject
{
    Q_OBJECT

    /// The variable's value; an empty string after QSKIP/QFAIL (the caller returns).
    static QString variable(const char *name)
    {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
        const QByteArray text = QByteArray("needs ") + name + ": run ./scripts/test";
        if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
            QTest::qFail(text.constData(), __FILE__, __LINE__);
        else
            QTest::qSkip(text.constData(), __FILE__, __LINE__);
        return {};
    }

    static std::optional<DockerEndpoint> unixEndpoint()
    {
        const QString host = variable("OPTIMIST_TEST_DOCKER_HOST");
        if (host.isEmpty())
            return std::nullopt;
        auto parsed = DockerEndpoint::parseHost(host, false, QStringLiteral("the test"));
        if (!parsed.ok())
            return std::nullopt;
        return parsed.value();
    }

    static std::optional<DockerEndpoint> tlsEndpoint(const char *certVariable)
    {
        const QString host = variable("OPTIMIST_TEST_DOCKER_TLS_HOST");
        if (host.isEmpty())
            return std::nullopt;
        const QString certs = variable(certVariable);
        if (certs.isEmpty())
            return std::nullopt;
        auto parsed = DockerEndpoint::parseHost(host, true, QStringLiteral("the test"));
        if (!parsed.ok())
            return std::nullopt;
        DockerEndpoint e = parsed.value();
        e.tls = true;
        e.tlsVerify = true;
        e.caFile = certs + QStringLiteral("/ca.pem");
        e.certFile = certs + QStringLiteral("/cert.pem");
        e.keyFile = certs + QStringLiteral("/key.pem");
        return e;
    }

    Outcome call(DockerClient &client, const DockerRequest &r, int waitMs = 20000)
    {
        Outcome out;
        client.send(r, Reply<DockerResponse>(
                           this, [&out](const Result<DockerResponse> &result) { out = result; }));
        (void)QTest::qWaitFor([&] { return out.has_value(); }, waitMs);
        return out;
    }

    std::optional<Result<QString>> negotiate(DockerClient &client)
    {
        std::optional<Result<QString>> out;
        client.negotiate(
            Reply<QString>(this, [&out](const Result<QString> &result) { out = result; }));
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 20000);
        return out;
    }

    void checkVersionAndNegotiate(const DockerEndpoint &endpoint)
    {
        DockerClient client(endpoint);
        QCOMPARE(client.apiVersion(), QStringLiteral("1.41"));
        const Outcome version = call(client, request("GET", QStringLiteral("/version")));
        QVERIFY2(version && version->ok(), why(version).constData());
        QCOMPARE(version->value().status, 200);
        const QJsonObject json = version->value().json().object();
        const QString daemonApi = json.value(QStringLiteral("ApiVersion")).toString();
        QVERIFY2(!daemonApi.isEmpty(), version->value().body.constData());

        const auto negotiated = negotiate(client);
        QVERIFY(negotiated.has_value());
        QVERIFY2(negotiated->ok(),
                 qPrintable(negotiated->ok() ? QString() : negotiated->error().message));
        // Debian 12's dockerd speaks 1.41, which is also the newest the client knows.
        const QString expected = QVersionNumber::fromString(daemonApi) < QVersionNumber(1, 41)
                                     ? daemonApi
                                     : QStringLiteral("1.41");
        QCOMPARE(negotiated->value(), expected);
        QCOMPARE(client.apiVersion(), expected);
    }

private Q_SLOTS:
    void versionOverUnixSocket()
    {
        const auto endpoint = unixEndpoint();
        if (!endpoint)
            return;
        checkVersionAndNegotiate(*endpoint);
    }

    void versionOverTls()
    {
        const auto endpoint = tlsEndpoint("OPTIMIST_TEST_DOCKER_CERT_PATH");
        if (!endpoint)
            return;
        checkVersionAndNegotiate(*endpoint);
    }

    void badClientCertificateIsATlsError()
    {
        const auto endpoint = tlsEndpoint("OPTIMIST_TEST_DOCKER_BAD_CERT_PATH");
        if (!endpoint)
            return;
        DockerClient client(*endpoint);
        const Outcome out = call(client, request("GET", QStringLiteral("/version")));
        QVERIFY(out.has_value());
        QVERIFY2(!out->ok(), "the daemon accepted a certificate of another CA");
        QCOMPARE(out->error().kind, Error::Kind::Unreachable);
        const QString message = out->error().message;
        qInfo().noquote() << message;
        QVERIFY2(message.contains(QLatin1String("TLS")), qPrintable(message));
        QVERIFY2(message.contains(endpoint->certFile), qPrintable(message));
        QVERIFY2(message.contains(endpoint->keyFile), qPrintable(message));
        QVERIFY2(message.contains(endpoint->uri()), qPrintable(message));
    }

    void clientWithoutTlsFilesIsRefused()
    {
        const auto endpoint = tlsEndpoint("OPTIMIST_TEST_DOCKER_CERT_PATH");
        if (!endpoint)
            return;
        DockerEndpoint noClientCert = *endpoint;
        noClientCert.certFile.clear();
        noClientCert.keyFile.clear();
        DockerClient client(noClientCert);
        const Outcome out = call(client, request("GET", QStringLiteral("/version")));
        QVERIFY(out.has_value() && !out->ok());
        QCOMPARE(out->error().kind, Error::Kind::Unreachable);
        QVERIFY2(out->error().message.contains(QLatin1String("TLS")), why(out).constData());
    }

    void missingSocketIsUnreachable()
    {
        DockerEndpoint endpoint;
        endpoint.kind = DockerEndpoint::Kind::Unix;
        endpoint.socketPath = QDir::tempPath() + QStringLiteral("/optimist-no-such-dir-") +
                              QUuid::createUuid().toString(QUuid::WithoutBraces) +
                              QStringLiteral("/docker.sock");
        DockerClient client(endpoint);
        const Outcome out = call(client, request("GET", QStringLiteral("/version")));
        QVERIFY(out.has_value() && !out->ok());
        QCOMPARE(out->error().kind, Error::Kind::Unreachable);
        QVERIFY2(out->error().message.contains(endpoint.socketPath), why(out).constData());
    }

    void closedPortIsUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        DockerEndpoint endpoint;
        endpoint.kind = DockerEndpoint::Kind::Tcp;
        endpoint.host = QStringLiteral("127.0.0.1");
        endpoint.port = port;
        DockerClient client(endpoint);
        const Outcome out = call(client, request("GET", QStringLiteral("/version")));
        QVERIFY(out.has_value() && !out->ok());
        QCOMPARE(out->error().kind, Error::Kind::Unreachable);
        QVERIFY2(out->error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 why(out).constData());
        QVERIFY2(out->error().message.contains(QLatin1String("Connection refused")),
                 why(out).constData());
    }

    void unknownServiceIsNotFoundWithTheDaemonsMessage()
    {
        const auto endpoint = unixEndpoint();
        if (!endpoint)
            return;
        DockerClient client(*endpoint);
        const QString name = QStringLiteral("optimist-test-absent-") +
                             QUuid::createUuid().toString(QUuid::Id128).left(12);
        const Outcome out = call(client, request("GET", QStringLiteral("/services/") + name));
        QVERIFY(out.has_value() && !out->ok());
        QCOMPARE(out->error().kind, Error::Kind::NotFound);
        // dockerd: "service NAME not found"
        QVERIFY2(out->error().message.contains(QStringLiteral("service %1 not found").arg(name)),
                 why(out).constData());
    }

    void sameConfigTwiceIsAConflict()
    {
        const auto endpoint = unixEndpoint();
        if (!endpoint)
            return;
        DockerClient client(*endpoint);
        const QString name = QStringLiteral("optimist-test-conflict-") +
                             QUuid::createUuid().toString(QUuid::Id128).left(12);
        const QByteArray body = QJsonDocument(QJsonObject{
                                                  {QStringLiteral("Name"), name},
                                                  {QStringLiteral("Data"),
                                                   QString::fromLatin1(QByteArray("x").toBase64())},
                                              })
                                    .toJson(QJsonDocument::Compact);
        QString id;
        const auto cleanup = qScopeGuard([&] {
            if (!id.isEmpty())
                (void)call(client, request("DELETE", QStringLiteral("/configs/") + id));
        });
        const Outcome created =
            call(client, request("POST", QStringLiteral("/configs/create"), body));
        QVERIFY2(created && created->ok(), why(created).constData());
        QCOMPARE(created->value().status, 201);
        id = created->value().json()[QStringLiteral("ID")].toString();
        QVERIFY(!id.isEmpty());

        const Outcome again =
            call(client, request("POST", QStringLiteral("/configs/create"), body));
        QVERIFY(again.has_value() && !again->ok());
        QCOMPARE(again->error().kind, Error::Kind::Conflict);
        QVERIFY2(again->error().message.contains(name), why(again).constData());

        const Outcome removed = call(client, request("DELETE", QStringLiteral("/configs/") + id));
        QVERIFY2(removed && removed->ok(), why(removed).constData());
        id.clear();
        const Outcome gone = call(client, request("GET", QStringLiteral("/configs/") + name));
        QVERIFY(gone.has_value() && !gone->ok());
        QCOMPARE(gone->error().kind, Error::Kind::NotFound);
    }

    void eventsStreamDeliversLinesUntilCancelled()
    {
        const auto endpoint = unixEndpoint();
        if (!endpoint)
            return;
        DockerClient client(*endpoint);
        DockerRequest events = request("GET", QStringLiteral("/events"));
        events.query.addQueryItem(QStringLiteral("filters"),
                                  QStringLiteral(R"({"type":["config"]})"));
        events.timeout = 0ms;
        CancelToken token;
        QByteArray received;
        int chunks = 0;
        bool done = false;
        client.stream(
            events,
            [&](const QByteArray &chunk) {
                received += chunk;
                ++chunks;
            },
            Reply<DockerResponse>(
                this, [&done](const Result<DockerResponse> &) { done = true; }, token));
        const auto stop = qScopeGuard([&] { token.cancel(); });
        QCOMPARE(client.activeTransfers(), 1);
        // The daemon starts sending events only once the subscription is in place.
        QTest::qWait(300);

        const QString name = QStringLiteral("optimist-test-events-") +
                             QUuid::createUuid().toString(QUuid::Id128).left(12);
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("Name"), name},
                                      {QStringLiteral("Data"),
                                       QString::fromLatin1(QByteArray("y").toBase64())}})
                .toJson(QJsonDocument::Compact);
        DockerClient writer(*endpoint);
        const Outcome created =
            call(writer, request("POST", QStringLiteral("/configs/create"), body));
        QVERIFY2(created && created->ok(), why(created).constData());
        const QString id = created->value().json()[QStringLiteral("ID")].toString();
        const Outcome removed = call(writer, request("DELETE", QStringLiteral("/configs/") + id));
        QVERIFY2(removed && removed->ok(), why(removed).constData());

        // Two complete lines, one JSON event each, for this config: create then remove.
        const auto actions = [&] {
            QStringList seen;
            for (const QByteArray &line : received.split('\n')) {
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value(QStringLiteral("Actor"))[QStringLiteral("ID")].toString() == id)
                    seen << event.value(QStringLiteral("Action")).toString();
            }
            return seen;
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            actions(), (QStringList{QStringLiteral("create"), QStringLiteral("remove")}), 10000);
        QVERIFY(received.endsWith('\n'));
        QVERIFY(!done);
        QCOMPARE(client.activeTransfers(), 1);

        token.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(client.activeTransfers(), 0, 2000);
        const int chunksAtCancel = chunks;
        // Another event after the cancel must not arrive anywhere.
        const Outcome again =
            call(writer, request("POST", QStringLiteral("/configs/create"), body));
        QVERIFY2(again && again->ok(), why(again).constData());
        const QString id2 = again->value().json()[QStringLiteral("ID")].toString();
        (void)call(writer, request("DELETE", QStringLiteral("/configs/") + id2));
        QTest::qWait(300);
        QCOMPARE(chunks, chunksAtCancel);
        QVERIFY(!done);
    }

    void manyConcurrentRequestsAllAnswer()
    {
        const auto endpoint = unixEndpoint();
        if (!endpoint)
            return;
        DockerClient client(*endpoint);
        constexpr int kCount = 50;
        int ok = 0;
        int failed = 0;
        QString firstError;
        for (int i = 0; i < kCount; ++i)
            client.send(request("GET", QStringLiteral("/info")),
                        Reply<DockerResponse>(this, [&](const Result<DockerResponse> &r) {
                            if (r.ok() && r.value().json()[QStringLiteral("ID")].isString()) {
                                ++ok;
                            } else {
                                ++failed;
                                if (!r.ok() && firstError.isEmpty())
                                    firstError = r.error().message;
                            }
                        }));
        QCOMPARE(client.activeTransfers(), kCount);
        QTRY_COMPARE_WITH_TIMEOUT(ok + failed, kCount, 30000);
        QVERIFY2(failed == 0, qPrintable(firstError));
        QCOMPARE(client.activeTransfers(), 0);
    }

    void manyConcurrentRequestsOverTls()
    {
        const auto endpoint = tlsEndpoint("OPTIMIST_TEST_DOCKER_CERT_PATH");
        if (!endpoint)
            return;
        DockerClient client(*endpoint);
        constexpr int kCount = 20;
        int ok = 0;
        int answered = 0;
        for (int i = 0; i < kCount; ++i)
            client.send(request("GET", QStringLiteral("/version")),
                        Reply<DockerResponse>(this, [&](const Result<DockerResponse> &r) {
                            ++answered;
                            ok += r.ok() ? 1 : 0;
                        }));
        QTRY_COMPARE_WITH_TIMEOUT(answered, kCount, 30000);
        QCOMPARE(ok, kCount);
    }
};

QTEST_GUILESS_MAIN(TestDockerClient)
#include "tst_dockerclient.moc"
