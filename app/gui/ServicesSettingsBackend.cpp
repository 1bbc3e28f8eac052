#include "ServicesSettingsBackend.h"

#include "ConnectionTest.h"
#include "docker/DockerClient.h"
#include "metrics/PrometheusMetrics.h"
#include "metrics/TraefikScrapeMetrics.h"
#include "profiles/ProfileLoader.h"
#include "profiles/ProfileWriter.h"
#include "redis/RedisConnection.h"
#include "traefik/TraefikApiClient.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <algorithm>

namespace optimist {

namespace {

const QLatin1String kSandbox("sandbox");
const QLatin1String kKeychainPrefix("keychain:");

/// Settings that name a file or folder, relative to the profile's folder.
bool isPathSetting(const QString &section, const QString &key)
{
    if (key == QLatin1String("tlsCertPath") || key == QLatin1String("apiCaFile"))
        return true;
    if (section == QLatin1String("metrics") && key == QLatin1String("caFile"))
        return true;
    if (section == QLatin1String("router") && key == QLatin1String("path"))
        return true;
    return false;
}

QVariantMap cleaned(const QString &section, const QVariantMap &settings, const QDir &folder)
{
    QVariantMap out;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        QVariant value = it.value();
        if (value.metaType().id() == QMetaType::QString) {
            const QString text = value.toString().trimmed();
            if (text.isEmpty())
                continue;
            value = isPathSetting(section, it.key())
                        ? QDir::cleanPath(folder.absoluteFilePath(QDir::fromNativeSeparators(text)))
                        : text;
        }
        out.insert(it.key(), value);
    }
    return out;
}

QString setting(const SettingsProfile::Component &c, const char *key)
{
    return c.settings.value(QString::fromLatin1(key)).toString().trimmed();
}

QString dockerConfigDir(const DockerEndpoint::Environment &environment)
{
    const QString fromVariable = environment.variables.value(QStringLiteral("DOCKER_CONFIG"));
    return fromVariable.isEmpty() ? QDir(environment.homeDir).filePath(QStringLiteral(".docker"))
                                  : fromVariable;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

ServicesSettingsBackend::ServicesSettingsBackend(Options options, QObject *parent)
    : SettingsBackend(parent)
    , m_options(std::move(options))
{
    m_keychain.setTimeout(std::chrono::duration_cast<std::chrono::milliseconds>(
        std::min(m_options.testTimeout, std::chrono::milliseconds(15000))));
}

ServicesSettingsBackend::~ServicesSettingsBackend() = default;

QString ServicesSettingsBackend::profilesDirectory() const
{
    return m_options.profilesDir;
}

EnvironmentProfile ServicesSettingsBackend::toEnvironmentProfile(const SettingsProfile &profile,
                                                                 const QString &folder)
{
    const QDir dir(folder);
    EnvironmentProfile out;
    out.name = profile.name.trimmed();
    out.description = profile.description.trimmed();
    out.allowInsecureHttp = profile.allowInsecureHttp;
    out.sourceFile = profile.filePath;
    out.cluster = {profile.cluster.kind,
                   cleaned(QStringLiteral("cluster"), profile.cluster.settings, dir)};
    out.router = {profile.router.kind,
                  cleaned(QStringLiteral("router"), profile.router.settings, dir)};
    out.metrics = {profile.metrics.kind,
                   cleaned(QStringLiteral("metrics"), profile.metrics.settings, dir)};
    for (const SettingsProfile::Application &app : profile.applications)
        out.applications.append(
            {app.name.trimmed(), cleaned(QStringLiteral("application"), app.settings, dir)});
    out.plan = profile.plan;
    for (auto it = profile.namedSecrets.cbegin(); it != profile.namedSecrets.cend(); ++it)
        out.secretReferences.insert(it.key(), it.value());
    for (const QString &field : SettingsBackend::secretFields()) {
        const QString section = field.section(QLatin1Char('.'), 0, 0);
        const QString key = field.section(QLatin1Char('.'), 1);
        const EnvironmentProfile::Component &c =
            section == QLatin1String("router") ? out.router : out.metrics;
        const QString value = c.settings.value(key).toString();
        if (value.startsWith(kKeychainPrefix))
            out.secretReferences.insert(field, value);
    }
    return out;
}

SettingsProfile ServicesSettingsBackend::fromEnvironmentProfile(const EnvironmentProfile &profile)
{
    SettingsProfile out;
    out.name = profile.name;
    out.description = profile.description;
    out.allowInsecureHttp = profile.allowInsecureHttp;
    out.filePath = profile.sourceFile;
    out.cluster = {profile.cluster.kind, profile.cluster.settings};
    out.router = {profile.router.kind, profile.router.settings};
    out.metrics = {profile.metrics.kind, profile.metrics.settings};
    for (const EnvironmentProfile::Application &app : profile.applications)
        out.applications.append({app.name, app.settings});
    out.plan = profile.plan;
    for (auto it = profile.secretReferences.cbegin(); it != profile.secretReferences.cend(); ++it) {
        if (!it.key().contains(QLatin1Char('.')) && !it.key().contains(QLatin1Char('[')))
            out.namedSecrets.insert(it.key(), it.value());
    }
    return out;
}

QString ServicesSettingsBackend::targetFile(const SettingsProfile &profile) const
{
    if (!profile.filePath.isEmpty())
        return profile.filePath;
    return QDir(m_options.profilesDir).filePath(profile.name.trimmed() + QStringLiteral(".yaml"));
}

Result<QList<SettingsProfile>> ServicesSettingsBackend::listProfiles()
{
    const auto loaded = ProfileLoader::loadDirectory(m_options.profilesDir);
    if (!loaded)
        return loaded.error();
    QList<SettingsProfile> out;
    for (const EnvironmentProfile &p : loaded.value())
        out.append(fromEnvironmentProfile(p));
    return out;
}

Result<void> ServicesSettingsBackend::checkProfile(const SettingsProfile &profile)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    const QString name = profile.name.trimmed();
    if (!validName.match(name).hasMatch())
        return Error{Error::Kind::Invalid,
                     tr("name: `%1` is not a valid environment name; use letters, digits, '.', "
                        "'_' and '-', starting with a letter or digit")
                         .arg(name)};
    const QString target = targetFile(profile);
    const QFileInfo targetInfo(target);
    if (profile.filePath.isEmpty() && targetInfo.exists())
        return Error{Error::Kind::Conflict,
                     tr("%1 already exists: another environment is stored there. Choose another "
                        "name.")
                         .arg(target)};
    // Profile names are unique within the folder.
    const QDir folder(m_options.profilesDir);
    for (const QFileInfo &other : folder.entryInfoList(
             {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name)) {
        if (other.absoluteFilePath() == targetInfo.absoluteFilePath())
            continue;
        const auto loaded = ProfileLoader::loadFile(other.absoluteFilePath());
        if (loaded && loaded.value().name == name)
            return Error{Error::Kind::Conflict,
                         tr("name: the environment `%1` is already defined in %2; names must be "
                            "unique. Choose another name.")
                             .arg(name, other.absoluteFilePath())};
    }

    // What the loader would say of the file: written to a scratch folder and read back.
    const EnvironmentProfile env = toEnvironmentProfile(profile, targetInfo.absolutePath());
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error{Error::Kind::Other,
                     tr("The profile cannot be checked: no temporary folder (%1).")
                         .arg(scratch.errorString())};
    const QString probe = scratch.filePath(targetInfo.fileName());
    const auto written = ProfileWriter::writeFile(env, probe);
    if (!written)
        return Error{written.error().kind, QString(written.error().message).replace(probe, target)};
    const auto loaded = ProfileLoader::loadFile(probe);
    if (!loaded)
        return Error{loaded.error().kind, QString(loaded.error().message).replace(probe, target)};
    return {};
}

Result<SettingsProfile> ServicesSettingsBackend::saveProfile(const SettingsProfile &profile)
{
    const auto checked = checkProfile(profile);
    if (!checked)
        return checked.error();
    const QString target = targetFile(profile);
    const EnvironmentProfile env = toEnvironmentProfile(profile, QFileInfo(target).absolutePath());
    const auto written = ProfileWriter::writeFile(env, target);
    if (!written)
        return written.error();
    const auto loaded = ProfileLoader::loadFile(target);
    if (!loaded)
        return loaded.error();
    return fromEnvironmentProfile(loaded.value());
}

Result<void> ServicesSettingsBackend::checkRemoval(const SettingsProfile &profile)
{
    const QString refusal =
        m_options.removalRefusal ? m_options.removalRefusal(profile.name) : QString();
    if (!refusal.isEmpty())
        return Error{Error::Kind::Conflict, refusal};
    return {};
}

Result<void> ServicesSettingsBackend::removeProfile(const SettingsProfile &profile)
{
    if (auto allowed = checkRemoval(profile); !allowed)
        return allowed;
    if (profile.filePath.isEmpty() || !QFileInfo::exists(profile.filePath))
        return {};
    QFile file(profile.filePath);
    if (!file.remove())
        return Error{Error::Kind::Other,
                     tr("%1 cannot be removed: %2").arg(profile.filePath, file.errorString())};
    return {};
}

void ServicesSettingsBackend::storeSecret(const QString &reference, const QString &value,
                                          Reply<void> reply)
{
    m_keychain.write(reference, value, std::move(reply));
}

void ServicesSettingsBackend::testConnection(Part part, const SettingsProfile &profile,
                                             const QMap<QString, QString> &enteredSecrets,
                                             Reply<QString> reply)
{
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(m_options.testTimeout).count();
    auto *test = new ConnectionTest(
        std::move(reply), m_options.testTimeout,
        tr("The test did not finish within %n second(s): the server accepts connections but "
           "does not answer. Check that the address is the right service.",
           nullptr, int(seconds)),
        this);
    const QString simulated = tr("Simulated by Optimist's sandbox: nothing to connect to.");
    switch (part) {
    case Part::Docker:
        if (profile.cluster.kind == kSandbox)
            test->succeed(simulated);
        else
            testDocker(test, profile);
        return;
    case Part::Traefik:
        if (profile.router.kind == kSandbox || profile.router.kind.isEmpty()) {
            test->succeed(simulated);
            return;
        }
        withSecret(test, QStringLiteral("router.apiPassword"), profile, enteredSecrets,
                   [this, test, profile](const QString &password) {
                       testTraefik(test, profile, password);
                   });
        return;
    case Part::Provider:
        if (profile.router.kind == QLatin1String("redis"))
            withSecret(test, QStringLiteral("router.password"), profile, enteredSecrets,
                       [this, test, profile](const QString &password) {
                           testRedis(test, profile, password);
                       });
        else if (profile.router.kind == QLatin1String("file"))
            testFileProvider(test, profile);
        else
            test->succeed(simulated);
        return;
    case Part::Metrics:
        if (profile.metrics.kind == QLatin1String("traefik"))
            testTraefikMetrics(test, profile);
        else if (profile.metrics.kind == QLatin1String("prometheus"))
            withSecret(test, QStringLiteral("metrics.token"), profile, enteredSecrets,
                       [this, test, profile](const QString &token) {
                           testPrometheus(test, profile, token);
                       });
        else
            test->succeed(simulated);
        return;
    }
}

void ServicesSettingsBackend::withSecret(ConnectionTest *test, const QString &field,
                                         const SettingsProfile &profile,
                                         const QMap<QString, QString> &entered,
                                         std::function<void(QString)> then)
{
    if (const auto it = entered.constFind(field); it != entered.cend() && !it.value().isEmpty()) {
        then(it.value());
        return;
    }
    SettingsProfile copy = profile;
    const SettingsProfile::Component *c = copy.component(field.section(QLatin1Char('.'), 0, 0));
    const QString reference =
        c ? c->settings.value(field.section(QLatin1Char('.'), 1)).toString() : QString();
    if (!reference.startsWith(kKeychainPrefix)) {
        then(QString());
        return;
    }
    m_keychain.read(reference,
                    Reply<QString>(test, [test, field, then](const Result<QString> &secret) {
                        if (!secret)
                            test->fail(Error{secret.error().kind,
                                             tr("The secret %1 could not be read for the test: %2")
                                                 .arg(field, secret.error().message)});
                        else
                            then(secret.value());
                    }));
}

void ServicesSettingsBackend::testDocker(ConnectionTest *test, const SettingsProfile &profile)
{
    const QDir folder(QFileInfo(targetFile(profile)).absolutePath());
    const QVariantMap settings =
        cleaned(QStringLiteral("cluster"), profile.cluster.settings, folder);
    DockerEndpoint::Request request;
    request.host = settings.value(QStringLiteral("endpoint")).toString();
    request.context = settings.value(QStringLiteral("context")).toString();
    request.certPath = settings.value(QStringLiteral("tlsCertPath")).toString();
    if (settings.contains(QStringLiteral("tlsVerify")))
        request.tlsVerify = settings.value(QStringLiteral("tlsVerify")).toBool();
    if (!request.host.isEmpty() && !request.context.isEmpty()) {
        test->fail(Error{Error::Kind::Invalid,
                         tr("Give either an endpoint or a Docker context, not both.")});
        return;
    }
    const Result<DockerEndpoint> resolved = DockerEndpoint::resolve(request, m_options.docker);
    if (!resolved) {
        test->fail(
            Error{resolved.error().kind,
                  tr("The Docker endpoint cannot be used: %1").arg(resolved.error().message)});
        return;
    }
    const DockerEndpoint endpoint = resolved.value();
    const QString uri = endpoint.uri();
    if (endpoint.kind == DockerEndpoint::Kind::Unix && !QFileInfo::exists(endpoint.socketPath)) {
        test->fail(Error{Error::Kind::Unreachable,
                         tr("No Docker daemon at %1 (from %2): the socket does not exist. Start "
                            "dockerd there, or choose another endpoint or Docker context.")
                             .arg(uri, endpoint.sourceDescription())});
        return;
    }
    auto *client = new DockerClient(endpoint, test);
    DockerRequest version;
    version.path = QStringLiteral("/version");
    version.timeout = m_options.requestTimeout;
    const auto requestTimeout = m_options.requestTimeout;
    client->send(
        version, Reply<DockerResponse>(test, [test, client, uri, requestTimeout](
                                                 const Result<DockerResponse> &answer) {
            if (!answer) {
                const Error &e = answer.error();
                test->fail(
                    Error{e.kind, e.kind == Error::Kind::Unreachable
                                      ? tr("No Docker daemon answers at %1. %2").arg(uri, e.message)
                                      : e.message});
                return;
            }
            const QJsonObject json = answer.value().json().object();
            const QString daemon = json.value(QStringLiteral("Version")).toString();
            const QString api = json.value(QStringLiteral("ApiVersion")).toString();
            DockerRequest info;
            info.path = QStringLiteral("/info");
            info.timeout = requestTimeout;
            client->send(
                info, Reply<DockerResponse>(test, [test, uri, daemon,
                                                   api](const Result<DockerResponse> &infoAnswer) {
                    if (!infoAnswer) {
                        test->fail(infoAnswer.error());
                        return;
                    }
                    const QJsonObject swarm = infoAnswer.value()
                                                  .json()
                                                  .object()
                                                  .value(QStringLiteral("Swarm"))
                                                  .toObject();
                    const QString state = swarm.value(QStringLiteral("LocalNodeState")).toString();
                    if (state != QLatin1String("active")) {
                        test->fail(Error{Error::Kind::Conflict,
                                         tr("Docker %1 at %2 answers, but it is not part of a "
                                            "Swarm (state: %3). Run `docker swarm init` "
                                            "there, or choose a Swarm manager's endpoint.")
                                             .arg(daemon, uri, state)});
                        return;
                    }
                    if (!swarm.value(QStringLiteral("ControlAvailable")).toBool()) {
                        test->fail(Error{Error::Kind::Conflict,
                                         tr("Docker %1 at %2 is a Swarm worker; Optimist "
                                            "needs a manager. Choose a manager node's "
                                            "endpoint.")
                                             .arg(daemon, uri)});
                        return;
                    }
                    test->succeed(tr("Docker %1 (API %2) at %3, a Swarm "
                                     "manager.")
                                      .arg(daemon, api, uri));
                }));
        }));
}

void ServicesSettingsBackend::testTraefik(ConnectionTest *test, const SettingsProfile &profile,
                                          const QString &password)
{
    const QString apiUrl = setting(profile.router, "apiUrl");
    if (apiUrl.isEmpty()) {
        test->fail(Error{Error::Kind::Invalid,
                         tr("Traefik's API URL is empty: give it, e.g. http://127.0.0.1:8080.")});
        return;
    }
    const QDir folder(QFileInfo(targetFile(profile)).absolutePath());
    TraefikApiSettings settings;
    settings.url = QUrl(apiUrl);
    settings.user = setting(profile.router, "apiUser");
    settings.password = password;
    const QString caFile = setting(profile.router, "apiCaFile");
    if (!caFile.isEmpty())
        settings.caFile = QDir::cleanPath(folder.absoluteFilePath(caFile));
    settings.allowInsecureHttp = profile.allowInsecureHttp;
    settings.requestTimeout = m_options.requestTimeout;
    const int configured = profile.router.settings.value(QStringLiteral("traefikVersion")).toInt();
    auto *client = new TraefikApiClient(settings, test);
    QPointer<ConnectionTest> guard(test);
    client->version([guard, apiUrl, configured](const Result<QString> &version) {
        if (!guard)
            return;
        if (!version) {
            guard->fail(version.error());
            return;
        }
        const int major = version.value().section(QLatin1Char('.'), 0, 0).toInt();
        if (configured != 0 && major != configured) {
            guard->fail(Error{Error::Kind::Conflict,
                              tr("Traefik's API at %1 reports version %2, but the environment "
                                 "says Traefik %3: set the Traefik version to %4, or let "
                                 "Optimist detect it.")
                                  .arg(apiUrl, version.value())
                                  .arg(configured)
                                  .arg(major)});
            return;
        }
        guard->succeed(tr("Traefik %1 at %2.").arg(version.value(), apiUrl));
    });
}

void ServicesSettingsBackend::testRedis(ConnectionTest *test, const SettingsProfile &profile,
                                        const QString &password)
{
    RedisSettings settings;
    settings.address = setting(profile.router, "address");
    if (settings.address.isEmpty()) {
        test->fail(Error{Error::Kind::Invalid,
                         tr("The Redis address is empty: give the host:port of the Redis Traefik "
                            "reads, e.g. 127.0.0.1:6379.")});
        return;
    }
    settings.database = profile.router.settings.value(QStringLiteral("database")).toInt();
    settings.username = setting(profile.router, "username");
    settings.password = password;
    settings.connectTimeout = m_options.requestTimeout;
    settings.commandTimeout = m_options.requestTimeout;
    auto *connection = new RedisConnection(settings, test);
    QPointer<ConnectionTest> guard(test);
    const bool login = !password.isEmpty();
    connection->command({QByteArrayLiteral("PING")}, [guard, connection,
                                                      login](const Result<RedisValue> &answer) {
        if (!guard)
            return;
        if (!answer) {
            guard->fail(answer.error());
            return;
        }
        guard->succeed(login ? tr("%1 answers; the login was accepted.").arg(connection->where())
                             : tr("%1 answers (no password).").arg(connection->where()));
    });
}

void ServicesSettingsBackend::testFileProvider(ConnectionTest *test, const SettingsProfile &profile)
{
    const QString given = setting(profile.router, "path");
    if (given.isEmpty()) {
        test->fail(Error{Error::Kind::Invalid,
                         tr("The folder Traefik's file provider watches is empty: give it.")});
        return;
    }
    const QDir profileFolder(QFileInfo(targetFile(profile)).absolutePath());
    const QString path = QDir::cleanPath(profileFolder.absoluteFilePath(given));
    const QFileInfo info(path);
    const bool isFile = (info.exists() && info.isFile()) || path.endsWith(QLatin1String(".yaml")) ||
                        path.endsWith(QLatin1String(".yml"));
    const QString folder = isFile ? info.absolutePath() : path;
    if (!QFileInfo(folder).isDir()) {
        test->fail(Error{Error::Kind::NotFound,
                         tr("The folder %1 does not exist: create it and point Traefik's file "
                            "provider at it, or choose the folder Traefik watches.")
                             .arg(folder)});
        return;
    }
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".optimist-probe-XXXXXX")));
    if (!probe.open()) {
        test->fail(Error{Error::Kind::Other,
                         tr("Optimist cannot write in %1 (%2): it writes the weights there for "
                            "Traefik's file provider. Give this user write access to the folder.")
                             .arg(folder, probe.errorString())});
        return;
    }
    if (isFile && info.exists() && !info.isWritable()) {
        test->fail(Error{Error::Kind::Other,
                         tr("%1 is not writable: give this user write access to it.").arg(path)});
        return;
    }
    test->succeed(
        isFile ? tr("%1 can be written (Traefik: providers.file.filename).").arg(path)
               : tr("The folder %1 is writable (Traefik: providers.file.directory).").arg(folder));
}

