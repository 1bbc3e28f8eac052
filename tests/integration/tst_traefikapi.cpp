// TraefikApiClient and TraefikRouter against the Traefik stand-in
// (tests/fixtures/traefik-standin/standin.py) fed by a real Redis (OPTIMIST_TEST_REDIS, ACL user
// `optimist`): weights written through Redis are confirmed through the API; weights that never
// converge time out naming the difference; wrong API credentials and an unreachable API.
// The stand-in's Swarm provider reads a fake Docker API served by this test on a unix socket
// (two labelled services, one running task each), so the children portal-blue@swarm and
// portal-green@swarm exist without a Docker daemon.

#include "redis/RedisConnection.h"
#include "traefik/TraefikApiClient.h"
#include "traefik/TraefikKvWriter.h"
#include "traefik/TraefikRouter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
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

const QString kApiUser = QStringLiteral("ops");
const QString kApiPassword = QStringLiteral("api-secret-7");

template <typename T>
Result<T> await(const std::function<void(std::function<void(const Result<T> &)>)> &call,
                int ms = 20000)
{
    std::optional<Result<T>> got;
    int calls = 0;
    call([&](const Result<T> &r) {
        ++calls;
        got = r;
    });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, ms))
        return Error{Error::Kind::Other, QStringLiteral("test: no answer within %1 ms").arg(ms)};
    QTest::qWait(20);
    if (calls != 1)
        return Error{Error::Kind::Other, QStringLiteral("test: answered %1 times").arg(calls)};
    return *got;
}

template <typename T> QString why(const Result<T> &result)
{
    return result.ok() ? QString()
                       : Error::kindName(errorOf(result).kind) + QStringLiteral(": ") +
                             errorOf(result).message;
}

/// A fake Docker Engine API on a unix socket: what the stand-in's Swarm provider asks for.
class FakeDockerApi : public QObject
{
public:
    explicit FakeDockerApi(const QString &path, const QString &app)
    {
        QLocalServer::removeServer(path);
        m_server.listen(path);
        QJsonArray services;
        for (const QString &color : {QStringLiteral("blue"), QStringLiteral("green")}) {
            const QString name = app + QLatin1Char('-') + color;
            QJsonObject labels{
                {QStringLiteral("traefik.http.services.%1.loadbalancer.server.port").arg(name),
                 QStringLiteral("1")}};
            services.append(QJsonObject{
                {QStringLiteral("ID"), name},
                {QStringLiteral("Spec"),
                 QJsonObject{{QStringLiteral("Name"), name}, {QStringLiteral("Labels"), labels}}}});
        }
        m_services = QJsonDocument(services).toJson(QJsonDocument::Compact);
        m_tasks =
            QJsonDocument(QJsonArray{QJsonObject{
                              {QStringLiteral("Status"),
                               QJsonObject{{QStringLiteral("State"), QStringLiteral("running")}}}}})
                .toJson(QJsonDocument::Compact);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                    m_requests[socket] += socket->readAll();
                    const QByteArray request = m_requests.value(socket);
                    if (!request.contains("\r\n\r\n"))
                        return;
                    m_requests.remove(socket);
                    const QByteArray target = request.split(' ').value(1);
                    const QByteArray body = target.contains("/services") ? m_services : m_tasks;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromServer();
                });
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool isListening() const { return m_server.isListening(); }

