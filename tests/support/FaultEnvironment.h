#pragma once

// The world of the dependency-fault tests (docs/failure-policy.md): the real test dockerd (Swarm)
// with APP-blue on the demo image v1; a Redis of the test's own (PrivateRedis) as Traefik's KV
// provider, holding APP at blue 100%; the Traefik stand-in reading that Redis and the Swarm,
// whose API and /metrics are reached through FaultProxy instances; the project's load generator
// sending 50 requests/s through the stand-in. A rollout of v2 runs in this process on the
// product's own adapters (DockerCluster, TraefikRouter, TraefikScrapeMetrics or
// PrometheusMetrics, MetricsWithCpu, SqliteHistoryStore, SystemClock) with short timeouts, so
// a test can break one dependency at an exact state of the engine and watch what it does.

#include "clock/SystemClock.h"
#include "docker/DockerClient.h"
#include "docker/DockerCluster.h"
#include "docker/DockerEndpoint.h"
#include "metrics/MetricsWithCpu.h"
#include "metrics/PrometheusMetrics.h"
#include "metrics/TraefikScrapeMetrics.h"
#include "redis/RedisConnection.h"
#include "rollout/RolloutEngine.h"
#include "store/SqliteHistoryStore.h"
#include "traefik/TraefikRouter.h"

#include "LoadGenerator.h"

#include "support/FaultProxy.h"
#include "support/IntegrationSupport.h"
#include "support/PrivateRedis.h"
#include "support/TestSwarm.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace optimist::test {

class FaultEnvironment
{
public:
    /// One rollout's composition and what it showed.
    struct Run
    {
        std::unique_ptr<SqliteHistoryStore> store;
        std::unique_ptr<DockerCluster> cluster;
        std::unique_ptr<TraefikRouter> router;
        std::unique_ptr<MetricsPort> traffic;
        std::unique_ptr<MetricsWithCpu> metrics;
        SystemClock clock;
        std::unique_ptr<RolloutEngine> engine;
        qint64 id = 0;
        QList<Decision> decisions;
        QList<JournalEvent> journal;
        std::optional<RolloutState> finalState;
        QString reason;

        QList<Decision> holds() const
        {
            QList<Decision> out;
            for (const Decision &d : decisions) {
                if (d.action == Decision::Action::Hold)
                    out << d;
            }
            return out;
        }
        /// Journal lines whose data.op is @p op ("weights", "confirmed", …).
        QList<JournalEvent> ops(const QString &op) const
        {
            QList<JournalEvent> out;
            for (const JournalEvent &e : journal) {
                if (e.data.value(QStringLiteral("op")).toString() == op)
                    out << e;
            }
            return out;
        }
        RolloutRecord stored() const { return store->rollout(id).value(); }
        QList<JournalEvent> history() const { return store->events(id).value(); }
        /// The stored decisions (as a post-mortem shows them), "ACTION: reason".
        QStringList storedDecisions() const
        {
            QStringList out;
            for (const JournalEvent &e : history()) {
                if (e.kind == JournalEvent::Kind::Decision)
                    out << e.data.value(QStringLiteral("action")).toString() +
                               QStringLiteral(": ") + e.message;
            }
            return out;
        }
        QString describe() const
        {
            QStringList lines;
            for (const JournalEvent &e : journal)
                lines << QStringLiteral("%1 %2 %3")
                             .arg(e.at.toString(QStringLiteral("HH:mm:ss.zzz")), stateName(e.state),
                                  e.message);
            return lines.join(QLatin1Char('\n'));
        }
    };

    enum class Metrics { Traefik, Prometheus };

    QString app;
    QString root;
    QString image;
    int bluePort = 0;
    int greenPort = 0;
    std::unique_ptr<PrivateRedis> redis;
    std::unique_ptr<FaultProxy> api;
    std::unique_ptr<FaultProxy> scrape;

