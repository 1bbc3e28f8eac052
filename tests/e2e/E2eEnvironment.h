#pragma once

// The end-to-end tests' environment (DESIGN §7): the test dockerd (single-node Swarm with the
// optimist-demo images v1..v5), Redis as Traefik's KV provider and the Traefik stand-in as
// Traefik (its /metrics as the metrics source). Each test gets its own application name, Redis
// root key, stand-in and configuration folder, with the application already adopted: APP-blue
// running a version, its router and weighted service in Redis at blue 100%, serving through the
// stand-in before the rollout starts. cleanup() removes all of it, even after a failure. Options
// route through Traefik's file provider (a watched folder of YAML files) instead of Redis; the
// stand-in can be added to Prometheus' targets.

#include "docker/DockerClient.h"
#include "docker/DockerCluster.h"
#include "docker/DockerEndpoint.h"
#include "redis/RedisConnection.h"

#include "LoadGenerator.h"

#include "e2e/RolloutSteps.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <memory>

#include "support/IntegrationSupport.h"
#include "support/TestSwarm.h"

namespace optimist::test {

class E2eEnvironment
{
public:
    /// What one `optimist-cli … --json` run printed.
    struct CliRun
    {
        int exitCode = -1;
        QList<QJsonObject> lines;
        QString output; ///< stdout + stderr, for failure messages
        qint64 startedAtMs = 0;
        qint64 endedAtMs = 0;

        QList<QJsonObject> events(const QString &kind) const
        {
            QList<QJsonObject> out;
            for (const QJsonObject &o : lines)
                if (o.value(QStringLiteral("event")).toString() == kind)
                    out << o;
            return out;
        }
        /// Journal lines whose data.op is @p op ("weights", "confirmed", "remove", "create", …).
        QList<QJsonObject> journal(const QString &op) const
        {
            QList<QJsonObject> out;
            for (const QJsonObject &o : events(QStringLiteral("journal")))
                if (o.value(QStringLiteral("data")).toObject().value(QStringLiteral("op")) == op)
                    out << o;
            return out;
        }
        QJsonObject finished() const
        {
            const QList<QJsonObject> f = events(QStringLiteral("finished"));
            return f.isEmpty() ? QJsonObject() : f.last();
        }
        static QDateTime at(const QJsonObject &line)
        {
            return QDateTime::fromString(line.value(QStringLiteral("at")).toString(),
                                         Qt::ISODateWithMs);
        }
        /// The weight steps the journal lines show.
        RolloutSteps steps() const
        {
            RolloutSteps out;
            for (const QJsonObject &o : events(QStringLiteral("journal")))
                out.add(at(o), o.value(QStringLiteral("data")).toObject());
            out.endedAtMs = endedAtMs;
            return out;
        }
    };

    /// The plan of the scenarios: five steps, 5-s checks sized to 50 requests/s, the mean
    /// latency limited to 100 ms (so v4's +150 ms fails while the stand-in's own few ms pass).
    static QString plan(const QString &extra = {})
    {
        return QStringLiteral("  steps: [10, 25, 50, 75, 100]\n"
                              "  checkIntervalSec: 5\n"
                              "  minRequestsPerCheck: 10\n"
                              "  latencyStatistic: mean\n"
                              "  maxResponseTimeMs: 100\n"
                              "  healthTimeoutSec: 30\n"
                              "  confirmTimeoutSec: 15\n"
                              "  drainSec: 2\n") +
               extra;
    }

    struct Options
    {
        enum class Provider { Redis, File };
        QString app;                         ///< empty: a name of its own (e2eNNNNNN)
        Provider provider = Provider::Redis; ///< where the weighted service lives
    };

    QString app;
    QString root;
    QString image; ///< without tag
    int bluePort = 0;
    int greenPort = 0;

