#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace optimist {

/// An HTTP service as Traefik's API shows it (/api/http/services[/{name}], /api/rawdata),
/// the same in v2 and v3.
struct TraefikService
{
    /// One child of a weighted service, as configured (Traefik drops weight ≤ 0 when it builds
    /// the load balancer, but the API still lists it).
    struct Child
    {
        QString name; ///< may carry "@provider"
        int weight = 1;
    };

    QString name;     ///< "name@provider"
    QString provider; ///< "redis", "file", "swarm", "docker", …
    QString type;     ///< "loadbalancer", "weighted", "mirroring", "failover", or empty
    QString status;   ///< "enabled", "disabled", "warning"
    QStringList errors;
    QList<Child> children;               ///< weighted services
    QString stickyCookie;                ///< weighted.sticky.cookie.name
    QStringList serverUrls;              ///< loadBalancer.servers[].url
    QMap<QString, QString> serverStatus; ///< URL → "UP" / "DOWN"

    bool isWeighted() const { return type == QLatin1String("weighted"); }
};

} // namespace optimist
