#include "TraefikApiParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace optimist {

namespace {

Error invalid(const QString &message)
{
    return Error{Error::Kind::Invalid, message};
}

QString providerOf(const QString &name)
{
    return name.contains(QLatin1Char('@')) ? name.section(QLatin1Char('@'), -1) : QString();
}

} // namespace

Result<QJsonDocument> TraefikApiParser::parseJson(const QByteArray &body, const QString &source)
{
    if (body.trimmed().isEmpty())
        return invalid(
            tr("Traefik's answer from %1 is empty; is that address Traefik's API?").arg(source));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(tr("Traefik's answer from %1 is not valid JSON (%2 at byte %3); is that "
                          "address Traefik's API?")
                           .arg(source, error.errorString())
                           .arg(error.offset));
    return document;
}

Result<QString> TraefikApiParser::parseVersion(const QByteArray &body, const QString &source)
{
    const Result<QJsonDocument> document = parseJson(body, source);
    if (!document)
        return document.error();
    const QJsonValue version = document.value().object().value(QLatin1String("Version"));
    if (!document.value().isObject() || !version.isString() || version.toString().isEmpty())
        return invalid(tr("Traefik's answer from %1 has no \"Version\"; is that address "
                          "Traefik's API?")
                           .arg(source));
    return version.toString();
}

Result<TraefikService> TraefikApiParser::serviceFrom(const QJsonObject &object, const QString &name,
                                                     const QString &source)
{
    TraefikService service;
    service.name = name.isEmpty() ? object.value(QLatin1String("name")).toString() : name;
    service.provider = object.value(QLatin1String("provider")).toString(providerOf(service.name));
    service.status = object.value(QLatin1String("status")).toString();
    service.type = object.value(QLatin1String("type")).toString().toLower();
    const QString what = service.name.isEmpty() ? tr("a service") : service.name;

    static const QStringList kinds{QStringLiteral("loadBalancer"), QStringLiteral("weighted"),
                                   QStringLiteral("mirroring"), QStringLiteral("failover")};
    bool known = object.value(QLatin1String("status")).isString();
    for (const QString &kind : kinds) {
        if (!object.contains(kind))
            continue;
        known = true;
        if (!object.value(kind).isObject())
            return invalid(tr("In Traefik's answer from %1, \"%2\" of %3 is not an object")
                               .arg(source, kind, what));
        if (service.type.isEmpty())
            service.type = kind.toLower();
    }
    if (!known)
        return invalid(tr("Traefik's answer from %1 is not a service (no status, no "
                          "loadBalancer, weighted, mirroring or failover)")
                           .arg(source));
    if (!object.value(QLatin1String("status")).isUndefined() &&
        !object.value(QLatin1String("status")).isString())
        return invalid(
            tr("In Traefik's answer from %1, the status of %2 is not text").arg(source, what));

    const QJsonValue errors = object.value(QLatin1String("error"));
    if (errors.isArray()) {
        for (const QJsonValue &e : errors.toArray())
            service.errors.append(e.toString());
    } else if (errors.isString()) {
        service.errors.append(errors.toString());
    }

    const QJsonObject weighted = object.value(QLatin1String("weighted")).toObject();
    const QJsonValue children = weighted.value(QLatin1String("services"));
    if (!children.isUndefined() && !children.isNull() && !children.isArray())
        return invalid(tr("In Traefik's answer from %1, weighted.services of %2 is not a list")
                           .arg(source, what));
    for (const QJsonValue &c : children.toArray()) {
        const QJsonObject child = c.toObject();
        const QJsonValue childName = child.value(QLatin1String("name"));
        const QJsonValue weight = child.value(QLatin1String("weight"));
        if (!c.isObject() || !childName.isString())
            return invalid(
                tr("In Traefik's answer from %1, a child of %2 has no name").arg(source, what));
        if (!weight.isUndefined() && (!weight.isDouble() || weight.toDouble() != weight.toInt()))
            return invalid(tr("In Traefik's answer from %1, the weight of %2 in %3 is not a "
                              "whole number")
                               .arg(source, childName.toString(), what));
        service.children.append(TraefikService::Child{childName.toString(), weight.toInt(1)});
    }
    service.stickyCookie = weighted.value(QLatin1String("sticky"))
                               .toObject()
                               .value(QLatin1String("cookie"))
                               .toObject()
                               .value(QLatin1String("name"))
                               .toString();

    const QJsonValue servers =
        object.value(QLatin1String("loadBalancer")).toObject().value(QLatin1String("servers"));
    for (const QJsonValue &server : servers.toArray())
        service.serverUrls.append(server.toObject().value(QLatin1String("url")).toString());

    const QJsonValue serverStatus = object.value(QLatin1String("serverStatus"));
    if (!serverStatus.isUndefined() && !serverStatus.isObject())
        return invalid(tr("In Traefik's answer from %1, serverStatus of %2 is not an object")
                           .arg(source, what));
    const QJsonObject statuses = serverStatus.toObject();
    for (auto it = statuses.begin(); it != statuses.end(); ++it) {
        if (!it.value().isString())
            return invalid(tr("In Traefik's answer from %1, the status of server %2 of %3 is "
                              "not text")
                               .arg(source, it.key(), what));
        service.serverStatus.insert(it.key(), it.value().toString());
    }
    return service;
}

