// The real test environment is what the integration tests rely on (DESIGN §7, the
// OPTIMIST_TEST_* variables of ./scripts/test): a single-node Swarm without ingress on its own
// socket and on TLS with client certificates, the demo images, Redis with its ACL user, and
// Prometheus. Docker is asked with curl, independent of the product's Docker client.

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

namespace {

struct Curl
{
    int exitCode = -1;
    QByteArray body;
};

Curl curl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("curl"), QStringList{QStringLiteral("-sS"), QStringLiteral("-f"),
                                                QStringLiteral("--max-time"), QStringLiteral("10")}
                                        << args);
    Curl c;
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished();
        return c;
    }
    c.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    c.body = p.readAllStandardOutput();
    return c;
}

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

} // namespace

class TestTestEnvironment : public QObject
{
    Q_OBJECT

    QString m_socket;

    QJsonDocument docker(const QString &path)
    {
        const Curl c = curl(
            {QStringLiteral("--unix-socket"), m_socket, QStringLiteral("http://docker") + path});
        return c.exitCode == 0 ? QJsonDocument::fromJson(c.body) : QJsonDocument();
    }

    Curl dockerTls(const QString &certPath)
    {
        const QDir dir(certPath);
        const QString url =
            QStringLiteral("https://%1/_ping")
                .arg(env("OPTIMIST_TEST_DOCKER_TLS_HOST").remove(QStringLiteral("tcp://")));
        return curl({QStringLiteral("--cacert"), dir.filePath(QStringLiteral("ca.pem")),
                     QStringLiteral("--cert"), dir.filePath(QStringLiteral("cert.pem")),
                     QStringLiteral("--key"), dir.filePath(QStringLiteral("key.pem")), url});
    }

    // One RESP command on a fresh connection; the first line of the answer.
    static QByteArray redis(const QList<QByteArray> &command)
    {
        const QString address = env("OPTIMIST_TEST_REDIS");
        QTcpSocket socket;
        socket.connectToHost(address.section(QLatin1Char(':'), 0, 0),
                             address.section(QLatin1Char(':'), 1).toUShort());
        if (!socket.waitForConnected(5000))
            return socket.errorString().toUtf8();
        QByteArray request = "*" + QByteArray::number(command.size()) + "\r\n";
        for (const QByteArray &part : command)
            request += "$" + QByteArray::number(part.size()) + "\r\n" + part + "\r\n";
        socket.write(request);
        while (!socket.canReadLine())
            if (!socket.waitForReadyRead(5000))
                return "no answer";
        return socket.readLine().trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const char *names[] = {
            "OPTIMIST_TEST_DOCKER_HOST",       "OPTIMIST_TEST_DOCKER_TLS_HOST",
            "OPTIMIST_TEST_DOCKER_CERT_PATH",  "OPTIMIST_TEST_DOCKER_BAD_CERT_PATH",
            "OPTIMIST_TEST_DEMO_IMAGE",        "OPTIMIST_TEST_REDIS",
            "OPTIMIST_TEST_REDIS_PASSWORD",    "OPTIMIST_TEST_PROMETHEUS",
            "OPTIMIST_TEST_PROMETHEUS_TARGETS"};
        for (const char *name : names) {
            if (qEnvironmentVariableIsEmpty(name)) {
                if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
                    QFAIL(qPrintable(QStringLiteral("%1 is not set").arg(QLatin1String(name))));
                QSKIP("needs the real servers: run ./scripts/test");
            }
        }
        m_socket = env("OPTIMIST_TEST_DOCKER_HOST").remove(QStringLiteral("unix://"));
    }

    void swarmIsActiveWithoutIngress()
    {
        const QJsonObject info = docker(QStringLiteral("/info")).object();
        QCOMPARE(info[QLatin1String("Swarm")][QLatin1String("LocalNodeState")].toString(),
                 QStringLiteral("active"));
        QVERIFY(info[QLatin1String("Swarm")][QLatin1String("ControlAvailable")].toBool());
        const QJsonArray networks = docker(QStringLiteral("/networks")).array();
        QVERIFY(!networks.isEmpty());
        for (const QJsonValue &network : networks)
            QVERIFY2(!network[QLatin1String("Ingress")].toBool(),
                     qPrintable(network[QLatin1String("Name")].toString()));
    }

    void demoImagesExist()
    {
        const QString image = env("OPTIMIST_TEST_DEMO_IMAGE");
        QStringList tags;
        for (const QJsonValue &i : docker(QStringLiteral("/images/json")).array())
            for (const QJsonValue &tag : i[QLatin1String("RepoTags")].toArray())
                tags << tag.toString();
        for (const char *version : {"v1", "v2", "v3", "v4", "v5"})
            QVERIFY2(tags.contains(image + QLatin1Char(':') + QLatin1String(version)),
                     qPrintable(tags.join(QLatin1Char(' '))));

        const QJsonObject v5 = docker(QStringLiteral("/images/%1:v5/json").arg(image))
                                   .object()[QLatin1String("Config")]
                                   .toObject();
        QVERIFY(v5[QLatin1String("Env")].toArray().contains(QStringLiteral("NEVER_HEALTHY=1")));
        QCOMPARE(v5[QLatin1String("Healthcheck")][QLatin1String("Test")].toArray(),
                 QJsonArray({QStringLiteral("CMD"), QStringLiteral("/server"),
                             QStringLiteral("--probe")}));
    }

    void tlsNeedsAClientCertificateOfTheDaemonsCa()
    {
        const Curl good = dockerTls(env("OPTIMIST_TEST_DOCKER_CERT_PATH"));
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(good.body, QByteArray("OK"));
        QVERIFY(dockerTls(env("OPTIMIST_TEST_DOCKER_BAD_CERT_PATH")).exitCode != 0);
    }

    void redisAnswersWithItsUser()
    {
        QCOMPARE(redis({"PING"}), QByteArray("+PONG"));
        QCOMPARE(redis({"AUTH", "optimist", env("OPTIMIST_TEST_REDIS_PASSWORD").toUtf8()}),
                 QByteArray("+OK"));
        QVERIFY(redis({"AUTH", "optimist", "wrong"}).startsWith("-WRONGPASS"));
    }

    void prometheusIsReady()
    {
        const Curl ready = curl({env("OPTIMIST_TEST_PROMETHEUS") + QStringLiteral("/-/ready")});
        QCOMPARE(ready.exitCode, 0);
        const QFileInfo targets(env("OPTIMIST_TEST_PROMETHEUS_TARGETS"));
        QVERIFY(targets.isFile() && targets.isWritable());
    }
};

QTEST_GUILESS_MAIN(TestTestEnvironment)
#include "tst_testenvironment.moc"