    /// With the default options: Redis, an application name of its own.
    void init(QObject *context) { init(context, Options()); }
    /// Skips (or fails under OPTIMIST_REQUIRE_SERVICES) without the servers; else starts the
    /// stand-in on the provider @p options names. Check QTest::currentTestFailed() afterwards.
    void init(QObject *context, const Options &options)
    {
        m_context = context;
        const bool required = qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES");
        m_redis = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
        image = qEnvironmentVariable("OPTIMIST_TEST_DEMO_IMAGE");
        if (qEnvironmentVariableIsEmpty("OPTIMIST_TEST_DOCKER_HOST") || image.isEmpty() ||
            m_redis.isEmpty()) {
            if (required)
                QFAIL("OPTIMIST_TEST_DOCKER_HOST, OPTIMIST_TEST_DEMO_IMAGE and "
                      "OPTIMIST_TEST_REDIS are not set");
            QSKIP("needs dockerd, the demo images and Redis: run ./scripts/test");
        }
        if (!QFile::exists(standinScript())) {
            if (required)
                QFAIL(qPrintable(QStringLiteral("the Traefik stand-in is missing: ") +
                                 standinScript()));
            QSKIP("needs the Traefik stand-in (tests/fixtures/traefik-standin)");
        }
        if (image.contains(QLatin1Char(':')))
            image.truncate(image.lastIndexOf(QLatin1Char(':')));
        const quint32 id = QRandomGenerator::global()->generate() % 1000000;
        app = options.app.isEmpty() ? QStringLiteral("e2e%1").arg(id, 6, 10, QLatin1Char('0'))
                                    : options.app;
        root = QStringLiteral("optimist-e2e-%1-%2").arg(QCoreApplication::applicationPid()).arg(id);
        bluePort = freePort();
        greenPort = freePort();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_fileDir.clear();
        if (options.provider == Options::Provider::File) {
            m_fileDir = m_dir->filePath(QStringLiteral("traefik-dynamic"));
            QVERIFY(QDir().mkpath(m_fileDir));
        }

        auto endpoint = DockerEndpoint::parseHost(qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"),
                                                  false, QStringLiteral("test"));
        QVERIFY(endpoint);
        m_client = std::make_unique<DockerClient>(endpoint.value());
        RedisSettings settings;
        settings.address = m_redis; // the default user, no password
        m_admin = std::make_unique<RedisConnection>(settings);
        startStandin();
    }

    void cleanup()
    {
        if (m_standin && m_standin->state() != QProcess::NotRunning) {
            m_standin->terminate();
            if (!m_standin->waitForFinished(5000))
                m_standin->kill();
            m_standin->waitForFinished(2000);
        }
        m_standin.reset();
        if (!m_targets.isEmpty())
            QFile::remove(m_targets);
        m_targets.clear();
        if (m_client) {
            swarm().removeServicesOf(app);
            QTRY_VERIFY_WITH_TIMEOUT(services().isEmpty(), 20000);
        }
        if (m_admin) {
            const auto keys = redis({"KEYS", (root + QStringLiteral("/*")).toUtf8()});
            if (keys && !keys.value().elements.isEmpty()) {
                RedisConnection::Arguments del{"DEL"};
                for (const RedisValue &key : keys.value().elements)
                    del.append(key.text);
                QVERIFY(redis(del).ok());
            }
        }
        m_admin.reset();
        m_client.reset();
        m_dir.reset();
    }

    /// The folders the environment profile (environments/e2e.yaml) and the history live in:
    /// optimist-cli's --config-dir and --data-dir, the desktop application's too.
    QString configDir() const { return m_dir->filePath(QStringLiteral("config")); }
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }

    TestSwarm swarm() { return TestSwarm(m_client.get(), m_context); }
    QStringList services() { return swarm().servicesOf(app); }
    QString service(Color color) const { return app + QLatin1Char('-') + colorName(color); }
    QByteArray hostHeader() const { return (app + QStringLiteral(".localhost")).toUtf8(); }
    quint16 webPort() const { return quint16(m_web.section(QLatin1Char(':'), 1).toInt()); }

    /// The stand-in's API (and /metrics) address, host:port.
    QString apiAddress() const { return m_api; }
    /// File provider: the folder of YAML files the stand-in watches; else empty.
    QString fileDir() const { return m_fileDir; }

    /// APP-blue on the demo image's @p tag, healthy; not in the router yet.
    void startBlue(const QString &tag)
    {
        const auto r =
            swarm().createService(app, Color::Blue, image + QLatin1Char(':') + tag, bluePort);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        DockerCluster cluster(m_client.get(), DockerCluster::Options{});
        using namespace std::chrono_literals;
        auto healthy = await<ColorService>(
            [&](Reply<ColorService> reply) { cluster.waitHealthy(app, Color::Blue, 60s, reply); },
            m_context, 75s);
        const bool ok = healthy && healthy->ok();
        QVERIFY2(ok, ok        ? ""
                     : healthy ? qPrintable(healthy->error().message)
                               : "waitHealthy never answered");
    }

