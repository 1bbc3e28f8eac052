#pragma once

#include "plan/RolloutPlan.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QVariantMap>

namespace optimist {

/// One environment (sandbox, staging, production…) as read from its profile file: where its
/// cluster, router and metrics are, which applications it manages and the rollout plan they
/// follow. Profiles never hold secrets, only keychain references (docs/profiles.md).
struct EnvironmentProfile
{
    /// One connection of the environment: which implementation (`kind`) and its settings,
    /// keyed as in the file (QString, bool, int or QStringList values).
    struct Component
    {
        QString kind;
        QVariantMap settings;
    };

    struct Application
    {
        QString name;
        QVariantMap settings;
    };

    QString name;       ///< `name:` in the file, else the file's base name
    QString sourceFile; ///< absolute path of the file it was read from
    QString description;

    Component cluster; ///< kind "sandbox" or "docker"
    Component router;  ///< kind "sandbox", "redis" or "file"
    Component metrics; ///< kind "sandbox", "traefik" or "prometheus"
    QList<Application> applications;
    RolloutPlan plan;
    /// `allowInsecureHttp: true`: passwords and tokens may go over plain http to hosts that
    /// are not this machine (a trusted network); the desktop application marks it insecure.
    bool allowInsecureHttp = false;

    /// Every keychain reference in the profile: entries of `secrets:` by their name, secret
    /// settings by their field path (e.g. "router.password") → "keychain:SERVICE/ACCOUNT".
    QMap<QString, QString> secretReferences;

    /// The application called @p appName, or nullptr.
    const Application *application(const QString &appName) const
    {
        for (const Application &app : applications) {
            if (app.name == appName)
                return &app;
        }
        return nullptr;
    }
};

} // namespace optimist
