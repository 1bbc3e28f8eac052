// Traefik's Redis KV provider on a real redis-server (OPTIMIST_TEST_REDIS, ACL user `optimist`
// with OPTIMIST_TEST_REDIS_PASSWORD): the Redis connection (login, errors, lost connections,
// timeouts) and the KV writer (adoption, MULTI/EXEC, read back, dry run). Each test uses its own
// root key and deletes it afterwards.

#include "redis/RedisConnection.h"
#include "support/RespClient.h"
#include "traefik/TraefikKvWriter.h"
#include "traefik/TraefikRouter.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace optimist;

namespace {

/// The error of @p result, or an Other error when it succeeded (so a check fails, not throws).
template <typename T> Error errorOf(const Result<T> &result)
{
    return result.ok() ? Error{Error::Kind::Other, QStringLiteral("(it succeeded)")}
                       : result.error();
}

template <typename T> using Callback = std::function<void(const Result<T> &)>;

/// Runs an asynchronous call and waits for its one answer, checking it does not come inside
/// the call.
template <typename T> Result<T> await(const std::function<void(Callback<T>)> &call, int ms = 10000)
{
    std::optional<Result<T>> got;
    bool inside = true;
    int calls = 0;
    call([&](const Result<T> &r) {
        if (inside)
            qWarning("answered inside the call");
        ++calls;
        got = r;
    });
    inside = false;
    if (!QTest::qWaitFor([&] { return got.has_value(); }, ms))
        return Error{Error::Kind::Other, QStringLiteral("test: no answer within %1 ms").arg(ms)};
    QTest::qWait(20);
    if (calls != 1)
        return Error{Error::Kind::Other, QStringLiteral("test: answered %1 times").arg(calls)};
    return *got;
}

QString errorText(const Error &error)
{
    return Error::kindName(error.kind) + QStringLiteral(": ") + error.message;
}

/// For QVERIFY2's message, which is built even when the check passes.
template <typename T> QString why(const Result<T> &result)
{
    return result.ok() ? QString() : errorText(result.error());
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // closed again when server goes out of scope
}

TraefikAppRoute portal()
{
    TraefikAppRoute route;
    route.app = QStringLiteral("portal");
    route.rule = QStringLiteral("Host(`portal.test`)");
    route.entryPoints = {QStringLiteral("web")};
    return route;
}

} // namespace

class TestTraefikRedis : public QObject
{
    Q_OBJECT

    QString m_address;
    QString m_password;
    QString m_root;

    RedisSettings good() const
    {
        RedisSettings s;
        s.address = m_address;
        s.username = QStringLiteral("optimist");
        s.password = m_password;
        s.commandTimeout = std::chrono::milliseconds(3000);
        s.connectTimeout = std::chrono::milliseconds(3000);
        return s;
    }

    QList<QByteArray> keysUnderRoot()
    {
        RedisConnection admin(good());
        const auto keys = await<RedisValue>([&](auto cb) {
            admin.command({"KEYS", (m_root + QStringLiteral("/*")).toUtf8()}, cb);
        });
        QList<QByteArray> out;
        if (keys.ok()) {
            for (const RedisValue &key : keys.value().elements)
                out.append(key.text);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Error>();
        m_address = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
        m_password = qEnvironmentVariable("OPTIMIST_TEST_REDIS_PASSWORD");
        if (m_address.isEmpty() || m_password.isEmpty()) {
            if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
                QFAIL("OPTIMIST_TEST_REDIS and OPTIMIST_TEST_REDIS_PASSWORD are not set");
            QSKIP("needs Redis: run ./scripts/test");
        }
    }

    void init()
    {
        m_root = QStringLiteral("optimist-test-%1-%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->generate());
    }

    void cleanup()
    {
        const QList<QByteArray> keys = keysUnderRoot();
        if (keys.isEmpty())
            return;
        RedisConnection admin(good());
        RedisConnection::Arguments del{"DEL"};
        del.append(keys);
        const auto deleted = await<RedisValue>([&](auto cb) { admin.command(del, cb); });
        QVERIFY2(deleted.ok(), qPrintable(why(deleted)));
        QVERIFY(keysUnderRoot().isEmpty());
    }

    void commandsAfterLogin()
    {
        RedisConnection connection(good());
        const QByteArray key = (m_root + QStringLiteral("/probe")).toUtf8();
        // Both go out before the login finished: they wait for it, in order.
        std::optional<Result<RedisValue>> set;
        connection.command({"SET", key, "1"}, [&](const Result<RedisValue> &r) { set = r; });
        const auto get = await<RedisValue>([&](auto cb) { connection.command({"GET", key}, cb); });
        QVERIFY(set && set->ok());
        QVERIFY2(get.ok(), qPrintable(why(get)));
        QCOMPARE(get.value().text, QByteArray("1"));
        QVERIFY(connection.isConnected());
        const auto wrongType = await<RedisValue>([&](auto cb) {
            connection.command({"LPUSH", key, "x"}, cb);
        });
        QCOMPARE(errorOf(wrongType).kind, Error::Kind::Invalid);
        QVERIFY2(errorOf(wrongType).message.contains(QStringLiteral("WRONGTYPE")),
                 qPrintable(why(wrongType)));
    }

    void adoptWritesEverythingInOneTransaction()
    {
        // Watch from the side what the server executes and what it notifies.
        test::RespClient monitor;
        QVERIFY(monitor.connectTo(m_address));
        monitor.send({"AUTH", "optimist", m_password.toUtf8()});
        QVERIFY(monitor.next());
        monitor.send({"MONITOR"});
        QCOMPARE(monitor.next().value_or(QList<QByteArray>{}), QList<QByteArray>{"OK"});
        test::RespClient subscriber;
        QVERIFY(subscriber.connectTo(m_address));
        subscriber.send({"AUTH", "optimist", m_password.toUtf8()});
        QVERIFY(subscriber.next());
        subscriber.send({"PSUBSCRIBE", ("__keyspace*__:" + m_root + "/*").toUtf8()});
        QVERIFY(subscriber.next());

        TraefikKvWriter writer(good(), m_root);
        const auto written = await<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{90, 10}, TraefikNaming::Version::V3,
                                WriteMode::Apply, cb);
        });
        QVERIFY2(written.ok(), qPrintable(why(written)));

