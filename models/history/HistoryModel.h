#pragma once

#include "ports/RolloutQuery.h"
#include "rollout/RolloutRecord.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace optimist {

class HistorySource;

/// Every rollout of the history, one row each, loaded page by page as the view scrolls
/// (canFetchMore()/fetchMore()), so a history of 100,000 rollouts opens as fast as one of 100.
///
/// Sorting (sort()) and the filters are done by the store's query, not here: changing either
/// starts over from the first page. All reading goes through an asynchronous HistorySource.
/// Roles: the "Rollout history" block of common/ModelRoles.h, SortRole for the raw value of
/// each column.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        AppColumn,
        VersionsColumn, ///< "from → to"
        StartedColumn,
        DurationColumn,
        OutcomeColumn,
        WhoColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    /// A few screens of rows; every row read costs a parse of its plan (JSON).
    static constexpr int kDefaultPageSize = 100;

    explicit HistoryModel(HistorySource *source, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /// Orders the whole history by @p column through the store's query; the loaded rows are
    /// dropped and the first page of the new order is requested.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    /// Exact application name; empty: all.
    void setAppFilter(const QString &app);
    /// "succeeded", "rolled_back", "failed", "unfinished"; empty: all.
    void setOutcomeFilter(const QString &outcome);
    /// Part of the app, environment, a version, the operator or the reason; empty: all.
    void setTextFilter(const QString &text);
    const RolloutQuery &query() const { return m_query; }

    /// How many rollouts match the filters (the whole history, not only the loaded rows); -1
    /// until the count has answered (after the first page: a page does not wait for it).
    qint64 totalCount() const { return m_total; }
    /// The applications the history holds, for a filter list.
    QStringList appNames() const { return m_appNames; }
    /// True while a page is on its way.
    bool isLoading() const { return m_pageTicket != 0; }
    /// The rollout id of @p row; 0 outside the loaded rows.
    qint64 rolloutId(int row) const;

public Q_SLOTS:
    /// Starts over: drops the loaded rows, requests the first page and the application names
    /// (after a new rollout was recorded, for instance).
    void refresh();

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void appNamesChanged(const QStringList &apps);
    void loadingChanged(bool loading);
    /// A page could not be read; @p message says what and why.
    void loadFailed(const QString &message);

private:
    void requestNextPage();
    void onPage(quint64 ticket, const QList<optimist::RolloutRecord> &rows);
    void onFailed(quint64 ticket, const QString &message);
    void setLoadingTicket(quint64 ticket);
    QVariant displayData(const RolloutRecord &record, int column) const;
    QVariant sortData(const RolloutRecord &record, int column) const;

    QPointer<HistorySource> m_source;
    RolloutQuery m_query;
    QList<RolloutRecord> m_rows;
    QStringList m_appNames;
    qint64 m_total = -1;
    int m_pageSize = kDefaultPageSize;
    quint64 m_pageTicket = 0;
    quint64 m_countTicket = 0;
    quint64 m_appsTicket = 0;
    bool m_exhausted = false; ///< the last page answered fewer rows than asked
    bool m_failed = false;    ///< the last page failed: no automatic retry until refresh()
};

} // namespace optimist
