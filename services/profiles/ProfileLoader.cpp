#include "ProfileLoader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <utility>

namespace optimist {

namespace {

enum class SettingType {
    Text,       ///< any scalar, as written
    Scenario,   ///< a shipped scenario name, or the path of a scenario file
    Path,       ///< a file or folder, relative to the profile's folder
    Url,        ///< an http(s) URL
    Bool,       ///< true or false
    Int,        ///< a whole number between minimum and maximum
    TextList,   ///< a list of scalars
    SecretRef,  ///< keychain:SERVICE/ACCOUNT
    ColorPorts, ///< {blue: N, green: M}: two distinct ports 1..65535
    EnvName,    ///< an environment variable's name
};

struct SettingSpec
{
    const char *key;
    SettingType type;
    bool required;
    const char *hint; ///< what to write there; completes "missing; …" and type errors
    int minimum;
    int maximum;
};

struct KindSchema
{
    const char *kind;
    std::span<const SettingSpec> settings;
};

constexpr int kAnyInt = std::numeric_limits<int>::max();

const SettingSpec kSandboxCluster[] = {
    {"scenario", SettingType::Scenario, true,
     QT_TRANSLATE_NOOP("ProfileLoader", "a sandbox cluster needs a scenario: a shipped name "
                                        "(e.g. healthy) or the path of a scenario file"),
     0, 0},
    {"leaseTtlSec", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "seconds a rollout lease lasts unless its holder renews it (default 30)"),
     3, 3600},
};

const SettingSpec kDockerCluster[] = {
    {"endpoint", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the Docker endpoint, e.g. unix:///var/run/docker.sock or tcp://host:2376"),
     0, 0},
    {"context", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the name of a Docker CLI context"), 0, 0},
    {"tlsCertPath", SettingType::Path, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the folder holding ca.pem, cert.pem and key.pem"), 0, 0},
    {"tlsVerify", SettingType::Bool, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "whether to verify the daemon's certificate"), 0, 0},
    {"registryServer", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the registry the nodes pull the application's images from, e.g. "
                       "registry.example.com"),
     0, 0},
    {"registryUser", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the user name at the registry"), 0, 0},
    {"registryPassword", SettingType::SecretRef, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the registry password or access token as keychain:SERVICE/ACCOUNT"),
     0, 0},
    {"leaseTtlSec", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "seconds a rollout lease lasts unless its holder renews it (default 30)"),
     3, 3600},
};

// Both router kinds confirm the weights through Traefik's API.
constexpr SettingSpec kTraefikApi[] = {
    {"apiUrl", SettingType::Url, true,
     QT_TRANSLATE_NOOP("ProfileLoader", "Traefik's API, e.g. http://127.0.0.1:8080"), 0, 0},
    {"traefikVersion", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "Traefik's major version"), 2, 3},
    {"entryPoints", SettingType::TextList, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "Traefik entry point names, e.g. [websecure]"), 0, 0},
    {"apiUser", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the user of Traefik's API basic authentication"), 0, 0},
    {"apiPassword", SettingType::SecretRef, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the password of Traefik's API as keychain:SERVICE/ACCOUNT"),
     0, 0},
    {"apiCaFile", SettingType::Path, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "a CA certificate (PEM) that signed Traefik's API"), 0, 0},
};

const SettingSpec kRedisRouter[] = {
    {"address", SettingType::Text, true,
     QT_TRANSLATE_NOOP("ProfileLoader", "the Redis server Traefik reads, as host:port"), 0, 0},
    {"database", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the Redis database number"), 0, kAnyInt},
    {"rootKey", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "Traefik's root key in Redis (default traefik)"), 0, 0},
    {"username", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the Redis ACL user (default: the default user)"), 0, 0},
    {"password", SettingType::SecretRef, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the Redis password as keychain:SERVICE/ACCOUNT"), 0, 0},
    kTraefikApi[0],
    kTraefikApi[1],
    kTraefikApi[2],
    kTraefikApi[3],
    kTraefikApi[4],
    kTraefikApi[5],
};

const SettingSpec kFileRouter[] = {
    {"path", SettingType::Path, true,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the folder (one APP.yaml per application) or the .yaml file Traefik's "
                       "file provider watches"),
     0, 0},
    kTraefikApi[0],
    kTraefikApi[1],
    kTraefikApi[2],
    kTraefikApi[3],
    kTraefikApi[4],
    kTraefikApi[5],
};

const SettingSpec kTraefikMetrics[] = {
    {"url", SettingType::Url, true,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "Traefik's metrics endpoint, e.g. http://127.0.0.1:8082/metrics"),
     0, 0},
    {"traefikVersion", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "Traefik's major version (default: the router's, else 3)"),
     2, 3},
    {"scrapeIntervalMs", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "how often /metrics is read, in ms (default 1000)"), 100,
     60000},
    {"caFile", SettingType::Path, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "a CA certificate (PEM) that signed the server's "
                                        "certificate, for an https URL"),
     0, 0},
};

