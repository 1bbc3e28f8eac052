#pragma once

#include <QString>
#include <QStringList>

namespace optimist {

/// How one application is routed by Traefik; from the profile's `applications:` entry and the
/// router's `entryPoints`. Written only when the application is first adopted.
struct TraefikAppRoute
{
    QString app;     ///< the application; its colors are APP-blue / APP-green
    QString service; ///< the weighted service's name (default: the application's name)
    QString router;  ///< the router's name (default: the application's name)
    QString rule;    ///< e.g. Host(`portal.example.com`); empty: no router is written
    QStringList entryPoints;
    QString stickyCookie; ///< default APP_color
    bool stickySecure = true;

    QString serviceName() const { return service.isEmpty() ? app : service; }
    QString routerName() const { return router.isEmpty() ? app : router; }
    QString cookieName() const
    {
        return stickyCookie.isEmpty() ? app + QStringLiteral("_color") : stickyCookie;
    }
};

} // namespace optimist
