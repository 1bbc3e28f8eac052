#pragma once

#include <QString>

namespace optimist {

/// Which rollouts to list from the history, newest first.
struct RolloutQuery
{
    QString app;         ///< empty: all
    QString environment; ///< empty: all
    QString outcome;     ///< "succeeded", "rolled_back", "failed", "unfinished"; empty: all
    int limit = 100;
    int offset = 0;
};

} // namespace optimist
