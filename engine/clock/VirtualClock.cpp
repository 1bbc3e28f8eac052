#include "VirtualClock.h"

#include <algorithm>
#include <cmath>

namespace optimist {

VirtualClock::VirtualClock(const QDateTime &start, QObject *parent)
    : QObject(parent)
    , m_nowMs(start.toMSecsSinceEpoch())
    , m_anchorMs(m_nowMs)
    , m_pacer(this) // a child moves with the clock to a worker thread
{
    m_pacer.setSingleShot(true);
    // A coarse timer may fire early; pace() would then only wait again.
    m_pacer.setTimerType(Qt::PreciseTimer);
    connect(&m_pacer, &QTimer::timeout, this, &VirtualClock::pace);
    m_realTime.start();
}

QDateTime VirtualClock::defaultStart()
{
    return QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
}

QDateTime VirtualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(currentMs(), Qt::UTC);
}

qint64 VirtualClock::currentMs() const
{
    if (m_speed <= 0)
        return m_nowMs;
    const double realMs = double(m_realTime.nsecsElapsed() - m_anchorRealNs) / 1e6;
    qint64 ms = m_anchorMs + qint64(realMs * m_speed);
    if (!m_queue.empty())
        ms = std::min(ms, m_queue.begin()->first);
    return std::max(m_nowMs, ms);
}

void VirtualClock::setNow(qint64 ms)
{
    m_nowMs = std::max(m_nowMs, ms);
    m_anchorMs = m_nowMs;
    m_anchorRealNs = m_realTime.nsecsElapsed();
}

void VirtualClock::schedule(std::chrono::milliseconds delay, QObject *context,
                            std::function<void()> fn, CancelToken token)
{
    Q_ASSERT(context);
    // Paced, the delay counts from now, not from the last call run; the anchor stays, so that
    // restarting the wait for the earliest call below loses none of the real time waited.
    m_nowMs = currentMs();
    const qint64 due = m_nowMs + std::max<qint64>(0, delay.count());
    m_queue.emplace(due, Entry{context, std::move(fn), std::move(token)});
    if (m_speed > 0 && m_queue.begin()->first == due)
        armPacer();
}

bool VirtualClock::runNext()
{
    while (!m_queue.empty()) {
        auto it = m_queue.begin();
        const qint64 due = it->first;
        Entry entry = std::move(it->second);
        m_queue.erase(it);
        if (!entry.context || entry.token.isCancelled())
            continue;
        setNow(due);
        entry.fn();
        return true;
    }
    return false;
}

qint64 VirtualClock::runUntilIdle(qint64 maxCalls)
{
    qint64 ran = 0;
    while (ran < maxCalls && runNext())
        ++ran;
    return ran;
}

void VirtualClock::advance(std::chrono::milliseconds span)
{
    const qint64 until = currentMs() + span.count();
    while (!m_queue.empty() && m_queue.begin()->first <= until)
        runNext();
    setNow(until);
}

void VirtualClock::setPaced(double speed)
{
    setNow(currentMs());
    m_speed = speed > 0 && std::isfinite(speed) ? speed : 0;
    if (m_speed > 0)
        armPacer();
    else
        m_pacer.stop();
}

void VirtualClock::pace()
{
    // Cancelled calls are dropped without running a later call before its time.
    while (!m_queue.empty() &&
           (!m_queue.begin()->second.context || m_queue.begin()->second.token.isCancelled()))
        m_queue.erase(m_queue.begin());
    // Due within a real millisecond: the timer cannot wait any less.
    if (!m_queue.empty() && double(m_queue.begin()->first - currentMs()) < m_speed)
        runNext();
    armPacer();
}

void VirtualClock::armPacer()
{
    if (m_speed <= 0 || m_queue.empty()) {
        m_pacer.stop();
        return;
    }
    const qint64 virtualWait = std::max<qint64>(0, m_queue.begin()->first - currentMs());
    m_pacer.start(int(std::min(std::ceil(double(virtualWait) / m_speed), 3'600'000.0)));
}

} // namespace optimist
