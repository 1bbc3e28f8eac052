#pragma once

#include <QString>

namespace optimist {

/// Which rollouts to list from the history, and in which order (newest first by default).
struct RolloutQuery
{
    /// What the list is ordered by; ties fall back to the start time, newest first.
    enum class SortKey {
        StartedAt,
        App,
        ToVersion,
        Duration, ///< unfinished rollouts (no end) come first in ascending order
        Outcome,  ///< the last journaled state, by its name
        Operator,
    };

    QString app;         ///< empty: all
    QString environment; ///< empty: all
    QString outcome;     ///< "succeeded", "rolled_back", "failed", "unfinished"; empty: all
    /// Case-insensitive (ASCII) part of the app, environment, either version, the operator or
    /// the reason; empty: all.
    QString text;
    SortKey sortKey = SortKey::StartedAt;
    bool ascending = false;
    int limit = 100;
    int offset = 0;
};

} // namespace optimist
