#pragma once

#include "TraefikRouterConfig.h"
#include "core/Result.h"
#include "profiles/EnvironmentProfile.h"

#include <QCoreApplication>
#include <QMap>

namespace optimist {

/// Builds a TraefikRouterConfig from a loaded profile whose router is of kind `redis` or `file`
/// (docs/profiles.md). Secrets are not read here: @p secrets holds the values already looked up
/// in the keychain, by field path ("router.password", "router.apiPassword").
///
/// router (redis): address, database, rootKey, username, password, apiUrl, apiUser, apiPassword,
///                 apiCaFile, traefikVersion, entryPoints
/// router (file):  path (a directory: one APP.yaml per application; or a .yaml/.yml file),
///                 apiUrl, apiUser, apiPassword, apiCaFile, traefikVersion, entryPoints
/// applications[]: name, service, stickyCookie, rule, entryPoints
/// Keys not in the profile schema yet (username, apiUser, apiPassword, apiCaFile, rule and an
/// application's entryPoints) are read when present.
class TraefikRouterProfile
{
    Q_DECLARE_TR_FUNCTIONS(TraefikRouterProfile)

public:
    static Result<TraefikRouterConfig> fromProfile(const EnvironmentProfile &profile,
                                                   const QMap<QString, QString> &secrets);
};

} // namespace optimist
