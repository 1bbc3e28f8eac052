// Two operators, one application: the rollout lease. The lease logic runs against the real
// Redis of the test environment (skipped without it) and against files; optimist-cli is driven
// as separate processes on a sandbox profile (no servers needed) and on a Redis profile.

#include "lease/FileLeaseStore.h"
#include "lease/LeaseKeeper.h"
#include "lease/RedisLeaseStore.h"
#include "redis/RedisConnection.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

#include "support/IntegrationSupport.h"

using namespace optimist;
using namespace std::chrono_literals;

namespace {

using optimist::test::await;
using optimist::test::freePort;

Lease wanted(const QString &app, const QString &who)
{
    Lease l;
    l.environment = QStringLiteral("lab");
    l.app = app;
    l.holder = LeaseHolder::current(who, QStringLiteral("tst_rolloutlease"));
    return l;
}

/// A TCP relay to Redis that the test can cut, as a network or a Redis outage would.
class CuttableRelay : public QObject
{
public:
    explicit CuttableRelay(const QString &target)
        : m_host(target.section(QLatin1Char(':'), 0, 0))
        , m_port(quint16(target.section(QLatin1Char(':'), 1).toUInt()))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                QObject::connect(client, &QTcpSocket::readyRead, upstream,
                                 [client, upstream] { upstream->write(client->readAll()); });
                QObject::connect(upstream, &QTcpSocket::readyRead, client,
                                 [client, upstream] { client->write(upstream->readAll()); });
                QObject::connect(upstream, &QTcpSocket::disconnected, client,
                                 [client] { client->abort(); });
                upstream->connectToHost(m_host, m_port);
                m_clients << client;
            }
        });
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort()); }
    /// Drops every connection and accepts no more.
    void cut()
    {
        m_server.close();
        for (QTcpSocket *client : std::as_const(m_clients))
            if (client)
                client->abort();
    }

private:
    QTcpServer m_server;
    QString m_host;
    quint16 m_port;
    QList<QPointer<QTcpSocket>> m_clients;
};

struct CliRun
{
    int exitCode = -1;
    QString output; ///< stdout + stderr
};

} // namespace

