#pragma once

#include "docker/DockerEndpoint.h"
#include "profiles/EnvironmentProfile.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/SettingsBackend.h"

#include <chrono>
#include <functional>

namespace optimist {

class ConnectionTest;

/// The settings dialog's backend over the services: profiles through ProfileLoader and
/// ProfileWriter, secrets through KeychainSecretStore, connection tests through DockerClient,
/// TraefikApiClient, RedisConnection, TraefikScrapeMetrics and PrometheusMetrics. Every test
/// runs on the event loop and answers within its timeout.
class ServicesSettingsBackend final : public SettingsBackend
{
    Q_OBJECT

public:
    struct Options
    {
        QString profilesDir; ///< Locations::profilesDir(configDir)
        /// Where the Docker CLI's configuration (contexts) and variables come from.
        DockerEndpoint::Environment docker = DockerEndpoint::Environment::system();
        /// The longest a connection test may take, whatever its requests' own timeouts.
        std::chrono::milliseconds testTimeout{20000};
        /// Each request of a test (Docker, Traefik, Redis, metrics).
        std::chrono::milliseconds requestTimeout{5000};
        /// Why the environment called by its name cannot be removed now; empty when it can.
        std::function<QString(const QString &environment)> removalRefusal;
    };

    explicit ServicesSettingsBackend(Options options, QObject *parent = nullptr);
    ~ServicesSettingsBackend() override;

    QString profilesDirectory() const override;
    Result<QList<SettingsProfile>> listProfiles() override;
    Result<void> checkProfile(const SettingsProfile &profile) override;
    Result<SettingsProfile> saveProfile(const SettingsProfile &profile) override;
    Result<void> removeProfile(const SettingsProfile &profile) override;
    Result<void> checkRemoval(const SettingsProfile &profile) override;
    void testConnection(Part part, const SettingsProfile &profile,
                        const QMap<QString, QString> &enteredSecrets,
                        Reply<QString> reply) override;
    void storeSecret(const QString &reference, const QString &value, Reply<void> reply) override;
    Result<QList<DockerContext>> listDockerContexts() override;
    Result<SettingsProfile::Component> importDockerContext(const QString &name) override;

    /// The profile as the services read it; relative paths are taken from @p folder.
    static EnvironmentProfile toEnvironmentProfile(const SettingsProfile &profile,
                                                   const QString &folder);
    static SettingsProfile fromEnvironmentProfile(const EnvironmentProfile &profile);

private:
    /// The file @p profile is (or will be) stored in.
    QString targetFile(const SettingsProfile &profile) const;
    /// Calls @p then with the value of the secret @p field: the entered one, else the keychain's
    /// (by the profile's reference), else an empty string; a keychain failure ends @p test.
    void withSecret(ConnectionTest *test, const QString &field, const SettingsProfile &profile,
                    const QMap<QString, QString> &entered, std::function<void(QString)> then);
    void testDocker(ConnectionTest *test, const SettingsProfile &profile);
    void testTraefik(ConnectionTest *test, const SettingsProfile &profile, const QString &password);
    void testRedis(ConnectionTest *test, const SettingsProfile &profile, const QString &password);
    void testFileProvider(ConnectionTest *test, const SettingsProfile &profile);
    void testTraefikMetrics(ConnectionTest *test, const SettingsProfile &profile);
    void testPrometheus(ConnectionTest *test, const SettingsProfile &profile, const QString &token);

    Options m_options;
    KeychainSecretStore m_keychain;
};

} // namespace optimist
