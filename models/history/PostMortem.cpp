#include "PostMortem.h"

#include "ports/HistoryStore.h"

namespace optimist {

Result<PostMortem> PostMortem::load(HistoryStore &store, qint64 rolloutId)
{
    PostMortem p;
    Result<RolloutRecord> record = store.rollout(rolloutId);
    if (!record)
        return record.error();
    p.record = std::move(record).value();
    Result<QList<JournalEvent>> events = store.events(rolloutId);
    if (!events)
        return events.error();
    p.events = std::move(events).value();
    Result<QList<CheckResult>> checks = store.checks(rolloutId);
    if (!checks)
        return checks.error();
    p.checks = std::move(checks).value();
    Result<QList<OperatorAction>> actions = store.actions(rolloutId);
    if (!actions)
        return actions.error();
    p.actions = std::move(actions).value();
    Result<QList<MetricsWindow>> samples = store.samples(rolloutId);
    if (!samples)
        return samples.error();
    p.samples = std::move(samples).value();
    return p;
}

} // namespace optimist