void ServicesSettingsBackend::testTraefikMetrics(ConnectionTest *test,
                                                 const SettingsProfile &profile)
{
    const QString url = setting(profile.metrics, "url");
    if (url.isEmpty()) {
        test->fail(Error{Error::Kind::Invalid,
                         tr("The metrics URL is empty: give Traefik's metrics endpoint, e.g. "
                            "http://127.0.0.1:8082/metrics.")});
        return;
    }
    TraefikScrapeMetrics::Config config;
    config.url = QUrl(url);
    if (const QString caFile = setting(profile.metrics, "caFile"); !caFile.isEmpty())
        config.caFile = QDir::cleanPath(
            QDir(QFileInfo(targetFile(profile)).absolutePath()).absoluteFilePath(caFile));
    config.requestTimeout = m_options.requestTimeout;
    config.scrapeInterval = m_options.testTimeout; // one scrape is the test
    auto *scrape = new TraefikScrapeMetrics(config, test);
    connect(scrape, &TraefikScrapeMetrics::scraped, test, [test, scrape, url] {
        scrape->stop();
        test->succeed(tr("Traefik's metrics at %1 answer.").arg(url));
    });
    connect(scrape, &TraefikScrapeMetrics::scrapeFailed, test,
            [test, scrape](const QDateTime &, const Error &error) {
                scrape->stop();
                test->fail(error);
            });
    scrape->start();
}