        const auto expected = TraefikKvWriter::entries(m_root, portal(), WeightSplit{90, 10},
                                                       TraefikNaming::Version::V3, true, true);
        QCOMPARE(expected.size(), 10);
        QVERIFY(written.value().description.contains(TraefikKvWriter::describe(expected)));

        // Every SET of the root key ran between one MULTI and its EXEC. MONITOR shows every
        // client's commands; keep those of the client that wrote our keys ("[DB ADDRESS]").
        const auto commands = monitor.drain(500);
        QByteArray writerClient;
        for (const auto &line : commands) {
            const QByteArray text = line.value(0);
            if (text.contains("\"SET\"") && text.contains(m_root.toUtf8()))
                writerClient =
                    text.mid(text.indexOf('['), text.indexOf(']') - text.indexOf('[') + 1);
        }
        QVERIFY(!writerClient.isEmpty());
        QStringList sequence;
        for (const auto &line : commands) {
            const QByteArray text = line.value(0);
            if (!text.contains(writerClient))
                continue;
            if (text.contains("\"MULTI\""))
                sequence << QStringLiteral("MULTI");
            else if (text.contains("\"EXEC\""))
                sequence << QStringLiteral("EXEC");
            else if (text.contains("\"SET\""))
                sequence << QStringLiteral("SET");
        }
        QStringList transactional{QStringLiteral("MULTI")};
        for (qsizetype i = 0; i < expected.size(); ++i)
            transactional << QStringLiteral("SET");
        transactional << QStringLiteral("EXEC");
        QCOMPARE(sequence, transactional);

        // Traefik reacts to keyspace notifications: one per key, and every key already holds
        // its new value when the first one arrives (they are sent once EXEC completed).
        const auto first = subscriber.next(2000);
        QVERIFY(first);
        RedisConnection reader(good());
        RedisConnection::Arguments mget{"MGET"};
        for (const auto &entry : expected)
            mget.append(entry.first.toUtf8());
        const auto seen = await<RedisValue>([&](auto cb) { reader.command(mget, cb); });
        QVERIFY(seen.ok());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(QString::fromUtf8(seen.value().elements.at(i).text), expected.at(i).second);
        const auto rest = subscriber.drain(300);
        QCOMPARE(1 + rest.size(), expected.size());