const SettingSpec kPrometheusMetrics[] = {
    {"url", SettingType::Url, true,
     QT_TRANSLATE_NOOP("ProfileLoader", "the Prometheus server, e.g. http://127.0.0.1:9090"), 0, 0},
    {"token", SettingType::SecretRef, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "a bearer token as keychain:SERVICE/ACCOUNT"), 0, 0},
    {"traefikVersion", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "Traefik's major version (default: the router's, else 3)"),
     2, 3},
    {"settleSec", SettingType::Int, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "seconds to wait after a window before querying: at least Prometheus' "
                       "scrape interval (default 2)"),
     0, 600},
    {"caFile", SettingType::Path, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "a CA certificate (PEM) that signed the server's "
                                        "certificate, for an https URL"),
     0, 0},
};

const SettingSpec kSandboxMetrics[] = {
    {"scenario", SettingType::Scenario, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the traffic the sandbox simulates for a docker cluster: a shipped scenario "
                       "(default healthy) or the path of a scenario file"),
     0, 0},
};

const SettingSpec kApplication[] = {
    {"name", SettingType::Text, true,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "every application needs a name; its services are NAME-blue and NAME-green"),
     0, 0},
    {"service", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "Traefik's weighted service (default: the name)"), 0, 0},
    {"healthUrl", SettingType::Url, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "an HTTP probe run once Docker calls a color healthy"), 0,
     0},
    {"stickyCookie", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader", "the sticky-session cookie (default NAME_color)"), 0, 0},
    {"rule", SettingType::Text, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the rule of the application's Traefik router, e.g. Host(`shop.example`)"),
     0, 0},
    {"entryPoints", SettingType::TextList, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the entry points of the application's router (default: the router's)"),
     0, 0},
    {"ports", SettingType::ColorPorts, false,
     QT_TRANSLATE_NOOP(
         "ProfileLoader",
         "the port of each color on the host network, e.g. {blue: 8081, green: 8082}"),
     1, 65535},
    {"portVariable", SettingType::EnvName, false,
     QT_TRANSLATE_NOOP("ProfileLoader",
                       "the environment variable the application reads its port from (default "
                       "PORT)"),
     0, 0},
};

const KindSchema kClusterKinds[] = {{"sandbox", kSandboxCluster}, {"docker", kDockerCluster}};
const KindSchema kRouterKinds[] = {{"sandbox", {}}, {"redis", kRedisRouter}, {"file", kFileRouter}};
const KindSchema kMetricsKinds[] = {
    {"sandbox", kSandboxMetrics}, {"traefik", kTraefikMetrics}, {"prometheus", kPrometheusMetrics}};

const char *const kTopLevelKeys[] = {"name",   "description", "cluster",
                                     "router", "metrics",     "applications",
                                     "plan",   "secrets",     "allowInsecureHttp"};

const QLatin1String kSandbox("sandbox");
const QLatin1String kKeychainPrefix("keychain:");

QString secretMessage()
{
    return ProfileLoader::tr("secrets are never written in profiles; store it in the keychain and "
                             "write `keychain:SERVICE/ACCOUNT`");
}

/// Keys such as `password`, `apiToken`, `client_secret`, `privateKey`, `API-KEY`.
bool looksSecret(const QString &key)
{
    QString k = key.toLower();
    k.remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    static const QLatin1String words[] = {QLatin1String("password"), QLatin1String("token"),
                                          QLatin1String("secret"), QLatin1String("privatekey"),
                                          QLatin1String("apikey")};
    return std::any_of(std::begin(words), std::end(words),
                       [&k](QLatin1String word) { return k.contains(word); });
}

bool isKeychainReference(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^keychain:[^/\\s]+/\\S.*$"));
    return form.match(text).hasMatch();
}

bool isValidName(const QString &name)
{
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    return form.match(name).hasMatch();
}

