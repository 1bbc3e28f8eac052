#pragma once

#include "CliPrinter.h"

#include "core/Result.h"

#include <QCoreApplication>

namespace optimist {

class HistoryStore;

/// `optimist-cli show ID`: a rollout replayed from the history as text — what happened when,
/// every check with its numbers, the operator actions, and why it ended as it did.
class PostMortemReport
{
    Q_DECLARE_TR_FUNCTIONS(PostMortemReport)

public:
    static Result<void> print(HistoryStore &store, qint64 rolloutId, CliPrinter &out);
};

} // namespace optimist
