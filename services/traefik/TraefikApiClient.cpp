#include "TraefikApiClient.h"

#include "TraefikApiParser.h"

#include "secrets/SecretRedaction.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace optimist {

TraefikApiClient::TraefikApiClient(TraefikApiSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_network(new QNetworkAccessManager(this))
{
    m_security.endpointName = tr("Traefik's API");
    m_security.caFileKey = QStringLiteral("router.apiCaFile");
    m_security.caFile = m_settings.caFile;
    m_security.allowInsecureHttp = m_settings.allowInsecureHttp;
    // The Basic credentials as they go over the wire (base64 of user:password) are a secret
    // of their own for the log filter.
    if (!m_settings.password.isEmpty())
        SecretRedaction::remember(m_settings.user + QLatin1Char(':') + m_settings.password);
    if (auto ssl = m_security.sslConfiguration(); !ssl)
        m_sslSetupError = ssl.error().message;
}

TraefikApiClient::~TraefikApiClient() = default;

void TraefikApiClient::get(const QString &path, BodyCallback callback)
{
    QUrl url = m_settings.url;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // Names carry '@'; the API wants them percent-encoded in the path.
    url.setPath(base + path, QUrl::DecodedMode);
    const QString where = url.toString(QUrl::RemoveUserInfo);
    if (!m_settings.url.isValid() || m_settings.url.scheme().isEmpty() ||
        m_settings.url.host().isEmpty()) {
        QTimer::singleShot(0, this, [this, callback, where] {
            callback(Error{Error::Kind::Invalid,
                           tr("Traefik's API address \"%1\" is not a URL such as "
                              "http://127.0.0.1:8080")
                               .arg(m_settings.url.toString(QUrl::RemoveUserInfo))},
                     where);
        });
        return;
    }
    if (!m_sslSetupError.isEmpty()) {
        QTimer::singleShot(0, this, [this, callback, where] {
            callback(Error{Error::Kind::Invalid, m_sslSetupError}, where);
        });
        return;
    }
    const bool withCredentials = !m_settings.user.isEmpty() || !m_settings.password.isEmpty();
    if (withCredentials) {
        if (auto refused = m_security.refuseCredentials(url)) {
            QTimer::singleShot(0, this,
                               [callback, where, error = *refused] { callback(error, where); });
            return;
        }
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_settings.requestTimeout.count()));
    // Credentials never follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         withCredentials ? QNetworkRequest::SameOriginRedirectPolicy
                                         : QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    if (withCredentials)
        request.setRawHeader(
            "Authorization",
            "Basic " +
                (m_settings.user + QLatin1Char(':') + m_settings.password).toUtf8().toBase64());
    (void)m_security.prepare(request); // the CA file was checked in the constructor
    HttpEndpointSecurity::logRequest("GET", request);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, callback, where] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            callback(errorOf(reply, where), where);
            return;
        }
        callback(reply->readAll(), where);
    });
}

Error TraefikApiClient::errorOf(QNetworkReply *reply, const QString &where) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 || status == 403)
        return Error{Error::Kind::Invalid,
                     tr("Traefik's API at %1 refused the credentials (HTTP %2) of user \"%3\"; "
                        "check the API user and the password stored in the keychain")
                         .arg(where)
                         .arg(status)
                         .arg(m_settings.user)};
    if (status == 404)
        return Error{Error::Kind::NotFound,
                     tr("Traefik's API has nothing at %1 (HTTP 404)").arg(where)};
    if (status != 0)
        return Error{
            Error::Kind::Unreachable,
            tr("Traefik's API at %1 answered HTTP %2 %3")
                .arg(where)
                .arg(status)
                .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())};
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return Error{Error::Kind::Timeout,
                     tr("Traefik's API at %1 did not answer within %2 s")
                         .arg(where)
                         .arg(double(m_settings.requestTimeout.count()) / 1000.0)};
    case QNetworkReply::SslHandshakeFailedError:
        return *m_security.tlsFailure(reply, where);
    default:
        return Error{Error::Kind::Unreachable,
                     tr("Cannot reach Traefik's API at %1: %2; check apiUrl and that Traefik "
                        "runs with its API enabled")
                         .arg(where, reply->errorString())};
    }
}

void TraefikApiClient::version(Callback<QString> callback)
{
    get(QStringLiteral("/api/version"),
        [callback](const Result<QByteArray> &body, const QString &where) {
            if (!body)
                return callback(body.error());
            callback(TraefikApiParser::parseVersion(body.value(), where));
        });
}

void TraefikApiClient::majorVersion(Callback<TraefikNaming::Version> callback)
{
    version([callback, this](const Result<QString> &text) {
        if (!text)
            return callback(text.error());
        const std::optional<TraefikNaming::Version> major =
            TraefikNaming::versionFromString(text.value());
        if (!major)
            return callback(
                Error{Error::Kind::Invalid,
                      tr("Traefik's API at %1 reports version %2; Optimist works "
                         "with Traefik v2 and v3")
                          .arg(m_settings.url.toString(QUrl::RemoveUserInfo), text.value())});
        callback(*major);
    });
}

void TraefikApiClient::service(const QString &name, Callback<TraefikService> callback)
{
    get(QStringLiteral("/api/http/services/") + name,
        [callback](const Result<QByteArray> &body, const QString &where) {
            if (!body)
                return callback(body.error());
            callback(TraefikApiParser::parseService(body.value(), where));
        });
}

} // namespace optimist
