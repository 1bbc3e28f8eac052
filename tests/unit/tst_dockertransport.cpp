// DockerClient's transport against a local plain-HTTP server, for what a real daemon cannot be
// made to do: never answer, drop a connection, answer with chosen errors, go silent mid-stream.

#include "docker/DockerClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <QTemporaryDir>

#include <optional>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace optimist;
using namespace std::chrono_literals;

namespace {

/// A one-port HTTP/1.1 server whose behaviour per connection the test chooses.
class FakeDaemon : public QObject
{
public:
    enum class Mode {
        Answer,    ///< answer every request with `status` and `body`
        Silent,    ///< accept, read, never answer
        DropFirst, ///< close the first connection at once, answer the others
        Stream,    ///< send a response head and `body` as one chunk, then stay silent
    };

    Mode mode = Mode::Answer;
    int status = 200;
    QByteArray body = R"({"ok":true})";
    /// Per-connection statuses before `status` applies (e.g. 503, 503, then 200).
    QList<int> firstStatuses;

    int connections = 0;
    int closed = 0;
    QList<QByteArray> requests; ///< request lines seen

    FakeDaemon()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    int port() const { return m_server.serverPort(); }
    int open() const { return connections - closed; }

    DockerEndpoint endpoint() const
    {
        DockerEndpoint e;
        e.kind = DockerEndpoint::Kind::Tcp;
        e.host = QStringLiteral("127.0.0.1");
        e.port = port();
        e.origin = QStringLiteral("the test");
        e.source = DockerEndpoint::Source::ExplicitHost;
        return e;
    }

private:
    QTcpServer m_server;

    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            const int index = connections++;
            socket->setParent(this);
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                ++closed;
                socket->deleteLater();
            });
            if (mode == Mode::DropFirst && index == 0) {
                socket->abort();
                ++closed;
                socket->deleteLater();
                continue;
            }
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                qsizetype length = 0;
                for (const QByteArray &line : head.split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                requests << head.left(head.indexOf('\r'));
                buffer->clear();
                respond(socket);
            });
        }
    }

    void respond(QTcpSocket *socket)
    {
        if (mode == Mode::Silent)
            return;
        if (mode == Mode::Stream) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n");
            socket->write(QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n");
            return;
        }
        const int code = firstStatuses.isEmpty() ? status : firstStatuses.takeFirst();
        socket->write("HTTP/1.1 " + QByteArray::number(code) +
                      " X\r\nContent-Type: application/json\r\nConnection: close\r\n"
                      "Content-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
};

using Outcome = std::optional<Result<DockerResponse>>;

/// The error message of @p out, for failure output (QVERIFY2 evaluates it in any case).
QByteArray why(const Outcome &out)
{
    if (!out)
        return "no answer";
    return out->ok() ? QByteArray("ok") : out->error().message.toUtf8();
}

} // namespace

class TestDockerTransport : public QObject
{
    Q_OBJECT

    /// Sends @p request and waits for the answer (at most @p waitMs).
    Outcome call(DockerClient &client, const DockerRequest &request, int waitMs = 10000)
    {
        Outcome out;
        client.send(request, Reply<DockerResponse>(
                                 this, [&out](const Result<DockerResponse> &r) { out = r; }));
        (void)QTest::qWaitFor([&] { return out.has_value(); }, waitMs);
        return out;
    }

    static DockerRequest get(const QString &path)
    {
        DockerRequest r;
        r.path = path;
        return r;
    }

private Q_SLOTS:
    void answerCarriesBodyAndPrefixedPath()
    {
        FakeDaemon daemon;
        daemon.body = R"({"ID":"abc"})";
        DockerClient client(daemon.endpoint());
        DockerRequest request = get(QStringLiteral("/services/portal-blue"));
        request.query.addQueryItem(QStringLiteral("filters"),
                                   QStringLiteral(R"({"name":["a b"]})"));
        const Outcome out = call(client, request);
        QVERIFY(out.has_value());
        QVERIFY2(out->ok(), why(out).constData());
        QCOMPARE(out->value().status, 200);
        QCOMPARE(out->value().json()[QStringLiteral("ID")].toString(), QStringLiteral("abc"));
        QCOMPARE(daemon.requests.size(), 1);
        QCOMPARE(daemon.requests.first(),
                 QByteArray("GET /v1.41/services/portal-blue?filters=%7B%22name%22%3A%5B%22a%20b"
                            "%22%5D%7D HTTP/1.1"));
        QCOMPARE(client.activeTransfers(), 0);
    }

