#pragma once

#include <QWidget>

class QAbstractItemModel;
class QAction;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace optimist {

/// The environments the release manager watches — environment → application → color with
/// version, replicas, traffic, health and bio-energy — over an EnvironmentTreeModel (through a
/// filter proxy), expanded as rows appear. The selected application (a color row selects its
/// application) is what the one-click rollback button and the actions act on; the panel only
/// asks, through its signals, and the controller decides.
class EnvironmentsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EnvironmentsPanel(QWidget *parent = nullptr);
    ~EnvironmentsPanel() override;

    /// An EnvironmentTreeModel (or any model with the "Environments tree" roles).
    void setModel(QAbstractItemModel *model);
    QTreeView *view() const { return m_view; }

    /// The environment of the selected row; empty when nothing is selected.
    QString selectedEnvironment() const { return m_environment; }
    /// The application of the selected row; empty when none (or an environment) is selected.
    QString selectedApplication() const { return m_app; }

    /// Selects @p app of @p environment, if shown.
    void selectApplication(const QString &environment, const QString &app);

Q_SIGNALS:
    /// The selection moved to another application; both empty when none is selected, @p app
    /// empty when an environment row is.
    void applicationSelected(const QString &environment, const QString &app);
    void rollbackRequested(const QString &environment, const QString &app);
    void newRolloutRequested(const QString &environment, const QString &app);
    /// Read the environment again now (EnvironmentMonitor::refreshNow).
    void refreshRequested(const QString &environment);

private:
    void onSelectionChanged();
    void updateActions();
    void expandInserted(const QModelIndex &parent, int first, int last);
    void showContextMenu(const QPoint &position);

    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLineEdit *m_filter;
    QPushButton *m_rollbackButton;
    QPushButton *m_newRolloutButton;
    QAction *m_rollbackAction;
    QAction *m_newRolloutAction;
    QAction *m_refreshAction;
    QString m_environment;
    QString m_app;
};

} // namespace optimist
