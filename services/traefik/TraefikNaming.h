#pragma once

#include "core/Color.h"

#include <QString>

#include <optional>

namespace optimist {

/// How an application's parts are named in Traefik, shared by the routers, the metrics sources
/// and the cluster (whose service labels Traefik reads):
///  - each color is a Swarm service APP-blue / APP-green, which Traefik's Swarm provider sees as
///    the load-balancer service `APP-blue@docker` (Traefik v2) or `APP-blue@swarm` (v3);
///  - the application is a weighted service APP over those two children, and a router APP that
///    sends the application's traffic to it, both defined by the KV or file provider (a weighted
///    service cannot come from Swarm labels);
///  - only the children carry `traefik_service_*` metrics, labelled with their `name@provider`.
class TraefikNaming
{
public:
    enum class Version { V2, V3 };

    /// "v2" or "v3" from an /api/version "Version" such as "2.11.53" or "3.7.9".
    static std::optional<Version> versionFromString(const QString &text);
    static QString versionName(Version version); ///< "v2" / "v3"

    /// The Swarm service (and Traefik label) name of a color: "APP-blue".
    static QString colorServiceName(const QString &app, Color color);
    /// The Swarm provider's suffix: "docker" in v2, "swarm" in v3.
    static QString swarmProvider(Version version);
    /// A color's child service as Traefik names it: "APP-blue@docker" / "APP-blue@swarm".
    static QString childServiceName(const QString &app, Color color, Version version);
    /// The weighted service and the router of the application (without provider): "APP".
    static QString weightedServiceName(const QString &app);
    static QString routerName(const QString &app);
    /// The color a child name (with or without provider) belongs to, for @p app.
    static std::optional<Color> colorOfChild(const QString &app, const QString &childName);
};

} // namespace optimist