    void neverAnsweringServerTimesOut()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::Silent;
        DockerClient client(daemon.endpoint());
        DockerRequest request = get(QStringLiteral("/info"));
        request.timeout = 600ms;
        QElapsedTimer clock;
        clock.start();
        const Outcome out = call(client, request, 5000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY(out.has_value());
        QVERIFY(!out->ok());
        QCOMPARE(out->error().kind, Error::Kind::Timeout);
        QVERIFY2(elapsed >= 550 && elapsed < 1500, qPrintable(QString::number(elapsed)));
        QVERIFY2(out->error().message.contains(QLatin1String("600 ms")), why(out).constData());
        QCOMPARE(daemon.connections, 1); // a timeout is not repeated
    }

    void getIsRetriedAfterADroppedConnection()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::DropFirst;
        DockerClient client(daemon.endpoint());
        QElapsedTimer clock;
        clock.start();
        const Outcome out = call(client, get(QStringLiteral("/info")));
        QVERIFY(out.has_value());
        QVERIFY2(out->ok(), why(out).constData());
        QCOMPARE(daemon.connections, 2);
        QVERIFY2(clock.elapsed() >= 190, "the retry waits its backoff");
    }

    void postIsNotRetried()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::DropFirst;
        DockerClient client(daemon.endpoint());
        DockerRequest request = get(QStringLiteral("/services/create"));
        request.method = "POST";
        request.body = R"({"Name":"x"})";
        const Outcome out = call(client, request);
        QVERIFY(out.has_value());
        QVERIFY(!out->ok());
        QCOMPARE(out->error().kind, Error::Kind::Unreachable);
        QTest::qWait(1000); // longer than every backoff
        QCOMPARE(daemon.connections, 1);
    }

    void transientStatusIsRetriedButNotClientErrors()
    {
        FakeDaemon daemon;
        daemon.firstStatuses = {503, 503};
        DockerClient client(daemon.endpoint());
        const Outcome ok = call(client, get(QStringLiteral("/info")));
        QVERIFY(ok.has_value());
        QVERIFY2(ok->ok(), why(ok).constData());
        QCOMPARE(daemon.connections, 3);

        FakeDaemon missing;
        missing.status = 404;
        missing.body = R"({"message":"service portal-blue not found"})";
        DockerClient client2(missing.endpoint());
        const Outcome notFound = call(client2, get(QStringLiteral("/services/portal-blue")));
        QVERIFY(notFound.has_value() && !notFound->ok());
        QCOMPARE(notFound->error().kind, Error::Kind::NotFound);
        QVERIFY2(notFound->error().message.contains(QLatin1String("service portal-blue not found")),
                 why(notFound).constData());
        QTest::qWait(700);
        QCOMPARE(missing.connections, 1);
    }

    void statusesMapToKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("400") << 400 << int(Error::Kind::Invalid);
        QTest::newRow("404") << 404 << int(Error::Kind::NotFound);
        QTest::newRow("409") << 409 << int(Error::Kind::Conflict);
        QTest::newRow("500") << 500 << int(Error::Kind::Other);
        QTest::newRow("403") << 403 << int(Error::Kind::Other);
    }

    void statusesMapToKinds()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        FakeDaemon daemon;
        daemon.status = status;
        daemon.body = R"({"message":"the daemon says no"})";
        DockerClient client(daemon.endpoint());
        DockerRequest request = get(QStringLiteral("/services/x/update"));
        request.method = "POST";
        const Outcome out = call(client, request);
        QVERIFY(out.has_value() && !out->ok());
        QCOMPARE(int(out->error().kind), kind);
        QVERIFY(out->error().message.contains(QLatin1String("the daemon says no")));
        QVERIFY(out->error().message.contains(QString::number(status)));
    }

    void cancelledRequestNeverAnswersAndClosesTheConnection()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::Silent;
        DockerClient client(daemon.endpoint());
        CancelToken token;
        bool called = false;
        client.send(get(QStringLiteral("/info")),
                    Reply<DockerResponse>(
                        this, [&called](const Result<DockerResponse> &) { called = true; }, token));
        QTRY_COMPARE(daemon.requests.size(), 1);
        QCOMPARE(client.activeTransfers(), 1);
        token.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(daemon.closed, 1, 2000);
        QCOMPARE(client.activeTransfers(), 0);
        QTest::qWait(300);
        QVERIFY(!called);
    }

    void destroyedContextAbortsTheTransfer()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::Silent;
        DockerClient client(daemon.endpoint());
        auto *context = new QObject;
        bool called = false;
        client.send(get(QStringLiteral("/info")),
                    Reply<DockerResponse>(
                        context, [&called](const Result<DockerResponse> &) { called = true; }));
        QTRY_COMPARE(daemon.requests.size(), 1);
        delete context;
        QTRY_COMPARE_WITH_TIMEOUT(daemon.closed, 1, 2000);
        QCOMPARE(client.activeTransfers(), 0);
        QVERIFY(!called);
    }

    void errorsAreNeverDeliveredInsideSend()
    {
        DockerEndpoint endpoint;
        endpoint.kind = DockerEndpoint::Kind::Unix;
        endpoint.socketPath = QStringLiteral("/nonexistent/optimist/docker.sock");
        DockerClient client(endpoint);
        Outcome out;
        client.send(
            get(QStringLiteral("/info")),
            Reply<DockerResponse>(this, [&out](const Result<DockerResponse> &r) { out = r; }));
        QVERIFY(!out.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 5000);
        QCOMPARE(out->error().kind, Error::Kind::Unreachable);
        QVERIFY2(out->error().message.contains(endpoint.socketPath), why(out).constData());
    }

    void socketWithoutDaemonIsRefused()
    {
        // A socket file nobody listens on: what a crashed dockerd leaves behind.
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("docker.sock")));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, path.constData(), sizeof address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        ::close(fd);

        DockerEndpoint endpoint;
        endpoint.kind = DockerEndpoint::Kind::Unix;
        endpoint.socketPath = QFile::decodeName(path);
        DockerClient client(endpoint);
        const Outcome out = call(client, get(QStringLiteral("/info")));
        QVERIFY(out.has_value() && !out->ok());
        QCOMPARE(out->error().kind, Error::Kind::Unreachable);
        QVERIFY2(out->error().message.contains(endpoint.socketPath), why(out).constData());
        QVERIFY2(out->error().message.contains(QLatin1String("Connection refused")),
                 why(out).constData());
    }

    void destroyingTheClientMidTransferIsClean()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::Silent;
        auto *client = new DockerClient(daemon.endpoint());
        int calls = 0;
        for (int i = 0; i < 5; ++i)
            client->send(
                get(QStringLiteral("/info")),
                Reply<DockerResponse>(this, [&calls](const Result<DockerResponse> &) { ++calls; }));
        client->stream(
            get(QStringLiteral("/events")), [&calls](const QByteArray &) { ++calls; },
            Reply<DockerResponse>(this, [&calls](const Result<DockerResponse> &) { ++calls; }));
        QTRY_COMPARE(daemon.requests.size(), 6);
        delete client;
        QTRY_COMPARE_WITH_TIMEOUT(daemon.closed, 6, 2000);
        QTest::qWait(200);
        QCOMPARE(calls, 0);
    }

    void replyHandlerMayDestroyTheClient()
    {
        FakeDaemon daemon;
        QPointer<DockerClient> client = new DockerClient(daemon.endpoint());
        int answered = 0;
        for (int i = 0; i < 3; ++i)
            client->send(get(QStringLiteral("/info")),
                         Reply<DockerResponse>(this, [&](const Result<DockerResponse> &) {
                             ++answered;
                             delete client.data();
                         }));
        QTRY_VERIFY(client.isNull());
        QTest::qWait(200);
        QCOMPARE(answered, 1);
    }

    void streamDeliversChunksAndTimesOutWhenIdle()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::Stream;
        daemon.body = "{\"Action\":\"create\"}\n";
        DockerClient client(daemon.endpoint());
        DockerRequest request = get(QStringLiteral("/events"));
        request.timeout = 500ms;
        QByteArray seen;
        Outcome done;
        QElapsedTimer clock;
        clock.start();
        client.stream(
            request, [&seen](const QByteArray &chunk) { seen += chunk; },
            Reply<DockerResponse>(this, [&done](const Result<DockerResponse> &r) { done = r; }));
        QTRY_COMPARE(seen, daemon.body);
        QVERIFY(!done.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 3000);
        QCOMPARE(done->error().kind, Error::Kind::Timeout);
        QVERIFY2(clock.elapsed() >= 450, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(client.activeTransfers(), 0);
    }

    void streamWithoutTimeoutStaysOpen()
    {
        FakeDaemon daemon;
        daemon.mode = FakeDaemon::Mode::Stream;
        DockerClient client(daemon.endpoint());
        DockerRequest request = get(QStringLiteral("/events"));
        request.timeout = 0ms;
        CancelToken token;
        bool done = false;
        client.stream(
            request, [](const QByteArray &) {},
            Reply<DockerResponse>(
                this, [&done](const Result<DockerResponse> &) { done = true; }, token));
        QTest::qWait(800);
        QVERIFY(!done);
        QCOMPARE(client.activeTransfers(), 1);
        token.cancel();
        QTRY_COMPARE(client.activeTransfers(), 0);
        QTRY_COMPARE(daemon.closed, 1);
    }
};

QTEST_GUILESS_MAIN(TestDockerTransport)
#include "tst_dockertransport.moc"
