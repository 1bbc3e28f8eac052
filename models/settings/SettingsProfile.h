#pragma once

#include "plan/RolloutPlan.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QVariantMap>

namespace optimist {

/// An environment profile as the settings dialog edits it (docs/profiles.md): the same fields
/// as the profile file, keyed as there. Secret settings (router.password, router.apiPassword,
/// metrics.token) hold `keychain:SERVICE/ACCOUNT` references, never values.
struct SettingsProfile
{
    struct Component
    {
        QString kind;         ///< e.g. "docker", "redis", "prometheus"
        QVariantMap settings; ///< keyed as in the file: QString, bool, int, QStringList, maps
        bool operator==(const Component &) const = default;
    };

    struct Application
    {
        QString name;
        QVariantMap settings; ///< rule, ports {blue, green}, healthUrl, …
        bool operator==(const Application &) const = default;
    };

    QString name;
    QString description;
    QString filePath; ///< where it is stored; empty until first saved

    Component cluster; ///< "sandbox" or "docker"
    Component router;  ///< "sandbox", "redis" or "file"
    Component metrics; ///< "sandbox", "traefik" or "prometheus"
    QList<Application> applications;
    RolloutPlan plan;
    /// `allowInsecureHttp:` credentials may go over plain http to other hosts (shown as
    /// insecure).
    bool allowInsecureHttp = false;
    /// The `secrets:` section: NAME → keychain:SERVICE/ACCOUNT.
    QMap<QString, QString> namedSecrets;

    /// The component a field path such as "router.password" starts with, or nullptr.
    Component *component(const QString &section)
    {
        if (section == QLatin1String("cluster"))
            return &cluster;
        if (section == QLatin1String("router"))
            return &router;
        if (section == QLatin1String("metrics"))
            return &metrics;
        return nullptr;
    }
};

} // namespace optimist
