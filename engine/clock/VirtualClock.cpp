#include "VirtualClock.h"

#include <cmath>

namespace optimist {

VirtualClock::VirtualClock(const QDateTime &start, QObject *parent)
    : QObject(parent)
    , m_nowMs(start.toMSecsSinceEpoch())
    , m_pacer(this) // a child moves with the clock to a worker thread
{
    m_pacer.setSingleShot(true);
    connect(&m_pacer, &QTimer::timeout, this, [this] {
        runNext();
        armPacer();
    });
}

QDateTime VirtualClock::defaultStart()
{
    return QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
}

QDateTime VirtualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC);
}

void VirtualClock::schedule(std::chrono::milliseconds delay, QObject *context,
                            std::function<void()> fn, CancelToken token)
{
    Q_ASSERT(context);
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
        m_nowMs = std::max(m_nowMs, due);
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
    const qint64 until = m_nowMs + span.count();
    while (!m_queue.empty() && m_queue.begin()->first <= until)
        runNext();
    m_nowMs = std::max(m_nowMs, until);
}

void VirtualClock::setPaced(double speed)
{
    m_speed = speed > 0 && std::isfinite(speed) ? speed : 0;
    if (m_speed > 0)
        armPacer();
    else
        m_pacer.stop();
}

void VirtualClock::armPacer()
{
    if (m_speed <= 0 || m_queue.empty()) {
        m_pacer.stop();
        return;
    }
    const qint64 virtualWait = std::max<qint64>(0, m_queue.begin()->first - m_nowMs);
    m_pacer.start(int(std::min<double>(double(virtualWait) / m_speed, 3'600'000.0)));
}

} // namespace optimist