    /// Skips without the servers; else APP-blue (v1) running and adopted at 100%, the stand-in
    /// serving it. Check QTest::currentTestFailed() afterwards.
    void initTestCase(QObject *context)
    {
        m_context = context;
        image = qEnvironmentVariable("OPTIMIST_TEST_DEMO_IMAGE");
        if (qEnvironmentVariableIsEmpty("OPTIMIST_TEST_DOCKER_HOST") || image.isEmpty()) {
            if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
                QFAIL("OPTIMIST_TEST_DOCKER_HOST and OPTIMIST_TEST_DEMO_IMAGE are not set");
            QSKIP("needs dockerd and the demo images: run ./scripts/test");
        }
        if (image.contains(QLatin1Char(':')))
            image.truncate(image.lastIndexOf(QLatin1Char(':')));
        const quint32 id = QRandomGenerator::global()->generate() % 1000000;
        app = QStringLiteral("fault%1").arg(id, 6, 10, QLatin1Char('0'));
        root = QStringLiteral("optimist-faults-%1").arg(id);
        bluePort = freePort();
        greenPort = freePort();
        QVERIFY(m_dir.isValid());

        redis = std::make_unique<PrivateRedis>();
        QVERIFY2(redis->start(), "redis-server did not start");
        RedisSettings admin;
        admin.address = redis->address();
        m_admin = std::make_unique<RedisConnection>(admin);

        auto endpoint = DockerEndpoint::parseHost(qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"),
                                                  false, QStringLiteral("test"));
        QVERIFY(endpoint);
        m_client = std::make_unique<DockerClient>(endpoint.value());
        const auto created =
            swarm().createService(app, Color::Blue, image + QStringLiteral(":v1"), bluePort);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        DockerCluster cluster(m_client.get(), DockerCluster::Options{});
        using namespace std::chrono_literals;
        auto healthy = await<ColorService>(
            [&](Reply<ColorService> reply) { cluster.waitHealthy(app, Color::Blue, 60s, reply); },
            m_context, 75s);
        QVERIFY2(healthy && healthy->ok(), "APP-blue never became healthy");

        startStandin();
        if (QTest::currentTestFailed())
            return;
        api = std::make_unique<FaultProxy>(QUrl(QStringLiteral("http://") + m_api));
        scrape = std::make_unique<FaultProxy>(QUrl(QStringLiteral("http://") + m_api));
    }

    void cleanupTestCase()
    {
        if (m_standin && m_standin->state() != QProcess::NotRunning) {
            m_standin->terminate();
            if (!m_standin->waitForFinished(5000))
                m_standin->kill();
            m_standin->waitForFinished(2000);
        }
        m_standin.reset();
        if (m_client) {
            swarm().removeServicesOf(app);
            QTRY_VERIFY_WITH_TIMEOUT(swarm().servicesOf(app).isEmpty(), 20000);
        }
        m_admin.reset();
        redis.reset();
        m_client.reset();
    }

    /// Before each test: Redis running, the proxies passing, APP at blue 100% with blue alone
    /// in the Swarm, and the stand-in serving only v1.
    void init()
    {
        redis->thaw();
        if (!redis->isRunning())
            QVERIFY(redis->start());
        api->setMode(FaultProxy::Mode::Pass);
        scrape->setMode(FaultProxy::Mode::Pass);
        if (swarm().servicesOf(app).contains(service(Color::Green))) {
            swarm().send("DELETE", QStringLiteral("/services/%1").arg(service(Color::Green)));
            QTRY_VERIFY_WITH_TIMEOUT(!swarm().servicesOf(app).contains(service(Color::Green)),
                                     20000);
        }
        // A rollout that succeeded removed blue: the next test starts from blue v1 again.
        if (!swarm().servicesOf(app).contains(service(Color::Blue))) {
            const auto created =
                swarm().createService(app, Color::Blue, image + QStringLiteral(":v1"), bluePort);
            QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        }
        // A loaded machine can fail blue's healthcheck for a moment: start from a healthy blue.
        DockerCluster cluster(m_client.get(), DockerCluster::Options{});
        using namespace std::chrono_literals;
        auto healthy = await<ColorService>(
            [&](Reply<ColorService> reply) { cluster.waitHealthy(app, Color::Blue, 60s, reply); },
            m_context, 75s);
        QVERIFY2(healthy && healthy->ok(), "APP-blue is not healthy");
        adopt();
        QVERIFY2(servesOnly(QStringLiteral("v1"), 20000),
                 "the stand-in does not serve APP-blue alone");
    }

