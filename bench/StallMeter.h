#pragma once

#include "StallPhase.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace optimist::bench {

/// The gaps between the ticks of a 1-ms timer and the GUI thread's CPU time in each, collected
/// while a phase is set. A long gap with little CPU is the thread waiting for a core (the
/// machine's load), a long gap full of CPU is the thread's own work.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            if (m_phase && m_last >= 0) {
                m_phase->gaps.push_back(double(now - m_last) / 1e6);
                m_phase->cpu.push_back(cpu - m_lastCpu);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
        m_clock.start();
        m_timer.start();
    }
    /// Collects into @p phase from the next tick on; nullptr stops collecting.
    void collectInto(StallPhase *phase)
    {
        m_phase = phase;
        m_last = -1;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    double m_lastCpu = 0;
    StallPhase *m_phase = nullptr;
};

} // namespace optimist::bench
