#pragma once

#include <QString>
#include <QUrl>

#include <chrono>

namespace optimist {

/// How to reach Traefik's API; the password comes from the keychain, looked up by the caller.
struct TraefikApiSettings
{
    QUrl url;         ///< e.g. http://127.0.0.1:8080 or https://traefik.internal
    QString user;     ///< basic auth; empty: none
    QString password; ///< basic auth
    QString caFile;   ///< PEM file of the CA that signed the API's certificate (https), besides
                      ///< the system CAs
    /// Basic auth may go over plain http to a host that is not loopback (the environment's
    /// `allowInsecureHttp`).
    bool allowInsecureHttp = false;
    std::chrono::milliseconds requestTimeout{5000};
};

} // namespace optimist
