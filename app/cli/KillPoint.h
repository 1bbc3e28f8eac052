#pragma once

#include "rollout/JournalEvent.h"

#include <QString>

namespace optimist {

/// A test-only hook: with OPTIMIST_KILL_AT set, optimist-cli kills itself with SIGKILL right
/// after printing the journal line it names, so the crash tests can stop the process at an exact
/// point of a rollout (e.g. after a weight write, before its confirmation) that no outside
/// observer could hit reliably. Without the variable it does nothing. Forms:
///   state:STATE      the line that enters STATE (e.g. state:PreChecks)
///   intent:OP        the intent to write OP (data.op, e.g. intent:remove), before the write
///   done:OP          the line saying the write of the last intent OP took effect (done:weights:
///                    the weights are written, not yet confirmed)
/// Any form may end with @STATE to count only lines journaled in STATE
/// (e.g. intent:remove@Finalizing).
class KillPoint
{
public:
    KillPoint();

    /// Called with each journal line once it is printed; does not return at the kill point.
    void passed(const JournalEvent &event);

private:
    QString m_kind;
    QString m_what;
    QString m_inState;
    QString m_lastIntentOp;
};

} // namespace optimist
