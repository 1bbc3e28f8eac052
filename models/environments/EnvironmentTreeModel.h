#pragma once

#include "ConnectionState.h"

#include "core/AppSnapshot.h"
#include "core/Color.h"
#include "core/WeightSplit.h"

#include <QAbstractItemModel>

#include <array>
#include <memory>
#include <vector>

namespace optimist {

/// The environments the release manager watches: environment → application → color, with each
/// color's version, replicas, traffic weight, health and latest bio-energy, and each
/// environment's connection state.
///
/// It is fed with values only (from EnvironmentMonitor's signals and the rollout engine's checks)
/// and never calls a port. Every update is minimal — dataChanged for the cells that changed, row
/// inserts and removes only when a color, application or environment appears or disappears — so
/// a view keeps its selection and expansion; a raw-value role (VersionRole, WeightRole, …) is
/// signalled with the column that shows it. Custom roles: the "Environments tree" block of
/// common/ModelRoles.h; SortRole gives the raw value of every column.
class EnvironmentTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,      ///< environment, application or color name
        VersionColumn,   ///< image version (an application: the version carrying most traffic)
        ReplicasColumn,  ///< running / desired
        WeightColumn,    ///< traffic weight of a color; the split of an application
        HealthColumn,    ///< health of a color (worst of its colors for an application),
                         ///< connection state of an environment
        BioEnergyColumn, ///< latest bio-energy score of a color, one decimal
        ColumnCount
    };
    Q_ENUM(Column)

    enum class NodeKind { Environment, Application, Color };
    Q_ENUM(NodeKind)

    explicit EnvironmentTreeModel(QObject *parent = nullptr);
    ~EnvironmentTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The row of @p environment (invalid when unknown).
    QModelIndex environmentIndex(const QString &environment, int column = NameColumn) const;
    QModelIndex applicationIndex(const QString &environment, const QString &app,
                                 int column = NameColumn) const;
    QModelIndex colorIndex(const QString &environment, const QString &app, Color color,
                           int column = NameColumn) const;

public Q_SLOTS:
    /// Adds @p environment (appended) or updates its connection state; @p error says why it is
    /// disconnected.
    void setEnvironment(const QString &environment, optimist::ConnectionState state,
                        const QString &error = {});
    void removeEnvironment(const QString &environment);
    /// Marks @p environment as sending credentials over plain http to other hosts (its
    /// profile's `allowInsecureHttp`): its name shows "(insecure HTTP)" with a tooltip saying
    /// why. Adds the environment when it is new.
    void setInsecureHttp(const QString &environment, bool insecure);
    /// What the cluster and router show of one application now. Adds the environment and the
    /// application when they are new; a color absent from @p snapshot disappears.
    void updateApplication(const QString &environment, const optimist::AppSnapshot &snapshot,
                           const optimist::WeightSplit &weights);
    /// The latest bio-energy score of @p color (NaN: unknown). Kept until the color disappears.
    void setBioEnergy(const QString &environment, const QString &app, optimist::Color color,
                      double score);
    void removeApplication(const QString &environment, const QString &app);

private:
    struct Node;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = NameColumn) const;
    Node *findEnvironment(const QString &environment) const;
    Node *findApplication(const QString &environment, const QString &app) const;
    Node *findColor(Node *application, Color color) const;
    Node *ensureEnvironment(const QString &environment);
    Node *ensureApplication(Node *environment, const QString &app);

    QVariant environmentData(const Node *node, int column, int role) const;
    QVariant applicationData(const Node *node, int column, int role) const;
    QVariant colorData(const Node *node, int column, int role) const;
    /// What @p node's cells show under every role, to tell which cells an update changed.
    using Fingerprint = std::array<QVariantList, ColumnCount>;
    Fingerprint fingerprint(const Node *node) const;
    /// Emits dataChanged for the cells of @p node that differ from @p before.
    void emitChanges(const Node *node, const Fingerprint &before);

    std::vector<std::unique_ptr<Node>> m_environments;
};

} // namespace optimist