    /// APP-blue on the demo image's @p tag, healthy, and adopted in the router at 100% as an
    /// operator (or an earlier rollout) would have left it; serving @p tag through the
    /// stand-in when this returns. Also writes the environment profile with @p plan (YAML
    /// lines under `plan:`).
    void adoptBlue(const QString &tag, const QString &plan)
    {
        QVERIFY2(m_fileDir.isEmpty(), "adoption is written to Redis only");
        startBlue(tag);
        if (QTest::currentTestFailed())
            return;

        const QString router = root + QStringLiteral("/http/routers/") + app;
        const QString weighted =
            root + QStringLiteral("/http/services/") + app + QStringLiteral("/weighted/");
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
        QVERIFY(redis(mset).ok());
        QVERIFY2(servesOnly(tag, 20000), "the stand-in never served the adopted blue color");
        writeProfile(plan);
    }

    /// Adds the stand-in to the targets Prometheus scrapes (a file_sd file of this
    /// environment's own beside OPTIMIST_TEST_PROMETHEUS_TARGETS, removed by cleanup()).
    void addPrometheusTarget()
    {
        const QString defaultTargets = qEnvironmentVariable("OPTIMIST_TEST_PROMETHEUS_TARGETS");
        QVERIFY(!defaultTargets.isEmpty());
        // Prometheus reads every *.json beside the default targets file.
        m_targets = QFileInfo(defaultTargets).dir().filePath(app + QStringLiteral(".json"));
        QFile targets(m_targets + QStringLiteral(".tmp"));
        QVERIFY(targets.open(QIODevice::WriteOnly));
        targets.write(QStringLiteral("[{\"targets\":[\"%1\"],\"labels\":{\"app\":\"%2\"}}]\n")
                          .arg(m_api, app)
                          .toUtf8());
        targets.close();
        QVERIFY(QFile::rename(targets.fileName(), m_targets));
    }

    /// The environment profile environments/e2e.yaml: this cluster, the router on the
    /// provider of the options, @p plan (YAML lines under `plan:`) and @p metrics (a YAML
    /// `metrics:` block; empty: the stand-in's /metrics).
    void writeProfile(const QString &plan, const QString &metrics = {})
    {
        QDir(m_dir->path()).mkpath(QStringLiteral("config/environments"));
        QFile profile(m_dir->filePath(QStringLiteral("config/environments/e2e.yaml")));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        const QString router =
            m_fileDir.isEmpty()
                ? QStringLiteral("  kind: redis\n  address: %1\n  rootKey: %2").arg(m_redis, root)
                : QStringLiteral("  kind: file\n  path: %1").arg(m_fileDir);
        const QString text =
            QStringLiteral(R"(name: e2e
cluster:
  kind: docker
  endpoint: %1
router:
%2
  apiUrl: http://%3
  traefikVersion: 3
  entryPoints: [web]
%4
applications:
  - name: %5
    ports: {blue: %6, green: %7}
    rule: Host(`%5.localhost`)
plan:
%8)")
                .arg(qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"), router, m_api,
                     metrics.isEmpty()
                         ? QStringLiteral("metrics:\n  kind: traefik\n  url: http://%1/metrics")
                               .arg(m_api)
                         : metrics,
                     app)
                .arg(bluePort)
                .arg(greenPort)
                .arg(plan);
        QVERIFY(profile.write(text.toUtf8()) > 0);
    }

