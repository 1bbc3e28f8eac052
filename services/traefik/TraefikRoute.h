#pragma once

#include <QString>
#include <QStringList>

namespace optimist {

/// An HTTP router as Traefik's API shows it (/api/http/routers[/{name}]).
struct TraefikRoute
{
    QString name; ///< "name@provider"
    QString provider;
    QString rule;
    QString service;
    QStringList entryPoints;
    QString status;
};

} // namespace optimist