Result<TraefikService> TraefikApiParser::parseService(const QByteArray &body, const QString &source)
{
    const Result<QJsonDocument> document = parseJson(body, source);
    if (!document)
        return document.error();
    if (!document.value().isObject())
        return invalid(tr("Traefik's answer from %1 is not a service (a JSON object)").arg(source));
    return serviceFrom(document.value().object(), QString(), source);
}

Result<QList<TraefikService>> TraefikApiParser::parseServiceList(const QByteArray &body,
                                                                 const QString &source)
{
    const Result<QJsonDocument> document = parseJson(body, source);
    if (!document)
        return document.error();
    if (!document.value().isArray())
        return invalid(tr("Traefik's answer from %1 is not a list of services").arg(source));
    QList<TraefikService> services;
    for (const QJsonValue &value : document.value().array()) {
        if (!value.isObject())
            return invalid(
                tr("Traefik's answer from %1 lists something that is not a service").arg(source));
        const Result<TraefikService> service = serviceFrom(value.toObject(), QString(), source);
        if (!service)
            return service.error();
        services.append(service.value());
    }
    return services;
}

Result<QList<TraefikService>> TraefikApiParser::parseRawDataServices(const QByteArray &body,
                                                                     const QString &source)
{
    const Result<QJsonDocument> document = parseJson(body, source);
    if (!document)
        return document.error();
    const QJsonValue services = document.value().object().value(QLatin1String("services"));
    if (!document.value().isObject() || !services.isObject())
        return invalid(tr("Traefik's answer from %1 has no \"services\" map").arg(source));
    QList<TraefikService> list;
    const QJsonObject map = services.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isObject())
            return invalid(tr("In Traefik's answer from %1, service %2 is not an object")
                               .arg(source, it.key()));
        const Result<TraefikService> service = serviceFrom(it.value().toObject(), it.key(), source);
        if (!service)
            return service.error();
        list.append(service.value());
    }
    return list;
}

Result<TraefikRoute> TraefikApiParser::routeFrom(const QJsonObject &object, const QString &name,
                                                 const QString &source)
{
    TraefikRoute route;
    route.name = name.isEmpty() ? object.value(QLatin1String("name")).toString() : name;
    route.provider = object.value(QLatin1String("provider")).toString(providerOf(route.name));
    route.status = object.value(QLatin1String("status")).toString();
    const QJsonValue rule = object.value(QLatin1String("rule"));
    const QJsonValue service = object.value(QLatin1String("service"));
    if (!rule.isString() || !service.isString())
        return invalid(
            tr("Traefik's answer from %1 is not a router (no rule and service)").arg(source));
    route.rule = rule.toString();
    route.service = service.toString();
    for (const QJsonValue &entryPoint : object.value(QLatin1String("entryPoints")).toArray())
        route.entryPoints.append(entryPoint.toString());
    return route;
}

Result<TraefikRoute> TraefikApiParser::parseRouter(const QByteArray &body, const QString &source)
{
    const Result<QJsonDocument> document = parseJson(body, source);
    if (!document)
        return document.error();
    return routeFrom(document.value().object(), QString(), source);
}

Result<QList<TraefikRoute>> TraefikApiParser::parseRouterList(const QByteArray &body,
                                                              const QString &source)
{
    const Result<QJsonDocument> document = parseJson(body, source);
    if (!document)
        return document.error();
    if (!document.value().isArray())
        return invalid(tr("Traefik's answer from %1 is not a list of routers").arg(source));
    QList<TraefikRoute> routes;
    for (const QJsonValue &value : document.value().array()) {
        const Result<TraefikRoute> route = routeFrom(value.toObject(), QString(), source);
        if (!route)
            return route.error();
        routes.append(route.value());
    }
    return routes;
}

} // namespace optimist
