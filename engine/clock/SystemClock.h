#pragma once

#include "ports/Clock.h"

namespace optimist {

/// Wall-clock time and Qt timers on the current thread's event loop.
class SystemClock : public Clock
{
public:
    QDateTime now() const override;
    void schedule(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn,
                  CancelToken token = {}) override;
};

} // namespace optimist
