#include "SettingsDialog.h"

#include "settings/ApplicationListModel.h"
#include "settings/ProfileListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace optimist {

namespace {

const QString kDocker = QStringLiteral("docker");
const QString kSandbox = QStringLiteral("sandbox");
const QString kRedis = QStringLiteral("redis");
const QString kFile = QStringLiteral("file");
const QString kTraefik = QStringLiteral("traefik");
const QString kPrometheus = QStringLiteral("prometheus");

/// Settings each section's editors own; the others are kept as they were while the kind stays.
const QStringList kClusterKeys{QStringLiteral("endpoint"), QStringLiteral("context"),
                               QStringLiteral("tlsCertPath"), QStringLiteral("tlsVerify"),
                               QStringLiteral("scenario")};
const QStringList kRouterKeys{
    QStringLiteral("apiUrl"),   QStringLiteral("traefikVersion"), QStringLiteral("entryPoints"),
    QStringLiteral("apiUser"),  QStringLiteral("address"),        QStringLiteral("database"),
    QStringLiteral("rootKey"),  QStringLiteral("username"),       QStringLiteral("path"),
    QStringLiteral("password"), QStringLiteral("apiPassword")};
const QStringList kMetricsKeys{QStringLiteral("url"), QStringLiteral("token")};

void selectData(QComboBox *combo, const QVariant &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

/// The settings of @p stored worth keeping for kind @p kind: none when the kind changed, else
/// those no editor owns.
QVariantMap kept(const SettingsProfile::Component &stored, const QString &kind,
                 const QStringList &owned)
{
    QVariantMap out;
    if (stored.kind != kind)
        return out;
    for (auto it = stored.settings.cbegin(); it != stored.settings.cend(); ++it) {
        if (!owned.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

void putText(QVariantMap *settings, const QString &key, const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    if (!text.isEmpty())
        settings->insert(key, text);
}

} // namespace

SettingsDialog::SettingsDialog(SettingsBackend *backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_profiles(new ProfileListModel(this))
    , m_apps(new ApplicationListModel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings — Environments"));

    m_editor = new QWidget(this);
    m_editor->setObjectName(QStringLiteral("environmentEditor"));
    auto *general = new QFormLayout;
    m_name = new QLineEdit(m_editor);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_description = new QLineEdit(m_editor);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    general->addRow(tr("&Name:"), m_name);
    general->addRow(tr("&Description:"), m_description);

    m_tabs = new QTabWidget(m_editor);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildDockerPage(), tr("&Docker"));
    m_tabs->addTab(buildTraefikPage(), tr("&Traefik"));
    m_tabs->addTab(buildMetricsPage(), tr("&Metrics"));
    m_tabs->addTab(buildApplicationsPage(), tr("&Applications"));

    auto *editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(general);
    editorLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("settingsSplitter"));
    splitter->addWidget(buildList());
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("dialogButtons"));
    m_saveButton = buttons->addButton(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &SettingsDialog::save);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    for (QComboBox *combo : {m_clusterKind, m_dockerConnection, m_routerKind, m_metricsKind})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { updateVisibility(); });

    resize(900, 600);
    reload();
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::buildList()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("environmentListPane"));
    m_list = new QListView(box);
    m_list->setObjectName(QStringLiteral("environmentList"));
    m_list->setModel(m_profiles);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showProfile(current.isValid() ? current.row() : -1);
            });

    m_addButton = new QPushButton(tr("&Add"), box);
    m_addButton->setObjectName(QStringLiteral("addEnvironmentButton"));
    m_duplicateButton = new QPushButton(tr("D&uplicate"), box);
    m_duplicateButton->setObjectName(QStringLiteral("duplicateEnvironmentButton"));
    m_removeButton = new QPushButton(tr("&Remove…"), box);
    m_removeButton->setObjectName(QStringLiteral("removeEnvironmentButton"));
    connect(m_addButton, &QPushButton::clicked, this, &SettingsDialog::addEnvironment);
    connect(m_duplicateButton, &QPushButton::clicked, this, &SettingsDialog::duplicateEnvironment);
    connect(m_removeButton, &QPushButton::clicked, this, &SettingsDialog::removeEnvironment);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_duplicateButton);
    buttons->addWidget(m_removeButton);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget *SettingsDialog::buildDockerPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("dockerPage"));
    m_dockerForm = new QFormLayout(page);

    m_clusterKind = new QComboBox(page);
    m_clusterKind->setObjectName(QStringLiteral("clusterKindCombo"));
    m_clusterKind->addItem(tr("Docker Swarm"), kDocker);
    m_clusterKind->addItem(tr("Sandbox (simulated)"), kSandbox);
    m_dockerForm->addRow(tr("Cluster:"), m_clusterKind);

    m_scenario = new QLineEdit(page);
    m_scenario->setObjectName(QStringLiteral("scenarioEdit"));
    m_scenario->setPlaceholderText(tr("healthy, or the path of a scenario file"));
    m_dockerForm->addRow(tr("Scenario:"), m_scenario);

    m_dockerConnection = new QComboBox(page);
    m_dockerConnection->setObjectName(QStringLiteral("dockerConnectionCombo"));
    m_dockerConnection->addItem(tr("Endpoint"), QStringLiteral("endpoint"));
    m_dockerConnection->addItem(tr("Docker context"), QStringLiteral("context"));
    m_dockerConnection->addItem(tr("As the docker CLI (DOCKER_HOST, current context)"),
                                QStringLiteral("environment"));
    m_dockerForm->addRow(tr("Connect by:"), m_dockerConnection);

    m_endpoint = new QLineEdit(page);
    m_endpoint->setObjectName(QStringLiteral("endpointEdit"));
    m_endpoint->setPlaceholderText(tr("unix:///var/run/docker.sock or tcp://host:2376"));
    m_importContext = new QPushButton(tr("&Import docker context…"), page);
    m_importContext->setObjectName(QStringLiteral("importContextButton"));
    m_importContext->setToolTip(
        tr("Copy the endpoint and TLS files of a context of the docker CLI (~/.docker/contexts)"));
    connect(m_importContext, &QPushButton::clicked, this, &SettingsDialog::importDockerContext);
    auto *endpointRow = new QHBoxLayout;
    endpointRow->addWidget(m_endpoint, 1);
    endpointRow->addWidget(m_importContext);
    m_dockerForm->addRow(tr("Endpoint:"), endpointRow);

    m_context = new QComboBox(page);
    m_context->setObjectName(QStringLiteral("contextCombo"));
    m_context->setEditable(true);
    m_dockerForm->addRow(tr("Context:"), m_context);

    m_tlsMode = new QComboBox(page);
    m_tlsMode->setObjectName(QStringLiteral("tlsModeCombo"));
    m_tlsMode->addItem(tr("As DOCKER_TLS_VERIFY says"), QVariant());
    m_tlsMode->addItem(tr("TLS, verify the daemon's certificate"), true);
    m_tlsMode->addItem(tr("No TLS"), false);
    m_dockerForm->addRow(tr("TLS:"), m_tlsMode);

    m_tlsCertPath = new QLineEdit(page);
    m_tlsCertPath->setObjectName(QStringLiteral("tlsCertPathEdit"));
    m_tlsCertPath->setPlaceholderText(tr("folder with ca.pem, cert.pem and key.pem"));
    m_dockerForm->addRow(tr("TLS certificates:"), m_tlsCertPath);

    m_tests.insert(SettingsBackend::Part::Docker, addTestRow(m_dockerForm, QStringLiteral("Docker"),
                                                             SettingsBackend::Part::Docker));
    return page;
}

