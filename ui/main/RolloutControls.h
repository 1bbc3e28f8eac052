#pragma once

#include <QString>

namespace optimist {

/// Which rollout controls the main window offers now, as the composition derives them from the
/// running rollout; the window only enables its actions accordingly.
struct RolloutControls
{
    bool canStart = false;    ///< an environment is open and no rollout runs
    bool running = false;     ///< a rollout runs (closing the window asks first)
    bool canPause = false;    ///< pause or resume, as paused says
    bool paused = false;      ///< the rollout holds before its next weight change
    bool canPromote = false;  ///< a step is observed
    bool canAbort = false;    ///< the rollout can still be rolled back
    bool canRollBack = false; ///< one-click rollback: abort, or the previous version is warm
    /// What one-click rollback would do now, in words (its tooltip).
    QString rollbackDescription;
};

} // namespace optimist
