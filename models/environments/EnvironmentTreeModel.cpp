#include "EnvironmentTreeModel.h"

#include "common/DisplayText.h"
#include "common/ModelRoles.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace optimist {

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

int colorSlot(Color color)
{
    return color == Color::Blue ? 0 : 1;
}

/// How a color's health reads, as HealthRole names it.
enum class Health { Healthy, Starting, Unhealthy, Unknown };

QString healthName(Health health)
{
    switch (health) {
    case Health::Healthy:
        return QStringLiteral("healthy");
    case Health::Starting:
        return QStringLiteral("starting");
    case Health::Unhealthy:
        return QStringLiteral("unhealthy");
    case Health::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QColor healthColor(Health health)
{
    switch (health) {
    case Health::Healthy:
        return QColor(0x2e, 0x7d, 0x32);
    case Health::Starting:
        return QColor(0xf9, 0xa8, 0x25);
    case Health::Unhealthy:
        return QColor(0xc6, 0x28, 0x28);
    case Health::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QColor connectionColor(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connected:
        return healthColor(Health::Healthy);
    case ConnectionState::Connecting:
        return healthColor(Health::Starting);
    case ConnectionState::Disconnected:
        break;
    }
    return healthColor(Health::Unhealthy);
}

QColor swatch(Color color)
{
    return color == Color::Blue ? QColor(0x1e, 0x88, 0xe5) : QColor(0x43, 0xa0, 0x47);
}

/// The roles a cell's look depends on; a raw-value role counts for the column showing it.
QList<int> fingerprintRoles(int column)
{
    QList<int> roles{Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, Qt::ForegroundRole,
                     SortRole};
    switch (column) {
    case EnvironmentTreeModel::NameColumn:
        roles << ColorRole << ConnectionStateRole << ConnectionErrorRole;
        break;
    case EnvironmentTreeModel::VersionColumn:
        roles << VersionRole;
        break;
    case EnvironmentTreeModel::ReplicasColumn:
        roles << ReplicasRunningRole << ReplicasDesiredRole;
        break;
    case EnvironmentTreeModel::WeightColumn:
        roles << WeightRole;
        break;
    case EnvironmentTreeModel::HealthColumn:
        roles << HealthRole << ConnectionStateRole << ConnectionErrorRole;
        break;
    case EnvironmentTreeModel::BioEnergyColumn:
        roles << BioEnergyRole;
        break;
    default:
        break;
    }
    return roles;
}

} // namespace

struct EnvironmentTreeModel::Node
{
    NodeKind kind = NodeKind::Environment;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    QString name; ///< environment or application

    // Environment
    ConnectionState state = ConnectionState::Connecting;
    QString error;
    bool insecureHttp = false;

    // Application
    WeightSplit weights;
    std::array<double, 2> bioEnergy{kUnknown, kUnknown};

    // Color
    ColorService service;
    bool everHealthy = false; ///< not healthy after having been healthy: unhealthy, not starting

    int row() const
    {
        const auto &siblings = parent->children;
        const auto it = std::find_if(siblings.begin(), siblings.end(),
                                     [this](const auto &sibling) { return sibling.get() == this; });
        return int(it - siblings.begin());
    }
    const Node *environment() const
    {
        const Node *node = this;
        while (node->kind != NodeKind::Environment)
            node = node->parent;
        return node;
    }
    Health health() const
    {
        if (service.healthy)
            return Health::Healthy;
        if (service.replicasDesired == 0)
            return Health::Unknown;
        return everHealthy ? Health::Unhealthy : Health::Starting;
    }
};

EnvironmentTreeModel::EnvironmentTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

EnvironmentTreeModel::~EnvironmentTreeModel() = default;

EnvironmentTreeModel::Node *EnvironmentTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex EnvironmentTreeModel::indexOf(const Node *node, int column) const
{
    if (!node)
        return {};
    const int row = node->parent
                        ? node->row()
                        : int(std::find_if(m_environments.begin(), m_environments.end(),
                                           [node](const auto &e) { return e.get() == node; }) -
                              m_environments.begin());
    return createIndex(row, column, const_cast<Node *>(node));
}

QModelIndex EnvironmentTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= int(m_environments.size()))
            return {};
        return createIndex(row, column, m_environments[size_t(row)].get());
    }
    if (parent.column() != NameColumn)
        return {};
    const Node *p = nodeOf(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex EnvironmentTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    return node ? indexOf(node->parent) : QModelIndex();
}

int EnvironmentTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_environments.size());
    if (parent.column() != NameColumn)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int EnvironmentTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant EnvironmentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case VersionColumn:
        return tr("Version");
    case ReplicasColumn:
        return tr("Replicas");
    case WeightColumn:
        return tr("Traffic");
    case HealthColumn:
        return tr("Health");
    case BioEnergyColumn:
        return tr("Bio-energy");
    default:
        return {};
    }
}

QHash<int, QByteArray> EnvironmentTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(SortRole, "sort");
    names.insert(ColorRole, "color");
    names.insert(NodeKindRole, "nodeKind");
    names.insert(EnvironmentNameRole, "environment");
    names.insert(AppNameRole, "app");
    names.insert(VersionRole, "version");
    names.insert(ReplicasRunningRole, "replicasRunning");
    names.insert(ReplicasDesiredRole, "replicasDesired");
    names.insert(WeightRole, "weight");
    names.insert(HealthRole, "health");
    names.insert(BioEnergyRole, "bioEnergy");
    names.insert(ConnectionStateRole, "connectionState");
    names.insert(ConnectionErrorRole, "connectionError");
    names.insert(InsecureHttpRole, "insecureHttp");
    return names;
}

QVariant EnvironmentTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};

    const Node *environment = node->environment();
    switch (role) {
    case NodeKindRole:
        return int(node->kind);
    case EnvironmentNameRole:
        return environment->name;
    case ConnectionStateRole:
        return connectionStateName(environment->state);
    case ConnectionErrorRole:
        return environment->error;
    case InsecureHttpRole:
        return environment->insecureHttp;
    case AppNameRole:
        if (node->kind == NodeKind::Application)
            return node->name;
        if (node->kind == NodeKind::Color)
            return node->parent->name;
        return {};
    case Qt::ForegroundRole:
        // What a disconnected environment shows is the last known state: greyed.
        if (node->kind != NodeKind::Environment &&
            environment->state == ConnectionState::Disconnected)
            return QColor(Qt::gray);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ReplicasColumn || index.column() == WeightColumn ||
            index.column() == BioEnergyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        break;
    }

    switch (node->kind) {
    case NodeKind::Environment:
        return environmentData(node, index.column(), role);
    case NodeKind::Application:
        return applicationData(node, index.column(), role);
    case NodeKind::Color:
        return colorData(node, index.column(), role);
    }
    return {};
}

QVariant EnvironmentTreeModel::environmentData(const Node *node, int column, int role) const
{
    QString stateText;
    QString tooltip;
    switch (node->state) {
    case ConnectionState::Connecting:
        stateText = tr("Connecting…");
        tooltip = tr("Connecting to %1…").arg(node->name);
        break;
    case ConnectionState::Connected:
        stateText = tr("Connected");
        tooltip = tr("Connected to %1").arg(node->name);
        break;
    case ConnectionState::Disconnected:
        stateText =
            node->error.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(node->error);
        tooltip = node->error.isEmpty()
                      ? tr("Disconnected from %1").arg(node->name)
                      : tr("Disconnected from %1: %2").arg(node->name, node->error);
        break;
    }

    if (node->insecureHttp)
        tooltip += QLatin1Char('\n') +
                   tr("Insecure: this environment lets passwords and tokens go over plain HTTP "
                      "to other hosts (allowInsecureHttp in its profile).");
    if (column == NameColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return node->insecureHttp ? tr("%1 (insecure HTTP)").arg(node->name) : node->name;
        case SortRole:
            return node->name;
        case Qt::DecorationRole:
            return connectionColor(node->state);
        case Qt::ToolTipRole:
            return tooltip;
        }
    } else if (column == HealthColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return stateText;
        case SortRole:
            return int(node->state);
        case Qt::ToolTipRole:
            return tooltip;
        }
    }
    return {};
}

