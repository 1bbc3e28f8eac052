#include "HistoryPanel.h"

#include "common/ModelRoles.h"
#include "history/HistoryModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace optimist {

HistoryPanel::HistoryPanel(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_appFilter(new QComboBox(this))
    , m_outcomeFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_textDelay(new QTimer(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    m_appFilter->setObjectName(QStringLiteral("historyAppFilter"));
    m_appFilter->setToolTip(tr("Show the rollouts of one application"));
    m_appFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_appFilter->addItem(tr("All applications"), QString());

    m_outcomeFilter->setObjectName(QStringLiteral("historyOutcomeFilter"));
    m_outcomeFilter->setToolTip(tr("Show the rollouts that ended this way"));
    m_outcomeFilter->addItem(tr("All outcomes"), QString());
    m_outcomeFilter->addItem(tr("Succeeded"), QStringLiteral("succeeded"));
    m_outcomeFilter->addItem(tr("Rolled back"), QStringLiteral("rolled_back"));
    m_outcomeFilter->addItem(tr("Failed"), QStringLiteral("failed"));
    m_outcomeFilter->addItem(tr("Unfinished"), QStringLiteral("unfinished"));

    m_textFilter->setObjectName(QStringLiteral("historyTextFilter"));
    m_textFilter->setPlaceholderText(tr("Filter by application, version, who or reason…"));
    m_textFilter->setClearButtonEnabled(true);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(kTextFilterDelayMs);

    m_view->setObjectName(QStringLiteral("historyView"));
    // A table, not a tree: QTreeView fetches more rows on every relayout whether they are
    // visible or not, which would read the whole history; QTableView fetches as it scrolls.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // rows are not measured
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setModel(m_model);
    // The model sorts through the store's query; newest first is its natural order.
    m_view->horizontalHeader()->setSortIndicator(HistoryModel::StartedColumn, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_status->setObjectName(QStringLiteral("historyStatus"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_appFilter);
    filters->addWidget(m_outcomeFilter);
    filters->addWidget(m_textFilter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_appFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setAppFilter(m_appFilter->currentData().toString()); });
    connect(m_outcomeFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setOutcomeFilter(m_outcomeFilter->currentData().toString()); });
    connect(m_textFilter, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    connect(m_textDelay, &QTimer::timeout, this,
            [this] { m_model->setTextFilter(m_textFilter->text()); });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = index.data(RolloutIdRole).toLongLong();
        if (id > 0)
            Q_EMIT openRollout(id);
    });

    connect(m_model, &HistoryModel::appNamesChanged, this, &HistoryPanel::updateAppNames);
    connect(m_model, &HistoryModel::totalCountChanged, this, &HistoryPanel::updateStatus);
    connect(m_model, &HistoryModel::loadingChanged, this, [this] {
        if (m_model->isLoading())
            m_error.clear();
        updateStatus();
    });
    connect(m_model, &HistoryModel::loadFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    updateAppNames();
    updateStatus();
}

void HistoryPanel::updateAppNames()
{
    const QString current = m_appFilter->currentData().toString();
    QStringList apps = m_model->appNames();
    if (!current.isEmpty() && !apps.contains(current))
        apps.append(current); // keep the filter in force even if its rollouts are gone
    const QSignalBlocker blocker(m_appFilter);
    while (m_appFilter->count() > 1)
        m_appFilter->removeItem(1);
    for (const QString &app : apps)
        m_appFilter->addItem(app, app);
    m_appFilter->setCurrentIndex(std::max(0, m_appFilter->findData(current)));
}

void HistoryPanel::updateStatus()
{
    if (!m_error.isEmpty())
        m_status->setText(tr("The history could not be read: %1").arg(m_error));
    else if (m_model->totalCount() < 0)
        m_status->setText(tr("Loading the history…"));
    else
        m_status->setText(tr("Rollouts: %L1").arg(m_model->totalCount()));
}

} // namespace optimist
