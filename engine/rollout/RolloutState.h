#pragma once

#include <QString>

#include <optional>

namespace optimist {

/// The states of DESIGN §1. Succeeded, RolledBack and Failed are final.
enum class RolloutState {
    Idle,
    PreChecks,
    Migrating,
    Deploying,
    WaitingHealthy,
    Shifting,
    Observing,
    FinalValidation,
    Finalizing,
    RollingBack,
    Succeeded,
    RolledBack,
    Failed
};

QString stateName(RolloutState state);
std::optional<RolloutState> parseState(const QString &text);
bool isFinal(RolloutState state);

/// How a finished rollout ended (the final states), as written in history and JSON output.
QString outcomeName(RolloutState finalState); ///< "succeeded", "rolled_back", "failed"

} // namespace optimist
