#include "HistoryModel.h"

#include "HistorySource.h"

#include "common/DisplayText.h"
#include "common/ModelRoles.h"

#include <QLocale>

namespace optimist {

namespace {

QString outcomeOf(const RolloutRecord &r)
{
    return r.finished() ? outcomeName(r.state) : QStringLiteral("unfinished");
}

qint64 durationSecOf(const RolloutRecord &r)
{
    return r.endedAt.isValid() ? r.startedAt.secsTo(r.endedAt) : -1;
}

RolloutQuery::SortKey sortKeyOf(int column)
{
    switch (column) {
    case HistoryModel::AppColumn:
        return RolloutQuery::SortKey::App;
    case HistoryModel::VersionsColumn:
        return RolloutQuery::SortKey::ToVersion;
    case HistoryModel::DurationColumn:
        return RolloutQuery::SortKey::Duration;
    case HistoryModel::OutcomeColumn:
        return RolloutQuery::SortKey::Outcome;
    case HistoryModel::WhoColumn:
        return RolloutQuery::SortKey::Operator;
    default:
        return RolloutQuery::SortKey::StartedAt;
    }
}

} // namespace

HistoryModel::HistoryModel(HistorySource *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    Q_ASSERT(source);
    connect(source, &HistorySource::pageReady, this, &HistoryModel::onPage);
    connect(source, &HistorySource::failed, this, &HistoryModel::onFailed);
    connect(source, &HistorySource::countReady, this, [this](quint64 ticket, qint64 count) {
        if (ticket != m_countTicket)
            return;
        m_countTicket = 0;
        m_total = count;
        Q_EMIT totalCountChanged(m_total);
    });
    connect(source, &HistorySource::appNamesReady, this,
            [this](quint64 ticket, const QStringList &apps) {
                if (ticket != m_appsTicket)
                    return;
                m_appsTicket = 0;
                if (apps == m_appNames)
                    return;
                m_appNames = apps;
                Q_EMIT appNamesChanged(m_appNames);
            });
    refresh();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 HistoryModel::rolloutId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

QVariant HistoryModel::displayData(const RolloutRecord &r, int column) const
{
    switch (column) {
    case AppColumn:
        return r.app;
    case VersionsColumn:
        return tr("%1 → %2").arg(r.fromVersion.isEmpty() ? tr("?") : r.fromVersion, r.toVersion);
    case StartedColumn:
        return QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat);
    case DurationColumn: {
        const qint64 seconds = durationSecOf(r);
        return seconds < 0 ? tr("running") : DisplayText::duration(seconds);
    }
    case OutcomeColumn:
        return DisplayText::outcome(outcomeOf(r));
    case WhoColumn:
        return r.operatorName;
    }
    return {};
}

QVariant HistoryModel::sortData(const RolloutRecord &r, int column) const
{
    switch (column) {
    case AppColumn:
        return r.app;
    case VersionsColumn:
        return r.toVersion;
    case StartedColumn:
        return r.startedAt;
    case DurationColumn:
        return durationSecOf(r);
    case OutcomeColumn:
        return outcomeOf(r);
    case WhoColumn:
        return r.operatorName;
    }
    return {};
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RolloutRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, index.column());
    case Qt::ToolTipRole:
        return r.reason.isEmpty()
                   ? tr("Rollout #%1 in %2").arg(r.id).arg(r.environment)
                   : tr("Rollout #%1 in %2: %3").arg(r.id).arg(r.environment, r.reason);
    case SortRole:
        return sortData(r, index.column());
    case RolloutIdRole:
        return r.id;
    case AppNameRole:
        return r.app;
    case EnvironmentNameRole:
        return r.environment;
    case OutcomeRole:
        return outcomeOf(r);
    case FromVersionRole:
        return r.fromVersion;
    case ToVersionRole:
        return r.toVersion;
    case StartedAtRole:
        return r.startedAt;
    case EndedAtRole:
        return r.endedAt;
    case DurationSecRole:
        return durationSecOf(r);
    case WhoRole:
        return r.operatorName;
    case ReasonRole:
        return r.reason;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AppColumn:
        return tr("Application");
    case VersionsColumn:
        return tr("Version");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case OutcomeColumn:
        return tr("Outcome");
    case WhoColumn:
        return tr("Who");
    }
    return {};
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(RolloutIdRole, "rolloutId");
    names.insert(AppNameRole, "app");
    names.insert(EnvironmentNameRole, "environment");
    names.insert(OutcomeRole, "outcome");
    names.insert(FromVersionRole, "fromVersion");
    names.insert(ToVersionRole, "toVersion");
    names.insert(StartedAtRole, "startedAt");
    names.insert(EndedAtRole, "endedAt");
    names.insert(DurationSecRole, "durationSec");
    names.insert(WhoRole, "who");
    names.insert(ReasonRole, "reason");
    return names;
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_failed && m_pageTicket == 0 && m_source;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestNextPage();
}

void HistoryModel::requestNextPage()
{
    RolloutQuery page = m_query;
    page.limit = m_pageSize;
    page.offset = int(m_rows.size());
    setLoadingTicket(m_source->requestPage(page));
}

void HistoryModel::setLoadingTicket(quint64 ticket)
{
    const bool wasLoading = isLoading();
    m_pageTicket = ticket;
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void HistoryModel::onPage(quint64 ticket, const QList<RolloutRecord> &rows)
{
    if (ticket != m_pageTicket)
        return; // an answer for a query that was replaced since
    m_exhausted = rows.size() < m_pageSize;
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
    }
    setLoadingTicket(0);
}

void HistoryModel::onFailed(quint64 ticket, const QString &message)
{
    if (ticket == m_appsTicket || ticket == m_countTicket) {
        // The filter list and the count keep what they had; the page request reports the
        // problem.
        (ticket == m_appsTicket ? m_appsTicket : m_countTicket) = 0;
        return;
    }
    if (ticket != m_pageTicket)
        return;
    m_failed = true;
    setLoadingTicket(0);
    Q_EMIT loadFailed(message);
}

void HistoryModel::refresh()
{
    if (!m_source)
        return;
    beginResetModel();
    m_rows.clear();
    m_exhausted = false;
    m_failed = false;
    endResetModel();
    if (m_total != -1) {
        m_total = -1;
        Q_EMIT totalCountChanged(m_total);
    }
    m_pageTicket = 0;
    // In this order on the source's worker: the rows to show come first.
    requestNextPage();
    m_countTicket = m_source->requestCount(m_query);
    m_appsTicket = m_source->requestAppNames();
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    const RolloutQuery::SortKey key = sortKeyOf(column);
    const bool ascending = order == Qt::AscendingOrder;
    if (key == m_query.sortKey && ascending == m_query.ascending)
        return;
    m_query.sortKey = key;
    m_query.ascending = ascending;
    refresh();
}

void HistoryModel::setPageSize(int rows)
{
    m_pageSize = std::max(rows, 1);
}

void HistoryModel::setAppFilter(const QString &app)
{
    if (app == m_query.app)
        return;
    m_query.app = app;
    refresh();
}

void HistoryModel::setOutcomeFilter(const QString &outcome)
{
    if (outcome == m_query.outcome)
        return;
    m_query.outcome = outcome;
    refresh();
}

void HistoryModel::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_query.text)
        return;
    m_query.text = trimmed;
    refresh();
}

} // namespace optimist
