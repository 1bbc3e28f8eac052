#pragma once

#include <QString>

namespace optimist {

/// The end of a one-off job (the pre-rollout hook).
struct JobOutcome
{
    int exitCode = 0;
    QString logTail; ///< last lines of the job's output
    QString description;
};

} // namespace optimist