    QString service(Color color) const { return app + QLatin1Char('-') + colorName(color); }
    TestSwarm swarm() { return TestSwarm(m_client.get(), m_context); }

    /// The plan of these tests: three steps, 3-s checks, short time limits.
    static RolloutPlan plan()
    {
        RolloutPlan p;
        p.steps = {10, 50, 100};
        p.checkIntervalSec = 3;
        p.minRequestsPerCheck = 5;
        // These tests judge how faults are handled, not the release: the limits on the
        // figures are wide, so a loaded test machine's latency never fails a check.
        p.latencyStatistic = LatencyStatistic::Mean;
        p.maxResponseTimeMs = 2000;
        p.threshold = 0;
        p.latencyMarginPct = 1000;
        p.inconclusiveLimit = 2;
        p.healthTimeoutSec = 40;
        p.confirmTimeoutSec = 4;
        p.drainSec = 1;
        return p;
    }

    /// The router as the product composes it, with 1-s timeouts; @p redisAddress and
    /// @p password override the Redis it writes to.
    TraefikRouterConfig routerConfig(const QString &redisAddress = {},
                                     const QString &password = {}) const
    {
        TraefikRouterConfig config;
        config.provider = TraefikRouterConfig::Provider::Redis;
        config.redis.address = redisAddress.isEmpty() ? redis->address() : redisAddress;
        config.redis.password = password;
        config.redis.connectTimeout = std::chrono::milliseconds(1000);
        config.redis.commandTimeout = std::chrono::milliseconds(1000);
        config.rootKey = root;
        config.api.url = api->url();
        config.api.requestTimeout = std::chrono::milliseconds(1000);
        config.version = TraefikNaming::Version::V3;
        config.entryPoints = {QStringLiteral("web")};
        TraefikAppRoute route;
        route.app = app;
        route.rule = QStringLiteral("Host(`%1.localhost`)").arg(app);
        config.applications = {route};
        config.childReadyTimeout = std::chrono::milliseconds(10000);
        return config;
    }

