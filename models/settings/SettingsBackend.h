#pragma once

#include "SettingsProfile.h"
#include "core/Reply.h"
#include "core/Result.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

namespace optimist {

/// What the settings dialog needs from the world: environment profiles on disk, the keychain,
/// connection tests and the Docker CLI's contexts. The dialog sees only this interface (the ui
/// layer does not link the services); app/gui/ServicesSettingsBackend implements it.
///
/// Profile files are small local files: listed, checked and written synchronously. Everything
/// that talks to a server or the keychain answers asynchronously through its Reply, exactly
/// once, never from inside the call, within a timeout.
class SettingsBackend : public QObject
{
    Q_OBJECT

public:
    /// The parts of an environment "Test connection" checks, one button each.
    enum class Part {
        Docker,   ///< the cluster: Docker's GET /version over the endpoint, context and TLS
        Traefik,  ///< Traefik's API: GET /api/version
        Provider, ///< redis: PING after AUTH/SELECT; file: the watched folder is writable
        Metrics,  ///< Traefik's /metrics scraped, or a Prometheus query answered
    };
    Q_ENUM(Part)

    /// One context of the Docker CLI (~/.docker/contexts).
    struct DockerContext
    {
        QString name;
        QString description;
        QString host; ///< its Endpoints.docker.Host
        bool current = false;
    };

    using QObject::QObject;

    /// The folder new profiles are written to.
    virtual QString profilesDirectory() const = 0;
    /// Every profile there. A broken file fails the list with the loader's messages.
    virtual Result<QList<SettingsProfile>> listProfiles() = 0;
    /// Error::Invalid with one line per problem ("FILE:LINE: field: what to write") when
    /// @p profile would not load; nothing is written.
    virtual Result<void> checkProfile(const SettingsProfile &profile) = 0;
    /// Checks and writes @p profile atomically to its file (a new one: NAME.yaml in
    /// profilesDirectory(), which must not exist yet); answers the profile as stored.
    virtual Result<SettingsProfile> saveProfile(const SettingsProfile &profile) = 0;
    /// Deletes the profile's file (nothing for a profile never saved); refused when
    /// checkRemoval() refuses.
    virtual Result<void> removeProfile(const SettingsProfile &profile) = 0;
    /// Error::Conflict saying why @p profile cannot be removed now (a rollout runs in its
    /// environment); nothing when it can. The default never refuses.
    virtual Result<void> checkRemoval(const SettingsProfile &profile)
    {
        Q_UNUSED(profile);
        return {};
    }

    /// Tests @p part of @p profile. @p enteredSecrets (field path → value, e.g.
    /// "router.password") are secrets typed but not stored yet; the others are read from the
    /// keychain by the profile's references. The answer is what answered (e.g. "Docker 24.0.7,
    /// API 1.41 at unix:///var/run/docker.sock"), or an Error whose message says what failed
    /// and what to do.
    virtual void testConnection(Part part, const SettingsProfile &profile,
                                const QMap<QString, QString> &enteredSecrets,
                                Reply<QString> reply) = 0;

    /// Stores @p value in the OS keychain under @p reference (keychain:SERVICE/ACCOUNT). There
    /// is no other place: on failure nothing is stored anywhere. Errors:
    /// keychainUnavailable() (no Secret Service, no keychain at all), Timeout (locked, a
    /// prompt nobody answers), Invalid (not a reference), Other (refused).
    virtual void storeSecret(const QString &reference, const QString &value, Reply<void> reply) = 0;

    /// The Docker CLI's contexts (not "default").
    virtual Result<QList<DockerContext>> listDockerContexts() = 0;
    /// The cluster settings that reach the context @p name as the docker CLI does: its endpoint
    /// and TLS folder copied when a profile can say so, else a reference to the context.
    virtual Result<SettingsProfile::Component> importDockerContext(const QString &name) = 0;

    /// Whether storeSecret() failed because no keychain is available.
    static bool keychainUnavailable(const Error &error)
    {
        return error.kind == Error::Kind::Unreachable;
    }

    /// The reference a new secret of @p profileName's @p field gets, e.g.
    /// keychain:optimist/production/router.password.
    static QString secretReference(const QString &profileName, const QString &field)
    {
        return QStringLiteral("keychain:optimist/%1/%2").arg(profileName, field);
    }

    /// The secret settings the dialog edits, as field paths.
    static QStringList secretFields()
    {
        return {QStringLiteral("router.password"), QStringLiteral("router.apiPassword"),
                QStringLiteral("metrics.token")};
    }
};

} // namespace optimist
