#pragma once

#include "PostMortem.h"

#include "analysis/Verdict.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace optimist {

class HistorySource;

/// The decision log of one rollout: what happened when — states, writes, every check with its
/// numbers, decisions and operator actions — in time order, in words and numbers.
///
/// Row 0 is the outcome and why; the decision that ended the rollout (or the state, when it
/// ended before any decision) is marked with FinalDecisionRole and shown in bold, as are
/// failed checks. Roles: the decision-log part of the "Rollout history" block of
/// common/ModelRoles.h.
class DecisionLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, StepColumn, KindColumn, DescriptionColumn, ColumnCount };
    Q_ENUM(Column)

    enum class EntryKind { Outcome, State, Write, Check, Decision, Operator, Error, Note };
    Q_ENUM(EntryKind)

    explicit DecisionLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Shows @p postMortem (already read).
    void setPostMortem(const PostMortem &postMortem);
    const PostMortem &postMortem() const { return m_postMortem; }
    /// The rollout shown; 0 when none.
    qint64 rolloutId() const { return m_postMortem.record.id; }

    /// Reads rollout @p rolloutId through @p source and shows it when it arrives; a later call
    /// replaces an earlier one still on its way.
    void load(HistorySource *source, qint64 rolloutId);

Q_SIGNALS:
    /// A rollout is shown (after load() or setPostMortem()); the charts and the step timeline
    /// replay the same data.
    void postMortemChanged(const optimist::PostMortem &postMortem);
    void loadFailed(const QString &message);

private:
    struct Entry
    {
        EntryKind kind = EntryKind::Note;
        QDateTime at;
        int step = -1;
        int weight = 0;
        QString kindText;
        QString description;
        QString details;  ///< the tooltip: every number
        int verdict = -1; ///< optimist::Verdict of a check, -1 otherwise
        bool final = false;
    };

    QList<Entry> buildEntries() const;

    PostMortem m_postMortem;
    QList<Entry> m_entries;
    QPointer<HistorySource> m_source;
    QMetaObject::Connection m_readyConnection;
    QMetaObject::Connection m_failedConnection;
    quint64 m_ticket = 0;
};

} // namespace optimist
