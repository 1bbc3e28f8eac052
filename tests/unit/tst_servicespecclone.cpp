#include "docker/ServiceSpecClone.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace optimist;

namespace {

/// GET /services/{id} of the active (blue) color, in the swagger's Service shape, as a real
/// daemon answers it (image pinned by digest, read-only fields present).
const char kActive[] = R"json({
  "ID": "9mnpnzenvg8p8tdbtq4wvbkcz",
  "Version": {"Index": 19},
  "CreatedAt": "2016-06-07T21:05:51.880065305Z",
  "UpdatedAt": "2016-06-07T21:07:29.962229872Z",
  "Spec": {
    "Name": "demo-blue",
    "Labels": {
      "optimist.app": "demo",
      "optimist.color": "blue",
      "traefik.enable": "true",
      "traefik.http.services.demo-blue.loadbalancer.server.port": "8081",
      "traefik.http.services.demo-blue.loadbalancer.healthcheck.path": "/health",
      "traefik.http.routers.demo-blue.rule": "Host(`blue.demo.local`)",
      "traefik.http.routers.demo-blue.service": "demo-blue@swarm",
      "traefik.http.routers.demo-blue-internal.service": "demo-blue-internal",
      "team": "demo-blue"
    },
    "TaskTemplate": {
      "ContainerSpec": {
        "Image": "registry.local:5000/team/demo:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "Env": ["PORT=8081", "LOG_LEVEL=info"],
        "Mounts": [{"Type": "volume", "Source": "demo-data", "Target": "/data"}],
        "Healthcheck": {"Test": ["CMD-SHELL", "/demo --probe"], "Interval": 1000000000},
        "Labels": {"inner": "kept"}
      },
      "Resources": {"Limits": {"NanoCPUs": 500000000}, "Reservations": {}},
      "RestartPolicy": {"Condition": "any", "MaxAttempts": 0},
      "Placement": {},
      "Networks": [{"Target": "host"}],
      "ForceUpdate": 0
    },
    "Mode": {"Replicated": {"Replicas": 3}},
    "UpdateConfig": {"Parallelism": 1, "Delay": 1000000000, "FailureAction": "pause"},
    "EndpointSpec": {"Mode": "vip", "Ports": [{"Protocol": "tcp", "TargetPort": 6379, "PublishedPort": 30001}]}
  },
  "PreviousSpec": {"Name": "demo-blue"},
  "Endpoint": {"Spec": {"Mode": "vip"}, "VirtualIPs": [{"NetworkID": "4qvuz", "Addr": "10.255.0.2/16"}]},
  "UpdateStatus": {"State": "completed"}
})json";

QJsonObject active()
{
    return QJsonDocument::fromJson(QByteArray(kActive)).object();
}

ServiceSpecClone::Parameters green(const QString &version = QStringLiteral("2.0"))
{
    ServiceSpecClone::Parameters p;
    p.appName = QStringLiteral("demo");
    p.color = Color::Green;
    p.version = version;
    return p;
}

QJsonObject labels(const QJsonObject &spec)
{
    return spec.value(QStringLiteral("Labels")).toObject();
}

QJsonObject containerSpec(const QJsonObject &spec)
{
    return spec.value(QStringLiteral("TaskTemplate"))
        .toObject()
        .value(QStringLiteral("ContainerSpec"))
        .toObject();
}

} // namespace

class TestServiceSpecClone : public QObject
{
    Q_OBJECT

private:
    QJsonObject cloned(const QJsonObject &service, const ServiceSpecClone::Parameters &p)
    {
        const auto result = ServiceSpecClone::clone(service, p);
        if (!result.ok())
            qWarning("%s", qPrintable(result.error().message));
        return result.ok() ? result.value() : QJsonObject();
    }

private Q_SLOTS:
    void nameIsAppDashColor()
    {
        const QJsonObject spec = cloned(active(), green());
        QCOMPARE(spec.value(QStringLiteral("Name")).toString(), QStringLiteral("demo-green"));
    }

    void imageGetsTheVersionAndLosesTheDigest()
    {
        const QJsonObject spec = cloned(active(), green(QStringLiteral("2.0.1-rc1")));
        QCOMPARE(containerSpec(spec).value(QStringLiteral("Image")).toString(),
                 QStringLiteral("registry.local:5000/team/demo:2.0.1-rc1"));
    }