        const auto read = await<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QVERIFY2(read.ok(), qPrintable(why(read)));
        QCOMPARE(read.value(), (WeightSplit{90, 10}));
    }

    void laterWritesSetOnlyWeightsAndLeaveAZeroWeightColorOut()
    {
        TraefikKvWriter writer(good(), m_root);
        QVERIFY(await<WriteOutcome>([&](auto cb) {
                    writer.writeWeights(portal(), WeightSplit{90, 10}, TraefikNaming::Version::V3,
                                        WriteMode::Apply, cb);
                }).ok());
        const auto second = await<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{100, 0}, TraefikNaming::Version::V3,
                                WriteMode::Apply, cb);
        });
        QVERIFY(second.ok());
        QVERIFY(!second.value().description.contains(QStringLiteral("sticky")));
        QVERIFY(!second.value().description.contains(QStringLiteral("routers")));
        // Traefik fails a weighted service that lists a child it cannot build (a removed
        // color), even with weight 0: green is no longer listed at all.
        RedisConnection reader(good());
        const auto child = [&](int index, const char *field) {
            return await<RedisValue>([&](auto cb) {
                       reader.command(
                           {"GET", TraefikKvWriter::childKey(m_root, QStringLiteral("portal"),
                                                             index, QString::fromLatin1(field))
                                       .toUtf8()},
                           cb);
                   })
                .value();
        };
        QVERIFY(child(1, "name").isNil());
        QVERIFY(child(1, "weight").isNil());
        QCOMPARE(child(0, "name").text, QByteArray("portal-blue@swarm"));
        QCOMPARE(child(0, "weight").text, QByteArray("100"));
        QVERIFY(second.value().description.contains(QStringLiteral("delete ")));
        auto read = await<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(read.value(), (WeightSplit{100, 0}));
        QCOMPARE(keysUnderRoot().size(), 8);

        // After a successful rollout green is the only child, at index 0.
        QVERIFY(await<WriteOutcome>([&](auto cb) {
                    writer.writeWeights(portal(), WeightSplit{0, 100}, TraefikNaming::Version::V3,
                                        WriteMode::Apply, cb);
                }).ok());
        QCOMPARE(child(0, "name").text, QByteArray("portal-green@swarm"));
        QVERIFY(child(1, "name").isNil());
        read = await<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(read.value(), (WeightSplit{0, 100}));
    }

    void dryRunWritesNothingAndSaysWhat()
    {
        TraefikRouterConfig config;
        config.redis = good();
        config.rootKey = m_root;
        config.version = TraefikNaming::Version::V2;
        config.applications = {portal()};
        TraefikRouter router(config);
        QObject context;
        std::optional<Result<WriteOutcome>> got;
        router.writeWeights(
            QStringLiteral("portal"), WeightSplit{75, 25}, WriteMode::DryRun,
            Reply<WriteOutcome>(&context, [&](const Result<WriteOutcome> &r) { got = r; }));
        QVERIFY(!got);
        QTRY_VERIFY(got.has_value());
        QVERIFY2(got->ok(), qPrintable(why(*got)));
        const QString description = got->value().description;
        QVERIFY(description.startsWith(QStringLiteral("would set in ")));
        QVERIFY(description.contains(TraefikKvWriter::describe(TraefikKvWriter::entries(
            m_root, portal(), WeightSplit{75, 25}, TraefikNaming::Version::V2, true, true))));
        QVERIFY(keysUnderRoot().isEmpty());

        std::optional<Result<WeightSplit>> read;
        router.readWeights(
            QStringLiteral("portal"),
            Reply<WeightSplit>(&context, [&](const Result<WeightSplit> &r) { read = r; }));
        QTRY_VERIFY(read.has_value());
        QCOMPARE(errorOf(*read).kind, Error::Kind::NotFound);
        QVERIFY(errorOf(*read).message.contains(m_root));
    }

    void malformedValuesAreInvalid()
    {
        TraefikKvWriter writer(good(), m_root);
        QVERIFY(await<WriteOutcome>([&](auto cb) {
                    writer.writeWeights(portal(), WeightSplit{50, 50}, TraefikNaming::Version::V3,
                                        WriteMode::Apply, cb);
                }).ok());
        RedisConnection admin(good());
        const QByteArray weightKey =
            TraefikKvWriter::childKey(m_root, QStringLiteral("portal"), 0, QStringLiteral("weight"))
                .toUtf8();
        QVERIFY(await<RedisValue>([&](auto cb) {
                    admin.command({"SET", weightKey, "ninety"}, cb);
                }).ok());
        auto read = await<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(errorOf(read).kind, Error::Kind::Invalid);
        QVERIFY2(errorOf(read).message.contains(QStringLiteral("\"ninety\"")),
                 qPrintable(why(read)));
        const QByteArray nameKey =
            TraefikKvWriter::childKey(m_root, QStringLiteral("portal"), 0, QStringLiteral("name"))
                .toUtf8();
        QVERIFY(await<RedisValue>([&](auto cb) {
                    admin.command({"MSET", weightKey, "50", nameKey, "shop-blue@swarm"}, cb);
                }).ok());
        read = await<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(errorOf(read).kind, Error::Kind::Invalid);
        QVERIFY(errorOf(read).message.contains(QStringLiteral("shop-blue@swarm")));
    }

    void wrongPasswordWritesNothing()
    {
        RedisSettings bad = good();
        bad.password = QStringLiteral("not-the-password-42");
        TraefikKvWriter writer(bad, m_root);
        const auto written = await<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{90, 10}, TraefikNaming::Version::V3,
                                WriteMode::Apply, cb);
        });
        QVERIFY(!written.ok());
        QCOMPARE(errorOf(written).kind, Error::Kind::Invalid);
        QVERIFY2(errorOf(written).message.contains(QStringLiteral("refused the credentials")),
                 qPrintable(why(written)));
        QVERIFY(errorOf(written).message.contains(QStringLiteral("optimist")));
        QVERIFY(!errorOf(written).message.contains(bad.password));
        QVERIFY(!errorOf(written).message.contains(m_password));
        QVERIFY(keysUnderRoot().isEmpty());
        QVERIFY(!writer.connection()->isConnected());
    }

    void redisDownIsUnreachable()
    {
        RedisSettings down = good();
        down.address = QStringLiteral("127.0.0.1:%1").arg(closedPort());
        TraefikKvWriter writer(down, m_root);
        const auto read = await<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(errorOf(read).kind, Error::Kind::Unreachable);
        QVERIFY2(errorOf(read).message.contains(down.address), qPrintable(why(read)));
        const auto written = await<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{90, 10}, TraefikNaming::Version::V3,
                                WriteMode::Apply, cb);
        });
        QCOMPARE(errorOf(written).kind, Error::Kind::Unreachable);
    }

    // A server that accepts but never answers: the login times out, nothing hangs.
    void silentServerTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        RedisSettings settings = good();
        settings.address = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());
        settings.connectTimeout = std::chrono::milliseconds(400);
        RedisConnection connection(settings);
        QElapsedTimer timer;
        timer.start();
        const auto ping = await<RedisValue>([&](auto cb) { connection.command({"PING"}, cb); });
        QCOMPARE(errorOf(ping).kind, Error::Kind::Timeout);
        QVERIFY(timer.elapsed() < 3000);
        QVERIFY(!errorOf(ping).message.contains(m_password));
    }

    void lostConnectionIsDetectedAndHeals()
    {
        RedisConnection connection(good());
        QSignalSpy lost(&connection, &RedisConnection::disconnected);
        const auto id = await<RedisValue>([&](auto cb) {
            connection.command({"CLIENT", "ID"}, cb);
        });
        QVERIFY2(id.ok(), qPrintable(why(id)));
        RedisConnection killer(good());
        const auto killed = await<RedisValue>([&](auto cb) {
            killer.command({"CLIENT", "KILL", "ID", QByteArray::number(id.value().integer)}, cb);
        });
        QVERIFY2(killed.ok(), qPrintable(why(killed)));
        QTRY_COMPARE(lost.size(), 1);
        const Error error = lost.first().first().value<Error>();
        QCOMPARE(error.kind, Error::Kind::Unreachable);
        QVERIFY(!connection.isConnected());
        // The next command connects again.
        const auto ping = await<RedisValue>([&](auto cb) { connection.command({"PING"}, cb); });
        QVERIFY2(ping.ok(), qPrintable(why(ping)));
        QCOMPARE(ping.value().text, QByteArray("PONG"));
    }

    void destroyedWithCommandsInFlight()
    {
        // Nothing may call back into a destroyed connection (run under the asan preset). A
        // callback that runs while the connection still exists (a fast answer during the first
        // wait) is fine; only calls after the destructor count.
        bool destroyed = false;
        bool calledAfterDestruction = false;
        const auto callback = [&](const Result<RedisValue> &) {
            if (destroyed)
                calledAfterDestruction = true;
        };
        {
            RedisConnection connection(good());
            connection.command({"PING"}, callback);
            QTest::qWait(5);
            destroyed = true;
        }
        destroyed = false;
        {
            RedisConnection connection(good());
            QVERIFY(await<RedisValue>([&](auto cb) { connection.command({"PING"}, cb); }).ok());
            connection.command({"PING"}, callback);
            destroyed = true; // no event loop ran since command(): its answer is still pending
        }
        QTest::qWait(100);
        QVERIFY(!calledAfterDestruction);
    }
};

QTEST_GUILESS_MAIN(TestTraefikRedis)
#include "tst_traefikredis.moc"
