#include "docker/DockerEndpoint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

class TestDockerEndpoint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    DockerEndpoint::Environment
    environment(std::initializer_list<std::pair<const char *, QString>> variables = {}) const
    {
        DockerEndpoint::Environment env{m_home.path(), QProcessEnvironment()};
        for (const auto &[name, value] : variables)
            env.variables.insert(QString::fromLatin1(name), value);
        return env;
    }

    QString dockerDir() const { return m_home.filePath(QStringLiteral(".docker")); }

    void write(const QString &path, const QByteArray &content)
    {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

    QString metaPath(const QString &context) const
    {
        return dockerDir() + QStringLiteral("/contexts/meta/") +
               DockerEndpoint::contextDirName(context) + QStringLiteral("/meta.json");
    }

    QString tlsDir(const QString &context) const
    {
        return dockerDir() + QStringLiteral("/contexts/tls/") +
               DockerEndpoint::contextDirName(context) + QStringLiteral("/docker");
    }

    void writeContext(const QString &name, const QByteArray &host, bool skipVerify = false)
    {
        write(metaPath(name), "{\"Name\":\"" + name.toUtf8() +
                                  "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" +
                                  host + "\",\"SkipTLSVerify\":" + (skipVerify ? "true" : "false") +
                                  "}}}");
    }

    void writeCerts(const QString &dir, bool ca = true, bool cert = true, bool key = true)
    {
        if (ca)
            write(dir + QStringLiteral("/ca.pem"), "ca");
        if (cert)
            write(dir + QStringLiteral("/cert.pem"), "cert");
        if (key)
            write(dir + QStringLiteral("/key.pem"), "key");
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        QDir(dockerDir()).removeRecursively();
    }

    void contextDirNameIsSha256OfTheName()
    {
        // As `docker context create remote` names the folders (printf remote | sha256sum).
        QCOMPARE(
            DockerEndpoint::contextDirName(QStringLiteral("remote")),
            QStringLiteral("b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a"));
        QCOMPARE(
            DockerEndpoint::contextDirName(QStringLiteral("default")),
            QStringLiteral("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f"));
    }

    void nothingConfiguredIsTheDefaultSocket()
    {
        const auto result = DockerEndpoint::resolve({}, environment());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().kind, DockerEndpoint::Kind::Unix);
        QCOMPARE(result.value().socketPath, QStringLiteral("/var/run/docker.sock"));
        QCOMPARE(result.value().source, DockerEndpoint::Source::Default);
        QCOMPARE(result.value().tls, false);
        QCOMPARE(result.value().uri(), QStringLiteral("unix:///var/run/docker.sock"));
    }

    void dockerHostUnix()
    {
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("unix:///tmp/test/docker.sock")}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().kind, DockerEndpoint::Kind::Unix);
        QCOMPARE(result.value().socketPath, QStringLiteral("/tmp/test/docker.sock"));
        QCOMPARE(result.value().source, DockerEndpoint::Source::DockerHostVariable);
    }

    void dockerHostSetButEmptyIsTheDefaultSocketAndBeatsTheContext()
    {
        writeContext(QStringLiteral("remote"), "tcp://10.0.0.1:2375");
        const auto result = DockerEndpoint::resolve(
            {}, environment(
                    {{"DOCKER_HOST", QString()}, {"DOCKER_CONTEXT", QStringLiteral("remote")}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().socketPath, QStringLiteral("/var/run/docker.sock"));
        QCOMPARE(result.value().source, DockerEndpoint::Source::DockerHostVariable);
    }

    void dockerHostTcpWithoutTls()
    {
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:12375")}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().kind, DockerEndpoint::Kind::Tcp);
        QCOMPARE(result.value().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(result.value().port, 12375);
        QCOMPARE(result.value().tls, false);
        QVERIFY(result.value().caFile.isEmpty());
    }

    void defaultPortsFollowTls()
    {
        auto plain = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://daemon.example")}}));
        QVERIFY(plain.ok());
        QCOMPARE(plain.value().port, 2375);

        writeCerts(dockerDir());
        auto tls = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("daemon.example")},
                             {"DOCKER_TLS_VERIFY", QStringLiteral("1")}}));
        QVERIFY(tls.ok());
        QCOMPARE(tls.value().kind, DockerEndpoint::Kind::Tcp);
        QCOMPARE(tls.value().port, 2376);
    }

    void ipv6Host()
    {
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://[::1]:2375")}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().host, QStringLiteral("::1"));
        QCOMPARE(result.value().uri(), QStringLiteral("tcp://[::1]:2375"));
    }

    void tlsVerifyUsesCertPath()
    {
        const QString certs = m_home.filePath(QStringLiteral("certs"));
        writeCerts(certs);
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:2376")},
                             {"DOCKER_TLS_VERIFY", QStringLiteral("1")},
                             {"DOCKER_CERT_PATH", certs}}));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().tls, true);
        QCOMPARE(result.value().tlsVerify, true);
        QCOMPARE(result.value().caFile, certs + QStringLiteral("/ca.pem"));
        QCOMPARE(result.value().certFile, certs + QStringLiteral("/cert.pem"));
        QCOMPARE(result.value().keyFile, certs + QStringLiteral("/key.pem"));
    }

    void tlsVerifyDefaultsToTheDockerFolder()
    {
        writeCerts(dockerDir());
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:2376")},
                             {"DOCKER_TLS_VERIFY", QStringLiteral("1")}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().caFile, dockerDir() + QStringLiteral("/ca.pem"));
    }

    void tlsVerifyWithoutCaNamesTheFile()
    {
        const QString certs = m_home.filePath(QStringLiteral("nocerts"));
        writeCerts(certs, false, true, true);
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:2376")},
                             {"DOCKER_TLS_VERIFY", QStringLiteral("1")},
                             {"DOCKER_CERT_PATH", certs}}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::NotFound);
        QVERIFY2(result.error().message.contains(certs + QStringLiteral("/ca.pem")),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("DOCKER_TLS_VERIFY")));
    }

    void certWithoutKeyNamesTheMissingKey()
    {
        const QString certs = m_home.filePath(QStringLiteral("halfcerts"));
        writeCerts(certs, true, true, false);
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:2376")},
                             {"DOCKER_TLS_VERIFY", QStringLiteral("1")},
                             {"DOCKER_CERT_PATH", certs}}));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(certs + QStringLiteral("/key.pem")),
                 qPrintable(result.error().message));
    }

    void explicitHostAndTlsOverrideTheVariables()
    {
        const QString certs = m_home.filePath(QStringLiteral("profilecerts"));
        writeCerts(certs);
        DockerEndpoint::Request request;
        request.host = QStringLiteral("tcp://swarm.example:3376");
        request.tlsVerify = true;
        request.certPath = certs;
        const auto result = DockerEndpoint::resolve(
            request, environment({{"DOCKER_HOST", QStringLiteral("unix:///elsewhere.sock")}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().source, DockerEndpoint::Source::ExplicitHost);
        QCOMPARE(result.value().host, QStringLiteral("swarm.example"));
        QCOMPARE(result.value().port, 3376);
        QCOMPARE(result.value().tlsVerify, true);
        QCOMPARE(result.value().caFile, certs + QStringLiteral("/ca.pem"));
    }

    void explicitHostAndContextConflict()
    {
        DockerEndpoint::Request request;
        request.host = QStringLiteral("tcp://a:1");
        request.context = QStringLiteral("remote");
        const auto result = DockerEndpoint::resolve(request, environment());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Invalid);
    }

    void unsupportedSchemesAreNamed_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("scheme");
        QTest::newRow("ssh") << QStringLiteral("ssh://me@host") << QStringLiteral("ssh://");
        QTest::newRow("npipe") << QStringLiteral("npipe:////./pipe/docker_engine")
                               << QStringLiteral("npipe://");
        QTest::newRow("http") << QStringLiteral("http://host:2375") << QStringLiteral("http://");
    }

    void unsupportedSchemesAreNamed()
    {
        QFETCH(QString, host);
        QFETCH(QString, scheme);
        const auto result = DockerEndpoint::resolve({}, environment({{"DOCKER_HOST", host}}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Invalid);
        QVERIFY2(result.error().message.contains(scheme), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("DOCKER_HOST")));
    }

    void badPortIsRejected()
    {
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_HOST", QStringLiteral("tcp://host:99999")}}));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("tcp://host:99999")),
                 qPrintable(result.error().message));
    }

    void dockerContextVariable()
    {
        writeContext(QStringLiteral("remote"), "tcp://10.0.0.1:2375");
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_CONTEXT", QStringLiteral("remote")}}));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().source, DockerEndpoint::Source::DockerContextVariable);
        QCOMPARE(result.value().contextName, QStringLiteral("remote"));
        QCOMPARE(result.value().host, QStringLiteral("10.0.0.1"));
        QCOMPARE(result.value().port, 2375);
        QCOMPARE(result.value().tls, false);
    }

    void contextWithTlsMaterial()
    {
        writeContext(QStringLiteral("secure"), "tcp://10.0.0.2:2376");
        writeCerts(tlsDir(QStringLiteral("secure")));
        DockerEndpoint::Request request;
        request.context = QStringLiteral("secure");
        const auto result = DockerEndpoint::resolve(request, environment());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().source, DockerEndpoint::Source::ExplicitContext);
        QCOMPARE(result.value().tls, true);
        QCOMPARE(result.value().tlsVerify, true);
        QCOMPARE(result.value().caFile,
                 tlsDir(QStringLiteral("secure")) + QStringLiteral("/ca.pem"));
        QCOMPARE(result.value().keyFile,
                 tlsDir(QStringLiteral("secure")) + QStringLiteral("/key.pem"));
    }

    void contextSkippingVerification()
    {
        writeContext(QStringLiteral("lax"), "tcp://10.0.0.3:2376", true);
        DockerEndpoint::Request request;
        request.context = QStringLiteral("lax");
        const auto result = DockerEndpoint::resolve(request, environment());
        QVERIFY(result.ok());
        QCOMPARE(result.value().tls, true);
        QCOMPARE(result.value().tlsVerify, false);
        QVERIFY(result.value().caFile.isEmpty());
    }

    void currentContextFromConfig()
    {
        writeContext(QStringLiteral("swarm"), "unix:///run/swarm.sock");
        write(dockerDir() + QStringLiteral("/config.json"),
              "{\"auths\":{},\"currentContext\":\"swarm\"}");
        const auto result = DockerEndpoint::resolve({}, environment());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().source, DockerEndpoint::Source::CurrentContext);
        QCOMPARE(result.value().socketPath, QStringLiteral("/run/swarm.sock"));
    }

    void dockerConfigVariableMovesTheFolder()
    {
        const QString other = m_home.filePath(QStringLiteral("otherconfig"));
        write(other + QStringLiteral("/contexts/meta/") +
                  DockerEndpoint::contextDirName(QStringLiteral("moved")) +
                  QStringLiteral("/meta.json"),
              "{\"Name\":\"moved\",\"Endpoints\":{\"docker\":{\"Host\":\"unix:///moved.sock\"}}}");
        write(other + QStringLiteral("/config.json"), "{\"currentContext\":\"moved\"}");
        const auto result = DockerEndpoint::resolve({}, environment({{"DOCKER_CONFIG", other}}));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().socketPath, QStringLiteral("/moved.sock"));
    }

    void defaultContextNameMeansTheDefaultRules()
    {
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_CONTEXT", QStringLiteral("default")}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().socketPath, QStringLiteral("/var/run/docker.sock"));
    }

    void unknownContextNamesTheFileAndTheKnownOnes()
    {
        writeContext(QStringLiteral("remote"), "tcp://10.0.0.1:2375");
        const auto result =
            DockerEndpoint::resolve({}, environment({{"DOCKER_CONTEXT", QStringLiteral("nope")}}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::NotFound);
        QVERIFY2(result.error().message.contains(metaPath(QStringLiteral("nope"))),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("remote")));
        QVERIFY(result.error().message.contains(QStringLiteral("DOCKER_CONTEXT")));
    }

    void currentContextMissingNamesTheConfig()
    {
        write(dockerDir() + QStringLiteral("/config.json"), "{\"currentContext\":\"gone\"}");
        const auto result = DockerEndpoint::resolve({}, environment());
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(dockerDir() + QStringLiteral("/config.json")),
                 qPrintable(result.error().message));
    }

    void badJsonInMetaNamesTheFile()
    {
        write(metaPath(QStringLiteral("broken")), "{\"Name\":\"broken\",");
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_CONTEXT", QStringLiteral("broken")}}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Invalid);
        QVERIFY2(result.error().message.contains(metaPath(QStringLiteral("broken"))),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("JSON")));
    }

    void metaWithoutDockerEndpointNamesTheField()
    {
        write(metaPath(QStringLiteral("k8s")), "{\"Name\":\"k8s\",\"Endpoints\":{}}");
        const auto result =
            DockerEndpoint::resolve({}, environment({{"DOCKER_CONTEXT", QStringLiteral("k8s")}}));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(metaPath(QStringLiteral("k8s"))));
        QVERIFY2(result.error().message.contains(QStringLiteral("Endpoints.docker")),
                 qPrintable(result.error().message));
    }

    void sshContextIsUnsupportedAndNamesTheFile()
    {
        writeContext(QStringLiteral("viassh"), "ssh://me@host");
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_CONTEXT", QStringLiteral("viassh")}}));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("ssh://")),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(metaPath(QStringLiteral("viassh"))));
    }

    void badConfigJsonNamesTheFile()
    {
        write(dockerDir() + QStringLiteral("/config.json"), "not json");
        const auto result = DockerEndpoint::resolve({}, environment());
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(dockerDir() + QStringLiteral("/config.json")));
    }

    void contextNameCannotLeaveTheFolder()
    {
        const auto result = DockerEndpoint::resolve(
            {}, environment({{"DOCKER_CONTEXT", QStringLiteral("../../etc")}}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestDockerEndpoint)
#include "tst_dockerendpoint.moc"
