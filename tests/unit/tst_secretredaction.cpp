// Authorization headers, passwords and tokens never appear in logs (issue 7, "Secrets"). The
// messages of this process are captured with qInstallMessageHandler under SecretRedaction's
// log filter (as optimist and optimist-cli install it), with every optimist category at debug:
// a request with credentials is made for real (the server in the test checks they went over the
// wire) and logged, secrets the keychain handed out are logged by mistake, and the captured log
// holds none of them — neither plainly nor base64- or percent-encoded.

#include "metrics/PrometheusMetrics.h"
#include "secrets/SecretRedaction.h"
#include "traefik/TraefikApiClient.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QTest>

#include "support/HttpFixtureServer.h"

using namespace optimist;
using namespace optimist::test;

namespace {

QMutex capturedMutex;
QStringList captured;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    const QMutexLocker lock(&capturedMutex);
    captured << message;
}

QString capturedText()
{
    const QMutexLocker lock(&capturedMutex);
    return captured.join(QLatin1Char('\n'));
}

/// Every form of @p secret a log could leak.
QStringList formsOf(const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    return {secret, QString::fromLatin1(utf8.toBase64()),
            QString::fromLatin1(
                utf8.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
            QString::fromLatin1(QUrl::toPercentEncoding(secret))};
}

} // namespace

class TestSecretRedaction : public QObject
{
    Q_OBJECT

    QtMessageHandler m_testHandler = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        m_testHandler = qInstallMessageHandler(capture);
        SecretRedaction::installLogFilter(); // over capture, as main() installs it
        QLoggingCategory::setFilterRules(QStringLiteral("optimist.*.debug=true"));
    }
    void cleanupTestCase()
    {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(m_testHandler);
    }
    void init()
    {
        const QMutexLocker lock(&capturedMutex);
        captured.clear();
        SecretRedaction::forgetAll();
    }

    void describeRedactsHeadersAndUserInfo()
    {
        const QString described = SecretRedaction::describe(
            "GET",
            QUrl(QStringLiteral("https://ops:url-pass-4711@traefik.internal/api/version?"
                                "token=query-token-4711&limit=5")),
            {{"Accept", "application/json"},
             {"Authorization", "Basic " + QByteArray("ops:header-pass-4711").toBase64()},
             {"X-Registry-Auth", QByteArray("registry-pass-4711").toBase64()}});
        QVERIFY2(described.contains(QStringLiteral("traefik.internal/api/version")) &&
                     described.contains(QStringLiteral("Accept: application/json")) &&
                     described.contains(QStringLiteral("limit=5")) &&
                     described.contains(QStringLiteral("Authorization: [redacted]")),
                 qPrintable(described));
        for (const QString &secret :
             {QStringLiteral("url-pass-4711"), QStringLiteral("query-token-4711"),
              QStringLiteral("ops:header-pass-4711"), QStringLiteral("registry-pass-4711")}) {
            for (const QString &form : formsOf(secret))
                QVERIFY2(!described.contains(form), qPrintable(described));
        }
    }

    void requestsWithCredentialsAreLoggedRedacted()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        HttpFixtureServer server(&tcp);
        server.routes.insert("/api/version", {200, R"({"Version":"3.1.0"})"});
        server.routes.insert("/api/v1/query",
                             {200, R"({"status":"success","data":{"resultType":"vector",)"
                                   R"("result":[]}})"});
        const QString basicPassword = QStringLiteral("Traefik-Basic-Pw-9f3k2");
        const QString bearer = QStringLiteral("Prometheus-Bearer-7c1x0");

        TraefikApiSettings api;
        api.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(tcp.serverPort()));
        api.user = QStringLiteral("ops");
        api.password = basicPassword;
        TraefikApiClient client(api);
        std::optional<Result<QString>> version;
        client.version([&version](const Result<QString> &r) { version = r; });
        QTRY_VERIFY_WITH_TIMEOUT(version.has_value(), 10000);
        QVERIFY(version->ok());

        PrometheusMetrics::Config config;
        config.baseUrl = api.url;
        config.bearerToken = bearer;
        PrometheusMetrics prometheus(config);
        std::optional<Result<PrometheusApiResult>> answer;
        QObject context;
        prometheus.query(
            QStringLiteral("up"), QDateTime::currentDateTimeUtc(),
            Reply<PrometheusApiResult>(&context, [&answer](const auto &r) { answer = r; }));
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY(answer->ok());

        // The credentials did go over the wire…
        QCOMPARE(server.requests.size(), 2);
        QVERIFY(server.requests.at(0).contains(
            "Authorization: Basic " +
            (QStringLiteral("ops:") + basicPassword).toUtf8().toBase64()));
        QVERIFY(server.requests.at(1).contains("Authorization: Bearer " + bearer.toUtf8()));
        // …and both requests are in the log, without them.
        const QString log = capturedText();
        QVERIFY2(log.contains(
                     QStringLiteral("GET http://127.0.0.1:%1/api/version").arg(tcp.serverPort())) &&
                     log.contains(QStringLiteral("POST http://127.0.0.1:%1/api/v1/query")
                                      .arg(tcp.serverPort())) &&
                     log.contains(QStringLiteral("Authorization: [redacted]")),
                 qPrintable(log));
        for (const QString &secret :
             {basicPassword, QStringLiteral("ops:") + basicPassword, bearer})
            for (const QString &form : formsOf(secret))
                QVERIFY2(!log.contains(form), qPrintable(log));
    }

    void keychainSecretsNeverReachTheLog()
    {
        const QString secret = QStringLiteral("Redis-Pass/w0rd+&=?");
        SecretRedaction::remember(secret);
        const QByteArray b64 = secret.toUtf8().toBase64();
        qWarning() << "connecting with" << secret;
        qCWarning(QLoggingCategory("optimist.test")).noquote()
            << "url: redis://:" + QString::fromLatin1(QUrl::toPercentEncoding(secret)) + "@host";
        qCDebug(QLoggingCategory("optimist.test")).noquote()
            << "X-Registry-Auth=" + QString::fromLatin1(b64);
        qInfo().noquote() << "Proxy-Authorization: Basic dXNlcjpub3RrZXB0";
        const QString log = capturedText();
        QVERIFY2(log.count(QStringLiteral("[redacted]")) >= 4, qPrintable(log));
        for (const QString &form : formsOf(secret))
            QVERIFY2(!log.contains(form), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("dXNlcjpub3RrZXB0")), qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("connecting with")));
    }

    void shortValuesAreNotTracked()
    {
        SecretRedaction::remember(QStringLiteral("ab"));
        qWarning("a cab and a crab");
        QVERIFY(capturedText().contains(QStringLiteral("a cab and a crab")));
    }
};

QTEST_GUILESS_MAIN(TestSecretRedaction)
#include "tst_secretredaction.moc"
