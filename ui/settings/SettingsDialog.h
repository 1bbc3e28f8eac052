#pragma once

#include "settings/SettingsBackend.h"

#include <QDialog>
#include <QHash>
#include <QMap>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QWidget;

namespace optimist {

class ApplicationListModel;
class ProfileListModel;

/// Settings of the environments: the list of profiles (add, duplicate, remove) and, for the
/// selected one, its Docker endpoint (or an imported Docker context), Traefik (API, version,
/// provider redis or file), metrics source and applications, each part with "Test connection".
///
/// Passwords and tokens go only into the keychain, through the backend; the profile gets the
/// reference. When the keychain cannot store a secret the dialog says so and saves nothing —
/// neither the secret nor the profile change that would refer to it. All I/O is the backend's;
/// tests and saves never block the event loop.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(SettingsBackend *backend, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// Reads the profiles again (edits not saved are dropped).
    void reload();
    /// Selects the environment called @p name; false when there is none.
    bool selectEnvironment(const QString &name);

Q_SIGNALS:
    /// A profile was written to @p filePath (the main window reloads its environments).
    void profileSaved(const QString &filePath);
    /// The profile in @p filePath, of the environment called @p environment, was removed.
    void profileRemoved(const QString &filePath, const QString &environment);

private:
    struct SecretField
    {
        QString field; ///< e.g. "router.password"
        QLineEdit *edit = nullptr;
    };
    struct TestRow
    {
        QPushButton *button = nullptr;
        QLabel *result = nullptr;
    };

    QWidget *buildList();
    QWidget *buildDockerPage();
    QWidget *buildTraefikPage();
    QWidget *buildMetricsPage();
    QWidget *buildApplicationsPage();
    TestRow addTestRow(QFormLayout *form, const QString &name, SettingsBackend::Part part);
    QLineEdit *addSecretEdit(const QString &objectName, const QString &field);

    int currentRow() const;
    void showProfile(int row);
    /// The selected profile with the editors' values (secrets stay references).
    SettingsProfile collect() const;
    /// Stores the editors' values in the model (called before switching environments).
    void keepEdits();
    /// Secrets typed for the selected environment: field path → value.
    QMap<QString, QString> enteredSecrets() const;
    void updateVisibility();
    void setBusy(bool busy);
    void setStatus(const QString &text, bool error);

    void addEnvironment();
    void duplicateEnvironment();
    void removeEnvironment();
    void importDockerContext();
    void runTest(SettingsBackend::Part part);
    void save();
    void storeSecrets(int key, SettingsProfile profile, QList<QPair<QString, QString>> pending);
    void writeProfile(int key, const SettingsProfile &profile);

    QPointer<SettingsBackend> m_backend;
    ProfileListModel *m_profiles;
    ApplicationListModel *m_apps;
    QHash<int, QMap<QString, QString>> m_entered; ///< by profile key: secrets typed, not stored
    int m_shownKey = 0;
    int m_generation = 0; ///< bumps when another environment is shown: stale tests are ignored
    bool m_loading = false;
    bool m_busy = false;

    QListView *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QWidget *m_editor = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QTabWidget *m_tabs = nullptr;

    QFormLayout *m_dockerForm = nullptr;
    QComboBox *m_clusterKind = nullptr;
    QLineEdit *m_scenario = nullptr;
    QComboBox *m_dockerConnection = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QComboBox *m_context = nullptr;
    QPushButton *m_importContext = nullptr;
    QLineEdit *m_tlsCertPath = nullptr;
    QComboBox *m_tlsMode = nullptr;

    QFormLayout *m_traefikForm = nullptr;
    QComboBox *m_routerKind = nullptr;
    QLineEdit *m_apiUrl = nullptr;
    QComboBox *m_traefikVersion = nullptr;
    QLineEdit *m_entryPoints = nullptr;
    QLineEdit *m_apiUser = nullptr;
    QGroupBox *m_providerBox = nullptr;
    QFormLayout *m_providerForm = nullptr;
    QLineEdit *m_redisAddress = nullptr;
    QSpinBox *m_redisDatabase = nullptr;
    QLineEdit *m_redisRootKey = nullptr;
    QLineEdit *m_redisUsername = nullptr;
    QLineEdit *m_filePath = nullptr;

    QFormLayout *m_metricsForm = nullptr;
    QComboBox *m_metricsKind = nullptr;
    QLineEdit *m_metricsUrl = nullptr;

    QTableView *m_appsView = nullptr;

    QList<SecretField> m_secrets;
    QMap<SettingsBackend::Part, TestRow> m_tests;
    QLabel *m_status = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace optimist
