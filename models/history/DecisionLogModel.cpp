#include "DecisionLogModel.h"

#include "HistorySource.h"
#include "PostMortemText.h"

#include "common/DisplayText.h"
#include "common/ModelRoles.h"

#include <QFont>

#include <algorithm>

namespace optimist {

namespace {

DecisionLogModel::EntryKind entryKindOf(JournalEvent::Kind kind)
{
    using EK = DecisionLogModel::EntryKind;
    switch (kind) {
    case JournalEvent::Kind::State:
        return EK::State;
    case JournalEvent::Kind::Intent:
    case JournalEvent::Kind::Done:
    case JournalEvent::Kind::WouldDo:
        return EK::Write;
    case JournalEvent::Kind::Decision:
        return EK::Decision;
    case JournalEvent::Kind::Operator:
        return EK::Operator;
    case JournalEvent::Kind::Error:
        return EK::Error;
    case JournalEvent::Kind::Info:
        break;
    }
    return EK::Note;
}

bool endsRollout(const JournalEvent &e)
{
    const QString action = e.data.value(QStringLiteral("action")).toString();
    return e.kind == JournalEvent::Kind::Decision &&
           (action == QLatin1String("rollback") || action == QLatin1String("finalize"));
}

} // namespace

DecisionLogModel::DecisionLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int DecisionLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DecisionLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DecisionLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return PostMortemText::time(e.at);
        case StepColumn:
            return PostMortemText::step(e.step, e.weight);
        case KindColumn:
            return e.kindText;
        case DescriptionColumn:
            return e.description;
        }
        return {};
    case Qt::ToolTipRole:
        return e.details.isEmpty() ? e.description : e.description + QLatin1Char('\n') + e.details;
    case Qt::FontRole:
        if (e.final || e.kind == EntryKind::Outcome || e.verdict == int(Verdict::Fail)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return e.at;
        case StepColumn:
            return e.step;
        case KindColumn:
            return int(e.kind);
        case DescriptionColumn:
            return e.description;
        }
        return {};
    case TimestampRole:
        return e.at;
    case StepIndexRole:
        return e.step;
    case StepWeightRole:
        return e.weight;
    case VerdictRole:
        return e.verdict < 0 ? QVariant() : QVariant(e.verdict);
    case CheckReasonRole:
        return e.kind == EntryKind::Check ? QVariant(e.details) : QVariant();
    case LogEntryKindRole:
        return int(e.kind);
    case FinalDecisionRole:
        return e.final;
    }
    return {};
}

QVariant DecisionLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case StepColumn:
        return tr("Step");
    case KindColumn:
        return tr("What");
    case DescriptionColumn:
        return tr("Details");
    }
    return {};
}

QHash<int, QByteArray> DecisionLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(TimestampRole, "at");
    names.insert(StepIndexRole, "step");
    names.insert(StepWeightRole, "weight");
    names.insert(VerdictRole, "verdict");
    names.insert(CheckReasonRole, "checkNumbers");
    names.insert(LogEntryKindRole, "entryKind");
    names.insert(FinalDecisionRole, "finalDecision");
    return names;
}

QList<DecisionLogModel::Entry> DecisionLogModel::buildEntries() const
{
    const PostMortem &p = m_postMortem;
    if (p.record.id == 0)
        return {};

    // Ties in time: the check is judged, the operator asks, then the engine journals.
    struct Timed
    {
        Entry entry;
        int priority;
    };
    QList<Timed> timed;

    for (const CheckResult &c : p.checks) {
        Entry e;
        e.kind = EntryKind::Check;
        e.at = c.at;
        e.step = c.step;
        e.weight = c.weight;
        e.kindText = tr("Check %1").arg(c.index + 1);
        e.description = PostMortemText::checkVerdict(c);
        e.details = PostMortemText::checkNumbers(c, p.record.plan.latencyStatistic);
        e.verdict = int(c.verdict);
        timed.append({e, 0});
    }
    for (const OperatorAction &a : p.actions) {
        Entry e;
        e.kind = EntryKind::Operator;
        e.at = a.at;
        e.kindText = tr("Operator");
        e.description = PostMortemText::operatorAction(a);
        timed.append({e, 1});
    }
    qsizetype finalEvent = -1;
    for (qsizetype i = 0; i < p.events.size(); ++i)
        if (endsRollout(p.events.at(i)))
            finalEvent = i;
    if (finalEvent < 0 && p.record.finished()) // ended before any decision (pre-checks failed)
        for (qsizetype i = 0; i < p.events.size(); ++i)
            if (p.events.at(i).kind == JournalEvent::Kind::State &&
                p.events.at(i).state == p.record.state)
                finalEvent = i;
    for (qsizetype i = 0; i < p.events.size(); ++i) {
        const JournalEvent &je = p.events.at(i);
        Entry e;
        e.kind = entryKindOf(je.kind);
        e.at = je.at;
        e.step = je.step;
        e.weight = je.weight;
        e.final = i == finalEvent;
        switch (je.kind) {
        case JournalEvent::Kind::State:
            e.kindText = DisplayText::state(je.state);
            e.description = je.message;
            break;
        case JournalEvent::Kind::Decision:
            e.kindText = tr("Decision");
            e.description = tr("%1: %2").arg(
                PostMortemText::decisionAction(je.data.value(QStringLiteral("action")).toString()),
                je.message);
            break;
        default:
            e.kindText = PostMortemText::eventKind(je.kind);
            e.description = je.message;
            break;
        }
        timed.append({e, 2});
    }
    std::stable_sort(timed.begin(), timed.end(), [](const Timed &a, const Timed &b) {
        if (a.entry.at != b.entry.at)
            return a.entry.at < b.entry.at;
        return a.priority < b.priority;
    });

    QList<Entry> entries;
    entries.reserve(timed.size() + 1);
    Entry outcome;
    outcome.kind = EntryKind::Outcome;
    outcome.at = p.record.endedAt.isValid() ? p.record.endedAt : p.record.startedAt;
    outcome.kindText = tr("Outcome");
    outcome.description = PostMortemText::outcomeSentence(p.record);
    outcome.details =
        tr("Rollout #%1 of %2 in %3, %4 → %5, started by %6. Plan: %7")
            .arg(p.record.id)
            .arg(p.record.app, p.record.environment,
                 p.record.fromVersion.isEmpty() ? tr("?") : p.record.fromVersion,
                 p.record.toVersion, p.record.operatorName, PostMortemText::plan(p.record.plan));
    entries.append(outcome);
    for (const Timed &t : timed)
        entries.append(t.entry);
    return entries;
}

void DecisionLogModel::setPostMortem(const PostMortem &postMortem)
{
    beginResetModel();
    m_postMortem = postMortem;
    m_entries = buildEntries();
    endResetModel();
    Q_EMIT postMortemChanged(m_postMortem);
}

void DecisionLogModel::load(HistorySource *source, qint64 rolloutId)
{
    if (source != m_source) {
        disconnect(m_readyConnection);
        disconnect(m_failedConnection);
        m_source = source;
        m_readyConnection = connect(source, &HistorySource::postMortemReady, this,
                                    [this](quint64 ticket, const PostMortem &postMortem) {
                                        if (ticket != m_ticket)
                                            return;
                                        m_ticket = 0;
                                        setPostMortem(postMortem);
                                    });
        m_failedConnection =
            connect(source, &HistorySource::failed, this, [this](quint64 ticket, const QString &m) {
                if (ticket != m_ticket)
                    return;
                m_ticket = 0;
                Q_EMIT loadFailed(m);
            });
    }
    m_ticket = source->requestPostMortem(rolloutId);
}

} // namespace optimist