QString joinNames(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

QStringList namesOf(std::span<const KindSchema> kinds)
{
    QStringList names;
    for (const KindSchema &row : kinds)
        names << QString::fromLatin1(row.kind);
    return names;
}

QStringList topLevelKeys()
{
    QStringList names;
    for (const char *key : kTopLevelKeys)
        names << QString::fromLatin1(key);
    return names;
}

QStringList keysOf(std::span<const SettingSpec> specs)
{
    QStringList names;
    for (const SettingSpec &spec : specs)
        names << QString::fromLatin1(spec.key);
    return names;
}

/// A scalar read as YAML 1.2's core schema does: plain true/false, null, numbers; quoted
/// scalars are always text.
QJsonValue scalarToJson(const YAML::Node &node)
{
    if (node.IsNull())
        return QJsonValue(QJsonValue::Null);
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() != "?") // quoted or explicitly tagged
        return text;
    static const QRegularExpression trueForm(QStringLiteral("^(true|True|TRUE)$"));
    static const QRegularExpression falseForm(QStringLiteral("^(false|False|FALSE)$"));
    static const QRegularExpression nullForm(QStringLiteral("^(null|Null|NULL|~)$"));
    static const QRegularExpression numberForm(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression infinityForm(QStringLiteral("^([-+]?)\\.(inf|Inf|INF)$"));
    static const QRegularExpression nanForm(QStringLiteral("^\\.(nan|NaN|NAN)$"));
    if (trueForm.match(text).hasMatch())
        return true;
    if (falseForm.match(text).hasMatch())
        return false;
    if (nullForm.match(text).hasMatch())
        return QJsonValue(QJsonValue::Null);
    if (numberForm.match(text).hasMatch())
        return text.toDouble();
    if (const QRegularExpressionMatch m = infinityForm.match(text); m.hasMatch())
        return m.captured(1) == QLatin1String("-") ? -std::numeric_limits<double>::infinity()
                                                   : std::numeric_limits<double>::infinity();
    if (nanForm.match(text).hasMatch())
        return std::numeric_limits<double>::quiet_NaN();
    return text;
}

/// Reads one profile document and collects every problem in it.
class ProfileReader
{
public:
    ProfileReader(const QString &displayPath, const QFileInfo &file)
        : m_displayPath(displayPath)
        , m_folder(file.absoluteDir())
    {
        m_profile.sourceFile = file.absoluteFilePath();
        m_profile.name = file.completeBaseName();
    }

    Result<EnvironmentProfile> read(const QByteArray &text)
    {
        try {
            const YAML::Node root = YAML::Load(text.toStdString());
            readDocument(root);
        } catch (const YAML::Exception &e) {
            // Syntax errors come from Load; the reading itself only throws on a defect.
            return Error{
                Error::Kind::Invalid,
                QStringLiteral("%1:%2: %3")
                    .arg(m_displayPath, QString::number(std::max(1, e.mark.line + 1)),
                         ProfileLoader::tr("invalid YAML: %1").arg(QString::fromStdString(e.msg)))};
        }
        if (!m_errors.isEmpty()) {
            std::stable_sort(m_errors.begin(), m_errors.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            QStringList lines;
            for (const auto &error : std::as_const(m_errors)) {
                if (!lines.contains(error.second))
                    lines << error.second;
            }
            return Error{Error::Kind::Invalid, lines.join(QLatin1Char('\n'))};
        }
        return m_profile;
    }

    int nameLine() const { return m_lines.value(QStringLiteral("name"), 1); }

private:
    struct Entry
    {
        QString key;
        QString path; ///< e.g. "router.apiUrl", "applications[1].name"
        int line;     ///< of the key, 1-based
        YAML::Node value;
    };

    void fail(int line, const QString &path, const QString &message)
    {
        const QString where = QStringLiteral("%1:%2").arg(m_displayPath, QString::number(line));
        m_errors.append({line, path.isEmpty()
                                   ? QStringLiteral("%1: %2").arg(where, message)
                                   : QStringLiteral("%1: %2: %3").arg(where, path, message)});
    }

    static int lineOf(const YAML::Node &node, int fallback)
    {
        const int line = node.Mark().line + 1;
        return line >= 1 ? line : fallback;
    }

    static QString childPath(const QString &parent, const QString &key)
    {
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    }

    /// The entries of a map in file order; records each key's line, reports repeated keys.
    QList<Entry> entries(const YAML::Node &map, const QString &path)
    {
        QList<Entry> result;
        QHash<QString, int> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const int line = lineOf(it->first, 1);
            if (!it->first.IsScalar()) {
                fail(line, path, ProfileLoader::tr("keys must be plain names"));
                continue;
            }
            const QString key = QString::fromStdString(it->first.Scalar());
            const QString keyPath = childPath(path, key);
            if (const auto first = seen.constFind(key); first != seen.constEnd()) {
                fail(line, keyPath,
                     ProfileLoader::tr("appears twice (first on line %1); keep one")
                         .arg(first.value()));
                continue;
            }
            seen.insert(key, line);
            m_lines.insert(keyPath, line);
            result.append({key, keyPath, line, it->second});
        }
        return result;
    }

    /// Runs before everything else so that a literal secret is reported as such wherever it
    /// is, even under a key that is wrong for other reasons.
    void checkSecrets(const YAML::Node &node, const QString &path)
    {
        if (node.IsMap()) {
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (!it->first.IsScalar())
                    continue;
                const QString key = QString::fromStdString(it->first.Scalar());
                const QString keyPath = childPath(path, key);
                const YAML::Node value = it->second; // a copy: it-> yields a temporary
                if (looksSecret(key) && value.IsScalar()) {
                    const QString text = QString::fromStdString(value.Scalar());
                    if (!text.isEmpty() && !text.startsWith(kKeychainPrefix)) {
                        fail(lineOf(it->first, 1), keyPath, secretMessage());
                        m_literalSecrets.insert(keyPath);
                    }
                } else {
                    checkSecrets(value, keyPath);
                }
            }
        } else if (node.IsSequence()) {
            int index = 0;
            for (const auto &item : node)
                checkSecrets(item, QStringLiteral("%1[%2]").arg(path, QString::number(index++)));
        }
    }

    void readDocument(const YAML::Node &root)
    {
        if (root.IsNull()) {
            fail(1, {},
                 ProfileLoader::tr("the profile is empty; it needs at least a cluster "
                                   "(see docs/profiles.md)"));
            return;
        }
        if (!root.IsMap()) {
            fail(lineOf(root, 1), {},
                 ProfileLoader::tr("a profile is a map of keys (%1)")
                     .arg(joinNames(topLevelKeys())));
            return;
        }
        checkSecrets(root, {});

        bool hasCluster = false, hasRouter = false, hasMetrics = false;
        bool clusterOk = false, routerOk = false, metricsOk = false;
        for (const Entry &e : entries(root, {})) {
            if (m_literalSecrets.contains(e.path))
                continue;
            if (e.key == QLatin1String("name")) {
                if (const auto name = readText(e, ProfileLoader::tr("the profile's name"))) {
                    if (isValidName(*name))
                        m_profile.name = *name;
                    else
                        fail(e.line, e.path,
                             ProfileLoader::tr("`%1` is not a valid name; use letters, digits, "
                                               "'.', '_' and '-', starting with a letter or digit")
                                 .arg(*name));
                }
            } else if (e.key == QLatin1String("description")) {
                if (const auto text = readText(e, ProfileLoader::tr("one line about the "
                                                                    "environment")))
                    m_profile.description = *text;
            } else if (e.key == QLatin1String("cluster")) {
                hasCluster = true;
                clusterOk = readComponent(e, kClusterKinds, &m_profile.cluster);
            } else if (e.key == QLatin1String("router")) {
                hasRouter = true;
                routerOk = readComponent(e, kRouterKinds, &m_profile.router);
            } else if (e.key == QLatin1String("metrics")) {
                hasMetrics = true;
                metricsOk = readComponent(e, kMetricsKinds, &m_profile.metrics);
            } else if (e.key == QLatin1String("applications")) {
                readApplications(e);
            } else if (e.key == QLatin1String("plan")) {
                readPlan(e);
            } else if (e.key == QLatin1String("secrets")) {
                readSecrets(e);
            } else if (e.key == QLatin1String("allowInsecureHttp")) {
                const QJsonValue value = e.value.IsScalar() ? scalarToJson(e.value) : QJsonValue();
                if (value.isBool())
                    m_profile.allowInsecureHttp = value.toBool();
                else
                    fail(e.line, e.path,
                         ProfileLoader::tr("must be true or false (true lets passwords and "
                                           "tokens go over plain http to hosts that are not "
                                           "this machine)"));
            } else {
                fail(e.line, e.path,
                     ProfileLoader::tr("unknown key `%1`; expected one of: %2")
                         .arg(e.key, joinNames(topLevelKeys())));
            }
        }
        if (!m_lines.contains(QStringLiteral("name")) && !isValidName(m_profile.name))
            fail(1, QStringLiteral("name"),
                 ProfileLoader::tr("the file name gives no valid profile name; add `name:` with "
                                   "letters, digits, '.', '_' and '-'"));

        if (!hasCluster) {
            fail(1, QStringLiteral("cluster"),
                 ProfileLoader::tr("missing; every profile names its cluster: kind sandbox (with "
                                   "a scenario) or docker"));
            return;
        }
        if (!clusterOk)
            return;
        const bool sandbox = m_profile.cluster.kind == kSandbox;
        // A docker cluster may go with the sandbox's simulated Traefik and metrics, both at once
        // (the simulated metrics follow the simulated weights).
        const bool simulatedTraffic = !sandbox && hasRouter && hasMetrics && routerOk &&
                                      metricsOk && m_profile.router.kind == kSandbox &&
                                      m_profile.metrics.kind == kSandbox;
        checkCompanion(QStringLiteral("router"), hasRouter, routerOk, sandbox || simulatedTraffic,
                       &m_profile.router, QStringLiteral("redis, file"));
        checkCompanion(QStringLiteral("metrics"), hasMetrics, metricsOk,
                       sandbox || simulatedTraffic, &m_profile.metrics,
                       QStringLiteral("traefik, prometheus"));
        const QString metricsScenario = QStringLiteral("metrics.scenario");
        if (sandbox && m_profile.metrics.settings.contains(QStringLiteral("scenario")))
            fail(m_lines.value(metricsScenario, 1), metricsScenario,
                 ProfileLoader::tr("only with a docker cluster; a sandbox cluster's scenario is "
                                   "cluster.scenario"));
        const QString context = QStringLiteral("cluster.context");
        if (m_profile.cluster.settings.contains(QStringLiteral("endpoint")) &&
            m_profile.cluster.settings.contains(QStringLiteral("context")))
            fail(m_lines.value(context, 1), context,
                 ProfileLoader::tr("give either endpoint or context, not both"));
        // Registry credentials come whole: a server alone says nothing, a password needs both.
        const QStringList registry{QStringLiteral("registryServer"), QStringLiteral("registryUser"),
                                   QStringLiteral("registryPassword")};
        int given = 0;
        for (const QString &key : registry)
            given += m_profile.cluster.settings.contains(key) ||
                     m_profile.secretReferences.contains(QStringLiteral("cluster.") + key);
        if (given > 0 && given < registry.size()) {
            for (const QString &key : registry) {
                const QString field = QStringLiteral("cluster.") + key;
                if (!m_profile.cluster.settings.contains(key) &&
                    !m_profile.secretReferences.contains(field))
                    fail(m_lines.value(QStringLiteral("cluster"), 1), field,
                         ProfileLoader::tr("missing; registry credentials need registryServer, "
                                           "registryUser and registryPassword together"));
            }
        }
    }

    /// The router and metrics of a sandbox cluster default to the sandbox; a real cluster
    /// needs real ones.
    void checkCompanion(const QString &section, bool present, bool ok, bool sandboxCluster,
                        EnvironmentProfile::Component *component, const QString &realKinds)
    {
        if (!present) {
            if (sandboxCluster)
                component->kind = kSandbox;
            else
                fail(1, section,
                     ProfileLoader::tr("missing; a %1 cluster needs a %2 of kind %3")
                         .arg(m_profile.cluster.kind, section, realKinds));
            return;
        }
        if (ok && component->kind == kSandbox && !sandboxCluster) {
            const QString kindPath = section + QStringLiteral(".kind");
            fail(m_lines.value(kindPath, 1), kindPath,
                 ProfileLoader::tr("kind sandbox goes with a sandbox cluster, or with a %1 "
                                   "cluster when router and metrics are both sandbox; else use "
                                   "one of: %2")
                     .arg(m_profile.cluster.kind, realKinds));
        }
    }

    std::optional<QString> readText(const Entry &e, const QString &hint)
    {
        if (e.value.IsNull() || (e.value.IsScalar() && e.value.Scalar().empty())) {
            fail(e.line, e.path, ProfileLoader::tr("is empty; give %1").arg(hint));
            return std::nullopt;
        }
        if (!e.value.IsScalar()) {
            fail(e.line, e.path, ProfileLoader::tr("must be text: %1").arg(hint));
            return std::nullopt;
        }
        return QString::fromStdString(e.value.Scalar());
    }

    bool readComponent(const Entry &e, std::span<const KindSchema> kinds,
                       EnvironmentProfile::Component *out)
    {
        const QString kindNames = joinNames(namesOf(kinds));
        if (!e.value.IsMap()) {
            fail(e.line, e.path,
                 ProfileLoader::tr("must be a map with `kind:` (one of: %1) and its settings")
                     .arg(kindNames));
            return false;
        }
        QList<Entry> settings = entries(e.value, e.path);
        const auto kindEntry = std::find_if(settings.cbegin(), settings.cend(), [](const Entry &s) {
            return s.key == QLatin1String("kind");
        });
        const QString kindPath = childPath(e.path, QStringLiteral("kind"));
        if (kindEntry == settings.cend()) {
            fail(e.line, kindPath, ProfileLoader::tr("missing; one of: %1").arg(kindNames));
            return false;
        }
        const std::optional<QString> kind =
            readText(*kindEntry, ProfileLoader::tr("one of: %1").arg(kindNames));
        if (!kind)
            return false;
        const auto schema = std::find_if(kinds.begin(), kinds.end(), [&kind](const KindSchema &k) {
            return *kind == QLatin1String(k.kind);
        });
        if (schema == kinds.end()) {
            fail(kindEntry->line, kindPath,
                 ProfileLoader::tr("unknown kind `%1`; one of: %2").arg(*kind, kindNames));
            return false;
        }
        settings.erase(kindEntry);
        out->kind = *kind;
        out->settings = readSettings(settings, schema->settings, e.path, e.line, *kind);
        return true;
    }

    QVariantMap readSettings(const QList<Entry> &given, std::span<const SettingSpec> specs,
                             const QString &path, int line, const QString &kind)
    {
        QVariantMap result;
        QSet<QString> present;
        for (const Entry &e : given) {
            present.insert(e.key);
            if (m_literalSecrets.contains(e.path))
                continue;
            const auto spec = std::find_if(specs.begin(), specs.end(), [&e](const SettingSpec &s) {
                return e.key == QLatin1String(s.key);
            });
            if (spec == specs.end()) {
                QString message;
                if (kind.isEmpty())
                    message = ProfileLoader::tr("unknown key `%1`; expected one of: %2")
                                  .arg(e.key, joinNames(keysOf(specs)));
                else if (specs.empty())
                    message = ProfileLoader::tr("unknown key `%1`; kind %2 takes no settings")
                                  .arg(e.key, kind);
                else
                    message = ProfileLoader::tr("unknown key `%1` for kind %2; expected one of: %3")
                                  .arg(e.key, kind, joinNames(keysOf(specs)));
                fail(e.line, e.path, message);
                continue;
            }
            const QVariant value = readSetting(e, *spec);
            if (value.isValid())
                result.insert(e.key, value);
        }
        for (const SettingSpec &spec : specs) {
            const QString key = QString::fromLatin1(spec.key);
            if (spec.required && !present.contains(key))
                fail(line, childPath(path, key),
                     ProfileLoader::tr("missing; %1").arg(ProfileLoader::tr(spec.hint)));
        }
        return result;
    }

    QVariant readSetting(const Entry &e, const SettingSpec &spec)
    {
        const QString hint = ProfileLoader::tr(spec.hint);
        switch (spec.type) {
        case SettingType::Text:
            if (const auto text = readText(e, hint))
                return *text;
            return {};
        case SettingType::Scenario: {
            const auto text = readText(e, hint);
            if (!text)
                return {};
            const bool isPath =
                text->contains(QLatin1Char('/')) || text->endsWith(QLatin1String(".json"));
            return isPath ? QDir::cleanPath(m_folder.absoluteFilePath(*text)) : *text;
        }
        case SettingType::Path:
            if (const auto text = readText(e, hint))
                return QDir::cleanPath(m_folder.absoluteFilePath(*text));
            return {};
        case SettingType::Url: {
            const auto text = readText(e, hint);
            if (!text)
                return {};
            const QUrl url(*text, QUrl::StrictMode);
            const QString scheme = url.scheme();
            if (!url.isValid() || url.host().isEmpty() ||
                (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
                fail(e.line, e.path,
                     ProfileLoader::tr("`%1` is not an http(s) URL; give %2").arg(*text, hint));
                return {};
            }
            return *text;
        }
        case SettingType::Bool: {
            const QJsonValue value = e.value.IsScalar() ? scalarToJson(e.value) : QJsonValue();
            if (!value.isBool()) {
                fail(e.line, e.path, ProfileLoader::tr("must be true or false (%1)").arg(hint));
                return {};
            }
            return value.toBool();
        }
        case SettingType::Int: {
            const QJsonValue value = e.value.IsScalar() ? scalarToJson(e.value) : QJsonValue();
            const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
            if (!value.isDouble() || number != std::floor(number) || number < spec.minimum ||
                number > spec.maximum) {
                fail(e.line, e.path,
                     spec.maximum == kAnyInt
                         ? ProfileLoader::tr("must be a whole number from %1 (%2)")
                               .arg(QString::number(spec.minimum), hint)
                         : ProfileLoader::tr("must be a whole number from %1 to %2 (%3)")
                               .arg(QString::number(spec.minimum), QString::number(spec.maximum),
                                    hint));
                return {};
            }
            return static_cast<int>(number);
        }
        case SettingType::TextList: {
            QStringList list;
            bool good = e.value.IsSequence();
            for (const auto &item : e.value) {
                good = good && item.IsScalar();
                list << QString::fromStdString(item.Scalar());
            }
            if (!good) {
                fail(e.line, e.path, ProfileLoader::tr("must be a list: %1").arg(hint));
                return {};
            }
            return list;
        }
        case SettingType::ColorPorts:
            return readColorPorts(e, spec, hint);
        case SettingType::EnvName: {
            const auto text = readText(e, hint);
            if (!text)
                return {};
            static const QRegularExpression form(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
            if (!form.match(*text).hasMatch()) {
                fail(e.line, e.path,
                     ProfileLoader::tr("`%1` is not a variable name; use letters, digits and _, "
                                       "not starting with a digit (%2)")
                         .arg(*text, hint));
                return {};
            }
            return *text;
        }
        case SettingType::SecretRef: {
            const auto text = readText(e, hint);
            if (!text)
                return {};
            if (!isKeychainReference(*text)) {
                fail(e.line, e.path,
                     text->startsWith(kKeychainPrefix)
                         ? ProfileLoader::tr("`%1` is not a keychain reference; write "
                                             "`keychain:SERVICE/ACCOUNT`")
                               .arg(*text)
                         : secretMessage());
                return {};
            }
            m_profile.secretReferences.insert(e.path, *text);
            return *text;
        }
        }
        return {};
    }

    /// {blue: N, green: M}: both colors, distinct, each within the spec's range.
    QVariant readColorPorts(const Entry &e, const SettingSpec &spec, const QString &hint)
    {
        if (!e.value.IsMap()) {
            fail(e.line, e.path, ProfileLoader::tr("must be a map: %1").arg(hint));
            return {};
        }
        QVariantMap ports;
        bool good = true;
        for (const Entry &p : entries(e.value, e.path)) {
            if (p.key != QLatin1String("blue") && p.key != QLatin1String("green")) {
                fail(p.line, p.path,
                     ProfileLoader::tr("unknown key `%1`; expected blue and green").arg(p.key));
                good = false;
                continue;
            }
            const QJsonValue value = p.value.IsScalar() ? scalarToJson(p.value) : QJsonValue();
            const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
            if (!value.isDouble() || number != std::floor(number) || number < spec.minimum ||
                number > spec.maximum) {
                fail(p.line, p.path,
                     ProfileLoader::tr("must be a port number from %1 to %2")
                         .arg(QString::number(spec.minimum), QString::number(spec.maximum)));
                good = false;
                continue;
            }
            ports.insert(p.key, static_cast<int>(number));
        }
        if (!good)
            return {};
        if (ports.size() != 2) {
            fail(e.line, e.path,
                 ProfileLoader::tr("give the ports of both colors, blue and green (%1)").arg(hint));
            return {};
        }
        if (ports.value(QStringLiteral("blue")) == ports.value(QStringLiteral("green"))) {
            fail(e.line, e.path,
                 ProfileLoader::tr("blue and green need different ports; both are %1")
                     .arg(ports.value(QStringLiteral("blue")).toInt()));
            return {};
        }
        return ports;
    }

    void readApplications(const Entry &e)
    {
        if (!e.value.IsSequence()) {
            fail(e.line, e.path,
                 ProfileLoader::tr("must be a list of applications, each starting with `- name:`"));
            return;
        }
        QHash<QString, int> seen;
        int index = 0;
        for (const auto &item : e.value) {
            const QString path = QStringLiteral("%1[%2]").arg(e.path, QString::number(index++));
            const int line = lineOf(item, e.line);
            if (!item.IsMap()) {
                fail(line, path, ProfileLoader::tr("must be a map with at least `name:`"));
                continue;
            }
            QVariantMap settings = readSettings(entries(item, path), kApplication, path, line, {});
            const QString portVariablePath = childPath(path, QStringLiteral("portVariable"));
            if (settings.contains(QStringLiteral("portVariable")) &&
                !m_lines.contains(childPath(path, QStringLiteral("ports"))))
                fail(m_lines.value(portVariablePath, line), portVariablePath,
                     ProfileLoader::tr("only with ports: the variable is set to each color's "
                                       "port"));
            const QString name = settings.take(QStringLiteral("name")).toString();
            if (name.isEmpty())
                continue;
            const QString namePath = childPath(path, QStringLiteral("name"));
            const int nameLine = m_lines.value(namePath, line);
            if (!isValidName(name)) {
                fail(nameLine, namePath,
                     ProfileLoader::tr("`%1` is not a valid application name; use letters, "
                                       "digits, '.', '_' and '-', starting with a letter or digit")
                         .arg(name));
                continue;
            }
            if (const auto first = seen.constFind(name); first != seen.constEnd()) {
                fail(nameLine, namePath,
                     ProfileLoader::tr("application `%1` is listed twice (first on line %2); "
                                       "application names must be unique")
                         .arg(name, QString::number(first.value())));
                continue;
            }
            seen.insert(name, nameLine);
            m_profile.applications.append({name, settings});
        }
    }

    QJsonValue toJson(const YAML::Node &node, const QString &path)
    {
        if (node.IsMap()) {
            QJsonObject object;
            for (const Entry &e : entries(node, path))
                object.insert(e.key, toJson(e.value, e.path));
            return object;
        }
        if (node.IsSequence()) {
            QJsonArray array;
            int index = 0;
            for (const auto &item : node)
                array.append(
                    toJson(item, QStringLiteral("%1[%2]").arg(path, QString::number(index++))));
            return array;
        }
        return scalarToJson(node);
    }

    /// The plan goes through RolloutPlan's own reading and validation; each issue is put back
    /// on the line of its field.
    void readPlan(const Entry &e)
    {
        if (e.value.IsNull())
            return;
        if (!e.value.IsMap()) {
            fail(e.line, e.path,
                 ProfileLoader::tr("must be a map of plan fields, e.g. steps: [10, 25, 50, 75, "
                                   "100]"));
            return;
        }
        const QJsonObject json = toJson(e.value, e.path).toObject();
        PlanIssues issues;
        m_profile.plan = RolloutPlan::fromJson(json, &issues);
        QSet<QString> mistyped;
        for (const PlanIssue &issue : std::as_const(issues))
            mistyped.insert(issue.field);
        for (const PlanIssue &issue : m_profile.plan.validate()) {
            if (!mistyped.contains(issue.field))
                issues.append(issue);
        }
        for (const PlanIssue &issue : std::as_const(issues)) {
            const QString path = childPath(e.path, issue.field);
            if (!m_literalSecrets.contains(path))
                fail(m_lines.value(path, e.line), path, issue.message);
        }
    }

    void readSecrets(const Entry &e)
    {
        if (!e.value.IsMap()) {
            fail(e.line, e.path,
                 ProfileLoader::tr("must be a map of NAME: keychain:SERVICE/ACCOUNT"));
            return;
        }
        for (const Entry &s : entries(e.value, e.path)) {
            if (m_literalSecrets.contains(s.path))
                continue;
            const auto text = readText(s, QStringLiteral("keychain:SERVICE/ACCOUNT"));
            if (!text)
                continue;
            if (!text->startsWith(kKeychainPrefix))
                fail(s.line, s.path, secretMessage());
            else if (!isKeychainReference(*text))
                fail(s.line, s.path,
                     ProfileLoader::tr("`%1` is not a keychain reference; write "
                                       "`keychain:SERVICE/ACCOUNT`")
                         .arg(*text));
            else
                m_profile.secretReferences.insert(s.key, *text);
        }
    }

    QString m_displayPath;
    QDir m_folder;
    EnvironmentProfile m_profile;
    QList<std::pair<int, QString>> m_errors;
    QSet<QString> m_literalSecrets; ///< field paths already reported as literal secrets
    QHash<QString, int> m_lines;    ///< field path → line of its key
};

Result<EnvironmentProfile> readProfile(const QString &path, int *nameLine)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{Error::Kind::NotFound, ProfileLoader::tr("%1: no such profile").arg(path)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::Other,
                     ProfileLoader::tr("%1: cannot be read: %2").arg(path, file.errorString())};
    ProfileReader reader(path, info);
    Result<EnvironmentProfile> result = reader.read(file.readAll());
    if (nameLine)
        *nameLine = reader.nameLine();
    return result;
}

QFileInfoList profileFiles(const QDir &dir)
{
    return dir.entryInfoList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                             QDir::Name);
}

} // namespace