QWidget *SettingsDialog::buildTraefikPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("traefikPage"));
    m_traefikForm = new QFormLayout;

    m_routerKind = new QComboBox(page);
    m_routerKind->setObjectName(QStringLiteral("routerKindCombo"));
    m_routerKind->addItem(tr("Traefik, Redis provider"), kRedis);
    m_routerKind->addItem(tr("Traefik, file provider"), kFile);
    m_routerKind->addItem(tr("Sandbox (simulated)"), kSandbox);
    m_traefikForm->addRow(tr("Router:"), m_routerKind);

    m_apiUrl = new QLineEdit(page);
    m_apiUrl->setObjectName(QStringLiteral("apiUrlEdit"));
    m_apiUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_traefikForm->addRow(tr("API URL:"), m_apiUrl);

    m_traefikVersion = new QComboBox(page);
    m_traefikVersion->setObjectName(QStringLiteral("traefikVersionCombo"));
    m_traefikVersion->addItem(tr("Detect"), 0);
    m_traefikVersion->addItem(tr("Traefik 2"), 2);
    m_traefikVersion->addItem(tr("Traefik 3"), 3);
    m_traefikForm->addRow(tr("Version:"), m_traefikVersion);

    m_entryPoints = new QLineEdit(page);
    m_entryPoints->setObjectName(QStringLiteral("entryPointsEdit"));
    m_entryPoints->setPlaceholderText(tr("web, websecure"));
    m_traefikForm->addRow(tr("Entry points:"), m_entryPoints);

    m_apiUser = new QLineEdit(page);
    m_apiUser->setObjectName(QStringLiteral("apiUserEdit"));
    m_traefikForm->addRow(tr("API user:"), m_apiUser);
    m_traefikForm->addRow(tr("API password:"), addSecretEdit(QStringLiteral("apiPasswordEdit"),
                                                             QStringLiteral("router.apiPassword")));
    m_tests.insert(
        SettingsBackend::Part::Traefik,
        addTestRow(m_traefikForm, QStringLiteral("Traefik"), SettingsBackend::Part::Traefik));

    m_providerBox = new QGroupBox(page);
    QGroupBox *provider = m_providerBox;
    provider->setObjectName(QStringLiteral("providerSection"));
    m_providerForm = new QFormLayout(provider);
    m_redisAddress = new QLineEdit(provider);
    m_redisAddress->setObjectName(QStringLiteral("redisAddressEdit"));
    m_redisAddress->setPlaceholderText(QStringLiteral("127.0.0.1:6379"));
    m_providerForm->addRow(tr("Redis address:"), m_redisAddress);
    m_redisDatabase = new QSpinBox(provider);
    m_redisDatabase->setObjectName(QStringLiteral("redisDatabaseSpin"));
    m_redisDatabase->setRange(0, 1 << 20);
    m_providerForm->addRow(tr("Redis database:"), m_redisDatabase);
    m_redisRootKey = new QLineEdit(provider);
    m_redisRootKey->setObjectName(QStringLiteral("redisRootKeyEdit"));
    m_redisRootKey->setPlaceholderText(QStringLiteral("traefik"));
    m_providerForm->addRow(tr("Root key:"), m_redisRootKey);
    m_redisUsername = new QLineEdit(provider);
    m_redisUsername->setObjectName(QStringLiteral("redisUsernameEdit"));
    m_redisUsername->setPlaceholderText(tr("the default user"));
    m_providerForm->addRow(tr("Redis user:"), m_redisUsername);
    m_providerForm->addRow(tr("Redis password:"), addSecretEdit(QStringLiteral("redisPasswordEdit"),
                                                                QStringLiteral("router.password")));
    m_filePath = new QLineEdit(provider);
    m_filePath->setObjectName(QStringLiteral("filePathEdit"));
    m_filePath->setPlaceholderText(tr("the folder Traefik's file provider watches"));
    m_providerForm->addRow(tr("Watched folder:"), m_filePath);
    m_tests.insert(
        SettingsBackend::Part::Provider,
        addTestRow(m_providerForm, QStringLiteral("Provider"), SettingsBackend::Part::Provider));

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(m_traefikForm);
    layout->addWidget(provider);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::buildMetricsPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("metricsPage"));
    m_metricsForm = new QFormLayout(page);
    m_metricsKind = new QComboBox(page);
    m_metricsKind->setObjectName(QStringLiteral("metricsKindCombo"));
    m_metricsKind->addItem(tr("Traefik's /metrics"), kTraefik);
    m_metricsKind->addItem(tr("Prometheus"), kPrometheus);
    m_metricsKind->addItem(tr("Sandbox (simulated)"), kSandbox);
    m_metricsForm->addRow(tr("Source:"), m_metricsKind);
    m_metricsUrl = new QLineEdit(page);
    m_metricsUrl->setObjectName(QStringLiteral("metricsUrlEdit"));
    m_metricsForm->addRow(tr("URL:"), m_metricsUrl);
    m_metricsForm->addRow(tr("Bearer token:"), addSecretEdit(QStringLiteral("metricsTokenEdit"),
                                                             QStringLiteral("metrics.token")));
    m_tests.insert(
        SettingsBackend::Part::Metrics,
        addTestRow(m_metricsForm, QStringLiteral("Metrics"), SettingsBackend::Part::Metrics));
    return page;
}

