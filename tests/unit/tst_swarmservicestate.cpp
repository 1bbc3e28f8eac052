#include "docker/DockerCluster.h"
#include "docker/DockerEventStream.h"
#include "docker/DockerLogDemux.h"
#include "docker/SwarmServiceState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace optimist;

namespace {

QJsonObject service(const QString &name, const QString &image, int replicas,
                    const QString &updatedAt = QStringLiteral("2026-11-28T18:00:00.000000000Z"))
{
    return QJsonDocument::fromJson(
               QStringLiteral(R"({"ID": "svc1", "Version": {"Index": 12}, "UpdatedAt": "%4",
                   "Spec": {"Name": "%1", "Labels": {"optimist.app": "demo"},
                   "TaskTemplate": {"ContainerSpec": {"Image": "%2", "Env": ["PORT=8081"]},
                                    "RestartPolicy": {"Condition": "any"}},
                   "Mode": {"Replicated": {"Replicas": %3}}}})")
                   .arg(name, image)
                   .arg(replicas)
                   .arg(updatedAt)
                   .toUtf8())
        .object();
}

/// One task as GET /tasks lists it.
QJsonObject task(const QString &id, int slot, const QString &desired, const QString &state,
                 const QString &container = {}, const QString &err = {},
                 const QString &timestamp = QStringLiteral("2026-11-28T18:00:05.123456789Z"),
                 std::optional<int> exitCode = std::nullopt)
{
    QJsonObject containerStatus;
    if (!container.isEmpty())
        containerStatus.insert(QStringLiteral("ContainerID"), container);
    if (exitCode)
        containerStatus.insert(QStringLiteral("ExitCode"), *exitCode);
    QJsonObject status{{QStringLiteral("State"), state},
                       {QStringLiteral("Timestamp"), timestamp},
                       {QStringLiteral("Message"), state},
                       {QStringLiteral("ContainerStatus"), containerStatus}};
    if (!err.isEmpty())
        status.insert(QStringLiteral("Err"), err);
    return QJsonObject{{QStringLiteral("ID"), id},
                       {QStringLiteral("ServiceID"), QStringLiteral("svc1")},
                       {QStringLiteral("Slot"), slot},
                       {QStringLiteral("DesiredState"), desired},
                       {QStringLiteral("Status"), status}};
}

QList<SwarmServiceState::Task> tasks(const QJsonArray &array)
{
    const auto parsed = SwarmServiceState::parseTasks(QJsonDocument(array));
    if (!parsed)
        qFatal("tasks did not parse");
    return parsed.value();
}

QByteArray frame(char stream, const QByteArray &payload)
{
    QByteArray header(8, '\0');
    header[0] = stream;
    const quint32 size = quint32(payload.size());
    header[4] = char(size >> 24);
    header[5] = char(size >> 16);
    header[6] = char(size >> 8);
    header[7] = char(size);
    return header + payload;
}

} // namespace