void ServicesSettingsBackend::testPrometheus(ConnectionTest *test, const SettingsProfile &profile,
                                             const QString &token)
{
    const QString url = setting(profile.metrics, "url");
    if (url.isEmpty()) {
        test->fail(Error{Error::Kind::Invalid,
                         tr("The Prometheus URL is empty: give it, e.g. http://127.0.0.1:9090.")});
        return;
    }
    PrometheusMetrics::Config config;
    config.baseUrl = QUrl(url);
    config.bearerToken = token;
    if (const QString caFile = setting(profile.metrics, "caFile"); !caFile.isEmpty())
        config.caFile = QDir::cleanPath(
            QDir(QFileInfo(targetFile(profile)).absolutePath()).absoluteFilePath(caFile));
    config.allowInsecureHttp = profile.allowInsecureHttp;
    config.timeout = m_options.requestTimeout;
    auto *prometheus = new PrometheusMetrics(config, test);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    prometheus->query(
        QStringLiteral("count(traefik_service_requests_total)"), now,
        Reply<PrometheusApiResult>(test, [test, url](const Result<PrometheusApiResult> &answer) {
            if (!answer) {
                test->fail(answer.error());
                return;
            }
            if (answer.value().series.isEmpty())
                test->succeed(tr("Prometheus at %1 answers, but holds no "
                                 "traefik_service_requests_total yet: make it scrape Traefik's "
                                 "/metrics.")
                                  .arg(url));
            else
                test->succeed(tr("Prometheus at %1 answers and holds Traefik's metrics.").arg(url));
        }));
}

