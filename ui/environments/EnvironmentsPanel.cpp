#include "EnvironmentsPanel.h"

#include "WeightBarDelegate.h"

#include "common/ModelRoles.h"
#include "environments/EnvironmentTreeModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace optimist {

EnvironmentsPanel::EnvironmentsPanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_rollbackButton(new QPushButton(this))
    , m_newRolloutButton(new QPushButton(this))
    , m_rollbackAction(new QAction(this))
    , m_newRolloutAction(new QAction(this))
    , m_refreshAction(new QAction(this))
{
    setObjectName(QStringLiteral("environmentsPanel"));

    // An application matches the filter by its name; its environment and colors stay shown.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(EnvironmentTreeModel::NameColumn);
    m_proxy->setSortRole(SortRole);

    m_filter->setObjectName(QStringLiteral("environmentsFilter"));
    m_filter->setPlaceholderText(tr("Filter applications…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("environmentsTree"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(EnvironmentTreeModel::WeightColumn,
                                     new WeightBarDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &EnvironmentsPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EnvironmentsPanel::onSelectionChanged);
    // A removed row takes its selection along without always saying so.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this,
            &EnvironmentsPanel::onSelectionChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EnvironmentsPanel::onSelectionChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &EnvironmentsPanel::expandInserted);
    connect(m_proxy, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, m_view, &QTreeView::expandAll);

    m_rollbackAction->setObjectName(QStringLiteral("actionRollbackSelected"));
    m_rollbackAction->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    // No shortcut of its own: Ctrl+Shift+R is the main window's Roll back action, which acts on
    // the same rollout; two actions with one key are ambiguous to Qt and neither would fire.
    connect(m_rollbackAction, &QAction::triggered, this, [this] {
        if (!m_app.isEmpty())
            Q_EMIT rollbackRequested(m_environment, m_app);
    });

    m_newRolloutAction->setObjectName(QStringLiteral("actionNewRolloutSelected"));
    m_newRolloutAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    connect(m_newRolloutAction, &QAction::triggered, this, [this] {
        if (!m_app.isEmpty())
            Q_EMIT newRolloutRequested(m_environment, m_app);
    });

    m_refreshAction->setObjectName(QStringLiteral("actionRefreshEnvironment"));
    m_refreshAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (!m_environment.isEmpty())
            Q_EMIT refreshRequested(m_environment);
    });
    addActions({m_rollbackAction, m_newRolloutAction, m_refreshAction});

    // The one-click rollback: prominent, next to the tree, always saying which application.
    m_rollbackButton->setObjectName(QStringLiteral("rollbackSelectedButton"));
    m_rollbackButton->setIcon(m_rollbackAction->icon());
    QFont bold = m_rollbackButton->font();
    bold.setBold(true);
    m_rollbackButton->setFont(bold);
    m_rollbackButton->setMinimumHeight(m_rollbackButton->sizeHint().height() * 5 / 4);
    connect(m_rollbackButton, &QPushButton::clicked, m_rollbackAction, &QAction::trigger);

    m_newRolloutButton->setObjectName(QStringLiteral("newRolloutSelectedButton"));
    m_newRolloutButton->setIcon(m_newRolloutAction->icon());
    connect(m_newRolloutButton, &QPushButton::clicked, m_newRolloutAction, &QAction::trigger);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rollbackButton, 1);
    buttons->addWidget(m_newRolloutButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    updateActions();
}

EnvironmentsPanel::~EnvironmentsPanel() = default;

void EnvironmentsPanel::setModel(QAbstractItemModel *model)
{
    m_proxy->setSourceModel(model);
    // Every column as wide as its contents (a stretched name column is the one squeezed to
    // nothing when the panel is narrow); the last one takes what is left.
    m_view->header()->setStretchLastSection(true);
    m_view->expandAll();
    onSelectionChanged();
}

void EnvironmentsPanel::selectApplication(const QString &environment, const QString &app)
{
    for (int e = 0; e < m_proxy->rowCount(); ++e) {
        const QModelIndex env = m_proxy->index(e, 0);
        if (env.data(EnvironmentNameRole).toString() != environment)
            continue;
        for (int a = 0; a < m_proxy->rowCount(env); ++a) {
            const QModelIndex row = m_proxy->index(a, 0, env);
            if (row.data(AppNameRole).toString() == app) {
                m_view->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
                m_view->scrollTo(row);
                return;
            }
        }
    }
}

void EnvironmentsPanel::onSelectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QModelIndex row = rows.isEmpty() ? QModelIndex() : rows.first();
    const QString environment = row.data(EnvironmentNameRole).toString();
    const QString app = row.data(AppNameRole).toString();
    if (environment == m_environment && app == m_app)
        return;
    m_environment = environment;
    m_app = app;
    updateActions();
    Q_EMIT applicationSelected(m_environment, m_app);
}

void EnvironmentsPanel::updateActions()
{
    const bool hasApp = !m_app.isEmpty();
    m_rollbackAction->setEnabled(hasApp);
    m_newRolloutAction->setEnabled(hasApp);
    m_refreshAction->setEnabled(!m_environment.isEmpty());

    if (hasApp) {
        m_rollbackAction->setText(tr("Roll back %1…").arg(m_app));
        m_rollbackAction->setToolTip(
            tr("Roll %1 in %2 back to its stable version").arg(m_app, m_environment));
        m_newRolloutAction->setText(tr("New rollout of %1…").arg(m_app));
    } else {
        m_rollbackAction->setText(tr("Roll back…"));
        m_rollbackAction->setToolTip(tr("Select an application to roll it back"));
        m_newRolloutAction->setText(tr("New rollout…"));
    }
    m_refreshAction->setText(m_environment.isEmpty() ? tr("Refresh")
                                                     : tr("Refresh %1").arg(m_environment));
    m_rollbackButton->setText(m_rollbackAction->text());
    m_rollbackButton->setToolTip(m_rollbackAction->toolTip());
    m_rollbackButton->setEnabled(hasApp);
    m_newRolloutButton->setText(tr("New rollout…"));
    m_newRolloutButton->setEnabled(hasApp);
}

void EnvironmentsPanel::expandInserted(const QModelIndex &parent, int first, int last)
{
    // New environments and applications open; what the user collapsed stays collapsed.
    if (parent.isValid() && !m_view->isExpanded(parent))
        return;
    for (int row = first; row <= last; ++row)
        m_view->expand(m_proxy->index(row, 0, parent));
}

void EnvironmentsPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("environmentsContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_app.isEmpty()) {
        menu->addAction(m_newRolloutAction);
        menu->addAction(m_rollbackAction);
        menu->addSeparator();
    }
    menu->addAction(m_refreshAction);
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

} // namespace optimist
