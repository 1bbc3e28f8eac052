#pragma once

#include "TraefikApiSettings.h"
#include "TraefikAppRoute.h"
#include "TraefikNaming.h"
#include "redis/RedisSettings.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace optimist {

/// Everything a TraefikRouter needs, from the profile's `router:` (kind redis or file) and
/// `applications:`, with the secrets already read from the keychain.
struct TraefikRouterConfig
{
    enum class Provider { Redis, File };

    Provider provider = Provider::Redis;
    RedisSettings redis;                         ///< Provider::Redis
    QString rootKey = QStringLiteral("traefik"); ///< Provider::Redis
    QString directory;                           ///< Provider::File: the directory Traefik watches
    TraefikApiSettings api;
    /// The Traefik major version; unset: asked from /api/version once.
    std::optional<TraefikNaming::Version> version;
    QStringList entryPoints; ///< for routers of applications without their own
    QList<TraefikAppRoute> applications;
    std::chrono::milliseconds pollInterval{250}; ///< how often confirmWeights asks the API
    /// How long a write waits for Traefik to show a server UP for each color it gives traffic.
    std::chrono::milliseconds childReadyTimeout{30000};
};

} // namespace optimist