Result<QList<SettingsBackend::DockerContext>> ServicesSettingsBackend::listDockerContexts()
{
    const QDir config(dockerConfigDir(m_options.docker));
    QString current = m_options.docker.variables.value(QStringLiteral("DOCKER_CONTEXT"));
    if (current.isEmpty())
        current = readJson(config.filePath(QStringLiteral("config.json")))
                      .value(QStringLiteral("currentContext"))
                      .toString();
    QList<DockerContext> contexts;
    const QDir meta(config.filePath(QStringLiteral("contexts/meta")));
    for (const QString &dir : meta.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QJsonObject json = readJson(meta.filePath(dir + QStringLiteral("/meta.json")));
        const QString name = json.value(QStringLiteral("Name")).toString();
        if (name.isEmpty())
            continue;
        DockerContext context;
        context.name = name;
        context.description = json.value(QStringLiteral("Metadata"))
                                  .toObject()
                                  .value(QStringLiteral("Description"))
                                  .toString();
        context.host = json.value(QStringLiteral("Endpoints"))
                           .toObject()
                           .value(QStringLiteral("docker"))
                           .toObject()
                           .value(QStringLiteral("Host"))
                           .toString();
        context.current = name == current;
        contexts.append(context);
    }
    std::sort(contexts.begin(), contexts.end(),
              [](const DockerContext &a, const DockerContext &b) { return a.name < b.name; });
    return contexts;
}

