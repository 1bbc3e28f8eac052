#pragma once

#include "ports/Clock.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>

namespace optimist {

/// Simulated time. Scheduled calls run in time order when the owner advances the clock:
/// runUntilIdle() replays a whole rollout at full speed; setPaced() runs them on real timers
/// scaled by a speed factor, for a live demo. Paced, time passes with real time (speed times
/// faster) whether or not a call runs, so a call due later is not put off by calls scheduled
/// meanwhile at shorter delays (a monitor polling every few real seconds).
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

    /// The present: paced, the time of the last call run plus the real time since, scaled, but
    /// never past the earliest pending call (that one runs first).
    qint64 currentMs() const;
    /// Sets the present to @p ms (not earlier than it is); paced, real time counts from here.
    void setNow(qint64 ms);
    /// Paced: runs the earliest call when its time has come, then waits for the next one.
    void pace();
    void armPacer();

    qint64 m_nowMs; ///< the present as last read; paced, time has moved on since
    QElapsedTimer m_realTime;
    qint64 m_anchorMs = 0;     ///< paced: the present last set (setNow) …
    qint64 m_anchorRealNs = 0; ///< … and m_realTime's reading then
    std::multimap<qint64, Entry> m_queue;
    double m_speed = 0;
    QTimer m_pacer;
};

} // namespace optimist
