// Traefik's file provider: one YAML file per application, replaced atomically; and the exact
// Redis keys the KV writer sets.

#include "traefik/TraefikFileWriter.h"
#include "traefik/TraefikKvWriter.h"
#include "traefik/TraefikRouterProfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace optimist;

namespace {

/// The error of @p result, or an Other error when it succeeded (so a check fails, not throws).
template <typename T> Error errorOf(const Result<T> &result)
{
    return result.ok() ? Error{Error::Kind::Other, QStringLiteral("(it succeeded)")}
                       : result.error();
}

TraefikAppRoute portal()
{
    TraefikAppRoute route;
    route.app = QStringLiteral("portal");
    route.rule = QStringLiteral("Host(`portal.example.com`)");
    route.entryPoints = {QStringLiteral("web"), QStringLiteral("websecure")};
    return route;
}

template <typename T>
Result<T> wait(std::function<void(typename TraefikWeightWriter::Callback<T>)> call)
{
    std::optional<Result<T>> got;
    bool inside = true;
    call([&](const Result<T> &r) {
        QVERIFY2(!inside, "answered inside the call");
        got = r;
    });
    inside = false;
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 5000))
        return Error{Error::Kind::Timeout, QStringLiteral("no answer")};
    return *got;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entriesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestTraefikFileWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstWriteAdoptsAndReadsBack()
    {
        QTemporaryDir dir;
        TraefikFileWriter writer(dir.path());
        const auto outcome = wait<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{90, 10}, TraefikNaming::Version::V3,
                                WriteMode::Apply, cb);
        });
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : errorOf(outcome).message));
        const QString path = dir.filePath(QStringLiteral("portal.yaml"));
        QCOMPARE(entriesIn(dir.path()), QStringList{QStringLiteral("portal.yaml")});
        // What Traefik reads: a weighted service over the Swarm children, sticky, and a router.
        const YAML::Node root = YAML::LoadFile(path.toStdString());
        const YAML::Node weighted = root["http"]["services"]["portal"]["weighted"];
        QCOMPARE(weighted["services"].size(), std::size_t(2));
        QCOMPARE(weighted["services"][0]["name"].as<std::string>(),
                 std::string("portal-blue@swarm"));
        QCOMPARE(weighted["services"][0]["weight"].as<int>(), 90);
        QCOMPARE(weighted["services"][1]["name"].as<std::string>(),
                 std::string("portal-green@swarm"));
        QCOMPARE(weighted["services"][1]["weight"].as<int>(), 10);
        QCOMPARE(weighted["sticky"]["cookie"]["name"].as<std::string>(),
                 std::string("portal_color"));
        QCOMPARE(weighted["sticky"]["cookie"]["httpOnly"].as<bool>(), true);
        const YAML::Node router = root["http"]["routers"]["portal"];
        QCOMPARE(router["rule"].as<std::string>(), std::string("Host(`portal.example.com`)"));
        QCOMPARE(router["service"].as<std::string>(), std::string("portal"));
        QCOMPARE(router["entryPoints"][1].as<std::string>(), std::string("websecure"));
        // The description holds exactly the YAML written.
        QVERIFY(outcome.value().description.contains(QString::fromUtf8(readFile(path))));
        QFileInfo info(path);
        QVERIFY(info.permissions() & QFileDevice::ReadOther);

        const auto read = wait<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QVERIFY(read.ok());
        QCOMPARE(read.value(), (WeightSplit{90, 10}));
    }

    void laterWritesKeepTheRestAndLeaveZeroOut()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("portal.yaml"));
        // Someone tuned the router by hand: a later write changes only the weights.
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("http:\n  routers:\n    portal:\n      rule: Host(`old.example.com`)\n"
                   "      service: portal\n      middlewares: [auth]\n"
                   "  services:\n    portal:\n      weighted:\n        services:\n"
                   "          - name: portal-blue@docker\n            weight: 100\n");
        file.close();
        TraefikFileWriter writer(dir.path());
        const auto outcome = wait<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{0, 100}, TraefikNaming::Version::V2,
                                WriteMode::Apply, cb);
        });
        QVERIFY(outcome.ok());
        const YAML::Node root = YAML::LoadFile(path.toStdString());
        QCOMPARE(root["http"]["routers"]["portal"]["rule"].as<std::string>(),
                 std::string("Host(`old.example.com`)"));
        QCOMPARE(root["http"]["routers"]["portal"]["middlewares"][0].as<std::string>(),
                 std::string("auth"));
        const YAML::Node children = root["http"]["services"]["portal"]["weighted"]["services"];
        // Blue (weight 0) is not listed: Traefik would fail the whole weighted service over a
        // child it cannot build once blue's Swarm service is removed.
        QCOMPARE(children.size(), std::size_t(1));
        QCOMPARE(children[0]["name"].as<std::string>(), std::string("portal-green@docker"));
        QCOMPARE(children[0]["weight"].as<int>(), 100);
        const auto read = wait<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(read.value(), (WeightSplit{0, 100}));
    }

    // Traefik's `providers.file.filename`: one file for all applications; each write keeps
    // the other applications' entries.
    void singleFileSharedByApplications()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dynamic.yml"));
        TraefikFileWriter writer(path);
        QVERIFY(writer.isSingleFile());
        TraefikAppRoute shop = portal();
        shop.app = QStringLiteral("shop");
        shop.rule = QStringLiteral("Host(`shop.example.com`)");
        QVERIFY(wait<WriteOutcome>([&](auto cb) {
                    writer.writeWeights(portal(), WeightSplit{90, 10}, TraefikNaming::Version::V3,
                                        WriteMode::Apply, cb);
                }).ok());
        QVERIFY(wait<WriteOutcome>([&](auto cb) {
                    writer.writeWeights(shop, WeightSplit{25, 75}, TraefikNaming::Version::V3,
                                        WriteMode::Apply, cb);
                }).ok());
        QCOMPARE(entriesIn(dir.path()), QStringList{QStringLiteral("dynamic.yml")});
        QCOMPARE(wait<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); }).value(),
                 (WeightSplit{90, 10}));
        QCOMPARE(wait<WeightSplit>([&](auto cb) { writer.readWeights(shop, cb); }).value(),
                 (WeightSplit{25, 75}));
        const YAML::Node root = YAML::LoadFile(path.toStdString());
        QCOMPARE(root["http"]["routers"]["portal"]["service"].as<std::string>(),
                 std::string("portal"));
        QCOMPARE(root["http"]["routers"]["shop"]["service"].as<std::string>(), std::string("shop"));
    }

    void dryRunWritesNothing()
    {
        QTemporaryDir dir;
        TraefikFileWriter writer(dir.path());
        const auto outcome = wait<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{75, 25}, TraefikNaming::Version::V3,
                                WriteMode::DryRun, cb);
        });
        QVERIFY(outcome.ok());
        QVERIFY(entriesIn(dir.path()).isEmpty());
        const QString description = outcome.value().description;
        QVERIFY(description.startsWith(QStringLiteral("would write ") +
                                       dir.filePath(QStringLiteral("portal.yaml"))));
        // The exact YAML: parse what follows the first line.
        const QString yaml = description.section(QLatin1Char('\n'), 1);
        const auto split = TraefikFileWriter::parse(yaml.toUtf8(), portal(), QStringLiteral("t"));
        QVERIFY(split.ok());
        QCOMPARE(split.value(), (WeightSplit{75, 25}));
        QVERIFY(yaml.contains(QStringLiteral("portal-green@swarm")));
    }

    void failedWriteLeavesOldFile()
    {
        if (::geteuid() == 0)
            QSKIP("root writes into read-only directories; run as a normal user");
        QTemporaryDir dir;
        TraefikFileWriter writer(dir.path());
        QVERIFY(wait<WriteOutcome>([&](auto cb) {
                    writer.writeWeights(portal(), WeightSplit{100, 0}, TraefikNaming::Version::V3,
                                        WriteMode::Apply, cb);
                }).ok());
        const QString path = dir.filePath(QStringLiteral("portal.yaml"));
        const QByteArray before = readFile(path);
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0555) == 0);
        const auto failed = wait<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{90, 10}, TraefikNaming::Version::V3,
                                WriteMode::Apply, cb);
        });
        ::chmod(QFile::encodeName(dir.path()).constData(), 0700);
        QVERIFY(!failed.ok());
        QVERIFY2(errorOf(failed).message.contains(dir.path()), qPrintable(errorOf(failed).message));
        QCOMPARE(readFile(path), before);
        QCOMPARE(entriesIn(dir.path()), QStringList{QStringLiteral("portal.yaml")});
    }

    // A write that fails half-way (the file-size limit, which binds root too): the old file
    // stays as it was and no temporary file is left behind.
    void writeFailingHalfWayLeavesOldFile()
    {
        QTemporaryDir dir;
        TraefikFileWriter writer(dir.path());
        QVERIFY(wait<WriteOutcome>([&](auto cb) {
                    writer.writeWeights(portal(), WeightSplit{100, 0}, TraefikNaming::Version::V3,
                                        WriteMode::Apply, cb);
                }).ok());
        const QString path = dir.filePath(QStringLiteral("portal.yaml"));
        const QByteArray before = readFile(path);
        QVERIFY(before.size() > 100);
        struct rlimit old;
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 16;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        const auto failed = TraefikFileWriter::replaceAtomically(path, QByteArray(4096, 'x'));
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(!failed.ok());
        QVERIFY2(errorOf(failed).message.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(errorOf(failed).message));
        QCOMPARE(readFile(path), before);
        QCOMPARE(entriesIn(dir.path()), QStringList{QStringLiteral("portal.yaml")});
    }

    // The same failure without relying on permissions: the target is a directory, so the
    // rename fails after the temporary file was written; it must be removed again.
    void failedRenameLeavesNoTemporaryFile()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("portal.yaml/inside")));
        const auto result = TraefikFileWriter::replaceAtomically(
            dir.filePath(QStringLiteral("portal.yaml")), QByteArray("http: {}\n"));
        QVERIFY(!result.ok());
        QVERIFY(errorOf(result).message.contains(QStringLiteral("unchanged")));
        QCOMPARE(entriesIn(dir.path()), QStringList());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("portal.yaml/inside"))).isDir());
    }

    void readErrors()
    {
        QTemporaryDir dir;
        TraefikFileWriter writer(dir.path());
        auto read = wait<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(errorOf(read).kind, Error::Kind::NotFound);
        QFile file(dir.filePath(QStringLiteral("portal.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("http: [unclosed\n");
        file.close();
        read = wait<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(errorOf(read).kind, Error::Kind::Invalid);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("http:\n  services:\n    portal:\n      weighted:\n        services:\n"
                   "          - name: portal-blue@swarm\n            weight: lots\n");
        file.close();
        read = wait<WeightSplit>([&](auto cb) { writer.readWeights(portal(), cb); });
        QCOMPARE(errorOf(read).kind, Error::Kind::Invalid);
        QVERIFY(errorOf(read).message.contains(QStringLiteral("not a whole number")));
        // A split that does not add up is refused before anything is touched.
        const auto bad = wait<WriteOutcome>([&](auto cb) {
            writer.writeWeights(portal(), WeightSplit{90, 20}, TraefikNaming::Version::V3,
                                WriteMode::Apply, cb);
        });
        QCOMPARE(errorOf(bad).kind, Error::Kind::Invalid);
    }

    void kvEntries()
    {
        const auto adopt =
            TraefikKvWriter::entries(QStringLiteral("traefik"), portal(), WeightSplit{90, 10},
                                     TraefikNaming::Version::V3, true, true);
        QCOMPARE(TraefikKvWriter::describe(adopt),
                 QStringLiteral(
                     "traefik/http/services/portal/weighted/services/0/name = portal-blue@swarm\n"
                     "traefik/http/services/portal/weighted/services/0/weight = 90\n"
                     "traefik/http/services/portal/weighted/services/1/name = portal-green@swarm\n"
                     "traefik/http/services/portal/weighted/services/1/weight = 10\n"
                     "traefik/http/services/portal/weighted/sticky/cookie/name = portal_color\n"
                     "traefik/http/services/portal/weighted/sticky/cookie/httpOnly = true\n"
                     "traefik/http/services/portal/weighted/sticky/cookie/secure = true\n"
                     "traefik/http/routers/portal/rule = Host(`portal.example.com`)\n"
                     "traefik/http/routers/portal/service = portal\n"
                     "traefik/http/routers/portal/entrypoints/0 = web\n"
                     "traefik/http/routers/portal/entrypoints/1 = websecure"));
        const auto later =
            TraefikKvWriter::entries(QStringLiteral("edge"), portal(), WeightSplit{100, 0},
                                     TraefikNaming::Version::V2, false, false);
        const QStringList stale =
            TraefikKvWriter::staleKeys(QStringLiteral("edge"), portal(), WeightSplit{100, 0});
        // The zero-weight color is not listed (Traefik would fail the whole service over a
        // child it cannot build); its old keys are deleted in the same transaction.
        QCOMPARE(TraefikKvWriter::describe(later, stale),
                 QStringLiteral(
                     "edge/http/services/portal/weighted/services/0/name = portal-blue@docker\n"
                     "edge/http/services/portal/weighted/services/0/weight = 100\n"
                     "delete edge/http/services/portal/weighted/services/1/name\n"
                     "delete edge/http/services/portal/weighted/services/1/weight"));
        QVERIFY(TraefikKvWriter::staleKeys(QStringLiteral("edge"), portal(), WeightSplit{50, 50})
                    .isEmpty());
        const auto greenOnly =
            TraefikKvWriter::entries(QStringLiteral("edge"), portal(), WeightSplit{0, 100},
                                     TraefikNaming::Version::V2, false, false);
        QCOMPARE(greenOnly.value(0).second, QStringLiteral("portal-green@docker"));
        QCOMPARE(greenOnly.size(), 2);
    }

    // How the composition root builds a router from a loaded profile and its keychain secrets.
    void configFromProfile()
    {
        EnvironmentProfile profile;
        profile.sourceFile = QStringLiteral("/etc/optimist/staging.yaml");
        profile.router.kind = QStringLiteral("redis");
        profile.router.settings = {
            {QStringLiteral("address"), QStringLiteral("redis.internal:6380")},
            {QStringLiteral("database"), 2},
            {QStringLiteral("username"), QStringLiteral("optimist")},
            {QStringLiteral("password"), QStringLiteral("keychain:optimist/redis.internal")},
            {QStringLiteral("apiUrl"), QStringLiteral("https://traefik.internal:8443")},
            {QStringLiteral("traefikVersion"), 2},
            {QStringLiteral("entryPoints"), QStringList{QStringLiteral("websecure")}}};
        EnvironmentProfile::Application app;
        app.name = QStringLiteral("portal");
        app.settings = {{QStringLiteral("stickyCookie"), QStringLiteral("pc")},
                        {QStringLiteral("rule"), QStringLiteral("Host(`portal.example.com`)")}};
        profile.applications = {app};
        const auto config = TraefikRouterProfile::fromProfile(
            profile, {{QStringLiteral("router.password"), QStringLiteral("s3cret")}});
        QVERIFY(config.ok());
        const TraefikRouterConfig &c = config.value();
        QCOMPARE(c.provider, TraefikRouterConfig::Provider::Redis);
        QCOMPARE(c.redis.address, QStringLiteral("redis.internal:6380"));
        QCOMPARE(c.redis.database, 2);
        QCOMPARE(c.redis.username, QStringLiteral("optimist"));
        QCOMPARE(c.redis.password, QStringLiteral("s3cret"));
        QCOMPARE(c.rootKey, QStringLiteral("traefik"));
        QCOMPARE(c.api.url, QUrl(QStringLiteral("https://traefik.internal:8443")));
        QCOMPARE(c.version, std::optional(TraefikNaming::Version::V2));
        QCOMPARE(c.entryPoints, QStringList{QStringLiteral("websecure")});
        QCOMPARE(c.applications.size(), 1);
        QCOMPARE(c.applications.first().cookieName(), QStringLiteral("pc"));
        QCOMPARE(c.applications.first().serviceName(), QStringLiteral("portal"));
        QCOMPARE(c.applications.first().rule, QStringLiteral("Host(`portal.example.com`)"));

        profile.router.kind = QStringLiteral("file");
        profile.router.settings.insert(QStringLiteral("path"),
                                       QStringLiteral("/etc/traefik/dynamic"));
        const auto file = TraefikRouterProfile::fromProfile(profile, {});
        QVERIFY(file.ok());
        QCOMPARE(file.value().provider, TraefikRouterConfig::Provider::File);
        QCOMPARE(file.value().directory, QStringLiteral("/etc/traefik/dynamic"));

        profile.router.settings.remove(QStringLiteral("apiUrl"));
        const auto noApi = TraefikRouterProfile::fromProfile(profile, {});
        QCOMPARE(errorOf(noApi).kind, Error::Kind::Invalid);
        QVERIFY(errorOf(noApi).message.contains(QStringLiteral("router.apiUrl")));
    }
};

QTEST_GUILESS_MAIN(TestTraefikFileWriter)
#include "tst_traefikfilewriter.moc"