    /// Whether a short probe through the stand-in gets only 200s from @p version, retried
    /// until @p timeoutMs.
    bool servesOnly(const QString &version, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            loadgen::LoadGenerator probe(loadOptions(50));
            probe.start();
            QTest::qWait(300);
            drain(probe);
            const loadgen::LoadSecond totals = probe.record().totals();
            if (totals.sent > 0 && totals.statuses.value(200) == totals.sent &&
                totals.version(version) == totals.sent)
                return true;
        }
        return false;
    }

    loadgen::LoadGenerator::Options loadOptions(int ratePerSecond) const
    {
        loadgen::LoadGenerator::Options o;
        o.port = webPort();
        o.hostHeader = hostHeader();
        o.ratePerSecond = ratePerSecond;
        return o;
    }

    /// `optimist-cli ARGS --env e2e --json` on this environment's folders; waits for its end
    /// (at most @p timeoutMs) with the event loop running, so a load generator keeps going.
    CliRun cli(const QStringList &arguments, int timeoutMs = 150000)
    {
        CliRun run;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DOCKER_HOST"));
        p.setProcessEnvironment(env);
        run.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        p.start(QStringLiteral(OPTIMIST_CLI),
                arguments + QStringList{QStringLiteral("--env"), QStringLiteral("e2e"),
                                        QStringLiteral("--json"), QStringLiteral("--config-dir"),
                                        configDir(), QStringLiteral("--data-dir"), dataDir()});
        if (!p.waitForStarted(10000)) {
            run.output = p.errorString();
            return run;
        }
        QDeadlineTimer deadline(timeoutMs);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        run.endedAtMs = QDateTime::currentMSecsSinceEpoch();
        if (p.state() != QProcess::NotRunning) {
            p.terminate();
            if (!p.waitForFinished(10000))
                p.kill();
            p.waitForFinished(5000);
            run.output =
                QStringLiteral("optimist-cli did not end within %1 s\n").arg(timeoutMs / 1000);
        } else {
            run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        }
        const QByteArray out = p.readAllStandardOutput();
        run.output += QString::fromUtf8(out) + QString::fromUtf8(p.readAllStandardError());
        for (const QByteArray &line : out.split('\n')) {
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (doc.isObject())
                run.lines << doc.object();
        }
        return run;
    }

    /// The children of the app's weighted service as the router's provider holds them,
    /// "NAME=WEIGHT", sorted: Redis keys, or the application's YAML file with the file provider.
    QStringList weightsInForce()
    {
        QStringList out;
        if (!m_fileDir.isEmpty()) {
            QFile file(QDir(m_fileDir).filePath(app + QStringLiteral(".yaml")));
            if (!file.open(QIODevice::ReadOnly))
                return {QStringLiteral("no file ") + file.fileName()};
            const YAML::Node children =
                YAML::Load(file.readAll().toStdString())["http"]["services"][app.toStdString()]
                                                        ["weighted"]["services"];
            for (const YAML::Node &child : children)
                out << QString::fromStdString(child["name"].as<std::string>()) + QLatin1Char('=') +
                           QString::number(child["weight"].as<int>());
            out.sort();
            return out;
        }
        for (int i : {0, 1}) {
            const QString base =
                QStringLiteral("%1/http/services/%2/weighted/services/%3/").arg(root, app).arg(i);
            const auto r = redis({"MGET", (base + QStringLiteral("name")).toUtf8(),
                                  (base + QStringLiteral("weight")).toUtf8()});
            if (!r || r.value().elements.size() != 2 || r.value().elements.at(0).isNil())
                continue;
            out << QString::fromUtf8(r.value().elements.at(0).text) + QLatin1Char('=') +
                       QString::fromUtf8(r.value().elements.at(1).text);
        }
        out.sort();
        return out;
    }

    /// Stops @p load and waits for its requests in flight.
    static void drain(loadgen::LoadGenerator &load)
    {
        load.stop();
        QDeadlineTimer deadline(8000);
        while (load.inFlight() > 0 && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }

private:
    Result<RedisValue> redis(const RedisConnection::Arguments &args)
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

    static QString standinScript()
    {
        const QString override = qEnvironmentVariable("OPTIMIST_TEST_TRAEFIK_STANDIN");
        return override.isEmpty() ? QStringLiteral(OPTIMIST_SOURCE_DIR
                                                   "/tests/fixtures/traefik-standin/standin.py")
                                  : override;
    }

    void startStandin()
    {
        m_standin = std::make_unique<QProcess>();
        m_standin->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("STANDIN_REDIS_USERNAME"));
        env.remove(QStringLiteral("STANDIN_REDIS_PASSWORD"));
        m_standin->setProcessEnvironment(env);
        const QString ready = m_dir->filePath(QStringLiteral("standin.ready"));
        const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                                   ? QStringLiteral("/usr/bin/python3")
                                   : QStringLiteral("python3");
        // The weighted services from Redis, or from the file provider's folder.
        const QStringList provider = m_fileDir.isEmpty()
                                         ? QStringList{QStringLiteral("--redis"), m_redis,
                                                       QStringLiteral("--redis-root"), root}
                                         : QStringList{QStringLiteral("--file-dir"), m_fileDir};
        m_standin->start(
            python, QStringList{standinScript(), QStringLiteral("--entrypoint"),
                                QStringLiteral("127.0.0.1:0"), QStringLiteral("--api"),
                                QStringLiteral("127.0.0.1:0")}
                        << provider
                        << QStringList{QStringLiteral("--docker"),
                                       qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"),
                                       QStringLiteral("--swarm-refresh"), QStringLiteral("0.5"),
                                       QStringLiteral("--ready-file"), ready,
                                       QStringLiteral("--log-level"), QStringLiteral("WARNING")});
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
    QString m_fileDir; ///< file provider: the stand-in's watched folder
    QString m_targets; ///< this environment's Prometheus file_sd file, when added
    QString m_redis;
    QString m_web;
    QString m_api;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DockerClient> m_client;
    std::unique_ptr<RedisConnection> m_admin;
    std::unique_ptr<QProcess> m_standin;
};

} // namespace optimist::test
