#pragma once

#include "TraefikNaming.h"
#include "TraefikService.h"
#include "core/Result.h"
#include "core/WeightSplit.h"

#include <QCoreApplication>
#include <QMap>

#include <optional>

namespace optimist {

/// The arithmetic between an application's WeightSplit (percent) and the children of its
/// weighted service, shared by the KV and file writers and the API check.
class TraefikWeights
{
    Q_DECLARE_TR_FUNCTIONS(TraefikWeights)

public:
    /// What the API shows against what was asked for.
    struct Check
    {
        bool matches = false;
        WeightSplit inForce; ///< valid when the weights could be read
        QString difference;  ///< empty when it matches: "Traefik shows blue=100 green=0"
    };

    /// The split @p children describe: each color's weight (0 for a color not listed); Traefik's
    /// weights are relative, so 1:1 is 50/50. Invalid for children of other applications, a
    /// color listed twice, negative weights or no positive weight at all.
    static Result<WeightSplit> fromChildren(const QString &app,
                                            const QList<TraefikService::Child> &children,
                                            const QString &where);

    /// Compares the weighted service in force with @p expected. @p childStatus holds, for each
    /// color expected to take traffic, its child service as the API shows it (nullopt: the API
    /// does not know it). A color with weight 0 may be listed with 0 or missing: Traefik drops it.
    static Check check(const QString &app, const WeightSplit &expected,
                       const std::optional<TraefikService> &weighted,
                       const QMap<Color, std::optional<TraefikService>> &childStatus,
                       const QString &weightedName);

    static QString brief(const WeightSplit &split); ///< "blue=90 green=10"
};

} // namespace optimist
