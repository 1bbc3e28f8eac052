#include "TraefikWeights.h"

namespace optimist {

QString TraefikWeights::brief(const WeightSplit &split)
{
    return QStringLiteral("blue=%1 green=%2").arg(split.blue).arg(split.green);
}

Result<WeightSplit> TraefikWeights::fromChildren(const QString &app,
                                                 const QList<TraefikService::Child> &children,
                                                 const QString &where)
{
    QMap<Color, int> weights;
    for (const TraefikService::Child &child : children) {
        const std::optional<Color> color = TraefikNaming::colorOfChild(app, child.name);
        if (!color)
            return Error{Error::Kind::Invalid,
                         tr("%1 lists the child \"%2\", which is neither %3 nor %4; the weighted "
                            "service of %5 was changed by someone else")
                             .arg(where, child.name,
                                  TraefikNaming::colorServiceName(app, Color::Blue),
                                  TraefikNaming::colorServiceName(app, Color::Green), app)};
        if (weights.contains(*color))
            return Error{Error::Kind::Invalid, tr("%1 lists %2 twice").arg(where, child.name)};
        if (child.weight < 0)
            return Error{
                Error::Kind::Invalid,
                tr("%1 gives %2 the negative weight %3").arg(where, child.name).arg(child.weight)};
        weights.insert(*color, child.weight);
    }
    const qint64 blue = weights.value(Color::Blue, 0);
    const qint64 green = weights.value(Color::Green, 0);
    if (blue + green <= 0)
        return Error{Error::Kind::Invalid,
                     tr("%1 gives no color of %2 a positive weight, so Traefik has no server "
                        "for it")
                         .arg(where, app)};
    WeightSplit split;
    split.blue = int((blue * 100 + (blue + green) / 2) / (blue + green));
    split.green = 100 - split.blue;
    return split;
}

TraefikWeights::Check TraefikWeights::check(
    const QString &app, const WeightSplit &expected, const std::optional<TraefikService> &weighted,
    const QMap<Color, std::optional<TraefikService>> &childStatus, const QString &weightedName)
{
    Check result;
    const QString asked = tr("expected %1").arg(brief(expected));
    if (!weighted) {
        result.difference = tr("%1, Traefik does not know the service %2").arg(asked, weightedName);
        return result;
    }
    if (!weighted->isWeighted()) {
        result.difference = tr("%1, Traefik shows %2 as a %3 service, not weighted")
                                .arg(asked, weightedName, weighted->type);
        return result;
    }
    if (weighted->status == QLatin1String("disabled")) {
        result.difference =
            tr("%1, Traefik shows %2 disabled: %3")
                .arg(asked, weightedName, weighted->errors.join(QLatin1String("; ")));
        return result;
    }
    const Result<WeightSplit> inForce =
        fromChildren(app, weighted->children, tr("Traefik's service %1").arg(weightedName));
    if (!inForce) {
        result.difference = tr("%1, %2").arg(asked, inForce.error().message);
        return result;
    }
    result.inForce = inForce.value();
    if (!(inForce.value() == expected)) {
        result.difference = tr("%1, Traefik shows %2").arg(asked, brief(inForce.value()));
        return result;
    }
    for (Color color : {Color::Blue, Color::Green}) {
        if (expected.of(color) <= 0)
            continue;
        const auto it = childStatus.find(color);
        if (it == childStatus.end())
            continue;
        // The child as the weighted service names it, with its provider.
        QString child = TraefikNaming::colorServiceName(app, color);
        for (const TraefikService::Child &listed : weighted->children) {
            if (TraefikNaming::colorOfChild(app, listed.name) == color)
                child = listed.name;
        }
        if (!it.value()) {
            result.difference =
                tr("%1, but Traefik has no service %2: the child is missing (is the Swarm "
                   "service running with its Traefik labels?)")
                    .arg(asked, child);
            return result;
        }
        // A load balancer without any server (a Swarm service whose tasks Traefik has not
        // picked up yet) answers 503 just like one whose servers are all DOWN.
        const QMap<QString, QString> &servers = it.value()->serverStatus;
        if ((!servers.isEmpty() || it.value()->type == QLatin1String("loadbalancer")) &&
            !servers.values().contains(QLatin1String("UP"))) {
            result.difference =
                tr("%1, but Traefik shows no server of %2 UP").arg(asked, it.value()->name);
            return result;
        }
    }
    result.matches = true;
    return result;
}

} // namespace optimist
