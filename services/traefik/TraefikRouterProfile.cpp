#include "TraefikRouterProfile.h"

namespace optimist {

Result<TraefikRouterConfig> TraefikRouterProfile::fromProfile(const EnvironmentProfile &profile,
                                                              const QMap<QString, QString> &secrets)
{
    const QVariantMap &s = profile.router.settings;
    TraefikRouterConfig config;
    if (profile.router.kind == QLatin1String("redis")) {
        config.provider = TraefikRouterConfig::Provider::Redis;
        config.redis.address = s.value(QStringLiteral("address")).toString();
        config.redis.database = s.value(QStringLiteral("database"), 0).toInt();
        config.redis.username = s.value(QStringLiteral("username")).toString();
        config.redis.password = secrets.value(QStringLiteral("router.password"));
        const QString root = s.value(QStringLiteral("rootKey")).toString();
        if (!root.isEmpty())
            config.rootKey = root;
        if (config.redis.address.isEmpty())
            return Error{Error::Kind::Invalid,
                         tr("%1: router.address is missing; give the Redis Traefik reads as "
                            "host:port")
                             .arg(profile.sourceFile)};
    } else if (profile.router.kind == QLatin1String("file")) {
        config.provider = TraefikRouterConfig::Provider::File;
        config.directory = s.value(QStringLiteral("path")).toString();
        if (config.directory.isEmpty())
            return Error{Error::Kind::Invalid,
                         tr("%1: router.path is missing; give the directory or file Traefik's "
                            "file provider watches")
                             .arg(profile.sourceFile)};
    } else {
        return Error{
            Error::Kind::Invalid,
            tr("%1: router kind `%2` is not Traefik").arg(profile.sourceFile, profile.router.kind)};
    }

    config.api.url = QUrl(s.value(QStringLiteral("apiUrl")).toString(), QUrl::StrictMode);
    config.api.user = s.value(QStringLiteral("apiUser")).toString();
    config.api.password = secrets.value(QStringLiteral("router.apiPassword"));
    config.api.caFile = s.value(QStringLiteral("apiCaFile")).toString();
    config.api.allowInsecureHttp = profile.allowInsecureHttp;
    if (!config.api.url.isValid() || config.api.url.host().isEmpty())
        return Error{Error::Kind::Invalid,
                     tr("%1: router.apiUrl is missing; give Traefik's API, e.g. "
                        "http://127.0.0.1:8080")
                         .arg(profile.sourceFile)};
    if (s.contains(QStringLiteral("traefikVersion"))) {
        const auto version =
            TraefikNaming::versionFromString(s.value(QStringLiteral("traefikVersion")).toString());
        if (!version)
            return Error{Error::Kind::Invalid,
                         tr("%1: router.traefikVersion must be 2 or 3").arg(profile.sourceFile)};
        config.version = *version;
    }
    config.entryPoints = s.value(QStringLiteral("entryPoints")).toStringList();

    for (const EnvironmentProfile::Application &app : profile.applications) {
        TraefikAppRoute route;
        route.app = app.name;
        route.service = app.settings.value(QStringLiteral("service")).toString();
        route.stickyCookie = app.settings.value(QStringLiteral("stickyCookie")).toString();
        route.rule = app.settings.value(QStringLiteral("rule")).toString();
        route.entryPoints = app.settings.value(QStringLiteral("entryPoints")).toStringList();
        config.applications.append(route);
    }
    return config;
}

} // namespace optimist
