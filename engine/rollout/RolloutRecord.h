#pragma once

#include "RolloutState.h"

#include "core/Color.h"
#include "plan/RolloutPlan.h"

#include <QDateTime>
#include <QString>

namespace optimist {

/// One rollout as the history keeps it.
struct RolloutRecord
{
    qint64 id = 0;
    QString app;
    QString environment;
    QString fromVersion;
    QString toVersion;
    Color activeColor = Color::Blue; ///< the stable color when the rollout started
    Color canaryColor = Color::Green;
    RolloutPlan plan;
    QString operatorName; ///< the OS user who started it
    QDateTime startedAt;
    QDateTime endedAt;                       ///< null while unfinished
    RolloutState state = RolloutState::Idle; ///< last journaled state
    int step = -1;                           ///< last step index reached
    int weight = 0;                          ///< canary weight last confirmed in force
    int maxWeight = 0;                       ///< highest canary weight ever confirmed
    QString reason;                          ///< why it ended as it did
    qint64 canaryRequests = 0;
    qint64 canaryErrors = 0;
    QDateTime warmUntil; ///< after success: old color kept until then

    bool finished() const { return isFinal(state); }
    double durationSec() const
    {
        return endedAt.isValid() ? double(startedAt.msecsTo(endedAt)) / 1000.0 : 0.0;
    }
};

} // namespace optimist
