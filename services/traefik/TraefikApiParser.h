#pragma once

#include "TraefikRoute.h"
#include "TraefikService.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace optimist {

/// Reads the JSON of Traefik's API (v2.11 and v3.x answer in the same shape). Every function
/// takes the answer's body and where it came from (for messages) and answers Error::Invalid,
/// saying what is wrong, for anything that is not what Traefik sends.
class TraefikApiParser
{
    Q_DECLARE_TR_FUNCTIONS(TraefikApiParser)

public:
    /// GET /api/version: the "Version" field, e.g. "3.7.9".
    static Result<QString> parseVersion(const QByteArray &body, const QString &source);
    /// GET /api/http/services/{name}.
    static Result<TraefikService> parseService(const QByteArray &body, const QString &source);
    /// GET /api/http/services.
    static Result<QList<TraefikService>> parseServiceList(const QByteArray &body,
                                                          const QString &source);
    /// GET /api/rawdata: its "services", keyed by name@provider.
    static Result<QList<TraefikService>> parseRawDataServices(const QByteArray &body,
                                                              const QString &source);
    /// GET /api/http/routers/{name}.
    static Result<TraefikRoute> parseRouter(const QByteArray &body, const QString &source);
    /// GET /api/http/routers.
    static Result<QList<TraefikRoute>> parseRouterList(const QByteArray &body,
                                                       const QString &source);

private:
    static Result<QJsonDocument> parseJson(const QByteArray &body, const QString &source);
    static Result<TraefikService> serviceFrom(const QJsonObject &object, const QString &name,
                                              const QString &source);
    static Result<TraefikRoute> routeFrom(const QJsonObject &object, const QString &name,
                                          const QString &source);
};

} // namespace optimist
