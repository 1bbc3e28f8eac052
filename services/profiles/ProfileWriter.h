#pragma once

#include "EnvironmentProfile.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace optimist {

/// Writes environment profiles in the format ProfileLoader reads (docs/profiles.md), so that
/// loading what was written gives the same profile back. Comments and key order of a file
/// written by hand are not kept.
///
/// A profile never holds a secret: a setting whose key looks secret (password, token, …) must
/// be a `keychain:SERVICE/ACCOUNT` reference, or nothing is written (Error::Invalid naming the
/// field, never the value). The plan is written with the fields that differ from the defaults.
class ProfileWriter
{
    Q_DECLARE_TR_FUNCTIONS(ProfileWriter)

public:
    ProfileWriter() = delete;

    /// The profile as YAML, or Error::Invalid when a secret setting is not a reference.
    static Result<QByteArray> toYaml(const EnvironmentProfile &profile);

    /// Writes the profile to @p path atomically (QSaveFile: a temporary file in the same folder,
    /// renamed over the old one), creating the folder when needed. On any error the old file
    /// is left as it was.
    static Result<void> writeFile(const EnvironmentProfile &profile, const QString &path);
};

} // namespace optimist
