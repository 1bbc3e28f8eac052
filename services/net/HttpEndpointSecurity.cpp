#include "HttpEndpointSecurity.h"

#include "HttpLogging.h"
#include "secrets/SecretRedaction.h"

#include <QFile>
#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

namespace optimist {

bool HttpEndpointSecurity::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<QSslConfiguration> HttpEndpointSecurity::sslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    // Never relaxed: a certificate that does not verify is refused.
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (caFile.isEmpty())
        return ssl;
    QFile file(caFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::Invalid,
                     tr("Cannot read the CA file %1 (%2) for %3: %4; set %2 to a readable PEM "
                        "file")
                         .arg(caFile, caFileKey, endpointName, file.errorString())};
    const QList<QSslCertificate> extra = QSslCertificate::fromData(file.readAll());
    if (extra.isEmpty())
        return Error{Error::Kind::Invalid, tr("The CA file %1 (%2) for %3 holds no PEM certificate")
                                               .arg(caFile, caFileKey, endpointName)};
    QList<QSslCertificate> cas = ssl.caCertificates();
    cas.append(extra);
    ssl.setCaCertificates(cas);
    return ssl;
}

std::optional<Error> HttpEndpointSecurity::refuseCredentials(const QUrl &url) const
{
    if (url.scheme() != QLatin1String("http") || allowInsecureHttp || isLoopback(url))
        return std::nullopt;
    return Error{Error::Kind::Invalid,
                 tr("Refused to send credentials to %1 at %2 over plain HTTP, where anyone on "
                    "the way can read them: use https, or, if this network is trusted, write "
                    "`allowInsecureHttp: true` in the environment's profile")
                     .arg(endpointName, url.toDisplayString(QUrl::RemoveUserInfo))};
}

Result<void> HttpEndpointSecurity::prepare(QNetworkRequest &request) const
{
    if (request.url().scheme() != QLatin1String("https"))
        return {};
    auto ssl = sslConfiguration();
    if (!ssl)
        return ssl.error();
    request.setSslConfiguration(ssl.value());
    return {};
}

void HttpEndpointSecurity::logRequest(const QByteArray &method, const QNetworkRequest &request)
{
    if (!lcHttp().isDebugEnabled())
        return;
    QList<QPair<QByteArray, QByteArray>> headers;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        headers.append({name, request.rawHeader(name)});
    qCDebug(lcHttp).noquote() << SecretRedaction::describe(method, request.url(), headers);
}

std::optional<Error> HttpEndpointSecurity::tlsFailure(const QNetworkReply *reply,
                                                      const QString &where) const
{
    if (reply->error() != QNetworkReply::SslHandshakeFailedError)
        return std::nullopt;
    const QString advice =
        caFile.isEmpty()
            ? tr("if it uses a private CA, set %1 in the environment's profile to that CA's "
                 "PEM file")
                  .arg(caFileKey)
            : tr("check that %1 (%2) is the CA that signed the server's certificate and that "
                 "the certificate names the host")
                  .arg(caFile, caFileKey);
    return Error{Error::Kind::Unreachable,
                 tr("Refused %1 at %2: its TLS certificate cannot be verified (%3); %4")
                     .arg(endpointName, where, reply->errorString(), advice)};
}

} // namespace optimist