Result<EnvironmentProfile> ProfileLoader::loadFile(const QString &path)
{
    return readProfile(path, nullptr);
}

Result<EnvironmentProfile> ProfileLoader::parse(const QByteArray &yaml, const QString &path)
{
    return ProfileReader(path, QFileInfo(path)).read(yaml);
}

Result<QList<EnvironmentProfile>> ProfileLoader::loadDirectory(const QString &dir)
{
    const QDir folder(dir);
    QList<EnvironmentProfile> profiles;
    QStringList errors;
    QHash<QString, QString> fileOfName;
    for (const QFileInfo &info : profileFiles(folder)) {
        const QString path = folder.filePath(info.fileName());
        int nameLine = 1;
        Result<EnvironmentProfile> profile = readProfile(path, &nameLine);
        if (!profile) {
            errors << profile.error().message;
            continue;
        }
        const QString name = profile.value().name;
        if (const auto first = fileOfName.constFind(name); first != fileOfName.constEnd()) {
            errors << QStringLiteral("%1:%2: name: %3")
                          .arg(path, QString::number(nameLine),
                               tr("the profile `%1` is also defined in %2; profile names must be "
                                  "unique")
                                   .arg(name, first.value()));
            continue;
        }
        fileOfName.insert(name, path);
        profiles.append(profile.value());
    }
    if (!errors.isEmpty())
        return Error{Error::Kind::Invalid, errors.join(QLatin1Char('\n'))};
    return profiles;
}