    /// A rollout's composition; @p prometheus: the metrics come from that URL's query API
    /// instead of the stand-in's /metrics (through the scrape proxy).
    std::unique_ptr<Run> compose(const TraefikRouterConfig &router, const QUrl &prometheus = {})
    {
        auto run = std::make_unique<Run>();
        auto store = SqliteHistoryStore::open(m_dir.filePath(
            QStringLiteral("history-%1.sqlite").arg(QRandomGenerator::global()->generate())));
        if (!store)
            qFatal("store: %s", qPrintable(store.error().message));
        run->store = std::move(store.value());
        run->cluster = std::make_unique<DockerCluster>(m_client.get(), DockerCluster::Options{});
        DockerCluster::AppSettings ports;
        ports.bluePort = bluePort;
        ports.greenPort = greenPort;
        run->cluster->setApplication(app, ports);
        run->router = std::make_unique<TraefikRouter>(router);
        if (prometheus.isEmpty()) {
            TraefikScrapeMetrics::Config config;
            config.url = scrape->url().resolved(QUrl(QStringLiteral("/metrics")));
            config.scrapeInterval = std::chrono::milliseconds(500);
            config.requestTimeout = std::chrono::milliseconds(1000);
            config.maxWait = std::chrono::milliseconds(2000);
            config.apps = {app};
            auto metrics = std::make_unique<TraefikScrapeMetrics>(config);
            metrics->start();
            run->traffic = std::move(metrics);
        } else {
            PrometheusMetrics::Config config;
            config.baseUrl = prometheus;
            config.timeout = std::chrono::milliseconds(1000);
            config.settleDelay = std::chrono::milliseconds(200);
            run->traffic = std::make_unique<PrometheusMetrics>(config);
        }
        run->metrics = std::make_unique<MetricsWithCpu>(run->traffic.get(), run->cluster.get());
        run->engine = std::make_unique<RolloutEngine>(
            RolloutPorts{run->cluster.get(), run->router.get(), run->metrics.get(), &run->clock,
                         run->store.get()});
        Run *r = run.get();
        QObject::connect(r->engine.get(), &RolloutEngine::decisionMade, r->engine.get(),
                         [r](const Decision &d) { r->decisions << d; });
        QObject::connect(r->engine.get(), &RolloutEngine::journaled, r->engine.get(),
                         [r](const JournalEvent &e) { r->journal << e; });
        QObject::connect(r->engine.get(), &RolloutEngine::finished, r->engine.get(),
                         [r](RolloutState s, const QString &reason) {
                             r->finalState = s;
                             r->reason = reason;
                         });
        return run;
    }