QVariant EnvironmentTreeModel::applicationData(const Node *node, int column, int role) const
{
    // The color carrying most of the traffic: its version is the application's live version.
    const Node *live = nullptr;
    int running = 0;
    int desired = 0;
    Health health = Health::Healthy;
    for (const auto &child : node->children) {
        if (!live || node->weights.of(child->service.color) > node->weights.of(live->service.color))
            live = child.get();
        running += child->service.replicasRunning;
        desired += child->service.replicasDesired;
        const Health h = child->health();
        if (h == Health::Unhealthy || (h == Health::Starting && health != Health::Unhealthy) ||
            (h == Health::Unknown && health == Health::Healthy))
            health = h;
    }
    const bool deployed = !node->children.empty();
    const bool bothColors = node->children.size() == 2;

    switch (role) {
    case VersionRole:
        return live ? live->service.version : QString();
    case ReplicasRunningRole:
        return running;
    case ReplicasDesiredRole:
        return desired;
    case HealthRole:
        return deployed ? healthName(health) : healthName(Health::Unknown);
    default:
        break;
    }

    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return node->name;
        break;
    case VersionColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return live ? live->service.version : QString();
        break;
    case ReplicasColumn:
        if (role == Qt::DisplayRole && deployed)
            return tr("%1 / %2").arg(running).arg(desired);
        if (role == SortRole)
            return running;
        break;
    case WeightColumn:
        if (role == Qt::DisplayRole && bothColors)
            return DisplayText::split(node->weights.blue, node->weights.green);
        if (role == SortRole)
            return node->weights.blue;
        break;
    case HealthColumn:
        if (role == Qt::DisplayRole) {
            if (!deployed)
                return tr("Not deployed");
            switch (health) {
            case Health::Healthy:
                return tr("Healthy");
            case Health::Starting:
                return tr("Starting");
            case Health::Unhealthy:
                return tr("Unhealthy");
            case Health::Unknown:
                return tr("Scaled to 0");
            }
        }
        if (role == Qt::DecorationRole && deployed)
            return healthColor(health);
        if (role == SortRole)
            return int(health);
        break;
    default:
        break;
    }
    return {};
}

QVariant EnvironmentTreeModel::colorData(const Node *node, int column, int role) const
{
    const ColorService &s = node->service;
    const int weight = node->parent->weights.of(s.color);
    const double bio = node->parent->bioEnergy[size_t(colorSlot(s.color))];
    const Health health = node->health();

    switch (role) {
    case ColorRole:
        return int(s.color);
    case VersionRole:
        return s.version;
    case ReplicasRunningRole:
        return s.replicasRunning;
    case ReplicasDesiredRole:
        return s.replicasDesired;
    case WeightRole:
        return weight;
    case HealthRole:
        return healthName(health);
    case BioEnergyRole:
        return bio;
    default:
        break;
    }

    switch (column) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
            return DisplayText::color(s.color);
        case SortRole:
            return int(s.color);
        case Qt::DecorationRole:
            return swatch(s.color);
        case Qt::ToolTipRole:
            return s.serviceName;
        }
        break;
    case VersionColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return s.version;
        break;
    case ReplicasColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 / %2").arg(s.replicasRunning).arg(s.replicasDesired);
        if (role == SortRole)
            return s.replicasRunning;
        break;
    case WeightColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 %").arg(weight);
        if (role == SortRole)
            return weight;
        break;
    case HealthColumn:
        switch (role) {
        case Qt::DisplayRole:
            switch (health) {
            case Health::Healthy:
                return tr("Healthy");
            case Health::Starting:
                return tr("Starting");
            case Health::Unhealthy:
                return tr("Unhealthy");
            case Health::Unknown:
                return tr("Scaled to 0");
            }
            break;
        case SortRole:
            return int(health);
        case Qt::DecorationRole:
            return healthColor(health);
        case Qt::ToolTipRole:
            return s.healthDetail.isEmpty() ? QVariant() : QVariant(s.healthDetail);
        }
        break;
    case BioEnergyColumn:
        if (role == Qt::DisplayRole)
            return std::isnan(bio) ? QString() : QLocale().toString(bio, 'f', 1);
        if (role == SortRole)
            return std::isnan(bio) ? QVariant() : QVariant(bio);
        break;
    default:
        break;
    }
    return {};
}

