// `optimist-cli rollout` end to end against a real environment: the test dockerd (single-node
// Swarm, demo images), Redis as Traefik's KV provider, and the Traefik stand-in
// (tests/fixtures/traefik-standin) as Traefik: it reads the weights from Redis, discovers the
// colors from Swarm, proxies the test's load and serves /api and /metrics. Each test has its own
// application name and Redis root key and removes its services, keys and the stand-in, even when
// it fails.

#include "docker/DockerClient.h"
#include "docker/DockerCluster.h"
#include "docker/DockerEndpoint.h"
#include "redis/RedisConnection.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>

#include "support/IntegrationSupport.h"
#include "support/TestSwarm.h"

using namespace optimist;
using namespace std::chrono_literals;

namespace {

using optimist::test::await;
using optimist::test::freePort;

/// HTTP/1.0 GETs through the stand-in's entry point at a steady rate, one connection each;
/// records the status and X-Version of every answer and every connection error.
class LoadGenerator : public QObject
{
public:
    struct Answer
    {
        qint64 atMs = 0;
        int status = 0;  ///< 0: no answer (connection error or timeout)
        QString version; ///< X-Version
        QString error;   ///< what went wrong when status is 0
    };

    LoadGenerator(QString host, quint16 port, QByteArray hostHeader, int perSecond)
        : m_host(std::move(host))
        , m_port(port)
        , m_hostHeader(std::move(hostHeader))
    {
        m_timer.setInterval(1000 / perSecond);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { fire(); });
        m_clock.start();
    }

    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    int inFlight() const { return m_inFlight; }
    const QList<Answer> &answers() const { return m_answers; }

    /// The answers after @p fromMs (the generator's clock).
    QList<Answer> since(qint64 fromMs) const
    {
        QList<Answer> out;
        for (const Answer &a : m_answers)
            if (a.atMs >= fromMs)
                out << a;
        return out;
    }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    void fire()
    {
        auto *socket = new QTcpSocket(this);
        auto *timeout = new QTimer(socket);
        auto buffer = std::make_shared<QByteArray>();
        auto done = std::make_shared<bool>(false);
        ++m_inFlight;
        auto finish = [this, socket, buffer, done](const QString &error) {
            if (*done)
                return;
            *done = true;
            --m_inFlight;
            Answer a;
            a.atMs = m_clock.elapsed();
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end > 0) {
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> status = lines.first().trimmed().split(' ');
                a.status = status.size() > 1 ? status.at(1).toInt() : 0;
                for (const QByteArray &line : lines)
                    if (line.toLower().startsWith("x-version:"))
                        a.version = QString::fromUtf8(line.mid(10).trimmed());
            }
            if (a.status == 0)
                a.error = error.isEmpty() ? QStringLiteral("no HTTP answer") : error;
            m_answers << a;
            socket->deleteLater();
        };
        QObject::connect(socket, &QTcpSocket::connected, socket, [this, socket] {
            socket->write("GET / HTTP/1.0\r\nHost: " + m_hostHeader + "\r\n\r\n");
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [socket, buffer] { *buffer += socket->readAll(); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [finish] { finish({}); });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket,
                         [socket, finish](QAbstractSocket::SocketError e) {
                             if (e != QAbstractSocket::RemoteHostClosedError)
                                 finish(socket->errorString());
                         });
        QObject::connect(timeout, &QTimer::timeout, socket,
                         [finish] { finish(QStringLiteral("timeout")); });
        timeout->start(5000);
        socket->connectToHost(m_host, m_port);
    }

    QString m_host;
    quint16 m_port;
    QByteArray m_hostHeader;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<Answer> m_answers;
    int m_inFlight = 0;
};

} // namespace

class TestTraefikRollout : public QObject
{
    Q_OBJECT

    QString m_image;
    QString m_redis;
    QString m_app;
    QString m_root;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DockerClient> m_client;
    std::unique_ptr<RedisConnection> m_admin;
    std::unique_ptr<QProcess> m_standin;
    QString m_web;     ///< the stand-in's entry point host:port
    QString m_api;     ///< the stand-in's API host:port
    QString m_fileDir; ///< file provider mode: the stand-in's watched directory; else Redis
    QString m_targets; ///< this test's Prometheus file_sd file, when it uses Prometheus

