// ProfileWriter writes what ProfileLoader reads: every profile loaded, written and loaded again
// is the same profile; a literal secret is never written; a write replaces the file atomically.

#include "profiles/ProfileLoader.h"
#include "profiles/ProfileWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

namespace {

QString describe(const EnvironmentProfile::Component &c)
{
    return c.kind + QLatin1Char(' ') +
           QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(c.settings))
                                 .toJson(QJsonDocument::Compact));
}

QString describe(const EnvironmentProfile &p)
{
    QStringList lines{
        p.name,
        p.description,
        describe(p.cluster),
        describe(p.router),
        describe(p.metrics),
        QString::fromUtf8(QJsonDocument(p.plan.toJson()).toJson(QJsonDocument::Compact))};
    for (const auto &app : p.applications)
        lines << app.name +
                     QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(app.settings))
                                           .toJson(QJsonDocument::Compact));
    for (auto it = p.secretReferences.cbegin(); it != p.secretReferences.cend(); ++it)
        lines << it.key() + QLatin1Char('=') + it.value();
    return lines.join(QLatin1Char('\n'));
}

const char kDockerRedis[] = "name: staging-eu\n"
                            "description: 'Staging: Frankfurt # not a comment'\n"
                            "cluster:\n"
                            "  kind: docker\n"
                            "  endpoint: tcp://docker.staging:2376\n"
                            "  tlsCertPath: certs/staging\n"
                            "  tlsVerify: true\n"
                            "router:\n"
                            "  kind: redis\n"
                            "  address: redis.staging:6379\n"
                            "  database: 2\n"
                            "  rootKey: \"true\"\n"
                            "  username: \"123\"\n"
                            "  password: keychain:optimist/redis-staging\n"
                            "  apiUrl: http://traefik.staging:8080\n"
                            "  apiUser: admin\n"
                            "  apiPassword: keychain:optimist/traefik api/admin\n"
                            "  traefikVersion: 3\n"
                            "  entryPoints: [web, websecure]\n"
                            "metrics:\n"
                            "  kind: prometheus\n"
                            "  url: http://prometheus.staging:9090\n"
                            "  token: keychain:optimist/prometheus\n"
                            "  settleSec: 5\n"
                            "applications:\n"
                            "  - name: portal\n"
                            "    service: portal-web\n"
                            "    healthUrl: https://portal.staging/healthz\n"
                            "    rule: Host(`portal.example.com`) && PathPrefix(`/`)\n"
                            "    ports: {blue: 8081, green: 8082}\n"
                            "    portVariable: HTTP_PORT\n"
                            "  - name: billing\n"
                            "plan:\n"
                            "  steps: [5, 20, 100]\n"
                            "  checkIntervalSec: 30\n"
                            "  threshold: 80.5\n"
                            "  confidence: 0.995\n"
                            "  latencyStatistic: mean\n"
                            "  keepFailedColor: true\n"
                            "  coefficients:\n"
                            "    latencyBase: 250\n"
                            "  hookCommand: [migrate, --to, \"latest: now\"]\n"
                            "secrets:\n"
                            "  registryToken: keychain:optimist/registry.example.com\n";

const char kFileTraefik[] = "cluster:\n"
                            "  kind: docker\n"
                            "  context: remote-swarm\n"
                            "router:\n"
                            "  kind: file\n"
                            "  path: /srv/traefik/dynamic\n"
                            "  apiUrl: https://traefik.internal\n"
                            "  apiCaFile: ca.pem\n"
                            "  traefikVersion: 2\n"
                            "metrics:\n"
                            "  kind: traefik\n"
                            "  url: http://127.0.0.1:8082/metrics\n"
                            "  scrapeIntervalMs: 500\n";

} // namespace

class TestProfileWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeText(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("shipped sandbox")
            << QStringLiteral(OPTIMIST_SOURCE_DIR "/resources/profiles/sandbox.yaml");
        QTest::newRow("docker, redis, prometheus")
            << writeText(QStringLiteral("staging.yaml"), kDockerRedis);
        QTest::newRow("docker context, file, traefik")
            << writeText(QStringLiteral("files.yaml"), kFileTraefik);
    }

    void roundTrip()
    {
        QFETCH(QString, source);
        const auto original = ProfileLoader::loadFile(source);
        QVERIFY2(original.ok(), qPrintable(original.ok() ? QString() : original.error().message));

        // Written into another folder: paths were made absolute on loading and stay so.
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("copy.yaml"));
        const auto written = ProfileWriter::writeFile(original.value(), path);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));

        const auto again = ProfileLoader::loadFile(path);
        QFile text(path);
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QByteArray yaml = text.readAll();
        QVERIFY2(again.ok(), qPrintable((again.ok() ? QString() : again.error().message) +
                                        QLatin1Char('\n') + QString::fromUtf8(yaml)));
        if (qEnvironmentVariableIsSet("SHOW_YAML"))
            qInfo("%s", yaml.constData());
        QCOMPARE(describe(again.value()), describe(original.value()));
        QCOMPARE(again.value().secretReferences, original.value().secretReferences);
    }

    // Text that YAML would read as a bool or number is quoted, so any YAML reader sees text.
    void textThatLooksTypedIsQuoted()
    {
        const auto loaded =
            ProfileLoader::loadFile(writeText(QStringLiteral("q.yaml"), kDockerRedis));
        QVERIFY(loaded.ok());
        const auto yaml = ProfileWriter::toYaml(loaded.value());
        QVERIFY(yaml.ok());
        QVERIFY2(yaml.value().contains("rootKey: \"true\"\n"), yaml.value().constData());
        QVERIFY2(yaml.value().contains("username: \"123\"\n"), yaml.value().constData());
        QVERIFY2(yaml.value().contains("database: 2\n"), yaml.value().constData());
        QVERIFY2(yaml.value().contains("tlsVerify: true\n"), yaml.value().constData());
    }

    void defaultPlanIsLeftOut()
    {
        EnvironmentProfile p;
        p.name = QStringLiteral("bare");
        p.cluster = {QStringLiteral("sandbox"),
                     {{QStringLiteral("scenario"), QStringLiteral("healthy")}}};
        const auto yaml = ProfileWriter::toYaml(p);
        QVERIFY(yaml.ok());
        QVERIFY2(!yaml.value().contains("plan:"), yaml.value().constData());
    }

    // A literal secret in a secret-looking field: nothing is written, the old file stays, and
    // the error names the field, never the value.
    void literalSecretIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("router.password") << QStringLiteral("router.password");
        QTest::newRow("metrics.token") << QStringLiteral("metrics.token");
        QTest::newRow("secrets entry") << QStringLiteral("registryToken");
    }

    void literalSecretIsRefused()
    {
        QFETCH(QString, field);
        const auto loaded =
            ProfileLoader::loadFile(writeText(QStringLiteral("s.yaml"), kDockerRedis));
        QVERIFY(loaded.ok());
        EnvironmentProfile p = loaded.value();
        const QString secret = QStringLiteral("hunter2-literal");
        if (field == QLatin1String("router.password"))
            p.router.settings.insert(QStringLiteral("password"), secret);
        else if (field == QLatin1String("metrics.token"))
            p.metrics.settings.insert(QStringLiteral("token"), secret);
        else
            p.secretReferences.insert(field, secret);

        const QString path = writeText(QStringLiteral("target.yaml"), "old: content\n");
        const auto written = ProfileWriter::writeFile(p, path);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, Error::Kind::Invalid);
        QVERIFY2(written.error().message.contains(field), qPrintable(written.error().message));
        QVERIFY(!written.error().message.contains(secret));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old: content\n"));
    }

    void replacesAtomicallyAndCreatesTheFolder()
    {
        const auto loaded =
            ProfileLoader::loadFile(writeText(QStringLiteral("a.yaml"), kFileTraefik));
        QVERIFY(loaded.ok());
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("environments/files.yaml"));
        QVERIFY(ProfileWriter::writeFile(loaded.value(), path).ok());
        EnvironmentProfile changed = loaded.value();
        changed.description = QStringLiteral("changed");
        QVERIFY(ProfileWriter::writeFile(changed, path).ok());
        const auto again = ProfileLoader::loadFile(path);
        QVERIFY(again.ok());
        QCOMPARE(again.value().description, QStringLiteral("changed"));
        // No temporary file is left beside it.
        QCOMPARE(QDir(out.filePath(QStringLiteral("environments")))
                     .entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("files.yaml")});
    }

    void unwritableFolderIsAnError()
    {
        EnvironmentProfile p;
        p.name = QStringLiteral("x");
        p.cluster = {QStringLiteral("sandbox"),
                     {{QStringLiteral("scenario"), QStringLiteral("healthy")}}};
        const QString blocker = writeText(QStringLiteral("plain-file"), "x");
        const auto written = ProfileWriter::writeFile(p, blocker + QStringLiteral("/x.yaml"));
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message.contains(blocker), qPrintable(written.error().message));
    }
};

QTEST_GUILESS_MAIN(TestProfileWriter)
#include "tst_profilewriter.moc"
