#pragma once

namespace optimist {

/// What to do with an unfinished rollout found in the history after a crash or kill.
enum class RecoveryMode { Resume, RollBack };

} // namespace optimist