    static QString standinScript()
    {
        const QString override = qEnvironmentVariable("OPTIMIST_TEST_TRAEFIK_STANDIN");
        if (!override.isEmpty())
            return override;
        return QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik-standin/standin.py");
    }

    static QString python()
    {
        return QFile::exists(QStringLiteral("/usr/bin/python3"))
                   ? QStringLiteral("/usr/bin/python3")
                   : QStringLiteral("python3");
    }

    test::TestSwarm swarm() { return test::TestSwarm(m_client.get(), this); }
    Result<DockerResponse> send(const QByteArray &method, const QString &path)
    {
        return swarm().send(method, path);
    }
    QStringList servicesOfApp() { return swarm().servicesOf(m_app); }

    /// APP-blue running the demo image's @p tag on the host network, listening on @p port,
    /// with the labels Optimist and Traefik's Swarm provider read.
    void createBlue(const QString &tag, int port)
    {
        const auto r =
            swarm().createService(m_app, Color::Blue, m_image + QLatin1Char(':') + tag, port);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        // Blue must be healthy before the rollout starts (PreChecks insist on it).
        DockerCluster cluster(m_client.get(), DockerCluster::Options{});
        auto healthy = await<ColorService>(
            [&](Reply<ColorService> reply) { cluster.waitHealthy(m_app, Color::Blue, 60s, reply); },
            this, 75s);
        const bool ok = healthy && healthy->ok();
        QVERIFY2(ok, ok        ? ""
                     : healthy ? qPrintable(healthy->error().message)
                               : "waitHealthy never answered");
    }

    Result<RedisValue> redis(const RedisConnection::Arguments &args)
    {
        auto r = await<RedisValue>(
            [&](Reply<RedisValue> reply) {
                m_admin->command(args, [reply](const Result<RedisValue> &v) { reply(v); });
            },
            this, 10s);
        if (!r)
            return Error{Error::Kind::Timeout, QStringLiteral("no answer from Redis")};
        return *r;
    }

