#pragma once

#include "rollout/RolloutState.h"

namespace optimist {

/// optimist-cli's exit codes, as documented in its --help and the README.
enum ExitCode : int {
    ExitSucceeded = 0,
    ExitOtherError = 1,
    ExitBadInput = 2,
    ExitRolledBack = 3,
    ExitNeedsPerson = 4,
};

inline int exitCodeFor(RolloutState finalState)
{
    switch (finalState) {
    case RolloutState::Succeeded:
        return ExitSucceeded;
    case RolloutState::RolledBack:
        return ExitRolledBack;
    case RolloutState::Failed:
        return ExitNeedsPerson;
    default:
        return ExitOtherError;
    }
}

} // namespace optimist