QWidget *SettingsDialog::buildApplicationsPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("applicationsPage"));
    m_appsView = new QTableView(page);
    m_appsView->setObjectName(QStringLiteral("applicationsView"));
    m_appsView->setModel(m_apps);
    m_appsView->horizontalHeader()->setStretchLastSection(true);
    m_appsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(tr("Add application"), page);
    add->setObjectName(QStringLiteral("addApplicationButton"));
    auto *remove = new QPushButton(tr("Remove application"), page);
    remove->setObjectName(QStringLiteral("removeApplicationButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_apps->rowCount();
        m_apps->insertRows(row, 1);
        const QModelIndex name = m_apps->index(row, ApplicationListModel::NameColumn);
        m_appsView->setCurrentIndex(name);
        m_appsView->edit(name);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_appsView->currentIndex();
        if (current.isValid())
            m_apps->removeRows(current.row(), 1);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_appsView, 1);
    layout->addLayout(buttons);
    return page;
}

SettingsDialog::TestRow SettingsDialog::addTestRow(QFormLayout *form, const QString &name,
                                                   SettingsBackend::Part part)
{
    TestRow row;
    row.button = new QPushButton(tr("Test connection"), form->parentWidget());
    row.button->setObjectName(QStringLiteral("test%1Button").arg(name));
    row.result = new QLabel(form->parentWidget());
    row.result->setObjectName(QStringLiteral("test%1Result").arg(name));
    row.result->setWordWrap(true);
    row.result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(row.button, &QPushButton::clicked, this, [this, part] { runTest(part); });
    form->addRow(row.button, row.result);
    return row;
}