EnvironmentTreeModel::Fingerprint EnvironmentTreeModel::fingerprint(const Node *node) const
{
    Fingerprint result;
    for (int column = 0; column < ColumnCount; ++column) {
        const QModelIndex cell = indexOf(node, column);
        for (int role : fingerprintRoles(column)) {
            QVariant value = data(cell, role);
            // NaN never equals itself: an unknown score is the same as before.
            if (value.typeId() == QMetaType::Double && std::isnan(value.toDouble()))
                value = QStringLiteral("nan");
            result[size_t(column)].append(value);
        }
    }
    return result;
}

void EnvironmentTreeModel::emitChanges(const Node *node, const Fingerprint &before)
{
    const Fingerprint after = fingerprint(node);
    int first = -1;
    int last = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        if (before[size_t(column)] != after[size_t(column)]) {
            if (first < 0)
                first = column;
            last = column;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(indexOf(node, first), indexOf(node, last));
}

EnvironmentTreeModel::Node *EnvironmentTreeModel::findEnvironment(const QString &environment) const
{
    for (const auto &e : m_environments) {
        if (e->name == environment)
            return e.get();
    }
    return nullptr;
}

EnvironmentTreeModel::Node *EnvironmentTreeModel::findApplication(const QString &environment,
                                                                  const QString &app) const
{
    const Node *e = findEnvironment(environment);
    if (!e)
        return nullptr;
    for (const auto &a : e->children) {
        if (a->name == app)
            return a.get();
    }
    return nullptr;
}

EnvironmentTreeModel::Node *EnvironmentTreeModel::findColor(Node *application, Color color) const
{
    if (!application)
        return nullptr;
    for (const auto &c : application->children) {
        if (c->service.color == color)
            return c.get();
    }
    return nullptr;
}

QModelIndex EnvironmentTreeModel::environmentIndex(const QString &environment, int column) const
{
    return indexOf(findEnvironment(environment), column);
}

QModelIndex EnvironmentTreeModel::applicationIndex(const QString &environment, const QString &app,
                                                   int column) const
{
    return indexOf(findApplication(environment, app), column);
}

QModelIndex EnvironmentTreeModel::colorIndex(const QString &environment, const QString &app,
                                             Color color, int column) const
{
    return indexOf(findColor(findApplication(environment, app), color), column);
}

EnvironmentTreeModel::Node *EnvironmentTreeModel::ensureEnvironment(const QString &environment)
{
    if (Node *existing = findEnvironment(environment))
        return existing;
    const int row = int(m_environments.size());
    beginInsertRows({}, row, row);
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Environment;
    node->name = environment;
    m_environments.push_back(std::move(node));
    endInsertRows();
    return m_environments.back().get();
}

EnvironmentTreeModel::Node *EnvironmentTreeModel::ensureApplication(Node *environment,
                                                                    const QString &app)
{
    auto &apps = environment->children;
    const auto it =
        std::lower_bound(apps.begin(), apps.end(), app, [](const auto &node, const QString &name) {
            return QString::localeAwareCompare(node->name, name) < 0;
        });
    if (it != apps.end() && (*it)->name == app)
        return it->get();
    const int row = int(it - apps.begin());
    beginInsertRows(indexOf(environment), row, row);
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Application;
    node->parent = environment;
    node->name = app;
    Node *created = node.get();
    apps.insert(apps.begin() + row, std::move(node));
    endInsertRows();
    return created;
}

void EnvironmentTreeModel::setEnvironment(const QString &environment, ConnectionState state,
                                          const QString &error)
{
    Node *node = ensureEnvironment(environment);
    const QString reason = state == ConnectionState::Disconnected ? error : QString();
    if (node->state == state && node->error == reason)
        return;
    const bool greyChanges =
        (node->state == ConnectionState::Disconnected) != (state == ConnectionState::Disconnected);
    const Fingerprint before = fingerprint(node);
    node->state = state;
    node->error = reason;
    emitChanges(node, before);
    if (!greyChanges)
        return;
    // Every row below shows the environment's state (greyed while disconnected).
    for (const auto &app : node->children) {
        Q_EMIT dataChanged(indexOf(app.get(), 0), indexOf(app.get(), ColumnCount - 1));
        if (!app->children.empty()) {
            const QModelIndex parent = indexOf(app.get());
            Q_EMIT dataChanged(index(0, 0, parent),
                               index(int(app->children.size()) - 1, ColumnCount - 1, parent));
        }
    }
}

void EnvironmentTreeModel::setInsecureHttp(const QString &environment, bool insecure)
{
    Node *node = ensureEnvironment(environment);
    if (node->insecureHttp == insecure)
        return;
    node->insecureHttp = insecure;
    const QModelIndex row = indexOf(node, 0);
    Q_EMIT dataChanged(row, indexOf(node, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::ToolTipRole, InsecureHttpRole});
}

void EnvironmentTreeModel::removeEnvironment(const QString &environment)
{
    const auto it = std::find_if(m_environments.begin(), m_environments.end(),
                                 [&](const auto &e) { return e->name == environment; });
    if (it == m_environments.end())
        return;
    const int row = int(it - m_environments.begin());
    beginRemoveRows({}, row, row);
    m_environments.erase(it);
    endRemoveRows();
}

void EnvironmentTreeModel::updateApplication(const QString &environment,
                                             const AppSnapshot &snapshot,
                                             const WeightSplit &weights)
{
    Node *env = findEnvironment(environment);
    if (!env) {
        // Values arrive only from an environment that answered.
        env = ensureEnvironment(environment);
        env->state = ConnectionState::Connected;
        Q_EMIT dataChanged(indexOf(env, 0), indexOf(env, ColumnCount - 1));
    }
    Node *app = ensureApplication(env, snapshot.app);

    // Cells of the rows that stay, before the update, to emit only what changed.
    const Fingerprint appBefore = fingerprint(app);
    std::array<std::optional<Fingerprint>, 2> colorBefore;
    for (Color color : {Color::Blue, Color::Green}) {
        if (const Node *c = findColor(app, color); c && snapshot.of(color))
            colorBefore[size_t(colorSlot(color))] = fingerprint(c);
    }

    // Inserted rows show the new weights at once; the rows that stay are diffed below.
    app->weights = weights;
    const QModelIndex appIndex = indexOf(app);
    for (Color color : {Color::Blue, Color::Green}) {
        Node *existing = findColor(app, color);
        const std::optional<ColorService> &service = snapshot.of(color);
        if (existing && !service) {
            const int row = existing->row();
            beginRemoveRows(appIndex, row, row);
            app->children.erase(app->children.begin() + row);
            // A color deployed later is another release: its score starts unknown.
            app->bioEnergy[size_t(colorSlot(color))] = kUnknown;
            endRemoveRows();
        } else if (!existing && service) {
            // Blue above green.
            const int row = color == Color::Blue ? 0 : int(app->children.size());
            beginInsertRows(appIndex, row, row);
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Color;
            node->parent = app;
            node->service = *service;
            node->service.color = color;
            node->everHealthy = service->healthy;
            app->children.insert(app->children.begin() + row, std::move(node));
            endInsertRows();
        } else if (existing) {
            existing->service = *service;
            existing->service.color = color;
            existing->everHealthy = existing->everHealthy || service->healthy;
        }
    }

    for (Color color : {Color::Blue, Color::Green}) {
        if (const auto &before = colorBefore[size_t(colorSlot(color))])
            emitChanges(findColor(app, color), *before);
    }
    emitChanges(app, appBefore);
}

void EnvironmentTreeModel::setBioEnergy(const QString &environment, const QString &app, Color color,
                                        double score)
{
    Node *a = findApplication(environment, app);
    if (!a)
        return;
    Node *c = findColor(a, color);
    if (!c)
        return; // a score for a color that is gone (or not seen yet) is not shown
    const Fingerprint before = fingerprint(c);
    a->bioEnergy[size_t(colorSlot(color))] = score;
    emitChanges(c, before);
}

void EnvironmentTreeModel::removeApplication(const QString &environment, const QString &app)
{
    Node *a = findApplication(environment, app);
    if (!a)
        return;
    Node *env = a->parent;
    const int row = a->row();
    beginRemoveRows(indexOf(env), row, row);
    env->children.erase(env->children.begin() + row);
    endRemoveRows();
}

} // namespace optimist