class TestSwarmServiceState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageTag_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("tag");
        QTest::newRow("plain") << "optimist-demo:v1"
                               << "v1";
        QTest::newRow("digest") << "optimist-demo:v2@sha256:abc"
                                << "v2";
        QTest::newRow("registry port") << "reg:5000/team/app:1.0"
                                       << "1.0";
        QTest::newRow("no tag") << "reg:5000/team/app"
                                << "latest";
        QTest::newRow("no tag, digest") << "app@sha256:abc"
                                        << "latest";
    }
    void imageTag()
    {
        QFETCH(QString, image);
        QFETCH(QString, tag);
        QCOMPARE(SwarmServiceState::imageTag(image), tag);
    }

    void parsesTasks()
    {
        const auto list = tasks(QJsonArray{
            task("t1", 1, "running", "running", "c1"),
            task("t2", 2, "shutdown", "failed", "c2", "task: non-zero exit (1)", {}, 1)});
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).containerId, QStringLiteral("c1"));
        QCOMPARE(list.at(1).err, QStringLiteral("task: non-zero exit (1)"));
        QCOMPARE(list.at(1).exitCode, std::optional<int>(1));
        QVERIFY(list.at(1).isFailure());
        QCOMPARE(list.at(0).timestamp,
                 QDateTime(QDate(2026, 11, 28), QTime(18, 0, 5, 123), Qt::UTC));
        QVERIFY(!SwarmServiceState::parseTasks(QJsonDocument(QJsonObject{})).ok());
        QVERIFY(!SwarmServiceState::parseTasks(QJsonDocument(QJsonArray{QJsonObject{}})).ok());
    }

    void healthyWhenAllDesiredRunAndChecksPass()
    {
        const auto s = service("demo-blue", "optimist-demo:v1@sha256:abc", 2);
        const auto list = tasks(QJsonArray{task("t1", 1, "running", "running", "c1"),
                                           task("t2", 2, "running", "running", "c2"),
                                           task("t0", 1, "shutdown", "shutdown", "c0")});
        const ColorService cs =
            SwarmServiceState::describe(Color::Blue, s, list, {{"c1", "healthy"}, {"c2", ""}});
        QCOMPARE(cs.serviceName, QStringLiteral("demo-blue"));
        QCOMPARE(cs.version, QStringLiteral("v1"));
        QCOMPARE(cs.replicasDesired, 2);
        QCOMPARE(cs.replicasRunning, 2);
        QVERIFY(cs.healthy);
        QVERIFY(cs.healthDetail.isEmpty());
    }

    void notHealthySaysWhy()
    {
        const auto s = service("demo-green", "optimist-demo:v2", 3);
        const auto list = tasks(QJsonArray{
            task("t1aaaaaaaaaaaaaa", 1, "running", "running", "c1"),
            task("t2", 2, "running", "starting", "c2"), task("t3", 3, "running", "running", "c3"),
            task("t4", 2, "shutdown", "failed", "c4", "task: non-zero exit (1)")});
        const ColorService cs = SwarmServiceState::describe(
            Color::Green, s, list, {{"c1", "healthy"}, {"c3", "unhealthy"}});
        QVERIFY(!cs.healthy);
        QCOMPARE(cs.replicasRunning, 2);
        QCOMPARE(cs.replicasDesired, 3);
        QVERIFY2(cs.healthDetail.contains("2 of 3 tasks running"), qPrintable(cs.healthDetail));
        QVERIFY2(cs.healthDetail.contains("health check failing in demo-green.3"),
                 qPrintable(cs.healthDetail));
        QVERIFY2(cs.healthDetail.contains("demo-green.2 (t2) is starting"),
                 qPrintable(cs.healthDetail));
        QVERIFY2(cs.healthDetail.contains("task: non-zero exit (1)"), qPrintable(cs.healthDetail));
    }

    void healthcheckStartingIsNotHealthy()
    {
        const auto s = service("demo-green", "optimist-demo:v2", 1);
        const auto list = tasks(QJsonArray{task("t1", 1, "running", "running", "c1")});
        const ColorService cs =
            SwarmServiceState::describe(Color::Green, s, list, {{"c1", "starting"}});
        QVERIFY(!cs.healthy);
        QCOMPARE(cs.replicasRunning, 1);
        QVERIFY(cs.healthDetail.contains("not passing yet"));
    }

    void scaledToZero()
    {
        const auto s = service("demo-green", "optimist-demo:v2", 0);
        const ColorService cs = SwarmServiceState::describe(Color::Green, s, {}, {});
        QVERIFY(!cs.healthy);
        QCOMPARE(cs.healthDetail, QStringLiteral("scaled to 0 replicas"));
    }

    void crashLoop()
    {
        const QDateTime since(QDate(2026, 11, 28), QTime(18, 0, 0), Qt::UTC);
        const QString err = QStringLiteral("task: non-zero exit (1)");
        auto two =
            tasks(QJsonArray{task("t1", 1, "shutdown", "failed", "c1", err, "2026-11-28T18:00:01Z"),
                             task("t2", 1, "shutdown", "failed", "c2", err, "2026-11-28T18:00:07Z"),
                             task("t3", 1, "running", "starting", "c3")});
        QVERIFY(!SwarmServiceState::crashLoop("demo-green", two, 3, since));
        auto three = two;
        three.append(tasks(QJsonArray{task("t4", 1, "shutdown", "failed", "c4",
                                           "task: non-zero exit (137): dockerexec: unhealthy "
                                           "container",
                                           "2026-11-28T18:00:13Z")}));
        const auto crash = SwarmServiceState::crashLoop("demo-green", three, 3, since);
        QVERIFY(crash);
        QVERIFY2(crash->contains("3 tasks of demo-green ended"), qPrintable(*crash));
        QVERIFY2(crash->contains("unhealthy container"), qPrintable(*crash)); // the newest
        // Failures before the service's last update do not count.
        QVERIFY(!SwarmServiceState::crashLoop("demo-green", three, 3, since.addSecs(5)));

        const auto rejected = tasks(QJsonArray{
            task("t9", 1, "shutdown", "rejected", {}, "No such image: optimist-demo:v9")});
        const auto noImage = SwarmServiceState::crashLoop("demo-green", rejected, 3, since);
        QVERIFY(noImage);
        QVERIFY2(noImage->contains("No such image: optimist-demo:v9"), qPrintable(*noImage));
    }

    void demultiplexesLogs()
    {
        const QByteArray body =
            frame(1, "line one\nline ") + frame(2, "two\n") + frame(1, "three\n");
        QCOMPARE(DockerLogDemux::demultiplex(body), QByteArray("line one\nline two\nthree\n"));
        QCOMPARE(DockerLogDemux::tailOf(DockerLogDemux::demultiplex(body), 2),
                 QStringLiteral("line two\nthree\n"));

        // Split anywhere, even inside a header.
        DockerLogDemux demux;
        for (qsizetype i = 0; i < body.size(); i += 3)
            demux.feed(body.mid(i, 3));
        QCOMPARE(demux.output(), QByteArray("line one\nline two\nthree\n"));
        QVERIFY(!demux.isRaw());

        // TTY output is raw.
        QCOMPARE(DockerLogDemux::demultiplex("plain output\r\nmore\n"),
                 QByteArray("plain output\r\nmore\n"));
        QCOMPARE(DockerLogDemux::tailOf("plain output\r\nmore\n", 5),
                 QStringLiteral("plain output\nmore\n"));
        QCOMPARE(DockerLogDemux::demultiplex("ok\n"), QByteArray("ok\n"));
    }

    void jobSpec()
    {
        QJsonObject active = service("demo-blue", "reg:5000/optimist-demo:v1@sha256:abc", 2);
        auto spec =
            DockerCluster::jobSpec(active, "demo", "demo-job-1", "v2", {"/server", "--exit", "3"});
        QVERIFY(spec);
        const QJsonObject s = spec.value();
        QCOMPARE(s.value("Name").toString(), QStringLiteral("demo-job-1"));
        const QJsonObject container =
            s.value("TaskTemplate").toObject().value("ContainerSpec").toObject();
        QCOMPARE(container.value("Image").toString(), QStringLiteral("reg:5000/optimist-demo:v2"));
        QCOMPARE(container.value("Args").toArray(), (QJsonArray{"/server", "--exit", "3"}));
        QCOMPARE(container.value("Env").toArray(), QJsonArray{"PORT=8081"});
        QCOMPARE(container.value("Healthcheck").toObject().value("Test").toArray(),
                 QJsonArray{"NONE"});
        QCOMPARE(s.value("TaskTemplate")
                     .toObject()
                     .value("RestartPolicy")
                     .toObject()
                     .value("Condition")
                     .toString(),
                 QStringLiteral("none"));
        QCOMPARE(
            s.value("Mode").toObject().value("ReplicatedJob").toObject().value("TotalCompletions"),
            QJsonValue(1));
        QVERIFY(!s.value("Mode").toObject().contains("Replicated"));
        QVERIFY(!s.value("Labels").toObject().contains("traefik.enable"));
        QCOMPARE(s.value("Labels").toObject().value("optimist.app").toString(),
                 QStringLiteral("demo"));
        QVERIFY(!DockerCluster::jobSpec(active, "demo", "j", "v2", {}));
        QVERIFY(!DockerCluster::jobSpec(active, "demo", "j", "-bad", {"x"}));
        QVERIFY(!DockerCluster::jobSpec(QJsonObject{}, "demo", "j", "v2", {"x"}));
    }

    void parsesEvents()
    {
        DockerEvent event;
        QVERIFY(DockerEvent::parse(
            R"({"Type":"service","Action":"update","Actor":{"ID":"abc","Attributes":{"name":"demo-blue","replicas.new":"2","replicas.old":"1"}},"scope":"swarm","time":1764353000,"timeNano":1764353000123456789})",
            &event));
        QCOMPARE(event.type, QStringLiteral("service"));
        QCOMPARE(event.action, QStringLiteral("update"));
        QCOMPARE(event.serviceName(), QStringLiteral("demo-blue"));
        QCOMPARE(event.attributes.value("replicas.new"), QStringLiteral("2"));
        QCOMPARE(event.time.toMSecsSinceEpoch(), 1764353000123LL);
        QVERIFY(DockerEvent::parse(
            R"({"Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{"com.docker.swarm.service.name":"demo-green"}},"time":1764353001})",
            &event));
        QCOMPARE(event.serviceName(), QStringLiteral("demo-green"));
        QCOMPARE(event.timeNano, 1764353001000000000LL);
        QVERIFY(!DockerEvent::parse("{}", &event));
        QVERIFY(!DockerEvent::parse("not json", &event));
    }

    // Found by fuzzing (tests/fuzz/corpus/docker_events/regression-time-overflow): a "time" in
    // seconds whose nanoseconds overflow 64 bits was multiplied regardless (undefined behaviour).
    void rejectsEventTimesOutOfRange_data()
    {
        QTest::addColumn<QByteArray>("times");
        QTest::addColumn<bool>("isEvent");
        QTest::addColumn<qint64>("timeNano");
        QTest::newRow("latest second")
            << QByteArray(R"("time":9223372035)") << true << 9223372035000000000LL;
        QTest::newRow("seconds overflow nanoseconds")
            << QByteArray(R"("time":170000000001)") << false << 0LL;
        QTest::newRow("negative seconds") << QByteArray(R"("time":-5)") << false << 0LL;
        QTest::newRow("negative nanoseconds") << QByteArray(R"("timeNano":-5)") << false << 0LL;
        QTest::newRow("nanoseconds with no room for since")
            << QByteArray(R"("timeNano":9223372036854775807)") << false << 0LL;
        QTest::newRow("no time") << QByteArray(R"("scope":"swarm")") << true << 0LL;
    }

    void rejectsEventTimesOutOfRange()
    {
        QFETCH(QByteArray, times);
        QFETCH(bool, isEvent);
        QFETCH(qint64, timeNano);
        DockerEvent event;
        QCOMPARE(
            DockerEvent::parse(R"({"Type":"service","Action":"update",)" + times + '}', &event),
            isEvent);
        if (isEvent)
            QCOMPARE(event.timeNano, timeNano);
    }

    // The stream's framing: complete lines only, whatever the chunks.
    void splitsTheEventStream()
    {
        const QByteArray line1 = R"({"Type":"service","Action":"create","time":1})";
        const QByteArray line2 = R"({"Type":"service","Action":"remove","time":2})";
        QByteArray buffer = line1 + "\n\nnot an event\n" + line2.left(10);
        QList<DockerEvent> events = DockerEvent::takeComplete(&buffer);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().action, QStringLiteral("create"));
        QCOMPARE(buffer, line2.left(10));
        buffer += line2.mid(10) + "\r\n";
        events = DockerEvent::takeComplete(&buffer);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().action, QStringLiteral("remove"));
        QVERIFY(buffer.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSwarmServiceState)
#include "tst_swarmservicestate.moc"