QLineEdit *SettingsDialog::addSecretEdit(const QString &objectName, const QString &field)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    m_secrets.append({field, edit});
    return edit;
}

void SettingsDialog::reload()
{
    if (!m_backend)
        return;
    const auto profiles = m_backend->listProfiles();
    m_entered.clear();
    m_shownKey = 0;
    m_profiles->setProfiles(profiles ? profiles.value() : QList<SettingsProfile>());
    if (!profiles)
        setStatus(tr("The environments in %1 cannot all be read:\n%2")
                      .arg(m_backend->profilesDirectory(), profiles.error().message),
                  true);
    else
        setStatus(tr("Environments are stored in %1.").arg(m_backend->profilesDirectory()), false);

    if (const auto contexts = m_backend->listDockerContexts(); contexts) {
        m_context->clear();
        for (const SettingsBackend::DockerContext &c : contexts.value())
            m_context->addItem(c.name);
    }
    if (m_profiles->rowCount() > 0)
        m_list->setCurrentIndex(m_profiles->index(0));
    else
        showProfile(-1);
}

bool SettingsDialog::selectEnvironment(const QString &name)
{
    for (int row = 0; row < m_profiles->rowCount(); ++row) {
        if (m_profiles->profile(row).name == name) {
            m_list->setCurrentIndex(m_profiles->index(row));
            return true;
        }
    }
    return false;
}

int SettingsDialog::currentRow() const
{
    return m_shownKey == 0 ? -1 : m_profiles->rowOfKey(m_shownKey);
}

void SettingsDialog::keepEdits()
{
    const int row = currentRow();
    if (row < 0 || m_loading)
        return;
    m_profiles->updateProfile(row, collect());
    m_entered.insert(m_shownKey, enteredSecrets());
}

