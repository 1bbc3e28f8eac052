#include "DockerEndpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>

namespace optimist {

namespace {

const QLatin1String kDefaultContext("default");

Error invalid(QString message)
{
    return Error{Error::Kind::Invalid, std::move(message)};
}

Error notFound(QString message)
{
    return Error{Error::Kind::NotFound, std::move(message)};
}

/// CONFIG: DOCKER_CONFIG, else HOME/.docker.
QString configDir(const DockerEndpoint::Environment &environment)
{
    const QString fromVariable = environment.variables.value(QStringLiteral("DOCKER_CONFIG"));
    if (!fromVariable.isEmpty())
        return QDir::cleanPath(fromVariable);
    return QDir(environment.homeDir).filePath(QStringLiteral(".docker"));
}

/// The JSON object in @p path; @p missingOk gives an empty object for a missing file.
Result<QJsonObject> readJsonObject(const QString &path, bool missingOk)
{
    QFile file(path);
    if (!file.exists()) {
        if (missingOk)
            return QJsonObject();
        return notFound(DockerEndpoint::tr("%1: the file does not exist").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Kind::Other,
                     DockerEndpoint::tr("%1: cannot be read: %2").arg(path, file.errorString())};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalid(DockerEndpoint::tr("%1: not valid JSON at byte %2: %3")
                           .arg(path)
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return invalid(DockerEndpoint::tr("%1: expected a JSON object").arg(path));
    return document.object();
}

/// Names of the contexts in CONFIG/contexts/meta, for "unknown context" messages.
QStringList knownContexts(const QString &metaRoot)
{
    QStringList names;
    const QDir dir(metaRoot);
    const QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders) {
        const Result<QJsonObject> meta =
            readJsonObject(dir.filePath(folder + QStringLiteral("/meta.json")), false);
        if (meta.ok()) {
            const QString name = meta.value().value(QStringLiteral("Name")).toString();
            if (!name.isEmpty())
                names.append(name);
        }
    }
    names.sort();
    return names;
}

/// Fills the TLS files of a host endpoint from @p certDir: the CLI needs ca.pem when verifying
/// and uses cert.pem/key.pem when they exist; one of the pair without the other is an error.
Result<void> applyTlsFiles(DockerEndpoint &endpoint, const QString &certDir, bool requireCa,
                           const QString &origin)
{
    const QDir dir(certDir);
    const QString ca = dir.filePath(QStringLiteral("ca.pem"));
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const bool haveCa = QFileInfo::exists(ca);
    const bool haveCert = QFileInfo::exists(cert);
    const bool haveKey = QFileInfo::exists(key);
    if (requireCa && !haveCa) {
        return notFound(DockerEndpoint::tr("%1: missing; TLS verification (%2) needs the CA "
                                           "certificate that signed the daemon's certificate")
                            .arg(ca, origin));
    }
    if (haveCert != haveKey) {
        return notFound(DockerEndpoint::tr("%1: missing; a client certificate needs both cert.pem "
                                           "and key.pem in %2")
                            .arg(haveCert ? key : cert, QDir::toNativeSeparators(certDir)));
    }
    endpoint.caFile = haveCa ? ca : QString();
    endpoint.certFile = haveCert ? cert : QString();
    endpoint.keyFile = haveKey ? key : QString();
    return {};
}

/// The default context: an explicit host, DOCKER_HOST, or the default socket, with the TLS
/// settings of the variables (or the request's overrides).
Result<DockerEndpoint> resolveHost(const DockerEndpoint::Request &request,
                                   const DockerEndpoint::Environment &environment,
                                   DockerEndpoint::Source source)
{
    const QProcessEnvironment &vars = environment.variables;
    const bool tlsVerify = request.tlsVerify.has_value()
                               ? *request.tlsVerify
                               : !vars.value(QStringLiteral("DOCKER_TLS_VERIFY")).isEmpty();
    const bool tls = tlsVerify || !vars.value(QStringLiteral("DOCKER_TLS")).isEmpty();

    QString text;
    QString origin;
    switch (source) {
    case DockerEndpoint::Source::ExplicitHost:
        text = request.host;
        origin = DockerEndpoint::tr("the profile's endpoint");
        break;
    case DockerEndpoint::Source::DockerHostVariable:
        text = vars.value(QStringLiteral("DOCKER_HOST"));
        origin = QStringLiteral("DOCKER_HOST");
        break;
    default:
        origin = DockerEndpoint::tr("the default endpoint");
        break;
    }

    Result<DockerEndpoint> parsed = DockerEndpoint::parseHost(text, tls, origin);
    if (!parsed.ok())
        return parsed;
    DockerEndpoint endpoint = std::move(parsed).value();
    endpoint.source = source;
    endpoint.origin = origin;
    if (endpoint.kind != DockerEndpoint::Kind::Tcp || !tls)
        return endpoint;

    endpoint.tls = true;
    endpoint.tlsVerify = tlsVerify;
    QString certDir = request.certPath;
    QString certOrigin = DockerEndpoint::tr("the profile's tlsVerify");
    if (certDir.isEmpty())
        certDir = vars.value(QStringLiteral("DOCKER_CERT_PATH"));
    if (certDir.isEmpty())
        certDir = configDir(environment);
    if (!request.tlsVerify.has_value())
        certOrigin = QStringLiteral("DOCKER_TLS_VERIFY");
    const Result<void> files = applyTlsFiles(endpoint, certDir, tlsVerify, certOrigin);
    if (!files.ok())
        return files.error();
    return endpoint;
}

/// The context "default": DOCKER_HOST when set, else the default socket.
Result<DockerEndpoint> resolveDefaultContext(const DockerEndpoint::Request &request,
                                             const DockerEndpoint::Environment &environment)
{
    const bool fromVariable = environment.variables.contains(QStringLiteral("DOCKER_HOST"));
    return resolveHost(request, environment,
                       fromVariable ? DockerEndpoint::Source::DockerHostVariable
                                    : DockerEndpoint::Source::Default);
}

/// A named context from CONFIG/contexts.
Result<DockerEndpoint> resolveContext(const QString &name,
                                      const DockerEndpoint::Environment &environment,
                                      DockerEndpoint::Source source, const QString &namedBy)
{
    // The CLI's rule for context names; it also keeps a name from walking out of the folder.
    static const QRegularExpression validName(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$"));
    if (!validName.match(name).hasMatch()) {
        return invalid(DockerEndpoint::tr("%1: `%2` is not a valid context name (letters, digits "
                                          "and _.+- only, at least two characters)")
                           .arg(namedBy, name));
    }

    const QString root = QDir(configDir(environment)).filePath(QStringLiteral("contexts"));
    const QString dirName = DockerEndpoint::contextDirName(name);
    const QString metaRoot = QDir(root).filePath(QStringLiteral("meta"));
    const QString metaPath = QDir(metaRoot).filePath(dirName + QStringLiteral("/meta.json"));
    if (!QFileInfo::exists(metaPath)) {
        const QStringList known = knownContexts(metaRoot);
        return notFound(DockerEndpoint::tr("Docker context `%1` (named by %2) does not exist: no "
                                           "%3. Known contexts: %4")
                            .arg(name, namedBy, metaPath,
                                 known.isEmpty() ? DockerEndpoint::tr("none")
                                                 : known.join(QStringLiteral(", "))));
    }
    const Result<QJsonObject> meta = readJsonObject(metaPath, false);
    if (!meta.ok())
        return meta.error();

    const QJsonValue endpoints = meta.value().value(QStringLiteral("Endpoints"));
    const QJsonValue docker = endpoints.toObject().value(QStringLiteral("docker"));
    if (!docker.isObject()) {
        return invalid(DockerEndpoint::tr("%1: Endpoints.docker is missing; the context `%2` has "
                                          "no Docker endpoint")
                           .arg(metaPath, name));
    }
    const QJsonObject dockerObject = docker.toObject();
    const QJsonValue hostValue = dockerObject.value(QStringLiteral("Host"));
    if (!hostValue.isString() || hostValue.toString().isEmpty()) {
        return invalid(DockerEndpoint::tr("%1: Endpoints.docker.Host is missing or not a string")
                           .arg(metaPath));
    }
    const QJsonValue skipValue = dockerObject.value(QStringLiteral("SkipTLSVerify"));
    if (!skipValue.isUndefined() && !skipValue.isBool()) {
        return invalid(
            DockerEndpoint::tr("%1: Endpoints.docker.SkipTLSVerify must be true or false")
                .arg(metaPath));
    }
    const bool skipVerify = skipValue.toBool(false);

    const QString tlsDir =
        QDir(root).filePath(QStringLiteral("tls/") + dirName + QStringLiteral("/docker"));
    const bool hasTlsMaterial =
        QFileInfo::exists(QDir(tlsDir).filePath(QStringLiteral("ca.pem"))) ||
        QFileInfo::exists(QDir(tlsDir).filePath(QStringLiteral("cert.pem"))) ||
        QFileInfo::exists(QDir(tlsDir).filePath(QStringLiteral("key.pem")));
    // The CLI uses TLS for a context when it stores TLS files or skips verification.
    const bool tls = hasTlsMaterial || skipVerify;

    const QString origin = metaPath + QStringLiteral(": Endpoints.docker.Host");
    Result<DockerEndpoint> parsed = DockerEndpoint::parseHost(hostValue.toString(), tls, origin);
    if (!parsed.ok())
        return parsed;
    DockerEndpoint endpoint = std::move(parsed).value();
    endpoint.source = source;
    endpoint.contextName = name;
    endpoint.origin = metaPath;
    if (endpoint.kind != DockerEndpoint::Kind::Tcp || !tls)
        return endpoint;

    endpoint.tls = true;
    endpoint.tlsVerify = !skipVerify;
    const Result<void> files =
        applyTlsFiles(endpoint, tlsDir, !skipVerify, DockerEndpoint::tr("context `%1`").arg(name));
    if (!files.ok())
        return files.error();
    return endpoint;
}

} // namespace

DockerEndpoint::Environment DockerEndpoint::Environment::system()
{
    return Environment{QDir::homePath(), QProcessEnvironment::systemEnvironment()};
}

QString DockerEndpoint::contextDirName(const QString &context)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(context.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<DockerEndpoint> DockerEndpoint::parseHost(const QString &text, bool defaultToTls,
                                                 const QString &origin)
{
    const QString trimmed = text.trimmed();
    DockerEndpoint endpoint;
    if (trimmed.isEmpty()) {
        endpoint.kind = Kind::Unix;
        endpoint.socketPath = QLatin1String(kDefaultSocket);
        return endpoint;
    }

    const qsizetype separator = trimmed.indexOf(QLatin1String("://"));
    const QString scheme =
        separator < 0 ? QStringLiteral("tcp") : trimmed.left(separator).toLower();
    const QString rest = separator < 0 ? trimmed : trimmed.mid(separator + 3);

    if (scheme == QLatin1String("unix")) {
        endpoint.kind = Kind::Unix;
        endpoint.socketPath = rest.isEmpty() ? QLatin1String(kDefaultSocket) : rest;
        return endpoint;
    }
    if (scheme != QLatin1String("tcp")) {
        return invalid(tr("%1: `%2` uses the scheme %3://, which Optimist does not support; use "
                          "unix:///PATH or tcp://HOST:PORT (for ssh://, forward the socket "
                          "with ssh -L and use the local end)")
                           .arg(origin, trimmed, scheme));
    }

    endpoint.kind = Kind::Tcp;
    const int defaultPort = defaultToTls ? kDefaultTlsPort : kDefaultPort;
    const QUrl url(QStringLiteral("tcp://") + rest, QUrl::StrictMode);
    if (!url.isValid() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        return invalid(
            tr("%1: `%2` is not a valid address; expected tcp://HOST:PORT").arg(origin, trimmed));
    }
    endpoint.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    // QUrl reads "host:" as port -1 like "host"; an explicit non-number fails isValid above.
    endpoint.port = url.port(defaultPort);
    if (endpoint.port <= 0 || endpoint.port > 65535) {
        return invalid(tr("%1: `%2` has no valid port (1-65535)").arg(origin, trimmed));
    }
    endpoint.basePath = url.path() == QLatin1String("/") ? QString() : url.path();
    return endpoint;
}

Result<DockerEndpoint> DockerEndpoint::resolve(const Request &request,
                                               const Environment &environment)
{
    const QProcessEnvironment &vars = environment.variables;
    const QString explicitHost = request.host.trimmed();
    const QString explicitContext = request.context.trimmed();

    if (!explicitHost.isEmpty() && !explicitContext.isEmpty()) {
        return invalid(tr("the profile names both an endpoint (%1) and a context (%2); give one")
                           .arg(explicitHost, explicitContext));
    }
    if (!explicitContext.isEmpty()) {
        if (explicitContext == kDefaultContext)
            return resolveDefaultContext(request, environment);
        return resolveContext(explicitContext, environment, Source::ExplicitContext,
                              tr("the profile's context"));
    }
    if (!explicitHost.isEmpty())
        return resolveHost(request, environment, Source::ExplicitHost);

    // Like the CLI: a DOCKER_HOST that is set, even empty, selects the default context.
    if (vars.contains(QStringLiteral("DOCKER_HOST")))
        return resolveDefaultContext(request, environment);

    if (vars.contains(QStringLiteral("DOCKER_CONTEXT"))) {
        const QString name = vars.value(QStringLiteral("DOCKER_CONTEXT")).trimmed();
        if (name.isEmpty() || name == kDefaultContext)
            return resolveHost(request, environment, Source::Default);
        return resolveContext(name, environment, Source::DockerContextVariable,
                              QStringLiteral("DOCKER_CONTEXT"));
    }

    const QString configPath = QDir(configDir(environment)).filePath(QStringLiteral("config.json"));
    const Result<QJsonObject> config = readJsonObject(configPath, true);
    if (!config.ok())
        return config.error();
    const QJsonValue current = config.value().value(QStringLiteral("currentContext"));
    if (!current.isUndefined() && !current.isString()) {
        return invalid(tr("%1: currentContext must be a string").arg(configPath));
    }
    const QString currentName = current.toString().trimmed();
    if (!currentName.isEmpty() && currentName != kDefaultContext) {
        return resolveContext(currentName, environment, Source::CurrentContext,
                              tr("currentContext in %1").arg(configPath));
    }
    return resolveHost(request, environment, Source::Default);
}

QString DockerEndpoint::uri() const
{
    if (kind == Kind::Unix)
        return QStringLiteral("unix://") + socketPath;
    const QString hostPart =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("tcp://%1:%2%3").arg(hostPart).arg(port).arg(basePath);
}

QString DockerEndpoint::sourceDescription() const
{
    switch (source) {
    case Source::ExplicitHost:
        return tr("the profile's endpoint");
    case Source::ExplicitContext:
        return tr("the profile's context `%1`").arg(contextName);
    case Source::DockerHostVariable:
        return tr("the DOCKER_HOST variable");
    case Source::DockerContextVariable:
        return tr("the context `%1` named by DOCKER_CONTEXT").arg(contextName);
    case Source::CurrentContext:
        return tr("the current context `%1` in the Docker configuration").arg(contextName);
    case Source::Default:
        break;
    }
    return tr("the default endpoint");
}

} // namespace optimist
