#pragma once

#include "TraefikApiSettings.h"
#include "TraefikNaming.h"
#include "TraefikService.h"
#include "core/Result.h"
#include "net/HttpEndpointSecurity.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace optimist {

/// Reads Traefik's API (read-only; v2.11 and v3): its version and HTTP services. Every request
/// has the settings' timeout and answers exactly once through the event loop, with a typed
/// error: Unreachable (refused, DNS, TLS, other HTTP errors), Timeout, NotFound (404),
/// Invalid (credentials refused: 401/403; not Traefik's JSON).
class TraefikApiClient : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(const Result<T> &)>;

    explicit TraefikApiClient(TraefikApiSettings settings, QObject *parent = nullptr);
    ~TraefikApiClient() override;

    const TraefikApiSettings &settings() const { return m_settings; }

    /// GET /api/version → its "Version", e.g. "3.7.9".
    void version(Callback<QString> callback);
    /// GET /api/version → v2 or v3.
    void majorVersion(Callback<TraefikNaming::Version> callback);
    /// GET /api/http/services/{name} for "name@provider".
    void service(const QString &name, Callback<TraefikService> callback);

private:
    using BodyCallback = std::function<void(const Result<QByteArray> &, const QString &)>;
    void get(const QString &path, BodyCallback callback);
    Error errorOf(QNetworkReply *reply, const QString &where) const;

    TraefikApiSettings m_settings;
    QNetworkAccessManager *m_network;
    HttpEndpointSecurity m_security;
    QString m_sslSetupError;
};

} // namespace optimist