    void retagKeepsTheRepository_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare") << QStringLiteral("demo") << QStringLiteral("demo:v2");
        QTest::newRow("tag") << QStringLiteral("demo:v1") << QStringLiteral("demo:v2");
        QTest::newRow("digest only")
            << QStringLiteral("library/demo@sha256:abc") << QStringLiteral("library/demo:v2");
        QTest::newRow("registry port, no tag")
            << QStringLiteral("localhost:5000/demo") << QStringLiteral("localhost:5000/demo:v2");
        QTest::newRow("registry port, tag and digest")
            << QStringLiteral("localhost:5000/a/b:1@sha256:abc")
            << QStringLiteral("localhost:5000/a/b:v2");
    }

    void retagKeepsTheRepository()
    {
        QFETCH(QString, image);
        QFETCH(QString, expected);
        QCOMPARE(ServiceSpecClone::retag(image, QStringLiteral("v2")), expected);
    }

    void optimistLabelsAreSet()
    {
        const QJsonObject l = labels(cloned(active(), green()));
        QCOMPARE(l.value(QStringLiteral("optimist.app")).toString(), QStringLiteral("demo"));
        QCOMPARE(l.value(QStringLiteral("optimist.color")).toString(), QStringLiteral("green"));
    }

    void optimistLabelsAreAddedWhenTheActiveHasNone()
    {
        QJsonObject service = active();
        QJsonObject spec = service.value(QStringLiteral("Spec")).toObject();
        spec.remove(QStringLiteral("Labels"));
        service.insert(QStringLiteral("Spec"), spec);
        const QJsonObject l = labels(cloned(service, green()));
        QCOMPARE(l.size(), 2);
        QCOMPARE(l.value(QStringLiteral("optimist.color")).toString(), QStringLiteral("green"));
    }

    void traefikKeysAreRenamed()
    {
        const QJsonObject l = labels(cloned(active(), green()));
        QCOMPARE(
            l.value(QStringLiteral("traefik.http.services.demo-green.loadbalancer.server.port"))
                .toString(),
            QStringLiteral("8081"));
        QCOMPARE(l.value(QStringLiteral(
                             "traefik.http.services.demo-green.loadbalancer.healthcheck.path"))
                     .toString(),
                 QStringLiteral("/health"));
        QVERIFY(l.contains(QStringLiteral("traefik.http.routers.demo-green.rule")));
        for (auto it = l.begin(); it != l.end(); ++it) {
            QVERIFY2(!it.key().contains(QStringLiteral("demo-blue.")), qPrintable(it.key()));
        }
        // Only whole segments: a router whose name merely starts with the old name keeps it.
        QVERIFY(l.contains(QStringLiteral("traefik.http.routers.demo-blue-internal.service")));
        QCOMPARE(
            l.value(QStringLiteral("traefik.http.routers.demo-blue-internal.service")).toString(),
            QStringLiteral("demo-blue-internal"));
        QCOMPARE(l.value(QStringLiteral("traefik.enable")).toString(), QStringLiteral("true"));
    }

    void traefikValuesNamingTheOldServiceFollow()
    {
        const QJsonObject l = labels(cloned(active(), green()));
        QCOMPARE(l.value(QStringLiteral("traefik.http.routers.demo-green.service")).toString(),
                 QStringLiteral("demo-green@swarm"));
        // Not a Traefik label: untouched.
        QCOMPARE(l.value(QStringLiteral("team")).toString(), QStringLiteral("demo-blue"));
    }

    void perColorPortSetsVariableAndTraefikLabel()
    {
        auto p = green();
        p.port = 8082;
        const QJsonObject spec = cloned(active(), p);
        const QJsonArray env = containerSpec(spec).value(QStringLiteral("Env")).toArray();
        QCOMPARE(env, (QJsonArray{QStringLiteral("PORT=8082"), QStringLiteral("LOG_LEVEL=info")}));
        QCOMPARE(
            labels(spec)
                .value(QStringLiteral("traefik.http.services.demo-green.loadbalancer.server.port"))
                .toString(),
            QStringLiteral("8082"));
    }

    void perColorPortIsAddedWhenMissing()
    {
        QJsonObject service = active();
        QJsonObject spec = service.value(QStringLiteral("Spec")).toObject();
        spec.insert(QStringLiteral("Labels"),
                    QJsonObject{{QStringLiteral("traefik.enable"), QStringLiteral("true")}});
        QJsonObject task = spec.value(QStringLiteral("TaskTemplate")).toObject();
        QJsonObject container = task.value(QStringLiteral("ContainerSpec")).toObject();
        container.remove(QStringLiteral("Env"));
        task.insert(QStringLiteral("ContainerSpec"), container);
        spec.insert(QStringLiteral("TaskTemplate"), task);
        service.insert(QStringLiteral("Spec"), spec);

        auto p = green();
        p.port = 9000;
        p.portVariable = QStringLiteral("HTTP_PORT");
        const QJsonObject out = cloned(service, p);
        QCOMPARE(containerSpec(out).value(QStringLiteral("Env")).toArray(),
                 QJsonArray{QStringLiteral("HTTP_PORT=9000")});
        QCOMPARE(
            labels(out)
                .value(QStringLiteral("traefik.http.services.demo-green.loadbalancer.server.port"))
                .toString(),
            QStringLiteral("9000"));
    }

    void withoutPerColorPortThePortIsKept()
    {
        const QJsonObject spec = cloned(active(), green());
        QCOMPARE(containerSpec(spec).value(QStringLiteral("Env")).toArray().first().toString(),
                 QStringLiteral("PORT=8081"));
    }

    void everythingElseIsKept()
    {
        const QJsonObject original = active().value(QStringLiteral("Spec")).toObject();
        const QJsonObject spec = cloned(active(), green());
        const QJsonObject oldContainer = containerSpec(original);
        const QJsonObject newContainer = containerSpec(spec);
        for (const char *key : {"Env", "Mounts", "Healthcheck", "Labels"}) {
            const QString k = QString::fromLatin1(key);
            QCOMPARE(newContainer.value(k), oldContainer.value(k));
        }
        const QJsonObject oldTask = original.value(QStringLiteral("TaskTemplate")).toObject();
        const QJsonObject newTask = spec.value(QStringLiteral("TaskTemplate")).toObject();
        for (const char *key : {"Resources", "RestartPolicy", "Placement", "Networks"}) {
            const QString k = QString::fromLatin1(key);
            QCOMPARE(newTask.value(k), oldTask.value(k));
        }
        for (const char *key : {"Mode", "EndpointSpec", "UpdateConfig"}) {
            const QString k = QString::fromLatin1(key);
            QCOMPARE(spec.value(k), original.value(k));
        }
        QCOMPARE(spec.value(QStringLiteral("Mode"))
                     .toObject()
                     .value(QStringLiteral("Replicated"))
                     .toObject()
                     .value(QStringLiteral("Replicas"))
                     .toInt(),
                 3);
    }

    void readOnlyFieldsAreNotCopied()
    {
        const QJsonObject spec = cloned(active(), green());
        QVERIFY(!spec.isEmpty());
        for (const char *key : {"ID", "Version", "CreatedAt", "UpdatedAt", "Endpoint",
                                "UpdateStatus", "PreviousSpec", "Spec"}) {
            QVERIFY2(!spec.contains(QString::fromLatin1(key)), key);
        }
    }

    void cloningBackToBlueWorksToo()
    {
        QJsonObject service = active();
        QJsonObject spec = cloned(service, green());
        service.insert(QStringLiteral("Spec"), spec);
        auto p = green(QStringLiteral("3.0"));
        p.color = Color::Blue;
        const QJsonObject blue = cloned(service, p);
        QCOMPARE(blue.value(QStringLiteral("Name")).toString(), QStringLiteral("demo-blue"));
        QVERIFY(labels(blue).contains(
            QStringLiteral("traefik.http.services.demo-blue.loadbalancer.server.port")));
        QCOMPARE(labels(blue).value(QStringLiteral("optimist.color")).toString(),
                 QStringLiteral("blue"));
    }

    void sameNameIsAConflict()
    {
        auto p = green();
        p.color = Color::Blue;
        const auto result = ServiceSpecClone::clone(active(), p);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Conflict);
    }

    void malformedInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{\"Spec\":") << QStringLiteral("JSON");
        QTest::newRow("no Spec") << QByteArray(R"({"ID":"x"})") << QStringLiteral("Spec");
        QTest::newRow("Spec not object") << QByteArray(R"({"Spec":[]})") << QStringLiteral("Spec");
        QTest::newRow("no Name") << QByteArray(R"({"Spec":{"TaskTemplate":{}}})")
                                 << QStringLiteral("Spec.Name");
        QTest::newRow("no TaskTemplate") << QByteArray(R"({"Spec":{"Name":"demo-blue"}})")
                                         << QStringLiteral("Spec.TaskTemplate");
        QTest::newRow("no ContainerSpec")
            << QByteArray(R"({"Spec":{"Name":"demo-blue","TaskTemplate":{}}})")
            << QStringLiteral("Spec.TaskTemplate.ContainerSpec");
        QTest::newRow("no Image")
            << QByteArray(R"({"Spec":{"Name":"demo-blue","TaskTemplate":{"ContainerSpec":{}}}})")
            << QStringLiteral("Spec.TaskTemplate.ContainerSpec.Image");
        QTest::newRow("Labels not object")
            << QByteArray(
                   R"({"Spec":{"Name":"demo-blue","Labels":[],"TaskTemplate":{"ContainerSpec":{"Image":"demo"}}}})")
            << QStringLiteral("Spec.Labels");
        QTest::newRow("Env not list")
            << QByteArray(
                   R"({"Spec":{"Name":"demo-blue","TaskTemplate":{"ContainerSpec":{"Image":"demo","Env":"PORT=1"}}}})")
            << QStringLiteral("Spec.TaskTemplate.ContainerSpec.Env");
    }

    void malformedInputNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto result = ServiceSpecClone::clone(json, green());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Invalid);
        QVERIFY2(result.error().message.contains(field), qPrintable(result.error().message));
    }

    void badParametersAreRefused_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("port");
        QTest::newRow("empty version") << QString() << 0;
        QTest::newRow("version with slash") << QStringLiteral("a/b") << 0;
        QTest::newRow("version starting with dash") << QStringLiteral("-x") << 0;
        QTest::newRow("port too large") << QStringLiteral("2.0") << 70000;
    }

    void badParametersAreRefused()
    {
        QFETCH(QString, version);
        QFETCH(int, port);
        auto p = green(version);
        if (port != 0)
            p.port = port;
        const auto result = ServiceSpecClone::clone(active(), p);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestServiceSpecClone)
#include "tst_servicespecclone.moc"
