#pragma once

#include "RolloutQuery.h"

#include "analysis/CheckResult.h"
#include "core/Result.h"
#include "rollout/JournalEvent.h"
#include "rollout/OperatorAction.h"
#include "rollout/RolloutRecord.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace optimist {

/// The rollout journal and history.
///
/// Unlike the other ports it is synchronous: the engine must know a journal line is durable
/// before it performs the effect the line announces. Writes are small local transactions; the
/// GUI keeps the engine (and so the store) off its own thread.
class HistoryStore
{
public:
    virtual ~HistoryStore() = default;

    /// Inserts @p record and answers its new id.
    virtual Result<qint64> createRollout(const RolloutRecord &record) = 0;
    /// Writes the mutable fields of @p record (state, step, weights, reason, end, counters).
    virtual Result<void> updateRollout(const RolloutRecord &record) = 0;
    virtual Result<qint64> appendEvent(const JournalEvent &event) = 0;
    /// Stores the check with all its numbers, and its window as samples of both colors.
    virtual Result<void> appendCheck(qint64 rolloutId, const CheckResult &check) = 0;
    virtual Result<qint64> appendAction(const OperatorAction &action) = 0;
    virtual Result<void> setActionStatus(qint64 actionId, OperatorAction::Status status,
                                         const QString &detail) = 0;

    virtual Result<RolloutRecord> rollout(qint64 id) = 0;
    virtual Result<QList<RolloutRecord>> rollouts(const RolloutQuery &query) = 0;
    virtual Result<qint64> countRollouts(const RolloutQuery &query) = 0;
    /// Every application the history holds a rollout of, in alphabetical order.
    virtual Result<QStringList> appNames() = 0;
    /// Rollouts whose journal does not end in a final state, oldest first.
    virtual Result<QList<RolloutRecord>> unfinishedRollouts() = 0;
    virtual Result<QList<JournalEvent>> events(qint64 rolloutId) = 0;
    virtual Result<QList<CheckResult>> checks(qint64 rolloutId) = 0;
    /// Every stored window of the rollout, in time order.
    virtual Result<QList<MetricsWindow>> samples(qint64 rolloutId) = 0;
    virtual Result<QList<OperatorAction>>
    actions(qint64 rolloutId, std::optional<OperatorAction::Status> status = std::nullopt) = 0;
};

} // namespace optimist
