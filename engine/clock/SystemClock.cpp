#include "SystemClock.h"

#include <QTimer>

namespace optimist {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

void SystemClock::schedule(std::chrono::milliseconds delay, QObject *context,
                           std::function<void()> fn, CancelToken token)
{
    Q_ASSERT(context);
    // Precise: Qt makes a timer of 2 s or more coarse, which may fire up to 5 % late (half a
    // second after a 10-s check window) or early; the rollout's timing is what users feel.
    QTimer::singleShot(delay, Qt::PreciseTimer, context, [fn = std::move(fn), token] {
        if (!token.isCancelled())
            fn();
    });
}

} // namespace optimist
