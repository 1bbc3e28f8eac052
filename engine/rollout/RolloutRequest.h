#pragma once

#include "plan/RolloutPlan.h"

#include <QString>

namespace optimist {

/// What a person asks for: roll @p version of @p app out in @p environment under @p plan.
struct RolloutRequest
{
    QString app;
    QString environment;
    QString version;
    RolloutPlan plan;
    QString operatorName; ///< the OS user
};

} // namespace optimist