Result<SettingsProfile::Component> ServicesSettingsBackend::importDockerContext(const QString &name)
{
    DockerEndpoint::Request request;
    request.context = name;
    const Result<DockerEndpoint> resolved = DockerEndpoint::resolve(request, m_options.docker);
    if (!resolved)
        return resolved.error();
    const DockerEndpoint &endpoint = resolved.value();
    SettingsProfile::Component cluster{QStringLiteral("docker"), {}};
    if (endpoint.kind == DockerEndpoint::Kind::Tcp && endpoint.tls && !endpoint.tlsVerify) {
        // TLS without verification has no endpoint form in a profile: keep the context.
        cluster.settings.insert(QStringLiteral("context"), name);
        return cluster;
    }
    cluster.settings.insert(QStringLiteral("endpoint"), endpoint.uri());
    if (endpoint.kind == DockerEndpoint::Kind::Tcp) {
        cluster.settings.insert(QStringLiteral("tlsVerify"), endpoint.tls);
        const QString file = !endpoint.caFile.isEmpty() ? endpoint.caFile : endpoint.certFile;
        if (endpoint.tls && !file.isEmpty())
            cluster.settings.insert(QStringLiteral("tlsCertPath"), QFileInfo(file).absolutePath());
    }
    return cluster;
}

} // namespace optimist