class TestRolloutLease : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_redis;
    QString m_root; ///< this test's Redis root key (and lease key space)

    QString configDir() const { return m_dir->filePath(QStringLiteral("config")); }
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }

    std::optional<bool> take(LeaseKeeper &keeper)
    {
        const auto r = await<bool>([&](Reply<bool> reply) { keeper.acquire(reply); }, this, 10s);
        if (!r || !r->ok())
            return std::nullopt;
        return r->value();
    }

    void writeProfile(const QString &name, const QString &text)
    {
        QDir().mkpath(configDir() + QStringLiteral("/environments"));
        QFile f(configDir() + QStringLiteral("/environments/%1.yaml").arg(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
    }

    void writeSandboxProfile()
    {
        writeProfile(QStringLiteral("lab"), QStringLiteral("name: lab\ncluster:\n  kind: sandbox\n"
                                                           "  scenario: healthy\n"
                                                           "  leaseTtlSec: 3\n"));
    }

    QStringList cliArgs(QStringList args) const
    {
        return args << QStringLiteral("--config-dir") << configDir() << QStringLiteral("--data-dir")
                    << dataDir();
    }

    std::unique_ptr<QProcess> startCli(const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QStringLiteral(OPTIMIST_CLI), cliArgs(args));
        return p;
    }

    static CliRun finish(QProcess &p, int timeoutMs = 60000)
    {
        CliRun run;
        QDeadlineTimer deadline(timeoutMs);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            run.output = QStringLiteral("(did not end in time)\n");
        } else {
            run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        }
        run.output += QString::fromUtf8(p.readAll());
        return run;
    }

    CliRun cli(const QStringList &args, int timeoutMs = 60000)
    {
        auto p = startCli(args);
        return finish(*p, timeoutMs);
    }

    /// Waits until @p p printed @p text (it keeps running).
    static bool waitFor(QProcess &p, const QString &text, QString *seen, int timeoutMs = 30000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            *seen += QString::fromUtf8(p.readAll());
            if (seen->contains(text))
                return true;
            if (p.state() == QProcess::NotRunning)
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        return false;
    }

    int rolloutsInHistory()
    {
        const CliRun run = cli({QStringLiteral("history"), QStringLiteral("--json")});
        return int(run.output.count(QStringLiteral("\"event\":\"rollout\"")));
    }

    std::unique_ptr<RedisLeaseStore> redisStore()
    {
        RedisSettings settings;
        settings.address = m_redis;
        return std::make_unique<RedisLeaseStore>(settings, m_root);
    }

    bool needRedis()
    {
        if (!m_redis.isEmpty())
            return true;
        if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
            qFatal("OPTIMIST_TEST_REDIS is not set although services are required");
        return false;
    }

    Result<RedisValue> redis(const RedisConnection::Arguments &args)
    {
        RedisSettings settings;
        settings.address = m_redis;
        RedisConnection admin(settings);
        auto r = await<RedisValue>(
            [&](Reply<RedisValue> reply) {
                admin.command(args, [reply](const Result<RedisValue> &v) { reply(v); });
            },
            this, 10s);
        if (!r)
            return Error{Error::Kind::Timeout, QStringLiteral("no answer from Redis")};
        return *r;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_redis = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
        m_root = QStringLiteral("lease-test-%1-%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->generate() % 1000000);
    }

    void cleanup()
    {
        if (!m_redis.isEmpty()) {
            for (const QString &pattern : {QStringLiteral("optimist/leases/%1/*").arg(m_root),
                                           m_root + QStringLiteral("/*")}) {
                const auto keys = redis({"KEYS", pattern.toUtf8()});
                if (keys && !keys.value().elements.isEmpty()) {
                    RedisConnection::Arguments del{"DEL"};
                    for (const RedisValue &key : keys.value().elements)
                        del.append(key.text);
                    redis(del);
                }
            }
        }
        m_dir.reset();
    }

    // --- the lease logic, on the real Redis -----------------------------------------------

    void redisLeaseIsExclusiveUntilReleased()
    {
        if (!needRedis())
            QSKIP("needs Redis: run ./scripts/test");
        auto storeA = redisStore();
        auto storeB = redisStore(); // another process: its own connection
        LeaseKeeper alice(storeA.get(), wanted(QStringLiteral("demo"), QStringLiteral("alice")),
                          30s);
        LeaseKeeper bob(storeB.get(), wanted(QStringLiteral("demo"), QStringLiteral("bob")), 30s);
        QCOMPARE(take(alice), std::optional<bool>(true));
        QCOMPARE(take(bob), std::optional<bool>(false));
        QVERIFY(bob.refusal().has_value());
        QCOMPARE(bob.refusal()->holder.operatorName, QStringLiteral("alice"));
        QCOMPARE(bob.refusal()->since, alice.lease().since);
        const QString refusal = LeaseKeeper::refusalText(*bob.refusal(), QStringLiteral("lab"));
        QVERIFY2(refusal.contains(QStringLiteral("alice@")) &&
                     refusal.contains(QStringLiteral("since ")) &&
                     refusal.contains(QStringLiteral("optimist-cli lease break demo --env lab")),
                 qPrintable(refusal));
        // The key lives outside Traefik's root, with Redis' own expiry.
        const auto ttl = redis({"PTTL", storeA->key(QStringLiteral("demo"))});
        QVERIFY(ttl.ok());
        QVERIFY2(ttl.value().integer > 25000 && ttl.value().integer <= 30000,
                 qPrintable(QString::number(ttl.value().integer)));
        QVERIFY(!storeA->key(QStringLiteral("demo")).startsWith(m_root.toUtf8()));

        // Releasing with someone else's token deletes nothing.
        const auto wrong = await<bool>(
            [&](Reply<bool> reply) {
                storeB->release(QStringLiteral("demo"), QStringLiteral("not-alices"), reply);
            },
            this, 10s);
        QVERIFY(wrong && wrong->ok());
        QCOMPARE(wrong->value(), false);
        QCOMPARE(take(bob), std::optional<bool>(false));

        const auto released =
            await<bool>([&](Reply<bool> reply) { alice.release(reply); }, this, 10s);
        QVERIFY(released && released->ok() && released->value());
        QCOMPARE(take(bob), std::optional<bool>(true));
    }

    void redisLeaseExpiresWhenItsHolderStopsRenewing()
    {
        if (!needRedis())
            QSKIP("needs Redis: run ./scripts/test");
        auto storeA = redisStore();
        auto storeB = redisStore();
        auto alice = std::make_unique<LeaseKeeper>(
            storeA.get(), wanted(QStringLiteral("demo"), QStringLiteral("alice")), 900ms);
        QCOMPARE(take(*alice), std::optional<bool>(true));
        // Renewed every TTL/3: still held well past its first expiry.
        QTest::qWait(2500);
        LeaseKeeper bob(storeB.get(), wanted(QStringLiteral("demo"), QStringLiteral("bob")), 900ms);
        QCOMPARE(take(bob), std::optional<bool>(false));
        // The holder dies (no release, no renewal): after the TTL the lease is free.
        alice.reset();
        QElapsedTimer since;
        since.start();
        std::optional<bool> held;
        while ((held = take(bob)) == std::optional<bool>(false) && since.elapsed() < 5000)
            QTest::qWait(100);
        QCOMPARE(held, std::optional<bool>(true));
        QVERIFY2(since.elapsed() < 2000, qPrintable(QString::number(since.elapsed())));
    }

    void brokenLeaseIsNoticedAtTheNextRenewal()
    {
        if (!needRedis())
            QSKIP("needs Redis: run ./scripts/test");
        auto storeA = redisStore();
        auto storeB = redisStore();
        LeaseKeeper alice(storeA.get(), wanted(QStringLiteral("demo"), QStringLiteral("alice")),
                          1500ms);
        QCOMPARE(take(alice), std::optional<bool>(true));
        QSignalSpy lost(&alice, &LeaseKeeper::lost);
        // Bob breaks it (compare and delete on the token he was shown) and takes it.
        const auto shown = await<std::optional<Lease>>(
            [&](Reply<std::optional<Lease>> reply) { storeB->read(QStringLiteral("demo"), reply); },
            this, 10s);
        QVERIFY(shown && shown->ok() && shown->value().has_value());
        QCOMPARE(shown->value()->holder.operatorName, QStringLiteral("alice"));
        const auto broken = await<bool>(
            [&](Reply<bool> reply) {
                storeB->release(QStringLiteral("demo"), shown->value()->token, reply);
            },
            this, 10s);
        QVERIFY(broken && broken->ok() && broken->value());
        LeaseKeeper bob(storeB.get(), wanted(QStringLiteral("demo"), QStringLiteral("bob")),
                        1500ms);
        QCOMPARE(take(bob), std::optional<bool>(true));
        // Alice notices at her next renewal (every 500 ms), names the new holder, stops renewing.
        QVERIFY(lost.wait(2000));
        QVERIFY(!alice.isHeld());
        const QString reason = lost.first().first().toString();
        QVERIFY2(reason.contains(QStringLiteral("bob@")), qPrintable(reason));
        // Her later renewals never take it back.
        QTest::qWait(1200);
        QCOMPARE(lost.size(), 1);
        const auto now = await<std::optional<Lease>>(
            [&](Reply<std::optional<Lease>> reply) { storeA->read(QStringLiteral("demo"), reply); },
            this, 10s);
        QVERIFY(now && now->ok() && now->value().has_value());
        QCOMPARE(now->value()->holder.operatorName, QStringLiteral("bob"));
    }

    void holderThatCannotRenewStopsOnceItsLeaseExpires()
    {
        if (!needRedis())
            QSKIP("needs Redis: run ./scripts/test");
        CuttableRelay relay(m_redis);
        RedisSettings settings;
        settings.address = relay.address();
        settings.connectTimeout = 300ms;
        settings.commandTimeout = 300ms;
        RedisLeaseStore store(settings, m_root);
        LeaseKeeper alice(&store, wanted(QStringLiteral("demo"), QStringLiteral("alice")), 1500ms);
        QCOMPARE(take(alice), std::optional<bool>(true));
        QSignalSpy lost(&alice, &LeaseKeeper::lost);
        QElapsedTimer sinceCut;
        relay.cut();
        sinceCut.start();
        // Renewals fail; the lease is still hers until it expires, then she must stop.
        QVERIFY(lost.wait(4000));
        QVERIFY2(sinceCut.elapsed() >= 700, qPrintable(QString::number(sinceCut.elapsed())));
        QVERIFY(!alice.isHeld());
        const QString reason = lost.first().first().toString();
        QVERIFY2(reason.contains(QStringLiteral("could not be renewed before it expired")),
                 qPrintable(reason));
        // Meanwhile it expired in Redis: Bob gets it.
        auto storeB = redisStore();
        LeaseKeeper bob(storeB.get(), wanted(QStringLiteral("demo"), QStringLiteral("bob")),
                        1500ms);
        QElapsedTimer waited;
        waited.start();
        std::optional<bool> held;
        while ((held = take(bob)) != std::optional<bool>(true) && waited.elapsed() < 3000)
            QTest::qWait(100);
        QCOMPARE(held, std::optional<bool>(true));
    }

    void unreachableRedisIsNeverFree()
    {
        RedisSettings settings;
        settings.address = QStringLiteral("127.0.0.1:%1").arg(freePort());
        settings.connectTimeout = 2s;
        RedisLeaseStore store(settings, m_root);
        LeaseKeeper keeper(&store, wanted(QStringLiteral("demo"), QStringLiteral("alice")), 30s);
        const auto r = await<bool>([&](Reply<bool> reply) { keeper.acquire(reply); }, this, 10s);
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QVERIFY2(r->error().message.contains(QStringLiteral("cannot check the rollout lease")),
                 qPrintable(r->error().message));
        QVERIFY(!keeper.isHeld());
    }

    // --- the lease logic on files (file provider, sandbox) --------------------------------

    void fileLeaseIsExclusiveAndExpires()
    {
        const QString folder = m_dir->filePath(QStringLiteral("traefik-dynamic"));
        FileLeaseStore storeA(folder, QStringLiteral(".optimist-"));
        FileLeaseStore storeB(folder, QStringLiteral(".optimist-"));
        auto alice = std::make_unique<LeaseKeeper>(
            &storeA, wanted(QStringLiteral("demo"), QStringLiteral("alice")), 900ms);
        LeaseKeeper bob(&storeB, wanted(QStringLiteral("demo"), QStringLiteral("bob")), 900ms);
        QCOMPARE(take(*alice), std::optional<bool>(true));
        QVERIFY(QFile::exists(storeA.path(QStringLiteral("demo"))));
        QVERIFY(storeA.path(QStringLiteral("demo")).endsWith(QStringLiteral(".lease")));
        QTest::qWait(2000); // renewed meanwhile
        QCOMPARE(take(bob), std::optional<bool>(false));
        QCOMPARE(bob.refusal()->holder.operatorName, QStringLiteral("alice"));
        alice.reset(); // dies
        QTest::qWait(1000);
        QCOMPARE(take(bob), std::optional<bool>(true));
        // Only the expired lease was moved aside: one lease file, Bob's.
        const QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files, QStringList{QStringLiteral(".optimist-demo.lease")});
    }

    // --- optimist-cli on a sandbox profile (no servers needed) ---------------------------

    void twoCliProcessesAtOnceExactlyOneProceeds()
    {
        writeSandboxProfile();
        const QStringList args{QStringLiteral("rollout"), QStringLiteral("v2"),
                               QStringLiteral("--env"),   QStringLiteral("lab"),
                               QStringLiteral("--speed"), QStringLiteral("10")};
        auto a = startCli(args);
        auto b = startCli(args);
        QVERIFY(a->waitForStarted(10000) && b->waitForStarted(10000));
        // The refused one ends at once; the other goes on rolling out.
        QDeadlineTimer deadline(20000);
        while (a->state() != QProcess::NotRunning && b->state() != QProcess::NotRunning &&
               !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QVERIFY(!deadline.hasExpired());
        QProcess &refused = a->state() == QProcess::NotRunning ? *a : *b;
        QProcess &holder = &refused == a.get() ? *b : *a;
        const CliRun r = finish(refused);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.output.contains(QStringLiteral("demo is being rolled out by")) &&
                     r.output.contains(QStringLiteral("pid %1").arg(holder.processId())) &&
                     r.output.contains(QStringLiteral(" since ")) &&
                     r.output.contains(QStringLiteral("lease break demo --env lab")),
                 qPrintable(r.output));
        QVERIFY(holder.state() != QProcess::NotRunning);
        // The refused process changed nothing: one rollout in the history, the holder's.
        QCOMPARE(rolloutsInHistory(), 1);
        holder.kill();
        holder.waitForFinished(5000);
    }

    void killedHolderElsewhereFreesTheLeaseAfterItsTtl()
    {
        writeSandboxProfile();
        auto a = startCli({QStringLiteral("rollout"), QStringLiteral("v2"), QStringLiteral("--env"),
                           QStringLiteral("lab"), QStringLiteral("--speed"), QStringLiteral("10")});
        QString seen;
        QVERIFY2(waitFor(*a, QStringLiteral("Weights in force"), &seen), qPrintable(seen));
        ::kill(pid_t(a->processId()), SIGKILL);
        QVERIFY(a->waitForFinished(5000));
        // Seen from another machine: the holder's lease names its own host, so nobody can
        // tell it died but by its expiry.
        const QString path =
            FileLeaseStore(dataDir() + QStringLiteral("/leases"), QStringLiteral("lab-"))
                .path(QStringLiteral("demo"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto lease = Lease::fromJson(file.readAll());
        file.close();
        QVERIFY(lease.has_value());
        lease->holder.host = QStringLiteral("other-machine");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lease->toJson());
        file.close();

        // Its lease outlives it for up to the TTL (3 s): a takeover is refused meanwhile…
        const CliRun early =
            cli({QStringLiteral("rollback"), QStringLiteral("--env"), QStringLiteral("lab")});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.output.contains(QStringLiteral("is being rolled out by")) &&
                     early.output.contains(QStringLiteral("@other-machine")),
                 qPrintable(early.output));
        // …and then the interrupted rollout is recovered by the existing path.
        QTest::qWait(3200);
        const CliRun late =
            cli({QStringLiteral("rollback"), QStringLiteral("--env"), QStringLiteral("lab"),
                 QStringLiteral("--speed"), QStringLiteral("50")});
        QVERIFY2(late.exitCode == 3, qPrintable(late.output));
        QVERIFY2(late.output.contains(QStringLiteral("takes over interrupted rollout #1")),
                 qPrintable(late.output));
        const CliRun show = cli({QStringLiteral("lease"), QStringLiteral("show"),
                                 QStringLiteral("--env"), QStringLiteral("lab")});
        QVERIFY2(show.output.contains(QStringLiteral("Nobody holds")), qPrintable(show.output));
    }

    void killedHolderOnThisMachineIsTakenOverAtOnce()
    {
        writeSandboxProfile();
        auto a = startCli({QStringLiteral("rollout"), QStringLiteral("v2"), QStringLiteral("--env"),
                           QStringLiteral("lab"), QStringLiteral("--speed"), QStringLiteral("10")});
        QString seen;
        QVERIFY2(waitFor(*a, QStringLiteral("Weights in force"), &seen), qPrintable(seen));
        ::kill(pid_t(a->processId()), SIGKILL);
        QVERIFY(a->waitForFinished(5000));
        // Its process is gone from this very machine: no need to wait out the TTL.
        const CliRun next =
            cli({QStringLiteral("rollback"), QStringLiteral("--env"), QStringLiteral("lab"),
                 QStringLiteral("--speed"), QStringLiteral("50")});
        QVERIFY2(next.exitCode == 3, qPrintable(next.output));
        QVERIFY2(next.output.contains(QStringLiteral("takes over interrupted rollout #1")),
                 qPrintable(next.output));
    }

    void brokenLeaseStopsTheHolderAndLetsTheNextOperatorProceed()
    {
        writeSandboxProfile();
        auto a = startCli({QStringLiteral("rollout"), QStringLiteral("v2"), QStringLiteral("--env"),
                           QStringLiteral("lab"), QStringLiteral("--speed"), QStringLiteral("10"),
                           QStringLiteral("--json")});
        const qint64 holderPid = a->processId();
        QString seen;
        QVERIFY2(waitFor(*a, QStringLiteral("Weights in force"), &seen), qPrintable(seen));

        // Without a terminal and without --yes nothing is broken.
        const CliRun unconfirmed =
            cli({QStringLiteral("lease"), QStringLiteral("break"), QStringLiteral("demo"),
                 QStringLiteral("--env"), QStringLiteral("lab")});
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.output.contains(QStringLiteral("--yes")),
                 qPrintable(unconfirmed.output));
        QVERIFY(a->state() != QProcess::NotRunning);

        const CliRun broke =
            cli({QStringLiteral("lease"), QStringLiteral("break"), QStringLiteral("demo"),
                 QStringLiteral("--env"), QStringLiteral("lab"), QStringLiteral("--yes")});
        QVERIFY2(broke.exitCode == 0, qPrintable(broke.output));
        // The holder notices at its next renewal (every second) and stops where it is.
        const CliRun holder = finish(*a, 5000);
        const QString out = seen + holder.output;
        QVERIFY2(holder.exitCode == 4, qPrintable(out));
        QList<QJsonObject> lines;
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
            if (doc.isObject())
                lines << doc.object();
        }
        QVERIFY(!lines.isEmpty());
        // Its last word is the lost lease: no weight change, no state after it.
        const QJsonObject last = lines.last();
        QVERIFY2(last.value(QStringLiteral("message"))
                     .toString()
                     .startsWith(QStringLiteral("Lost the lease")),
                 qPrintable(out));
        QCOMPARE(last.value(QStringLiteral("kind")).toString(), QStringLiteral("error"));

        // Who broke whose lease is recorded.
        QFile log(QDir(dataDir()).filePath(QStringLiteral("lease-breaks.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString record = QString::fromUtf8(log.readAll());
        QVERIFY2(
            record.contains(QStringLiteral("broke the rollout lease of demo in lab, held by")) &&
                record.contains(QStringLiteral("pid %1").arg(holderPid)),
            qPrintable(record));

        // The next operator proceeds: here, rolling back what the first one left.
        const CliRun next =
            cli({QStringLiteral("rollback"), QStringLiteral("--env"), QStringLiteral("lab"),
                 QStringLiteral("--speed"), QStringLiteral("50")});
        QVERIFY2(next.exitCode == 3, qPrintable(next.output));
    }

    // --- optimist-cli on a Redis profile ---------------------------------------------------

    void redisProfileRefusesWhileAnotherOperatorHoldsTheLease()
    {
        if (!needRedis())
            QSKIP("needs Redis: run ./scripts/test");
        writeProfile(QStringLiteral("prod"),
                     QStringLiteral("name: prod\ncluster:\n  kind: docker\n"
                                    "  endpoint: unix:///nonexistent/docker.sock\n"
                                    "router:\n  kind: redis\n  address: %1\n  rootKey: %2\n"
                                    "  apiUrl: http://127.0.0.1:1\n  traefikVersion: 3\n"
                                    "metrics:\n  kind: traefik\n  url: http://127.0.0.1:1/metrics\n"
                                    "applications:\n  - name: demo\n")
                         .arg(m_redis, m_root));
        auto store = redisStore();
        LeaseKeeper alice(store.get(), wanted(QStringLiteral("demo"), QStringLiteral("alice")),
                          30s);
        QCOMPARE(take(alice), std::optional<bool>(true));

        const CliRun run = cli({QStringLiteral("rollout"), QStringLiteral("v2"),
                                QStringLiteral("--env"), QStringLiteral("prod")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("demo is being rolled out by alice@")) &&
                     run.output.contains(QStringLiteral("(tst_rolloutlease, pid %1)")
                                             .arg(QCoreApplication::applicationPid())) &&
                     run.output.contains(QStringLiteral(" since ")),
                 qPrintable(run.output));
        // Nothing was written to Traefik's keys, nothing to the history.
        const auto keys = redis({"KEYS", (m_root + QStringLiteral("/*")).toUtf8()});
        QVERIFY(keys.ok());
        QVERIFY(keys.value().elements.isEmpty());
        QCOMPARE(rolloutsInHistory(), 0);

        const CliRun show =
            cli({QStringLiteral("lease"), QStringLiteral("show"), QStringLiteral("demo"),
                 QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("--json")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.output.contains(QStringLiteral("\"operator\":\"alice\"")),
                 qPrintable(show.output));
    }

    void unreachableRedisRefusesTheRollout()
    {
        writeProfile(QStringLiteral("prod"),
                     QStringLiteral("name: prod\ncluster:\n  kind: docker\n"
                                    "  endpoint: unix:///nonexistent/docker.sock\n"
                                    "router:\n  kind: redis\n  address: 127.0.0.1:%1\n"
                                    "  apiUrl: http://127.0.0.1:1\n  traefikVersion: 3\n"
                                    "metrics:\n  kind: traefik\n  url: http://127.0.0.1:1/metrics\n"
                                    "applications:\n  - name: demo\n")
                         .arg(freePort()));
        const CliRun run = cli({QStringLiteral("rollout"), QStringLiteral("v2"),
                                QStringLiteral("--env"), QStringLiteral("prod")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("cannot check the rollout lease of demo")) &&
                     run.output.contains(QStringLiteral("Nothing was started")),
                 qPrintable(run.output));
        QCOMPARE(rolloutsInHistory(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRolloutLease)
#include "tst_rolloutlease.moc"
