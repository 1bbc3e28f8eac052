// The project's load generator (tests/fixtures/loadgen) against a local HTTP server whose
// answers are known: it sends at the asked rate, and its record counts every answer by version
// and status, and every connection error, in the second the request was sent.

#include "LoadGenerator.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "support/IntegrationSupport.h"

using namespace optimist::loadgen;

namespace {

/// Answers the n-th connection (from 0): every 10th is closed without an answer, every 10th from
/// the 5th on is a 500 from v2, the rest 200 alternating v1 and v2. Remembers the Host.
class ScriptedServer : public QTcpServer
{
public:
    int connections = 0;
    QByteArray lastHost;

    ScriptedServer()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                const int n = connections++;
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, n] {
                    const QByteArray request = socket->readAll();
                    for (const QByteArray &line : request.split('\n'))
                        if (line.toLower().startsWith("host:"))
                            lastHost = line.mid(5).trimmed();
                    if (n % 10 == 9) {
                        socket->close();
                        return;
                    }
                    const bool error = n % 5 == 4;
                    const QByteArray version = error || n % 2 ? "v2" : "v1";
                    socket->write(
                        (error ? "HTTP/1.1 500 Internal Server Error\r\n" : "HTTP/1.1 200 OK\r\n") +
                        QByteArray("X-Version: ") + version +
                        "\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n");
                    socket->disconnectFromHost();
                });
            }
        });
    }
};

} // namespace

class TestLoadGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsAtTheRateAndCountsEveryAnswer()
    {
        ScriptedServer server;
        QVERIFY(server.isListening());
        LoadGenerator::Options options;
        options.port = server.serverPort();
        options.hostHeader = "demo.localhost";
        options.ratePerSecond = 100;
        options.duration = std::chrono::milliseconds(2000);
        LoadGenerator load(options);
        QSignalSpy finished(&load, &LoadGenerator::finished);
        load.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(load.inFlight(), 0);

        // Exactly rate × duration requests, all of them sent within the duration.
        QCOMPARE(load.answers().size(), 200);
        QCOMPARE(server.connections, 200);
        QCOMPARE(server.lastHost, QByteArray("demo.localhost"));
        for (const LoadAnswer &a : load.answers())
            QVERIFY(a.sentAtMs - load.startedAtMs() < 2000);

        // The server's script: 20 closed without answer, 20 × 500 (v2), 80 × 200 v1, 80 × 200 v2.
        const LoadRecord record = load.record();
        const LoadSecond &totals = record.totals();
        QCOMPARE(totals.sent, 200);
        QCOMPARE(totals.connectionErrors(), 20);
        QCOMPARE(totals.statuses.value(500), 20);
        QCOMPARE(totals.statuses.value(200), 160);
        QCOMPARE(totals.version(QStringLiteral("v1")), 80);
        QCOMPARE(totals.version(QStringLiteral("v2")), 100);
        QCOMPARE(totals.failed(), 40);
        QCOMPARE(totals.answered(), 180);

        // Two seconds of about 100 requests each (the event loop may lag a little).
        QCOMPARE(record.seconds().size(), 2);
        int sum = 0;
        for (const LoadSecond &s : record.seconds()) {
            QVERIFY2(s.sent >= 80 && s.sent <= 120, qPrintable(s.describe()));
            sum += s.sent;
        }
        QCOMPARE(sum, 200);

        // A window from the start over one whole second holds exactly the first second.
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(record.startedAtMs(), Qt::UTC);
        QCOMPARE(record.within(start, start.addMSecs(1500)).sent, record.seconds().first().sent);

        const QJsonObject json = record.toJson();
        QCOMPARE(json.value(QStringLiteral("ratePerSecond")).toInt(), 100);
        QCOMPARE(json.value(QStringLiteral("seconds")).toArray().size(), 2);
        const QJsonObject jsonTotals = json.value(QStringLiteral("totals")).toObject();
        QCOMPARE(jsonTotals.value(QStringLiteral("connectionErrors")).toInt(), 20);
        QCOMPARE(jsonTotals.value(QStringLiteral("versions"))
                     .toObject()
                     .value(QStringLiteral("v2"))
                     .toInt(),
                 100);
        QCOMPARE(jsonTotals.value(QStringLiteral("statuses"))
                     .toObject()
                     .value(QStringLiteral("500"))
                     .toInt(),
                 20);
    }

    void countsRefusedConnectionsAndStopsOnRequest()
    {
        LoadGenerator::Options options;
        options.port = quint16(optimist::test::freePort()); // nothing listens there
        options.hostHeader = "demo.localhost";
        options.ratePerSecond = 50;
        LoadGenerator load(options);
        QSignalSpy finished(&load, &LoadGenerator::finished);
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.answers().size() >= 10, 5000);
        load.stop();
        QVERIFY(!load.isSending());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const LoadSecond totals = load.record().totals();
        QCOMPARE(totals.connectionErrors(), totals.sent);
        QCOMPARE(totals.answered(), 0);
        QVERIFY2(totals.errors.firstKey().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(totals.describe()));
    }
};

QTEST_GUILESS_MAIN(TestLoadGenerator)
#include "tst_loadgenerator.moc"