void SettingsDialog::showProfile(int row)
{
    keepEdits();
    ++m_generation;
    for (const TestRow &test : std::as_const(m_tests))
        test.result->clear();
    m_editor->setEnabled(row >= 0 && !m_busy);
    m_duplicateButton->setEnabled(row >= 0);
    m_removeButton->setEnabled(row >= 0);
    m_shownKey = row >= 0 ? m_profiles->key(row) : 0;
    const SettingsProfile p = row >= 0 ? m_profiles->profile(row) : SettingsProfile();

    m_loading = true;
    m_name->setText(p.name);
    m_description->setText(p.description);

    const QVariantMap &cluster = p.cluster.settings;
    selectData(m_clusterKind, p.cluster.kind.isEmpty() ? kDocker : p.cluster.kind);
    m_scenario->setText(cluster.value(QStringLiteral("scenario")).toString());
    const QString context = cluster.value(QStringLiteral("context")).toString();
    const QString endpoint = cluster.value(QStringLiteral("endpoint")).toString();
    selectData(m_dockerConnection, !endpoint.isEmpty()  ? QStringLiteral("endpoint")
                                   : !context.isEmpty() ? QStringLiteral("context")
                                                        : QStringLiteral("environment"));
    m_endpoint->setText(endpoint);
    m_context->setCurrentText(context);
    m_tlsCertPath->setText(cluster.value(QStringLiteral("tlsCertPath")).toString());
    selectData(m_tlsMode, cluster.value(QStringLiteral("tlsVerify")));

    const QVariantMap &router = p.router.settings;
    selectData(m_routerKind, p.router.kind.isEmpty() ? kRedis : p.router.kind);
    m_apiUrl->setText(router.value(QStringLiteral("apiUrl")).toString());
    selectData(m_traefikVersion, router.value(QStringLiteral("traefikVersion")).toInt());
    m_entryPoints->setText(
        router.value(QStringLiteral("entryPoints")).toStringList().join(QStringLiteral(", ")));
    m_apiUser->setText(router.value(QStringLiteral("apiUser")).toString());
    m_redisAddress->setText(router.value(QStringLiteral("address")).toString());
    m_redisDatabase->setValue(router.value(QStringLiteral("database")).toInt());
    m_redisRootKey->setText(router.value(QStringLiteral("rootKey")).toString());
    m_redisUsername->setText(router.value(QStringLiteral("username")).toString());
    m_filePath->setText(router.value(QStringLiteral("path")).toString());

    const QVariantMap &metrics = p.metrics.settings;
    selectData(m_metricsKind, p.metrics.kind.isEmpty() ? kTraefik : p.metrics.kind);
    m_metricsUrl->setText(metrics.value(QStringLiteral("url")).toString());

    const QMap<QString, QString> entered = m_entered.value(m_shownKey);
    SettingsProfile copy = p;
    for (const SecretField &secret : std::as_const(m_secrets)) {
        const SettingsProfile::Component *c =
            copy.component(secret.field.section(QLatin1Char('.'), 0, 0));
        const QString reference =
            c ? c->settings.value(secret.field.section(QLatin1Char('.'), 1)).toString() : QString();
        secret.edit->setText(entered.value(secret.field));
        secret.edit->setPlaceholderText(reference.isEmpty()
                                            ? tr("not set; stored in the keychain when given")
                                            : tr("stored in the keychain (unchanged)"));
        secret.edit->setToolTip(reference.isEmpty()
                                    ? tr("Stored only in the keychain; the profile gets a "
                                         "reference to it")
                                    : tr("Kept in the keychain as %1; type a new one to replace "
                                         "it")
                                          .arg(reference));
    }
    m_apps->setApplications(p.applications);
    m_loading = false;
    updateVisibility();
}

SettingsProfile SettingsDialog::collect() const
{
    const int row = currentRow();
    if (row < 0)
        return {};
    const SettingsProfile stored = m_profiles->profile(row);
    SettingsProfile p = stored;
    p.name = m_name->text().trimmed();
    p.description = m_description->text().trimmed();

    const QString clusterKind = m_clusterKind->currentData().toString();
    QVariantMap cluster = kept(stored.cluster, clusterKind, kClusterKeys);
    if (clusterKind == kSandbox) {
        putText(&cluster, QStringLiteral("scenario"), m_scenario);
    } else {
        const QString mode = m_dockerConnection->currentData().toString();
        if (mode == QLatin1String("endpoint"))
            putText(&cluster, QStringLiteral("endpoint"), m_endpoint);
        else if (mode == QLatin1String("context") && !m_context->currentText().trimmed().isEmpty())
            cluster.insert(QStringLiteral("context"), m_context->currentText().trimmed());
        if (m_tlsMode->currentData().isValid())
            cluster.insert(QStringLiteral("tlsVerify"), m_tlsMode->currentData().toBool());
        putText(&cluster, QStringLiteral("tlsCertPath"), m_tlsCertPath);
    }
    p.cluster = {clusterKind, cluster};

    const QString routerKind = m_routerKind->currentData().toString();
    QVariantMap router = kept(stored.router, routerKind, kRouterKeys);
    if (routerKind != kSandbox) {
        putText(&router, QStringLiteral("apiUrl"), m_apiUrl);
        if (const int version = m_traefikVersion->currentData().toInt(); version != 0)
            router.insert(QStringLiteral("traefikVersion"), version);
        QStringList entryPoints;
        for (const QString &e : m_entryPoints->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!e.trimmed().isEmpty())
                entryPoints << e.trimmed();
        if (!entryPoints.isEmpty())
            router.insert(QStringLiteral("entryPoints"), entryPoints);
        putText(&router, QStringLiteral("apiUser"), m_apiUser);
        const QVariant apiPassword = stored.router.settings.value(QStringLiteral("apiPassword"));
        if (stored.router.kind != kSandbox && apiPassword.isValid())
            router.insert(QStringLiteral("apiPassword"), apiPassword);
    }
    if (routerKind == kRedis) {
        putText(&router, QStringLiteral("address"), m_redisAddress);
        if (m_redisDatabase->value() != 0)
            router.insert(QStringLiteral("database"), m_redisDatabase->value());
        putText(&router, QStringLiteral("rootKey"), m_redisRootKey);
        putText(&router, QStringLiteral("username"), m_redisUsername);
        if (stored.router.kind == kRedis &&
            stored.router.settings.contains(QStringLiteral("password")))
            router.insert(QStringLiteral("password"),
                          stored.router.settings.value(QStringLiteral("password")));
    } else if (routerKind == kFile) {
        putText(&router, QStringLiteral("path"), m_filePath);
    }
    p.router = {routerKind, router};

    const QString metricsKind = m_metricsKind->currentData().toString();
    QVariantMap metrics = kept(stored.metrics, metricsKind, kMetricsKeys);
    if (metricsKind != kSandbox)
        putText(&metrics, QStringLiteral("url"), m_metricsUrl);
    if (metricsKind == kPrometheus && stored.metrics.kind == kPrometheus &&
        stored.metrics.settings.contains(QStringLiteral("token")))
        metrics.insert(QStringLiteral("token"),
                       stored.metrics.settings.value(QStringLiteral("token")));
    p.metrics = {metricsKind, metrics};

    p.applications = m_apps->applications();
    return p;
}

