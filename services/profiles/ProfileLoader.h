#pragma once

#include "EnvironmentProfile.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace optimist {

/// Reads environment profiles (YAML, docs/profiles.md). Every error is one line per problem,
/// "FILE:LINE: field.path: what is wrong and how to fix it", all problems of a file at once;
/// a literal secret is an error and its value is never repeated.
class ProfileLoader
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLoader)

public:
    /// The profile in @p path. Error::NotFound when the file does not exist, Error::Invalid
    /// for anything wrong inside it.
    static Result<EnvironmentProfile> loadFile(const QString &path);

    /// The profile in @p yaml as loadFile() reads it from a file @p path (which gives its
    /// default name, the messages' file name and the folder relative paths start from); the
    /// file itself is not opened.
    static Result<EnvironmentProfile> parse(const QByteArray &yaml, const QString &path);

    /// Every *.yaml and *.yml profile in @p dir, by file name. A folder that does not exist
    /// holds no profiles; one broken file or two profiles with one name fail the whole list.
    static Result<QList<EnvironmentProfile>> loadDirectory(const QString &dir);

    /// The profile called @p name in @p dir. Broken files other than NAME.yaml/NAME.yml do
    /// not stop the search; Error::NotFound lists the profiles there and the broken files.
    static Result<EnvironmentProfile> find(const QString &dir, const QString &name);
};

} // namespace optimist
