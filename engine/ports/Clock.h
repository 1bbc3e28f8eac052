#pragma once

#include "core/CancelToken.h"

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <functional>

namespace optimist {

/// Every clock the engine reads. Injected, so a 10-minute rollout replays in milliseconds on a
/// VirtualClock.
class Clock
{
public:
    virtual ~Clock() = default;

    virtual QDateTime now() const = 0;

    /// Calls @p fn after @p delay unless @p token is cancelled or @p context destroyed first.
    /// Never calls from inside schedule(), even for a zero delay.
    virtual void schedule(std::chrono::milliseconds delay, QObject *context,
                          std::function<void()> fn, CancelToken token = {}) = 0;
};

} // namespace optimist
