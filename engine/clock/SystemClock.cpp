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
    QTimer::singleShot(delay, context, [fn = std::move(fn), token] {
        if (!token.isCancelled())
            fn();
    });
}

} // namespace optimist
