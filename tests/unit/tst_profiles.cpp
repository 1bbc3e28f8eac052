#include "config/Locations.h"
#include "profiles/ProfileLoader.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace optimist;

namespace {

const char kMinimalSandbox[] = "cluster:\n"
                               "  kind: sandbox\n"
                               "  scenario: healthy\n";

/// A docker cluster with everything it needs, for errors in the other sections.
const char kDockerHead[] = "cluster:\n"                              // 1
                           "  kind: docker\n"                        // 2
                           "router:\n"                               // 3
                           "  kind: file\n"                          // 4
                           "  path: dynamic.yaml\n"                  // 5
                           "  apiUrl: http://127.0.0.1:8080\n"       // 6
                           "metrics:\n"                              // 7
                           "  kind: traefik\n"                       // 8
                           "  url: http://127.0.0.1:8082/metrics\n"; // 9

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void loadsEveryField()
    {
        const QString path = write(QStringLiteral("staging.yaml"),
                                   "name: staging-eu\n"
                                   "description: Staging, Frankfurt\n"
                                   "cluster:\n"
                                   "  kind: docker\n"
                                   "  endpoint: tcp://docker.staging:2376\n"
                                   "  tlsCertPath: certs/staging\n"
                                   "  tlsVerify: true\n"
                                   "router:\n"
                                   "  kind: redis\n"
                                   "  address: redis.staging:6379\n"
                                   "  database: 2\n"
                                   "  rootKey: traefik\n"
                                   "  password: keychain:optimist/redis-staging\n"
                                   "  apiUrl: http://traefik.staging:8080\n"
                                   "  traefikVersion: 3\n"
                                   "  entryPoints: [web, websecure]\n"
                                   "metrics:\n"
                                   "  kind: prometheus\n"
                                   "  url: http://prometheus.staging:9090\n"
                                   "applications:\n"
                                   "  - name: portal\n"
                                   "    service: portal-web\n"
                                   "    healthUrl: https://portal.staging/healthz\n"
                                   "    stickyCookie: portal_color\n"
                                   "  - name: billing\n"
                                   "plan:\n"
                                   "  steps: [5, 20, 100]\n"
                                   "  checkIntervalSec: 30\n"
                                   "  checksPerStep: 2\n"
                                   "  threshold: 80.5\n"
                                   "  latencyStatistic: mean\n"
                                   "  keepFailedColor: true\n"
                                   "  coefficients:\n"
                                   "    latencyBase: 250\n"
                                   "  hookCommand: [migrate, --to, latest]\n"
                                   "secrets:\n"
                                   "  registryToken: keychain:optimist/registry.example.com\n");
        const auto loaded = ProfileLoader::loadFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const EnvironmentProfile &p = loaded.value();

        QCOMPARE(p.name, QStringLiteral("staging-eu"));
        QCOMPARE(p.sourceFile, QFileInfo(path).absoluteFilePath());
        QCOMPARE(p.description, QStringLiteral("Staging, Frankfurt"));

        QCOMPARE(p.cluster.kind, QStringLiteral("docker"));
        QCOMPARE(p.cluster.settings.size(), 3);
        QCOMPARE(p.cluster.settings.value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("tcp://docker.staging:2376"));
        QCOMPARE(p.cluster.settings.value(QStringLiteral("tlsCertPath")).toString(),
                 m_dir->filePath(QStringLiteral("certs/staging")));
        QCOMPARE(p.cluster.settings.value(QStringLiteral("tlsVerify")).typeId(), QMetaType::Bool);
        QCOMPARE(p.cluster.settings.value(QStringLiteral("tlsVerify")).toBool(), true);

        QCOMPARE(p.router.kind, QStringLiteral("redis"));
        QCOMPARE(p.router.settings.value(QStringLiteral("address")).toString(),
                 QStringLiteral("redis.staging:6379"));
        QCOMPARE(p.router.settings.value(QStringLiteral("database")).typeId(), QMetaType::Int);
        QCOMPARE(p.router.settings.value(QStringLiteral("database")).toInt(), 2);
        QCOMPARE(p.router.settings.value(QStringLiteral("rootKey")).toString(),
                 QStringLiteral("traefik"));
        QCOMPARE(p.router.settings.value(QStringLiteral("password")).toString(),
                 QStringLiteral("keychain:optimist/redis-staging"));
        QCOMPARE(p.router.settings.value(QStringLiteral("apiUrl")).toString(),
                 QStringLiteral("http://traefik.staging:8080"));
        QCOMPARE(p.router.settings.value(QStringLiteral("traefikVersion")).toInt(), 3);
        QCOMPARE(p.router.settings.value(QStringLiteral("entryPoints")).toStringList(),
                 QStringList({QStringLiteral("web"), QStringLiteral("websecure")}));

        QCOMPARE(p.metrics.kind, QStringLiteral("prometheus"));
        QCOMPARE(p.metrics.settings.value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://prometheus.staging:9090"));

        QCOMPARE(p.applications.size(), 2);
        QCOMPARE(p.applications[0].name, QStringLiteral("portal"));
        QCOMPARE(p.applications[0].settings.value(QStringLiteral("service")).toString(),
                 QStringLiteral("portal-web"));
        QCOMPARE(p.applications[0].settings.value(QStringLiteral("healthUrl")).toString(),
                 QStringLiteral("https://portal.staging/healthz"));
        QCOMPARE(p.applications[0].settings.value(QStringLiteral("stickyCookie")).toString(),
                 QStringLiteral("portal_color"));
        QVERIFY(!p.applications[0].settings.contains(QStringLiteral("name")));
        QCOMPARE(p.applications[1].name, QStringLiteral("billing"));
        QVERIFY(p.applications[1].settings.isEmpty());
        QCOMPARE(p.application(QStringLiteral("billing")), &p.applications[1]);
        QCOMPARE(p.application(QStringLiteral("nope")), nullptr);

        QCOMPARE(p.plan.steps, QList<int>({5, 20, 100}));
        QCOMPARE(p.plan.checkIntervalSec, 30);
        QCOMPARE(p.plan.checksPerStep, 2);
        QCOMPARE(p.plan.threshold, 80.5);
        QCOMPARE(p.plan.latencyStatistic, LatencyStatistic::Mean);
        QCOMPARE(p.plan.keepFailedColor, true);
        QCOMPARE(p.plan.coefficients.latencyBase, 250.0);
        QCOMPARE(p.plan.coefficients.errorWeight, BioEnergyCoefficients().errorWeight);
        QCOMPARE(p.plan.hookCommand, QStringList({QStringLiteral("migrate"), QStringLiteral("--to"),
                                                  QStringLiteral("latest")}));
        QCOMPARE(p.plan.maxCpuPct, RolloutPlan().maxCpuPct); // not given: the default

        QCOMPARE(p.secretReferences.size(), 2);
        QCOMPARE(p.secretReferences.value(QStringLiteral("registryToken")),
                 QStringLiteral("keychain:optimist/registry.example.com"));
        QCOMPARE(p.secretReferences.value(QStringLiteral("router.password")),
                 QStringLiteral("keychain:optimist/redis-staging"));
    }

    void sandboxDefaults()
    {
        const auto loaded =
            ProfileLoader::loadFile(write(QStringLiteral("demo.yml"), kMinimalSandbox));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const EnvironmentProfile &p = loaded.value();
        QCOMPARE(p.name, QStringLiteral("demo")); // from the file name
        QCOMPARE(p.cluster.kind, QStringLiteral("sandbox"));
        QCOMPARE(p.cluster.settings.value(QStringLiteral("scenario")).toString(),
                 QStringLiteral("healthy"));
        QCOMPARE(p.router.kind, QStringLiteral("sandbox"));
        QCOMPARE(p.metrics.kind, QStringLiteral("sandbox"));
        QVERIFY(p.applications.isEmpty());
        QVERIFY(p.secretReferences.isEmpty());
        QCOMPARE(p.plan.toJson(), RolloutPlan().toJson());
    }

    void scenarioPathIsRelativeToTheProfile()
    {
        const auto loaded = ProfileLoader::loadFile(write(QStringLiteral("slow.yaml"),
                                                          "cluster:\n"
                                                          "  kind: sandbox\n"
                                                          "  scenario: ../scenarios/slow.json\n"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().cluster.settings.value(QStringLiteral("scenario")).toString(),
                 QDir::cleanPath(m_dir->path() + QStringLiteral("/../scenarios/slow.json")));
    }

    void shippedSandboxProfile()
    {
        const QString path = QStringLiteral(OPTIMIST_SOURCE_DIR "/resources/profiles/sandbox.yaml");
        const auto loaded = ProfileLoader::loadFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const EnvironmentProfile &p = loaded.value();
        QCOMPARE(p.name, QStringLiteral("sandbox"));
        QCOMPARE(p.cluster.kind, QStringLiteral("sandbox"));
        QCOMPARE(p.cluster.settings.value(QStringLiteral("scenario")).toString(),
                 QStringLiteral("healthy"));
        QCOMPARE(p.router.kind, QStringLiteral("sandbox"));
        QCOMPARE(p.metrics.kind, QStringLiteral("sandbox"));
        QCOMPARE(p.applications.size(), 1);
        QCOMPARE(p.plan.steps, QList<int>({10, 25, 50, 75, 100}));
        QVERIFY(p.plan.validate().isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");

        const QByteArray sandbox(kMinimalSandbox); // lines 1-3

        QTest::newRow("YAML syntax: unclosed list")
            << QByteArray("cluster:\n  kind: sandbox\n  scenario: [healthy\nplan: {}\n") << 4
            << QString() << QStringLiteral("invalid YAML: end of sequence flow not found");
        QTest::newRow("YAML syntax: tab indentation")
            << QByteArray("cluster:\n\tkind: sandbox\n") << 2 << QString()
            << QStringLiteral("invalid YAML");
        QTest::newRow("empty file")
            << QByteArray() << 1 << QString() << QStringLiteral("the profile is empty");
        QTest::newRow("not a map") << QByteArray("- cluster\n") << 1 << QString()
                                   << QStringLiteral("a profile is a map of keys");

        QTest::newRow("unknown top-level key")
            << sandbox + "clutser:\n  kind: docker\n"
            << 4 << QStringLiteral("clutser")
            << QStringLiteral("unknown key `clutser`; expected one of: name, description, cluster");
        QTest::newRow("unknown setting") << sandbox + "  speed: 120\n"
                                         << 4 << QStringLiteral("cluster.speed")
                                         << QStringLiteral("unknown key `speed` for kind sandbox");
        QTest::newRow("setting on a kind without settings")
            << sandbox + "router:\n  kind: sandbox\n  address: x\n"
            << 6 << QStringLiteral("router.address")
            << QStringLiteral("unknown key `address`; kind sandbox takes no settings");
        QTest::newRow("unknown plan field")
            << sandbox + "plan:\n  stepz: [10, 100]\n"
            << 5 << QStringLiteral("plan.stepz") << QStringLiteral("unknown plan field stepz");
        QTest::newRow("unknown coefficient") << sandbox + "plan:\n  coefficients:\n    cpuBias: 1\n"
                                             << 6 << QStringLiteral("plan.coefficients.cpuBias")
                                             << QStringLiteral("unknown coefficient cpuBias");
        QTest::newRow("repeated key") << sandbox + "  scenario: flaky\n"
                                      << 4 << QStringLiteral("cluster.scenario")
                                      << QStringLiteral("appears twice (first on line 3)");

        QTest::newRow("wrong type: plan number") << sandbox + "plan:\n  checkIntervalSec: soon\n"
                                                 << 5 << QStringLiteral("plan.checkIntervalSec")
                                                 << QStringLiteral("must be a whole number");
        QTest::newRow("wrong type: quoted number stays text")
            << sandbox + "plan:\n  threshold: \"70\"\n"
            << 5 << QStringLiteral("plan.threshold")
            << QStringLiteral("threshold must be a number");
        QTest::newRow("wrong type: applications")
            << sandbox + "applications: portal\n"
            << 4 << QStringLiteral("applications") << QStringLiteral("must be a list");
        QTest::newRow("wrong type: component")
            << QByteArray("cluster: sandbox\n") << 1 << QStringLiteral("cluster")
            << QStringLiteral("must be a map with `kind:`");
        QTest::newRow("wrong type: bool setting")
            << QByteArray(kDockerHead)
                   .replace("  kind: docker\n", "  kind: docker\n  tlsVerify: maybe\n")
            << 3 << QStringLiteral("cluster.tlsVerify") << QStringLiteral("must be true or false");
        QTest::newRow("wrong type: list")
            << QByteArray(kDockerHead)
                   .replace("  path: dynamic.yaml\n", "  path: dynamic.yaml\n  entryPoints: web\n")
            << 6 << QStringLiteral("router.entryPoints") << QStringLiteral("must be a list");
        QTest::newRow("out of range: traefikVersion")
            << QByteArray(kDockerHead)
                   .replace("  path: dynamic.yaml\n", "  path: dynamic.yaml\n  traefikVersion: 4\n")
            << 6 << QStringLiteral("router.traefikVersion")
            << QStringLiteral("must be a whole number from 2 to 3");
        QTest::newRow("not a URL")
            << QByteArray(kDockerHead).replace("http://127.0.0.1:8080", "traefik:8080") << 6
            << QStringLiteral("router.apiUrl") << QStringLiteral("is not an http(s) URL");

        QTest::newRow("plan steps, flow list")
            << sandbox + "plan:\n  checksPerStep: 1\n  steps: [25, 10, 50, 75, 100]\n"
            << 6 << QStringLiteral("plan.steps")
            << QStringLiteral("step 2 (10%) is not above step 1 (25%)");
        QTest::newRow("plan steps, block list")
            << sandbox + "plan:\n  steps:\n    - 10\n    - 50\n    - 90\n"
            << 5 << QStringLiteral("plan.steps") << QStringLiteral("the last step is 90%");
        QTest::newRow("plan steps, not numbers")
            << sandbox + "plan:\n  steps: [ten, 100]\n"
            << 5 << QStringLiteral("plan.steps") << QStringLiteral("a list of whole percentages");
        QTest::newRow("plan out of range")
            << sandbox + "plan:\n\n  threshold: 200\n"
            << 6 << QStringLiteral("plan.threshold") << QStringLiteral("threshold is 200");
        QTest::newRow("plan not a map")
            << sandbox + "plan: fast\n"
            << 4 << QStringLiteral("plan") << QStringLiteral("must be a map of plan fields");

        QTest::newRow("literal password")
            << QByteArray(kDockerHead)
                   .replace("  kind: file\n  path: dynamic.yaml\n",
                            "  kind: redis\n  address: 127.0.0.1:6379\n  password: hunter2\n")
            << 6 << QStringLiteral("router.password")
            << QStringLiteral("secrets are never written in profiles; store it in the keychain and "
                              "write `keychain:SERVICE/ACCOUNT`");
        QTest::newRow("literal API key under an unknown key")
            << sandbox + "  API_KEY: hunter2\n"
            << 4 << QStringLiteral("cluster.API_KEY")
            << QStringLiteral("secrets are never written in profiles");
        QTest::newRow("literal private key in an application")
            << sandbox + "applications:\n  - name: portal\n    privateKey: hunter2\n"
            << 6 << QStringLiteral("applications[0].privateKey")
            << QStringLiteral("secrets are never written in profiles");
        QTest::newRow("literal in secrets") << sandbox + "secrets:\n  registry: hunter2\n"
                                            << 5 << QStringLiteral("secrets.registry")
                                            << QStringLiteral("secrets are never written");
        QTest::newRow("bad keychain reference")
            << sandbox + "secrets:\n  registryToken: keychain:registry\n"
            << 5 << QStringLiteral("secrets.registryToken")
            << QStringLiteral("`keychain:registry` is not a keychain reference");

        QTest::newRow("registry without its password")
            << QByteArray(kDockerHead)
                   .replace("  kind: docker\n", "  kind: docker\n  registryServer: reg.example\n"
                                                "  registryUser: deploy\n")
            << 1 << QStringLiteral("cluster.registryPassword")
            << QStringLiteral("registry credentials need registryServer, registryUser and "
                              "registryPassword together");
        QTest::newRow("literal registry password")
            << QByteArray(kDockerHead)
                   .replace("  kind: docker\n", "  kind: docker\n  registryPassword: hunter2\n")
            << 3 << QStringLiteral("cluster.registryPassword")
            << QStringLiteral("secrets are never written in profiles");

        QTest::newRow("missing cluster") << QByteArray("name: lonely\n") << 1
                                         << QStringLiteral("cluster") << QStringLiteral("missing");
        QTest::newRow("missing kind")
            << QByteArray("cluster:\n  scenario: healthy\n") << 1 << QStringLiteral("cluster.kind")
            << QStringLiteral("missing; one of: sandbox, docker");
        QTest::newRow("missing scenario")
            << QByteArray("name: demo\ncluster:\n  kind: sandbox\n") << 2
            << QStringLiteral("cluster.scenario")
            << QStringLiteral("missing; a sandbox cluster needs a scenario");
        QTest::newRow("empty scenario")
            << QByteArray("cluster:\n  kind: sandbox\n  scenario:\n") << 3
            << QStringLiteral("cluster.scenario") << QStringLiteral("is empty");
        QTest::newRow("unknown cluster kind")
            << QByteArray("cluster:\n  kind: kubernetes\n") << 2 << QStringLiteral("cluster.kind")
            << QStringLiteral("unknown kind `kubernetes`; one of: sandbox, docker");
        QTest::newRow("unknown router kind")
            << sandbox + "router:\n  kind: consul\n"
            << 5 << QStringLiteral("router.kind")
            << QStringLiteral("unknown kind `consul`; one of: sandbox, redis, file");
        QTest::newRow("unknown metrics kind")
            << sandbox + "metrics:\n  kind: datadog\n"
            << 5 << QStringLiteral("metrics.kind")
            << QStringLiteral("one of: sandbox, traefik, prometheus");
        QTest::newRow("sandbox router on docker")
            << QByteArray(kDockerHead)
                   .replace("  kind: file\n  path: dynamic.yaml\n  apiUrl: http://127.0.0.1:8080\n",
                            "  kind: sandbox\n")
            << 4 << QStringLiteral("router.kind")
            << QStringLiteral("kind sandbox goes with a sandbox cluster, or with a docker cluster "
                              "when router and metrics are both sandbox");
        QTest::newRow("metrics scenario on a sandbox cluster")
            << sandbox + "metrics:\n  kind: sandbox\n  scenario: healthy\n"
            << 6 << QStringLiteral("metrics.scenario")
            << QStringLiteral("only with a docker cluster");
        QTest::newRow("one port only")
            << sandbox + "applications:\n  - name: portal\n    ports: {blue: 8081}\n"
            << 6 << QStringLiteral("applications[0].ports")
            << QStringLiteral("give the ports of both colors, blue and green");
        QTest::newRow("same port twice")
            << sandbox + "applications:\n  - name: portal\n    ports: {blue: 8081, green: 8081}\n"
            << 6 << QStringLiteral("applications[0].ports")
            << QStringLiteral("blue and green need different ports; both are 8081");
        QTest::newRow("port out of range")
            << sandbox + "applications:\n  - name: portal\n    ports:\n      blue: 8081\n"
                         "      green: 70000\n"
            << 8 << QStringLiteral("applications[0].ports.green")
            << QStringLiteral("must be a port number from 1 to 65535");
        QTest::newRow("unknown port color")
            << sandbox + "applications:\n  - name: portal\n    ports:\n      blue: 8081\n"
                         "      red: 8083\n"
            << 8 << QStringLiteral("applications[0].ports.red")
            << QStringLiteral("unknown key `red`; expected blue and green");
        QTest::newRow("ports not a map")
            << sandbox + "applications:\n  - name: portal\n    ports: 8081\n"
            << 6 << QStringLiteral("applications[0].ports") << QStringLiteral("must be a map");
        QTest::newRow("bad port variable")
            << sandbox + "applications:\n  - name: portal\n    ports: {blue: 1, green: 2}\n"
                         "    portVariable: 9PORT\n"
            << 7 << QStringLiteral("applications[0].portVariable")
            << QStringLiteral("`9PORT` is not a variable name");
        QTest::newRow("port variable without ports")
            << sandbox + "applications:\n  - name: portal\n    portVariable: HTTP_PORT\n"
            << 6 << QStringLiteral("applications[0].portVariable")
            << QStringLiteral("only with ports");
        QTest::newRow("docker without metrics")
            << QByteArray(kDockerHead).left(QByteArray(kDockerHead).indexOf("metrics:")) << 1
            << QStringLiteral("metrics")
            << QStringLiteral("missing; a docker cluster needs a metrics of kind traefik");
        QTest::newRow("endpoint and context")
            << QByteArray(kDockerHead)
                   .replace("  kind: docker\n",
                            "  kind: docker\n  endpoint: unix:///run/docker.sock\n  context: ci\n")
            << 4 << QStringLiteral("cluster.context")
            << QStringLiteral("give either endpoint or context");

        QTest::newRow("duplicate application names")
            << sandbox + "applications:\n  - name: portal\n  - name: billing\n  - name: portal\n"
            << 7 << QStringLiteral("applications[2].name")
            << QStringLiteral("application `portal` is listed twice (first on line 5)");
        QTest::newRow("application without name")
            << sandbox + "applications:\n  - service: web\n"
            << 5 << QStringLiteral("applications[0].name") << QStringLiteral("missing");
        QTest::newRow("bad application name")
            << sandbox + "applications:\n  - name: my portal\n"
            << 5 << QStringLiteral("applications[0].name")
            << QStringLiteral("`my portal` is not a valid application name");
        QTest::newRow("bad profile name")
            << sandbox + "name: \"my env\"\n"
            << 4 << QStringLiteral("name") << QStringLiteral("`my env` is not a valid name");
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, says);

        const QString path = write(QStringLiteral("staging.yaml"), text);
        const auto loaded = ProfileLoader::loadFile(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, Error::Kind::Invalid);
        const QString message = loaded.error().message;
        const QString where = field.isEmpty()
                                  ? QStringLiteral("%1:%2: ").arg(path).arg(line)
                                  : QStringLiteral("%1:%2: %3: ").arg(path).arg(line).arg(field);
        // Each problem is one line "FILE:LINE: field: message".
        const QStringList lines = message.split(QLatin1Char('\n'));
        const bool found = std::any_of(lines.begin(), lines.end(), [&](const QString &l) {
            return l.startsWith(where) && l.contains(says);
        });
        QVERIFY2(found, qPrintable(QStringLiteral("expected a line starting \"%1\" saying \"%2\"; "
                                                  "got:\n%3")
                                       .arg(where, says, message)));
        for (const QString &l : lines)
            QVERIFY2(l.startsWith(path + QLatin1Char(':')), qPrintable(l));
        QVERIFY2(!message.contains(QLatin1String("hunter2")), qPrintable(message));
    }

    void dockerWithSimulatedTraffic()
    {
        const QString path =
            write(QStringLiteral("swarm.yaml"), "cluster:\n"
                                                "  kind: docker\n"
                                                "  endpoint: unix:///run/test/docker.sock\n"
                                                "router:\n"
                                                "  kind: sandbox\n"
                                                "metrics:\n"
                                                "  kind: sandbox\n"
                                                "  scenario: latency-regression\n"
                                                "applications:\n"
                                                "  - name: portal\n"
                                                "    ports: {blue: 8081, green: 8082}\n"
                                                "    portVariable: HTTP_PORT\n");
        const auto loaded = ProfileLoader::loadFile(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const EnvironmentProfile &p = loaded.value();
        QCOMPARE(p.cluster.kind, QStringLiteral("docker"));
        QCOMPARE(p.router.kind, QStringLiteral("sandbox"));
        QCOMPARE(p.metrics.kind, QStringLiteral("sandbox"));
        QCOMPARE(p.metrics.settings.value("scenario").toString(),
                 QStringLiteral("latency-regression"));
        const auto *app = p.application(QStringLiteral("portal"));
        QVERIFY(app);
        const QVariantMap ports = app->settings.value("ports").toMap();
        QCOMPARE(ports.value("blue").toInt(), 8081);
        QCOMPARE(ports.value("green").toInt(), 8082);
        QCOMPARE(app->settings.value("portVariable").toString(), QStringLiteral("HTTP_PORT"));

        // Only both at once: the simulated metrics follow the simulated weights.
        const QString mixed =
            write(QStringLiteral("mixed.yaml"), QByteArray(kDockerHead)
                                                    .replace("  kind: traefik\n  url: "
                                                             "http://127.0.0.1:8082/metrics\n",
                                                             "  kind: sandbox\n"));
        const auto refused = ProfileLoader::loadFile(mixed);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(
                     QStringLiteral(":8: metrics.kind: kind sandbox goes with")),
                 qPrintable(refused.error().message));
    }

    void reportsEveryProblemInLineOrder()
    {
        const QString path = write(QStringLiteral("many.yaml"), "cluster:\n"            // 1
                                                                "  kind: sandbox\n"     // 2
                                                                "  scenario: healthy\n" // 3
                                                                "  token: abc\n"        // 4
                                                                "plan:\n"               // 5
                                                                "  steps: [50, 40]\n"   // 6
                                                                "colour: blue\n");      // 7
        const auto loaded = ProfileLoader::loadFile(path);
        QVERIFY(!loaded.ok());
        const QStringList lines = loaded.error().message.split(QLatin1Char('\n'));
        QVERIFY2(lines.size() == 4, qPrintable(loaded.error().message));
        QVERIFY2(lines[0].startsWith(path + QStringLiteral(":4: cluster.token: secrets")),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(path + QStringLiteral(":6: plan.steps: step 2 (40%)")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(path + QStringLiteral(":6: plan.steps: the last step is 40%")),
                 qPrintable(lines[2]));
        QVERIFY2(lines[3].startsWith(path + QStringLiteral(":7: colour: unknown key")),
                 qPrintable(lines[3]));
    }

    void missingFile()
    {
        const auto loaded = ProfileLoader::loadFile(m_dir->filePath(QStringLiteral("nope.yaml")));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, Error::Kind::NotFound);
        QVERIFY(loaded.error().message.contains(QLatin1String("nope.yaml")));
    }

    void loadDirectory()
    {
        write(QStringLiteral("b.yml"), QByteArray(kMinimalSandbox) + "name: beta\n");
        write(QStringLiteral("a.yaml"), kMinimalSandbox);
        write(QStringLiteral("notes.txt"), "not a profile");
        write(QStringLiteral(".hidden.yaml"), "broken: [");
        auto all = ProfileLoader::loadDirectory(m_dir->path());
        QVERIFY2(all.ok(), qPrintable(all.ok() ? QString() : all.error().message));
        QCOMPARE(all.value().size(), 2);
        QCOMPARE(all.value()[0].name, QStringLiteral("a"));
        QCOMPARE(all.value()[1].name, QStringLiteral("beta"));

        // Two profiles with one name.
        const QString copy =
            write(QStringLiteral("c.yaml"), QByteArray(kMinimalSandbox) + "name: beta\n");
        all = ProfileLoader::loadDirectory(m_dir->path());
        QVERIFY(!all.ok());
        QVERIFY2(
            all.error().message.startsWith(copy + QStringLiteral(":4: name: the profile "
                                                                 "`beta` is also defined in ")),
            qPrintable(all.error().message));
        QVERIFY(all.error().message.contains(QLatin1String("b.yml")));
        QFile::remove(copy);

        // A broken file fails the list and is named.
        const QString broken = write(QStringLiteral("broken.yaml"), "cluster: [\n");
        all = ProfileLoader::loadDirectory(m_dir->path());
        QVERIFY(!all.ok());
        QVERIFY2(all.error().message.startsWith(broken + QStringLiteral(":")),
                 qPrintable(all.error().message));

        // No folder yet: no profiles.
        const auto none = ProfileLoader::loadDirectory(m_dir->filePath(QStringLiteral("absent")));
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
    }

    void find()
    {
        write(QStringLiteral("staging.yaml"), kMinimalSandbox);
        write(QStringLiteral("other.yaml"), QByteArray(kMinimalSandbox) + "name: production\n");
        const QString broken = write(QStringLiteral("broken.yaml"), "cluster:\n  kind: k8s\n");

        auto found = ProfileLoader::find(m_dir->path(), QStringLiteral("production"));
        QVERIFY(found.ok());
        QCOMPARE(found.value().sourceFile, m_dir->filePath(QStringLiteral("other.yaml")));
        found = ProfileLoader::find(m_dir->path(), QStringLiteral("staging"));
        QVERIFY(found.ok());
        QCOMPARE(found.value().name, QStringLiteral("staging"));

        // The file named after the profile is broken: its own error.
        found = ProfileLoader::find(m_dir->path(), QStringLiteral("broken"));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind, Error::Kind::Invalid);
        QVERIFY2(found.error().message.startsWith(broken + QStringLiteral(":2: cluster.kind: ")),
                 qPrintable(found.error().message));

        found = ProfileLoader::find(m_dir->path(), QStringLiteral("qa"));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind, Error::Kind::NotFound);
        QVERIFY2(found.error().message.contains(QLatin1String("production, staging")),
                 qPrintable(found.error().message));
        QVERIFY2(found.error().message.contains(broken + QStringLiteral(":2: cluster.kind")),
                 qPrintable(found.error().message));

        found =
            ProfileLoader::find(m_dir->filePath(QStringLiteral("absent")), QStringLiteral("qa"));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind, Error::Kind::NotFound);
    }

    void locationsPrecedence()
    {
        const QByteArray savedVariables[] = {"OPTIMIST_DATA_DIR", "OPTIMIST_CONFIG_DIR",
                                             "XDG_DATA_HOME", "XDG_CONFIG_HOME"};
        QHash<QByteArray, QByteArray> saved;
        for (const QByteArray &name : savedVariables) {
            if (qEnvironmentVariableIsSet(name.constData()))
                saved.insert(name, qgetenv(name.constData()));
        }
        const auto restore = qScopeGuard([&] {
            for (const QByteArray &name : savedVariables) {
                if (saved.contains(name))
                    qputenv(name.constData(), saved.value(name));
                else
                    qunsetenv(name.constData());
            }
        });

        const QString root = m_dir->path();
        qunsetenv("OPTIMIST_DATA_DIR");
        qunsetenv("OPTIMIST_CONFIG_DIR");
        qputenv("XDG_DATA_HOME", QFile::encodeName(root + QStringLiteral("/xdg-data")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(root + QStringLiteral("/xdg-config")));

        // XDG
        QCOMPARE(Locations::dataDir(), root + QStringLiteral("/xdg-data/optimist"));
        QCOMPARE(Locations::configDir(QString()), root + QStringLiteral("/xdg-config/optimist"));

        // environment over XDG
        qputenv("OPTIMIST_DATA_DIR", QFile::encodeName(root + QStringLiteral("/env-data/")));
        qputenv("OPTIMIST_CONFIG_DIR", QFile::encodeName(root + QStringLiteral("/env-config")));
        QCOMPARE(Locations::dataDir(), root + QStringLiteral("/env-data"));
        QCOMPARE(Locations::configDir(), root + QStringLiteral("/env-config"));

        // override over environment; relative paths are made absolute
        QCOMPARE(Locations::dataDir(root + QStringLiteral("/flag-data")),
                 root + QStringLiteral("/flag-data"));
        QCOMPARE(Locations::configDir(QStringLiteral("flag-config")),
                 QDir::current().filePath(QStringLiteral("flag-config")));

        // an empty variable counts as not set
        qputenv("OPTIMIST_DATA_DIR", QByteArray());
        QCOMPARE(Locations::dataDir(), root + QStringLiteral("/xdg-data/optimist"));

        QCOMPARE(Locations::historyDatabasePath(QStringLiteral("/d")),
                 QStringLiteral("/d/history.sqlite"));
        QCOMPARE(Locations::profilesDir(QStringLiteral("/c")), QStringLiteral("/c/environments"));
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