    /// ROOT/http/services/APP/weighted/services/N/{name,weight} as "name=weight" lines.
    /// The children of the app's weighted service as the router's provider holds them,
    /// "NAME=WEIGHT", sorted: Redis keys, or the application's YAML file in file mode.
    QStringList weightsInForce()
    {
        QStringList out;
        if (!m_fileDir.isEmpty()) {
            QFile file(QDir(m_fileDir).filePath(m_app + QStringLiteral(".yaml")));
            if (!file.open(QIODevice::ReadOnly))
                return {QStringLiteral("no file ") + file.fileName()};
            const YAML::Node children =
                YAML::Load(file.readAll().toStdString())["http"]["services"][m_app.toStdString()]
                                                        ["weighted"]["services"];
            for (const YAML::Node &child : children)
                out << QString::fromStdString(child["name"].as<std::string>()) + QLatin1Char('=') +
                           QString::number(child["weight"].as<int>());
            out.sort();
            return out;
        }
        for (int i : {0, 1}) {
            const QString base = QStringLiteral("%1/http/services/%2/weighted/services/%3/")
                                     .arg(m_root, m_app)
                                     .arg(i);
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

    /// Waits until the stand-in's entry point answers @p version for the app's Host.
    bool servesOnly(const QString &version, std::chrono::milliseconds timeout)
    {
        QDeadlineTimer deadline(timeout.count());
        while (!deadline.hasExpired()) {
            LoadGenerator probe(QStringLiteral("127.0.0.1"), webPort(), hostHeader(), 50);
            probe.start();
            QTest::qWait(400);
            probe.stop();
            QDeadlineTimer settle(6000);
            while (probe.inFlight() > 0 && !settle.hasExpired())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            bool all = !probe.answers().isEmpty();
            for (const auto &a : probe.answers())
                all = all && a.status == 200 && a.version == version;
            if (all)
                return true;
        }
        return false;
    }

    quint16 webPort() const { return quint16(m_web.section(QLatin1Char(':'), 1).toInt()); }
    QByteArray hostHeader() const { return (m_app + QStringLiteral(".localhost")).toUtf8(); }

    void writeProfile(const QString &metricsYaml, int bluePort, int greenPort)
    {
        QDir(m_dir->path()).mkpath(QStringLiteral("config/environments"));
        QFile profile(m_dir->filePath(QStringLiteral("config/environments/e2e.yaml")));
        QVERIFY(profile.open(QIODevice::WriteOnly));
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
  steps: [50, 100]
  checkIntervalSec: 5
  minRequestsPerCheck: 20
  healthTimeoutSec: 40
  confirmTimeoutSec: 15
  drainSec: 1
)")
                .arg(qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"),
                     m_fileDir.isEmpty()
                         ? QStringLiteral("  kind: redis\n  address: %1\n"
                                          "  rootKey: %2")
                               .arg(m_redis, m_root)
                         : QStringLiteral("  kind: file\n  path: %1").arg(m_fileDir),
                     m_api, metricsYaml, m_app)
                .arg(bluePort)
                .arg(greenPort);
        QVERIFY(profile.write(text.toUtf8()) > 0);
    }

    struct CliRun
    {
        int exitCode = -1;
        QList<QJsonObject> lines;
        QString output; ///< stdout + stderr, for failure messages
    };

    /// Runs `optimist-cli rollout VERSION --env e2e --json` while the load keeps going.
    CliRun rollout(const QString &version, LoadGenerator &load)
    {
        CliRun run;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DOCKER_HOST"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(OPTIMIST_CLI),
                {QStringLiteral("rollout"), version, QStringLiteral("--env"), QStringLiteral("e2e"),
                 QStringLiteral("--json"), QStringLiteral("--config-dir"),
                 m_dir->filePath(QStringLiteral("config")), QStringLiteral("--data-dir"),
                 m_dir->filePath(QStringLiteral("data"))});
        if (!p.waitForStarted(10000)) {
            run.output = p.errorString();
            return run;
        }
        load.start();
        QDeadlineTimer deadline(120000);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (p.state() != QProcess::NotRunning) {
            p.terminate();
            if (!p.waitForFinished(10000))
                p.kill();
            p.waitForFinished(5000);
            run.output = QStringLiteral("the rollout did not end within 120 s\n");
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

    static QList<QJsonObject> events(const CliRun &run, const QString &kind)
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : run.lines)
            if (o.value(QStringLiteral("event")).toString() == kind)
                out << o;
        return out;
    }

    static QString describe(const QList<LoadGenerator::Answer> &answers)
    {
        QMap<QString, int> counts;
        for (const auto &a : answers)
            ++counts[a.status ? QStringLiteral("%1 %2").arg(a.status).arg(a.version) : a.error];
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            parts << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
        return parts.join(QStringLiteral(", "));
    }

