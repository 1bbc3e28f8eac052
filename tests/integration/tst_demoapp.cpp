// The demo server of the optimist-demo images (tests/fixtures/demo-app), run directly: what the
// Docker, Traefik and metrics tests count on it to do.

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

QString binary()
{
    return QFileInfo(QStringLiteral(OPTIMIST_CLI)).dir().filePath(QStringLiteral("demo-app"));
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

struct Answer
{
    int status = 0;
    QByteArray version;
    QByteArray body;
};

// One request on @p socket (kept open: keep-alive); status 0 when nothing came back.
Answer get(QTcpSocket &socket, const QByteArray &path)
{
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray data;
    Answer answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QList<QByteArray> lines = data.left(end).split('\n');
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                const QByteArray l = line.trimmed();
                if (l.startsWith("HTTP/1.1 "))
                    answer.status = l.mid(9, 3).toInt();
                else if (l.toLower().startsWith("x-version:"))
                    answer.version = l.mid(10).trimmed();
                else if (l.toLower().startsWith("content-length:"))
                    length = l.mid(15).trimmed().toInt();
            }
            if (data.size() >= end + 4 + length) {
                answer.body = data.mid(end + 4, length);
                return answer;
            }
        }
        if (!socket.waitForReadyRead(1000) && socket.state() != QAbstractSocket::ConnectedState)
            break;
        data += socket.readAll();
    }
    return {};
}

} // namespace

class TestDemoApp : public QObject
{
    Q_OBJECT

    // A running server; stopped (SIGTERM) when it goes out of scope.
    struct Server
    {
        std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
        quint16 port = 0;

        Server() = default;
        Server(Server &&) = default;
        ~Server()
        {
            if (process && process->state() != QProcess::NotRunning) {
                process->terminate();
                process->waitForFinished(5000);
            }
        }
    };

    // Starts the server with @p env and waits for its start line.
    static Server start(const QStringList &env)
    {
        Server s;
        s.port = freePort();
        QProcessEnvironment e;
        e.insert(QStringLiteral("PORT"), QString::number(s.port));
        for (const QString &pair : env)
            e.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        s.process->setProcessEnvironment(e);
        s.process->start(binary(), {});
        if (s.process->waitForReadyRead(5000) &&
            s.process->readAllStandardOutput().contains("listening on"))
            return s;
        s.process->kill();
        s.process->waitForFinished();
        s.port = 0;
        return s;
    }

    static int run(const QStringList &args, const QStringList &env, QByteArray *out = nullptr)
    {
        QProcess p;
        QProcessEnvironment e;
        for (const QString &pair : env)
            e.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(e);
        p.start(binary(), args);
        if (!p.waitForFinished(10000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo(binary()).isExecutable())
            QFAIL(qPrintable(
                QStringLiteral("%1 is missing: build the demo-app target").arg(binary())));
    }

    void answersWithItsVersionOverKeepAlive()
    {
        Server s = start({QStringLiteral("VERSION=v9")});
        QVERIFY(s.port);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, s.port);
        QVERIFY(socket.waitForConnected(5000));
        for (const char *path : {"/", "/any/path?x=1", "/health"}) {
            const Answer a = get(socket, path);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.version, QByteArray("v9"));
            QCOMPARE(a.body, QByteArray(qstrcmp(path, "/health") == 0 ? "ok\n" : "v9\n"));
        }
        QCOMPARE(run({QStringLiteral("--probe")}, {QStringLiteral("PORT=%1").arg(s.port)}), 0);

        // SIGTERM ends it at once with 0, as Swarm stops a task.
        QElapsedTimer timer;
        timer.start();
        s.process->terminate();
        QVERIFY(s.process->waitForFinished(5000));
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(s.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.process->exitCode(), 0);
    }

    void errorRateAndLatency()
    {
        Server s = start({QStringLiteral("VERSION=v3"), QStringLiteral("ERROR_RATE=1"),
                          QStringLiteral("LATENCY_MS=150")});
        QVERIFY(s.port);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, s.port);
        QVERIFY(socket.waitForConnected(5000));
        QElapsedTimer timer;
        timer.start();
        const Answer a = get(socket, "/");
        QVERIFY(timer.elapsed() >= 150);
        QCOMPARE(a.status, 500);
        QCOMPARE(a.version, QByteArray("v3"));
        // The health check passes still, and at once.
        timer.restart();
        QCOMPARE(get(socket, "/health").status, 200);
        QVERIFY(timer.elapsed() < 150);
    }

    void neverHealthy()
    {
        Server s = start({QStringLiteral("NEVER_HEALTHY=1")});
        QVERIFY(s.port);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, s.port);
        QVERIFY(socket.waitForConnected(5000));
        QCOMPARE(get(socket, "/health").status, 503);
        QCOMPARE(get(socket, "/").status, 200);
        QCOMPARE(run({QStringLiteral("--probe")}, {QStringLiteral("PORT=%1").arg(s.port)}), 1);
    }

    void probeWithoutServerFails()
    {
        QCOMPARE(run({QStringLiteral("--probe")}, {QStringLiteral("PORT=%1").arg(freePort())}), 1);
    }

    void crashAndOneOffJobs()
    {
        QCOMPARE(run({}, {QStringLiteral("CRASH=1")}), 1);
        QByteArray out;
        QCOMPARE(run({QStringLiteral("--exit"), QStringLiteral("3"), QStringLiteral("--lines"),
                      QStringLiteral("2")},
                     {}, &out),
                 3);
        QCOMPARE(out.count('\n'), 2);
    }
};

QTEST_GUILESS_MAIN(TestDemoApp)
#include "tst_demoapp.moc"
