#pragma once

#include "ports/Clock.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>

namespace optimist {

/// Simulated time. Scheduled calls run in time order when the owner advances the clock:
/// runUntilIdle() replays a whole rollout at full speed; setPaced() runs them on real timers
/// scaled by a speed factor, for a live demo.
class VirtualClock : public QObject, public Clock
{
    Q_OBJECT
public:
    explicit VirtualClock(const QDateTime &start = defaultStart(), QObject *parent = nullptr);

    QDateTime now() const override;
    void schedule(std::chrono::milliseconds delay, QObject *context, std::function<void()> fn,
                  CancelToken token = {}) override;

    /// Runs the earliest pending call (advancing time to it); false when none is pending.
    bool runNext();
    /// Runs pending calls until none is left or @p maxCalls ran; returns how many ran.
    qint64 runUntilIdle(qint64 maxCalls = 100'000'000);
    /// Runs every call due up to now + @p span and leaves the clock there.
    void advance(std::chrono::milliseconds span);
    int pendingCount() const { return int(m_queue.size()); }

    /// Paced mode: calls run on real timers, virtual time passing @p speed times faster than
    /// real time. 0 switches pacing off.
    void setPaced(double speed);

    static QDateTime defaultStart();

private:
    struct Entry
    {
        QPointer<QObject> context;
        std::function<void()> fn;
        CancelToken token;
    };

    void armPacer();

    qint64 m_nowMs;
    std::multimap<qint64, Entry> m_queue;
    double m_speed = 0;
    QTimer m_pacer;
};

} // namespace optimist