    /// v1 → v2 under load, through the router and metrics @p metricsYaml names: it succeeds,
    /// every check saw both colors' traffic, the router ends on green alone, users saw no error.
    void rollOutHealthyVersion(const QString &metricsYaml)
    {
        const int bluePort = freePort();
        const int greenPort = freePort();
        createBlue(QStringLiteral("v1"), bluePort);
        writeProfile(metricsYaml, bluePort, greenPort);
        if (QTest::currentTestFailed())
            return;

        LoadGenerator load(QStringLiteral("127.0.0.1"), webPort(), hostHeader(), 50);
        const CliRun run = rollout(QStringLiteral("v2"), load);
        // Users keep using the application after the rollout ended.
        QTest::qWait(3000);
        load.stop();
        QDeadlineTimer settle(6000);
        while (load.inFlight() > 0 && !settle.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(!run.lines.isEmpty());
        QCOMPARE(run.lines.last().value(QStringLiteral("event")).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(run.lines.last().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("succeeded"));

        // Every check saw traffic on both colors and none was inconclusive.
        const QList<QJsonObject> checks = events(run, QStringLiteral("check"));
        QVERIFY2(!checks.isEmpty(), qPrintable(run.output));
        for (const QJsonObject &c : checks) {
            QVERIFY2(c.value(QStringLiteral("verdict")).toString() !=
                         QStringLiteral("inconclusive"),
                     qPrintable(run.output));
            QVERIFY2(c.value(QStringLiteral("canary"))
                             .toObject()
                             .value(QStringLiteral("requests"))
                             .toInteger() > 0,
                     qPrintable(run.output));
            if (c.value(QStringLiteral("weight")).toInt() < 100)
                QVERIFY2(c.value(QStringLiteral("baseline"))
                                 .toObject()
                                 .value(QStringLiteral("requests"))
                                 .toInteger() > 0,
                         qPrintable(run.output));
        }

        // The router's configuration: green alone at 100 (blue, gone from Swarm, is no longer
        // listed: Traefik would fail the whole weighted service over it).
        QCOMPARE(weightsInForce(), (QStringList{m_app + QStringLiteral("-green@swarm=100")}));
        QTRY_COMPARE_WITH_TIMEOUT(servicesOfApp(), QStringList{m_app + QStringLiteral("-green")},
                                  15000);

        // The users: v2 answered, no 5xx, no connection error. Before the first weight write
        // the app is not in the router yet (404), which is not an error of the rollout.
        int v2 = 0;
        QList<LoadGenerator::Answer> bad;
        for (const auto &a : load.answers()) {
            if (a.status == 200 && a.version == QStringLiteral("v2"))
                ++v2;
            if (a.status == 0 || a.status >= 500)
                bad << a;
        }
        QVERIFY2(v2 > 0, qPrintable(describe(load.answers())));
        // The removed color is no longer listed in the weighted service (Traefik would fail the
        // whole service over a child it cannot build): the application keeps serving.
        QVERIFY2(bad.isEmpty(), qPrintable(describe(load.answers())));
        QVERIFY(servesOnly(QStringLiteral("v2"), 10s));
    }

private Q_SLOTS:
    void init()
    {
        const bool required = qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES");
        m_redis = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
        m_image = qEnvironmentVariable("OPTIMIST_TEST_DEMO_IMAGE");
        if (qEnvironmentVariableIsEmpty("OPTIMIST_TEST_DOCKER_HOST") || m_image.isEmpty() ||
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
        if (m_image.contains(QLatin1Char(':')))
            m_image.truncate(m_image.lastIndexOf(QLatin1Char(':')));
        const quint32 id = QRandomGenerator::global()->generate() % 1000000;
        m_app = QStringLiteral("e2e%1").arg(id, 6, 10, QLatin1Char('0'));
        m_root =
            QStringLiteral("optimist-e2e-%1-%2").arg(QCoreApplication::applicationPid()).arg(id);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());

        auto endpoint = DockerEndpoint::parseHost(qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"),
                                                  false, QStringLiteral("test"));
        QVERIFY(endpoint);
        m_client = std::make_unique<DockerClient>(endpoint.value());
        RedisSettings settings;
        settings.address = m_redis; // the default user, no password
        m_admin = std::make_unique<RedisConnection>(settings);

        m_standin = std::make_unique<QProcess>();
        m_standin->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("STANDIN_REDIS_USERNAME"));
        env.remove(QStringLiteral("STANDIN_REDIS_PASSWORD"));
        m_standin->setProcessEnvironment(env);
        const QString ready = m_dir->filePath(QStringLiteral("standin.ready"));
        // Tests named "…File…" route through Traefik's file provider, the others through Redis.
        QStringList provider{QStringLiteral("--redis"), m_redis, QStringLiteral("--redis-root"),
                             m_root};
        m_fileDir.clear();
        if (QString::fromLatin1(QTest::currentTestFunction()).contains(QLatin1String("File"))) {
            m_fileDir = m_dir->filePath(QStringLiteral("traefik-dynamic"));
            QVERIFY(QDir().mkpath(m_fileDir));
            provider = {QStringLiteral("--file-dir"), m_fileDir};
        }
        m_standin->start(
            python(), QStringList{standinScript(), QStringLiteral("--entrypoint"),
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
            for (const QString &name : servicesOfApp())
                send("DELETE", QStringLiteral("/services/%1").arg(name));
            QTRY_VERIFY_WITH_TIMEOUT(servicesOfApp().isEmpty(), 15000);
        }
        if (m_admin) {
            const auto keys = redis({"KEYS", (m_root + QStringLiteral("/*")).toUtf8()});
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

    void healthyVersionRollsOutUnderLoad()
    {
        rollOutHealthyVersion(
            QStringLiteral("metrics:\n  kind: traefik\n  url: http://%1/metrics").arg(m_api));
    }

    /// The other provider and the other metrics source: Traefik's file provider (one YAML file
    /// per application, replaced atomically) and windows from Prometheus scraping the stand-in.
    void healthyVersionRollsOutThroughFileAndPrometheus()
    {
        const QString prometheus = qEnvironmentVariable("OPTIMIST_TEST_PROMETHEUS");
        const QString defaultTargets = qEnvironmentVariable("OPTIMIST_TEST_PROMETHEUS_TARGETS");
        if (prometheus.isEmpty() || defaultTargets.isEmpty()) {
            if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
                QFAIL("OPTIMIST_TEST_PROMETHEUS(_TARGETS) not set although services are required");
            QSKIP("needs Prometheus: run ./scripts/test");
        }
        // Prometheus reads every *.json beside the default targets file: this test's own.
        m_targets = QFileInfo(defaultTargets).dir().filePath(m_app + QStringLiteral(".json"));
        QFile targets(m_targets + QStringLiteral(".tmp"));
        QVERIFY(targets.open(QIODevice::WriteOnly));
        targets.write(QStringLiteral("[{\"targets\":[\"%1\"],\"labels\":{\"app\":\"%2\"}}]\n")
                          .arg(m_api, m_app)
                          .toUtf8());
        targets.close();
        QVERIFY(QFile::rename(targets.fileName(), m_targets));
        rollOutHealthyVersion(
            QStringLiteral("metrics:\n  kind: prometheus\n  url: %1\n  traefikVersion: 3\n"
                           "  settleSec: 3")
                .arg(prometheus));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFileInfo(QDir(m_fileDir).filePath(m_app + QStringLiteral(".yaml"))).isFile());
    }

    void erroringVersionRollsBackToBlue()
    {
        const int bluePort = freePort();
        const int greenPort = freePort();
        createBlue(QStringLiteral("v1"), bluePort);
        writeProfile(
            QStringLiteral("metrics:\n  kind: traefik\n  url: http://%1/metrics").arg(m_api),
            bluePort, greenPort);
        if (QTest::currentTestFailed())
            return;

        LoadGenerator load(QStringLiteral("127.0.0.1"), webPort(), hostHeader(), 50);
        const CliRun run = rollout(QStringLiteral("v3"), load);
        // Users keep using the application after the rollout ended.
        QTest::qWait(3000);
        load.stop();
        QDeadlineTimer settle(6000);
        while (load.inFlight() > 0 && !settle.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

        QVERIFY2(run.exitCode == 3, qPrintable(run.output));
        QCOMPARE(run.lines.last().value(QStringLiteral("event")).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(run.lines.last().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("rolled_back"));
        const QString reason = run.lines.last().value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("error"), Qt::CaseInsensitive), qPrintable(reason));

        QCOMPARE(weightsInForce(), (QStringList{m_app + QStringLiteral("-blue@swarm=100")}));
        QTRY_COMPARE_WITH_TIMEOUT(servicesOfApp(), QStringList{m_app + QStringLiteral("-blue")},
                                  15000);
        // v3's errors reached users while it was a canary; the answers at the end are v1 only.
        bool sawV3 = false;
        for (const auto &a : load.answers())
            sawV3 = sawV3 || a.version == QStringLiteral("v3");
        QVERIFY2(sawV3, qPrintable(describe(load.answers())));
        // The removed color is no longer listed in the weighted service (Traefik would fail the
        // whole service over a child it cannot build): the application keeps serving.
        QVERIFY(servesOnly(QStringLiteral("v1"), 10s));
    }
};

QTEST_GUILESS_MAIN(TestTraefikRollout)
#include "tst_traefikrollout.moc"