Result<EnvironmentProfile> ProfileLoader::find(const QString &dir, const QString &name)
{
    const QDir folder(dir);
    if (!folder.exists())
        return Error{
            Error::Kind::NotFound,
            tr("no environment profile named `%1`: the folder %2 does not exist").arg(name, dir)};
    std::optional<EnvironmentProfile> found;
    QString foundIn;
    QStringList names, broken;
    for (const QFileInfo &info : profileFiles(folder)) {
        const QString path = folder.filePath(info.fileName());
        Result<EnvironmentProfile> profile = readProfile(path, nullptr);
        if (!profile) {
            if (info.completeBaseName() == name)
                return profile;
            broken << profile.error().message;
            continue;
        }
        names << profile.value().name;
        if (profile.value().name != name)
            continue;
        if (found)
            return Error{Error::Kind::Invalid,
                         tr("%1: name: the profile `%2` is also defined in %3; profile names "
                            "must be unique")
                             .arg(path, name, foundIn)};
        found = profile.value();
        foundIn = path;
    }
    if (found)
        return *found;
    QString message =
        names.isEmpty()
            ? tr("no environment profile named `%1` in %2; it holds no profiles (*.yaml)")
                  .arg(name, dir)
            : tr("no environment profile named `%1` in %2; it holds: %3")
                  .arg(name, dir, joinNames(names));
    if (!broken.isEmpty())
        message += QLatin1Char('\n') + tr("These profiles could not be read:") + QLatin1Char('\n') +
                   broken.join(QLatin1Char('\n'));
    return Error{Error::Kind::NotFound, message};
}

} // namespace optimist
