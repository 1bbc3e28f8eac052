#pragma once

#include "analysis/CheckResult.h"
#include "core/MetricsWindow.h"
#include "core/Result.h"
#include "rollout/JournalEvent.h"
#include "rollout/OperatorAction.h"
#include "rollout/RolloutRecord.h"

#include <QList>
#include <QMetaType>

namespace optimist {

class HistoryStore;

/// Everything the history holds about one rollout, read in one go for the post-mortem view and
/// its exports.
struct PostMortem
{
    RolloutRecord record;
    QList<JournalEvent> events;    ///< in journal order
    QList<CheckResult> checks;     ///< in the order they were judged
    QList<OperatorAction> actions; ///< in the order they were filed
    QList<MetricsWindow> samples;  ///< every stored window, in time order

    /// Reads rollout @p rolloutId from @p store (synchronous: call it off the GUI thread).
    static Result<PostMortem> load(HistoryStore &store, qint64 rolloutId);
};

} // namespace optimist

Q_DECLARE_METATYPE(optimist::PostMortem)