QMap<QString, QString> SettingsDialog::enteredSecrets() const
{
    // Only the secrets the chosen kinds use: a Redis password typed before switching to the
    // file provider is not stored.
    const QString router = m_routerKind->currentData().toString();
    const QString metrics = m_metricsKind->currentData().toString();
    QMap<QString, QString> out;
    for (const SecretField &secret : m_secrets) {
        const bool used = secret.field == QLatin1String("router.password")      ? router == kRedis
                          : secret.field == QLatin1String("router.apiPassword") ? router != kSandbox
                          : secret.field == QLatin1String("metrics.token") ? metrics == kPrometheus
                                                                           : false;
        if (used && !secret.edit->text().isEmpty())
            out.insert(secret.field, secret.edit->text());
    }
    return out;
}

void SettingsDialog::updateVisibility()
{
    if (m_loading)
        return;
    const bool docker = m_clusterKind->currentData().toString() == kDocker;
    const QString connection = m_dockerConnection->currentData().toString();
    m_dockerForm->setRowVisible(m_scenario, !docker);
    m_dockerForm->setRowVisible(m_dockerConnection, docker);
    m_dockerForm->setRowVisible(m_context, docker && connection == QLatin1String("context"));
    m_endpoint->setEnabled(connection == QLatin1String("endpoint"));
    m_dockerForm->setRowVisible(m_tlsMode, docker);
    m_dockerForm->setRowVisible(m_tlsCertPath, docker);
    m_importContext->setEnabled(docker);

    const QString router = m_routerKind->currentData().toString();
    const bool traefik = router != kSandbox;
    for (QWidget *w : {static_cast<QWidget *>(m_apiUrl), static_cast<QWidget *>(m_traefikVersion),
                       static_cast<QWidget *>(m_entryPoints), static_cast<QWidget *>(m_apiUser)})
        m_traefikForm->setRowVisible(w, traefik);
    for (const SecretField &secret : std::as_const(m_secrets)) {
        if (secret.field == QLatin1String("router.apiPassword"))
            m_traefikForm->setRowVisible(secret.edit, traefik);
        else if (secret.field == QLatin1String("router.password"))
            m_providerForm->setRowVisible(secret.edit, router == kRedis);
        else if (secret.field == QLatin1String("metrics.token"))
            m_metricsForm->setRowVisible(secret.edit,
                                         m_metricsKind->currentData().toString() == kPrometheus);
    }
    m_traefikForm->setRowVisible(m_tests.value(SettingsBackend::Part::Traefik).button, traefik);
    for (QWidget *w :
         {static_cast<QWidget *>(m_redisAddress), static_cast<QWidget *>(m_redisDatabase),
          static_cast<QWidget *>(m_redisRootKey), static_cast<QWidget *>(m_redisUsername)})
        m_providerForm->setRowVisible(w, router == kRedis);
    m_providerForm->setRowVisible(m_filePath, router == kFile);
    m_providerBox->setVisible(traefik);
    m_providerBox->setTitle(router == kFile ? tr("File provider") : tr("Redis provider"));

    const QString metrics = m_metricsKind->currentData().toString();
    m_metricsForm->setRowVisible(m_metricsUrl, metrics != kSandbox);
    m_metricsUrl->setPlaceholderText(metrics == kPrometheus
                                         ? QStringLiteral("http://127.0.0.1:9090")
                                         : QStringLiteral("http://127.0.0.1:8082/metrics"));
}

void SettingsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_list->setEnabled(!busy);
    m_addButton->setEnabled(!busy);
    m_duplicateButton->setEnabled(!busy && currentRow() >= 0);
    m_removeButton->setEnabled(!busy && currentRow() >= 0);
    m_editor->setEnabled(!busy && currentRow() >= 0);
    m_saveButton->setEnabled(!busy);
}

void SettingsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
}

void SettingsDialog::addEnvironment()
{
    keepEdits();
    SettingsProfile p;
    p.name = m_profiles->uniqueName(QStringLiteral("environment"));
    p.cluster = {kDocker,
                 {{QStringLiteral("endpoint"), QStringLiteral("unix:///var/run/docker.sock")}}};
    p.router = {kRedis,
                {{QStringLiteral("address"), QStringLiteral("127.0.0.1:6379")},
                 {QStringLiteral("apiUrl"), QStringLiteral("http://127.0.0.1:8080")}}};
    p.metrics = {kTraefik,
                 {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8080/metrics")}}};
    const int row = m_profiles->appendProfile(p);
    m_list->setCurrentIndex(m_profiles->index(row));
    m_name->setFocus();
    m_name->selectAll();
}

void SettingsDialog::duplicateEnvironment()
{
    const int row = currentRow();
    if (row < 0)
        return;
    keepEdits();
    SettingsProfile copy = m_profiles->profile(row);
    copy.name = m_profiles->uniqueName(copy.name + QStringLiteral("-copy"));
    copy.filePath.clear();
    const int added = m_profiles->appendProfile(copy);
    m_list->setCurrentIndex(m_profiles->index(added));
}

void SettingsDialog::removeEnvironment()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const int key = m_shownKey;
    const SettingsProfile p = m_profiles->profile(row);
    if (m_backend) {
        if (const auto allowed = m_backend->checkRemoval(p); !allowed) {
            setStatus(allowed.error().message, true);
            return;
        }
    }
    auto *confirm = new QMessageBox(
        QMessageBox::Question, tr("Remove environment"),
        p.filePath.isEmpty() ? tr("Remove the environment %1? It was never saved.").arg(p.name)
                             : tr("Remove the environment %1 and delete %2? Its "
                                  "secrets stay in the keychain.")
                                   .arg(p.name, p.filePath),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("removeEnvironmentConfirm"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QMessageBox::finished, this, [this, key](int result) {
        if (result != QMessageBox::Yes || !m_backend)
            return;
        const int at = m_profiles->rowOfKey(key);
        if (at < 0)
            return;
        const SettingsProfile gone = m_profiles->profile(at);
        const auto removed = m_backend->removeProfile(gone);
        if (!removed) {
            setStatus(removed.error().message, true);
            return;
        }
        m_shownKey = 0; // nothing to keep of it
        m_entered.remove(key);
        m_profiles->removeProfile(at);
        setStatus(tr("Removed the environment %1.").arg(gone.name), false);
        if (!gone.filePath.isEmpty())
            Q_EMIT profileRemoved(gone.filePath, gone.name);
        if (m_profiles->rowCount() > 0)
            m_list->setCurrentIndex(m_profiles->index(0));
        else
            showProfile(-1);
    });
    confirm->open();
}

void SettingsDialog::importDockerContext()
{
    if (!m_backend)
        return;
    const auto contexts = m_backend->listDockerContexts();
    if (!contexts || contexts.value().isEmpty()) {
        setStatus(contexts ? tr("The docker CLI has no contexts (docker context ls); give the "
                                "endpoint instead.")
                           : contexts.error().message,
                  !contexts.ok());
        return;
    }
    QStringList names;
    for (const SettingsBackend::DockerContext &c : contexts.value())
        names << c.name;
    auto *chooser = new QInputDialog(this);
    chooser->setObjectName(QStringLiteral("dockerContextChooser"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setWindowTitle(tr("Import docker context"));
    chooser->setLabelText(tr("Context whose endpoint and TLS files to use:"));
    chooser->setComboBoxItems(names);
    chooser->setComboBoxEditable(false);
    const int generation = m_generation;
    connect(chooser, &QInputDialog::textValueSelected, this,
            [this, generation](const QString &name) {
                if (!m_backend || generation != m_generation)
                    return;
                const auto imported = m_backend->importDockerContext(name);
                if (!imported) {
                    setStatus(imported.error().message, true);
                    return;
                }
                const QVariantMap &s = imported.value().settings;
                selectData(m_clusterKind, kDocker);
                if (s.contains(QStringLiteral("context"))) {
                    selectData(m_dockerConnection, QStringLiteral("context"));
                    m_context->setCurrentText(s.value(QStringLiteral("context")).toString());
                } else {
                    selectData(m_dockerConnection, QStringLiteral("endpoint"));
                    m_endpoint->setText(s.value(QStringLiteral("endpoint")).toString());
                }
                selectData(m_tlsMode, s.value(QStringLiteral("tlsVerify")));
                m_tlsCertPath->setText(s.value(QStringLiteral("tlsCertPath")).toString());
                setStatus(tr("Imported the docker context %1; save to keep it.").arg(name), false);
            });
    chooser->open();
}

void SettingsDialog::runTest(SettingsBackend::Part part)
{
    if (!m_backend || currentRow() < 0)
        return;
    const TestRow row = m_tests.value(part);
    row.button->setEnabled(false);
    row.result->setText(tr("Testing…"));
    row.result->setProperty("outcome", QStringLiteral("running"));
    const int generation = m_generation;
    m_backend->testConnection(
        part, collect(), enteredSecrets(),
        Reply<QString>(row.result, [this, row, generation](const Result<QString> &answer) {
            row.button->setEnabled(true);
            if (generation != m_generation)
                return; // another environment is shown now
            row.result->setText(answer ? tr("Connected: %1").arg(answer.value())
                                       : tr("Failed: %1").arg(answer.error().message));
            row.result->setProperty("outcome",
                                    answer ? QStringLiteral("ok") : QStringLiteral("failed"));
        }));
}

void SettingsDialog::save()
{
    const int row = currentRow();
    if (!m_backend || row < 0 || m_busy)
        return;
    SettingsProfile profile = collect();
    const QMap<QString, QString> entered = enteredSecrets();

    // Each typed secret goes to the keychain; the profile keeps (or gets) its reference.
    QList<QPair<QString, QString>> pending;
    for (auto it = entered.cbegin(); it != entered.cend(); ++it) {
        SettingsProfile::Component *c = profile.component(it.key().section(QLatin1Char('.'), 0, 0));
        const QString key = it.key().section(QLatin1Char('.'), 1);
        QString reference = c->settings.value(key).toString();
        if (!reference.startsWith(QLatin1String("keychain:")))
            reference = SettingsBackend::secretReference(profile.name, it.key());
        c->settings.insert(key, reference);
        pending.append({reference, it.value()});
    }

    // Nothing reaches the keychain for a profile that could not be saved.
    const auto checked = m_backend->checkProfile(profile);
    if (!checked) {
        setStatus(tr("Not saved; nothing was stored:\n%1").arg(checked.error().message), true);
        return;
    }
    if (pending.isEmpty()) {
        writeProfile(m_shownKey, profile);
        return;
    }
    setBusy(true);
    setStatus(tr("Storing %n secret(s) in the keychain…", nullptr, int(pending.size())), false);
    storeSecrets(m_shownKey, profile, pending);
}

void SettingsDialog::storeSecrets(int key, SettingsProfile profile,
                                  QList<QPair<QString, QString>> pending)
{
    if (pending.isEmpty()) {
        writeProfile(key, profile);
        return;
    }
    const auto [reference, value] = pending.takeFirst();
    m_backend->storeSecret(
        reference, value,
        Reply<void>(this, [this, key, profile, pending](const Result<void> &stored) {
            if (!stored) {
                setBusy(false);
                if (SettingsBackend::keychainUnavailable(stored.error()))
                    setStatus(tr("No keychain is available, so nothing was saved: neither the "
                                 "secret nor the profile that would refer to it. %1")
                                  .arg(stored.error().message),
                              true);
                else
                    setStatus(tr("The keychain did not store the secret, so the profile was not "
                                 "saved: %1")
                                  .arg(stored.error().message),
                              true);
                return;
            }
            storeSecrets(key, profile, pending);
        }));
}

void SettingsDialog::writeProfile(int key, const SettingsProfile &profile)
{
    setBusy(false);
    const int row = m_profiles->rowOfKey(key);
    if (row < 0 || !m_backend)
        return;
    const auto saved = m_backend->saveProfile(profile);
    if (!saved) {
        setStatus(tr("Not saved:\n%1").arg(saved.error().message), true);
        return;
    }
    m_profiles->markSaved(row, saved.value());
    m_entered.remove(key);
    if (key == m_shownKey) {
        m_shownKey = 0; // show the stored profile, not the edits
        m_loading = true;
        for (const SecretField &secret : std::as_const(m_secrets))
            secret.edit->clear();
        m_loading = false;
        showProfile(row);
    }
    setStatus(tr("Saved %1 to %2.").arg(saved.value().name, saved.value().filePath), false);
    Q_EMIT profileSaved(saved.value().filePath);
}

} // namespace optimist