private:
    QLocalServer m_server;
    QByteArray m_services;
    QByteArray m_tasks;
    QHash<QLocalSocket *, QByteArray> m_requests;
};

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestTraefikApi : public QObject
{
    Q_OBJECT

    QString m_redis;
    QString m_redisPassword;
    QString m_root;
    QTemporaryDir m_dir;
    std::unique_ptr<FakeDockerApi> m_docker;
    QProcess m_standin;
    QUrl m_apiUrl;

    RedisSettings redis() const
    {
        RedisSettings s;
        s.address = m_redis;
        s.username = QStringLiteral("optimist");
        s.password = m_redisPassword;
        return s;
    }

    TraefikApiSettings api(const QString &password = kApiPassword) const
    {
        TraefikApiSettings s;
        s.url = m_apiUrl;
        s.user = kApiUser;
        s.password = password;
        s.requestTimeout = std::chrono::milliseconds(3000);
        return s;
    }

    TraefikRouterConfig config() const
    {
        TraefikRouterConfig c;
        c.redis = redis();
        c.rootKey = m_root;
        c.api = api();
        c.entryPoints = {QStringLiteral("web")};
        TraefikAppRoute portal;
        portal.app = QStringLiteral("portal");
        portal.rule = QStringLiteral("Host(`portal.test`)");
        c.applications = {portal};
        return c; // version unset: asked from /api/version
    }

    static QString standinScript()
    {
        const QString override = qEnvironmentVariable("OPTIMIST_TEST_TRAEFIK_STANDIN");
        if (!override.isEmpty())
            return override;
        return QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik-standin/standin.py");
    }

    Result<WeightSplit> confirm(TraefikRouter &router, const QString &app, WeightSplit split,
                                std::chrono::milliseconds timeout)
    {
        QObject context;
        return await<WeightSplit>([&](auto cb) {
            router.confirmWeights(app, split, timeout, Reply<WeightSplit>(&context, cb));
        });
    }

    Result<WriteOutcome> write(TraefikRouter &router, const QString &app, WeightSplit split)
    {
        QObject context;
        return await<WriteOutcome>([&](auto cb) {
            router.writeWeights(app, split, WriteMode::Apply, Reply<WriteOutcome>(&context, cb));
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_redis = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
        m_redisPassword = qEnvironmentVariable("OPTIMIST_TEST_REDIS_PASSWORD");
        const bool required = qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES");
        if (m_redis.isEmpty() || m_redisPassword.isEmpty()) {
            if (required)
                QFAIL("OPTIMIST_TEST_REDIS and OPTIMIST_TEST_REDIS_PASSWORD are not set");
            QSKIP("needs Redis: run ./scripts/test");
        }
        if (!QFile::exists(standinScript())) {
            if (required)
                QFAIL(qPrintable(QStringLiteral("the Traefik stand-in is missing: ") +
                                 standinScript()));
            QSKIP("needs the Traefik stand-in (tests/fixtures/traefik-standin)");
        }
        m_root = QStringLiteral("optimist-apitest-%1-%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->generate());
        m_docker = std::make_unique<FakeDockerApi>(m_dir.filePath(QStringLiteral("docker.sock")),
                                                   QStringLiteral("portal"));
        QVERIFY(m_docker->isListening());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STANDIN_REDIS_USERNAME"), QStringLiteral("optimist"));
        env.insert(QStringLiteral("STANDIN_REDIS_PASSWORD"), m_redisPassword);
        env.insert(QStringLiteral("STANDIN_API_PASSWORD"), kApiPassword);
        m_standin.setProcessEnvironment(env);
        m_standin.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QString ready = m_dir.filePath(QStringLiteral("ready.json"));
        m_standin.start(QStringLiteral("python3"),
                        {standinScript(),
                         QStringLiteral("--entrypoint"),
                         QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--api"),
                         QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--version"),
                         QStringLiteral("3.7.9"),
                         QStringLiteral("--redis"),
                         m_redis,
                         QStringLiteral("--redis-root"),
                         m_root,
                         QStringLiteral("--docker"),
                         QStringLiteral("unix://") + m_dir.filePath(QStringLiteral("docker.sock")),
                         QStringLiteral("--swarm-refresh"),
                         QStringLiteral("0.2"),
                         QStringLiteral("--api-user"),
                         kApiUser,
                         QStringLiteral("--ready-file"),
                         ready,
                         QStringLiteral("--log-level"),
                         QStringLiteral("WARNING")});
        QVERIFY(m_standin.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ready), 15000);
        QFile file(ready);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString apiAddress = QJsonDocument::fromJson(file.readAll())
                                       .object()
                                       .value(QStringLiteral("api"))
                                       .toString();
        QVERIFY(!apiAddress.isEmpty());
        m_apiUrl = QUrl(QStringLiteral("http://") + apiAddress);
    }

    void cleanupTestCase()
    {
        if (m_standin.state() != QProcess::NotRunning) {
            m_standin.terminate();
            if (!m_standin.waitForFinished(5000))
                m_standin.kill();
        }
        if (m_root.isEmpty() || m_redis.isEmpty())
            return;
        RedisConnection admin(redis());
        const auto keys = await<RedisValue>([&](auto cb) {
            admin.command({"KEYS", (m_root + QStringLiteral("/*")).toUtf8()}, cb);
        });
        if (keys.ok() && !keys.value().elements.isEmpty()) {
            RedisConnection::Arguments del{"DEL"};
            for (const RedisValue &key : keys.value().elements)
                del.append(key.text);
            QVERIFY(await<RedisValue>([&](auto cb) { admin.command(del, cb); }).ok());
        }
    }

    void version()
    {
        TraefikApiClient client(api());
        const auto text = await<QString>([&](auto cb) { client.version(cb); });
        QVERIFY2(text.ok(), qPrintable(why(text)));
        QCOMPARE(text.value(), QStringLiteral("3.7.9"));
        const auto major = await<TraefikNaming::Version>([&](auto cb) { client.majorVersion(cb); });
        QCOMPARE(major.value(), TraefikNaming::Version::V3);
    }

    void writtenWeightsAreConfirmed()
    {
        TraefikRouter router(config());
        const auto written = write(router, QStringLiteral("portal"), WeightSplit{90, 10});
        QVERIFY2(written.ok(), qPrintable(why(written)));
        // Children are named for v3, as /api/version said.
        QVERIFY(written.value().description.contains(QStringLiteral("portal-blue@swarm")));
        QElapsedTimer timer;
        timer.start();
        const auto confirmed = confirm(router, QStringLiteral("portal"), WeightSplit{90, 10},
                                       std::chrono::milliseconds(15000));
        QVERIFY2(confirmed.ok(), qPrintable(why(confirmed)));
        QCOMPARE(confirmed.value(), (WeightSplit{90, 10}));

        // The API shows what was written, the children with their servers.
        TraefikApiClient client(api());
        const auto service = await<TraefikService>(
            [&](auto cb) { client.service(QStringLiteral("portal@redis"), cb); });
        QVERIFY2(service.ok(), qPrintable(why(service)));
        QVERIFY(service.value().isWeighted());
        QCOMPARE(service.value().stickyCookie, QStringLiteral("portal_color"));
        const auto child = await<TraefikService>(
            [&](auto cb) { client.service(QStringLiteral("portal-green@swarm"), cb); });
        QVERIFY2(child.ok(), qPrintable(why(child)));
        QCOMPARE(child.value().type, QStringLiteral("loadbalancer"));

        // All to blue: green's weight 0 makes Traefik drop it; confirmed as 100/0.
        QVERIFY(write(router, QStringLiteral("portal"), WeightSplit{100, 0}).ok());
        const auto full = confirm(router, QStringLiteral("portal"), WeightSplit{100, 0},
                                  std::chrono::milliseconds(15000));
        QVERIFY2(full.ok(), qPrintable(why(full)));
        QCOMPARE(full.value(), (WeightSplit{100, 0}));
    }

    void neverConvergingTimesOutNamingTheDifference()
    {
        TraefikRouter router(config());
        QVERIFY(write(router, QStringLiteral("portal"), WeightSplit{75, 25}).ok());
        QVERIFY(confirm(router, QStringLiteral("portal"), WeightSplit{75, 25},
                        std::chrono::milliseconds(15000))
                    .ok());
        // Nobody writes 50/50: Traefik keeps showing 75/25.
        QElapsedTimer timer;
        timer.start();
        const auto stale = confirm(router, QStringLiteral("portal"), WeightSplit{50, 50},
                                   std::chrono::milliseconds(1500));
        QVERIFY(!stale.ok());
        QCOMPARE(errorOf(stale).kind, Error::Kind::Timeout);
        QVERIFY2(errorOf(stale).message.contains(
                     QStringLiteral("expected blue=50 green=50, Traefik shows blue=75 green=25")),
                 qPrintable(errorOf(stale).message));
        QVERIFY(timer.elapsed() >= 1400);
        QVERIFY(timer.elapsed() < 8000);

        // An application Traefik has never heard of.
        const auto unknown = confirm(router, QStringLiteral("ghost"), WeightSplit{90, 10},
                                     std::chrono::milliseconds(800));
        QCOMPARE(errorOf(unknown).kind, Error::Kind::Timeout);
        QVERIFY2(errorOf(unknown).message.contains(
                     QStringLiteral("does not know the service ghost@redis")),
                 qPrintable(errorOf(unknown).message));
    }

    // A weighted service whose child does not exist (no Swarm service shop-green).
    void missingChildIsNamedAndNothingIsWritten()
    {
        TraefikRouterConfig c = config();
        c.childReadyTimeout = std::chrono::milliseconds(1500);
        TraefikRouter router(c);
        // shop has no Swarm services: giving them traffic would break the router (Traefik, like
        // the stand-in, disables a weighted service whose child does not exist), so the write
        // waits for Traefik to know them, then gives up naming the child, writing nothing.
        QElapsedTimer timer;
        timer.start();
        const auto written = write(router, QStringLiteral("shop"), WeightSplit{90, 10});
        QCOMPARE(errorOf(written).kind, Error::Kind::Timeout);
        QVERIFY(timer.elapsed() >= 1500);
        QVERIFY2(errorOf(written).message.contains(QStringLiteral("shop-blue@swarm")),
                 qPrintable(errorOf(written).message));
        QVERIFY2(errorOf(written).message.contains(QStringLiteral("nothing was written")),
                 qPrintable(errorOf(written).message));
        QObject context;
        const auto read = await<WeightSplit>([&](auto cb) {
            router.readWeights(QStringLiteral("shop"), Reply<WeightSplit>(&context, cb));
        });
        QCOMPARE(errorOf(read).kind, Error::Kind::NotFound);
    }

    void wrongCredentialsAreRefused()
    {
        TraefikApiClient client(api(QStringLiteral("not-it")));
        const auto service = await<TraefikService>(
            [&](auto cb) { client.service(QStringLiteral("portal@redis"), cb); });
        QVERIFY(!service.ok());
        QCOMPARE(errorOf(service).kind, Error::Kind::Invalid);
        QVERIFY2(errorOf(service).message.contains(QStringLiteral("refused the credentials")),
                 qPrintable(errorOf(service).message));
        QVERIFY(!errorOf(service).message.contains(QStringLiteral("not-it")));
        // Confirmation gives up at once: waiting does not fix a password.
        TraefikRouterConfig c = config();
        c.api.password = QStringLiteral("not-it");
        c.version = TraefikNaming::Version::V3;
        TraefikRouter router(c);
        QElapsedTimer timer;
        timer.start();
        const auto confirmed = confirm(router, QStringLiteral("portal"), WeightSplit{90, 10},
                                       std::chrono::milliseconds(10000));
        QCOMPARE(errorOf(confirmed).kind, Error::Kind::Invalid);
        QVERIFY(timer.elapsed() < 5000);
    }

    void unknownServiceIsNotFound()
    {
        TraefikApiClient client(api());
        const auto service = await<TraefikService>(
            [&](auto cb) { client.service(QStringLiteral("nothing-here@redis"), cb); });
        QCOMPARE(errorOf(service).kind, Error::Kind::NotFound);
    }

    void unreachableApi()
    {
        TraefikApiSettings s = api();
        s.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
        TraefikApiClient client(s);
        const auto text = await<QString>([&](auto cb) { client.version(cb); });
        QCOMPARE(errorOf(text).kind, Error::Kind::Unreachable);
        QVERIFY2(errorOf(text).message.contains(s.url.toString()),
                 qPrintable(errorOf(text).message));
        // A router that must ask the version cannot write, and says why.
        TraefikRouterConfig c = config();
        c.api = s;
        TraefikRouter router(c);
        const auto written = write(router, QStringLiteral("portal"), WeightSplit{90, 10});
        QCOMPARE(errorOf(written).kind, Error::Kind::Unreachable);
        QVERIFY(errorOf(written).message.contains(QStringLiteral("traefikVersion")));
    }
};

QTEST_GUILESS_MAIN(TestTraefikApi)
#include "tst_traefikapi.moc"