    /// Starts v2 on @p run under load and waits (at most @p timeoutMs) for its end; @p onState
    /// sees every state change on the way (to break a dependency at an exact point).
    void roll(Run &run, const std::function<void(RolloutState, int step)> &onState,
              int timeoutMs = 120000)
    {
        QObject::connect(run.engine.get(), &RolloutEngine::stateChanged, run.engine.get(),
                         [onState](RolloutState s, int step, int) {
                             if (onState)
                                 onState(s, step);
                         });
        loadgen::LoadGenerator::Options o;
        o.port = webPort();
        o.hostHeader = (app + QStringLiteral(".localhost")).toUtf8();
        o.ratePerSecond = 50;
        loadgen::LoadGenerator load(o);
        load.start();
        RolloutRequest request;
        request.app = app;
        request.environment = QStringLiteral("faults");
        request.version = QStringLiteral("v2");
        request.plan = plan();
        request.operatorName = QStringLiteral("fault-test");
        const auto id = run.engine->start(request);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        run.id = id.value();
        QDeadlineTimer deadline(timeoutMs);
        while (!run.finalState && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        load.stop();
        QDeadlineTimer drain(5000);
        while (load.inFlight() > 0 && !drain.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QVERIFY2(run.finalState,
                 qPrintable(QStringLiteral("the rollout did not end:\n") + run.describe()));
    }

    /// The children of APP's weighted service in Redis, "NAME=WEIGHT", sorted.
    QStringList weightsInRedis()
    {
        QStringList out;
        for (int i : {0, 1}) {
            const QString base =
                QStringLiteral("%1/http/services/%2/weighted/services/%3/").arg(root, app).arg(i);
            const auto r = command({"MGET", (base + QStringLiteral("name")).toUtf8(),
                                    (base + QStringLiteral("weight")).toUtf8()});
            if (!r || r.value().elements.size() != 2 || r.value().elements.at(0).isNil())
                continue;
            out << QString::fromUtf8(r.value().elements.at(0).text) + QLatin1Char('=') +
                       QString::fromUtf8(r.value().elements.at(1).text);
        }
        out.sort();
        return out;
    }

    /// Whether short probes through the stand-in get only 200s from @p version, until
    /// @p timeoutMs.
    bool servesOnly(const QString &version, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            loadgen::LoadGenerator::Options o;
            o.port = webPort();
            o.hostHeader = (app + QStringLiteral(".localhost")).toUtf8();
            o.ratePerSecond = 50;
            loadgen::LoadGenerator probe(o);
            probe.start();
            QTest::qWait(300);
            probe.stop();
            QDeadlineTimer drain(5000);
            while (probe.inFlight() > 0 && !drain.hasExpired())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            const loadgen::LoadSecond totals = probe.record().totals();
            if (totals.sent > 0 && totals.statuses.value(200) == totals.sent &&
                totals.version(version) == totals.sent)
                return true;
        }
        return false;
    }

    Result<RedisValue> command(const RedisConnection::Arguments &args)
    {
        using namespace std::chrono_literals;
        auto r = await<RedisValue>(
            [&](Reply<RedisValue> reply) {
                m_admin->command(args, [reply](const Result<RedisValue> &v) { reply(v); });
            },
            m_context, 10s);
        if (!r)
            return Error{Error::Kind::Timeout, QStringLiteral("no answer from Redis")};
        return *r;
    }

private:
    quint16 webPort() const { return quint16(m_web.section(QLatin1Char(':'), 1).toInt()); }

    /// APP at blue 100%, as an operator (or an earlier rollout) leaves it.
    void adopt()
    {
        const QString router = root + QStringLiteral("/http/routers/") + app;
        const QString weighted =
            root + QStringLiteral("/http/services/") + app + QStringLiteral("/weighted/");
        QVERIFY(command({"DEL", (weighted + QStringLiteral("services/1/name")).toUtf8(),
                         (weighted + QStringLiteral("services/1/weight")).toUtf8()})
                    .ok());
        RedisConnection::Arguments mset{"MSET"};
        const QList<std::pair<QString, QString>> keys{
            {router + QStringLiteral("/rule"), QStringLiteral("Host(`%1.localhost`)").arg(app)},
            {router + QStringLiteral("/service"), app},
            {router + QStringLiteral("/entrypoints/0"), QStringLiteral("web")},
            {weighted + QStringLiteral("services/0/name"),
             service(Color::Blue) + QStringLiteral("@swarm")},
            {weighted + QStringLiteral("services/0/weight"), QStringLiteral("100")},
            {weighted + QStringLiteral("sticky/cookie/name"), app + QStringLiteral("_color")},
            {weighted + QStringLiteral("sticky/cookie/httpOnly"), QStringLiteral("true")},
        };
        for (const auto &[key, value] : keys)
            mset << key.toUtf8() << value.toUtf8();
        QVERIFY(command(mset).ok());
    }

    void startStandin()
    {
        m_standin = std::make_unique<QProcess>();
        m_standin->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QString ready = m_dir.filePath(QStringLiteral("standin.ready"));
        const QString script =
            QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik-standin/standin.py");
        QVERIFY(QFile::exists(script));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("STANDIN_REDIS_USERNAME"));
        env.remove(QStringLiteral("STANDIN_REDIS_PASSWORD"));
        m_standin->setProcessEnvironment(env);
        m_standin->start(
            QStringLiteral("python3"),
            {script, QStringLiteral("--entrypoint"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--api"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--redis"),
             redis->address(), QStringLiteral("--redis-root"), root, QStringLiteral("--docker"),
             qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"), QStringLiteral("--swarm-refresh"),
             QStringLiteral("0.5"), QStringLiteral("--ready-file"), ready,
             QStringLiteral("--log-level"), QStringLiteral("ERROR")});
        QVERIFY(m_standin->waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ready), 15000);
        QFile file(ready);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject addresses = QJsonDocument::fromJson(file.readAll()).object();
        m_web = addresses.value(QStringLiteral("web")).toString();
        m_api = addresses.value(QStringLiteral("api")).toString();
        QVERIFY(!m_web.isEmpty() && !m_api.isEmpty());
    }

    QObject *m_context = nullptr;
    QTemporaryDir m_dir;
    QString m_web;
    QString m_api;
    std::unique_ptr<DockerClient> m_client;
    std::unique_ptr<RedisConnection> m_admin;
    std::unique_ptr<QProcess> m_standin;
};

} // namespace optimist::test
