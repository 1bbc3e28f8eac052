#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace optimist {

/// Where the Docker daemon is and how to reach it, chosen as the docker CLI chooses it
/// (docker/cli `resolveContextName` and the default context):
///  1. an explicit host (the profile's `endpoint`, like `--host`), or an explicit context
///     (`context`, like `--context`); both at once is an error;
///  2. `DOCKER_HOST` when set (even empty: then the default socket);
///  3. `DOCKER_CONTEXT`;
///  4. `currentContext` in CONFIG/config.json;
///  5. unix:///var/run/docker.sock.
/// CONFIG is `DOCKER_CONFIG`, else HOME/.docker. The context "default" means rules 1-2 and 5.
/// For hosts (rules 1, 2, 5), TLS is on when `DOCKER_TLS_VERIFY` (or the explicit tlsVerify)
/// is set — any non-empty value, as the CLI reads it — or `DOCKER_TLS` is set (TLS without
/// verification); the files are ca.pem, cert.pem and key.pem in `DOCKER_CERT_PATH`, else
/// CONFIG. A named context keeps its host in CONFIG/contexts/meta/SHA256(name)/meta.json
/// (`Endpoints.docker.Host`, `SkipTLSVerify`) and its TLS files in
/// CONFIG/contexts/tls/SHA256(name)/docker/.
class DockerEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(DockerEndpoint)

public:
    enum class Kind { Unix, Tcp };

    /// Which rule chose the endpoint.
    enum class Source {
        ExplicitHost,          ///< Request::host
        ExplicitContext,       ///< Request::context
        DockerHostVariable,    ///< DOCKER_HOST
        DockerContextVariable, ///< DOCKER_CONTEXT
        CurrentContext,        ///< currentContext in config.json
        Default,               ///< nothing configured: the default socket
    };

    /// What the caller (the environment profile) asks for explicitly.
    struct Request
    {
        QString host;                  ///< e.g. tcp://host:2376; empty: not given
        QString context;               ///< a context name; empty: not given
        std::optional<bool> tlsVerify; ///< overrides DOCKER_TLS_VERIFY for a host
        QString certPath;              ///< overrides DOCKER_CERT_PATH for a host
    };

    /// The process's view of the world, injectable for tests.
    struct Environment
    {
        QString homeDir;
        QProcessEnvironment variables;

        /// The real home directory and process environment.
        static Environment system();
    };

    Kind kind = Kind::Unix;
    QString socketPath; ///< Kind::Unix
    QString host;       ///< Kind::Tcp: name or address (IPv6 without brackets)
    int port = 0;       ///< Kind::Tcp
    QString basePath;   ///< Kind::Tcp: a path after host:port, usually empty

    bool tls = false;       ///< Kind::Tcp only
    bool tlsVerify = false; ///< verify the daemon's certificate against caFile
    QString caFile;         ///< empty when not used
    QString certFile;       ///< client certificate; empty when none
    QString keyFile;        ///< client key; empty when none

    Source source = Source::Default;
    QString contextName; ///< the context used, when the source is a context
    QString origin;      ///< the file or variable that named the host, for messages

    static constexpr const char *kDefaultSocket = "/var/run/docker.sock";
    static constexpr int kDefaultPort = 2375;
    static constexpr int kDefaultTlsPort = 2376;

    /// The endpoint for @p request in @p environment. Error::NotFound for an unknown context
    /// or a missing TLS file, Error::Invalid for anything malformed (each names the file or
    /// variable and what is wrong).
    static Result<DockerEndpoint> resolve(const Request &request,
                                          const Environment &environment = Environment::system());

    /// Parses one host as the CLI does: unix://PATH, tcp://HOST[:PORT][/PATH] or a bare
    /// HOST:PORT (tcp); an empty path or host takes the default. @p origin names where the text
    /// came from in errors. TLS fields are left off.
    static Result<DockerEndpoint> parseHost(const QString &text, bool defaultToTls,
                                            const QString &origin);

    /// The endpoint as a URI: unix:///path or tcp://host:port[/path].
    QString uri() const;
    /// The source in words, e.g. "the DOCKER_HOST variable".
    QString sourceDescription() const;

    /// The name of @p context's folder under contexts/meta and contexts/tls.
    static QString contextDirName(const QString &context);
};

} // namespace optimist
