#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;
class QNetworkRequest;

namespace optimist {

/// How Optimist talks to an HTTP(S) endpoint of an environment (Traefik's API, Traefik's
/// metrics, Prometheus) — decided once here for all of them:
///  - https always verifies the server's certificate, against the system CAs plus the profile's
///    CA file (`router.apiCaFile`, `metrics.caFile`); a certificate that does not verify ends
///    the request with a message naming the endpoint and the profile key to set;
///  - credentials (basic auth, a bearer token) go over plain http only to a loopback address,
///    or when the environment says `allowInsecureHttp: true`; otherwise the request is refused
///    before anything is sent.
struct HttpEndpointSecurity
{
    Q_DECLARE_TR_FUNCTIONS(HttpEndpointSecurity)

public:
    QString endpointName; ///< in messages, e.g. "Traefik's API"
    QString caFileKey;    ///< the profile key of the CA file, e.g. "router.apiCaFile"
    QString caFile;       ///< PEM file of extra CAs; empty: the system CAs only
    bool allowInsecureHttp = false;

    /// Whether @p url names this machine (localhost, 127.0.0.0/8, ::1).
    static bool isLoopback(const QUrl &url);

    /// The TLS configuration of every request: peer verification on, the system CAs plus
    /// caFile's. Error::Invalid when caFile cannot be read or holds no PEM certificate.
    Result<QSslConfiguration> sslConfiguration() const;

    /// Refuses sending credentials to @p url over plain http to a host that is not loopback
    /// unless allowInsecureHttp; nullopt when the request may go.
    std::optional<Error> refuseCredentials(const QUrl &url) const;

    /// Applies sslConfiguration() to @p request (https only); the error is sslConfiguration()'s.
    Result<void> prepare(QNetworkRequest &request) const;

    /// Logs @p request (category optimist.http, debug) with its credentials redacted.
    static void logRequest(const QByteArray &method, const QNetworkRequest &request);

    /// When @p reply failed its TLS handshake: the error that says what to configure.
    std::optional<Error> tlsFailure(const QNetworkReply *reply, const QString &where) const;
};

} // namespace optimist
