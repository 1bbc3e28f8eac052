#pragma once

// The gaps between a GUI thread's timer ticks over one phase of a benchmark, and what they add
// up to (bench/event_loop_stall.cpp, bench/ten_apps_stall.cpp; bench/README.md).

#include <QFile>
#include <QString>

#include <algorithm>
#include <ctime>
#include <vector>

namespace optimist::bench {

inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

inline QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

inline double median(std::vector<double> values)
{
    return percentile(std::move(values), 0.5);
}

struct StallPhase
{
    std::vector<double> gaps; ///< wall clock between two ticks, ms
    std::vector<double> cpu;  ///< the GUI thread's CPU time in that gap, ms: its own work
    double seconds = 0;

    double p(double q) const { return percentile(gaps, q); }
    double max() const { return gaps.empty() ? 0 : *std::max_element(gaps.begin(), gaps.end()); }
    double cpuP(double q) const { return percentile(cpu, q); }
    double cpuMax() const { return cpu.empty() ? 0 : *std::max_element(cpu.begin(), cpu.end()); }
    int over(double ms) const
    {
        return int(std::count_if(gaps.begin(), gaps.end(), [ms](double g) { return g > ms; }));
    }
    /// The gap length below which the share @p q of the phase's time was spent: a stall's
    /// weight is its length (one 10-s stall is one tick, but ten seconds of a frozen window).
    double pTime(double q) const
    {
        std::vector<double> sorted = gaps;
        std::sort(sorted.begin(), sorted.end());
        double total = 0;
        for (double g : sorted)
            total += g;
        double sum = 0;
        for (double g : sorted) {
            sum += g;
            if (sum >= q * total)
                return g;
        }
        return sorted.empty() ? 0 : sorted.back();
    }
    /// The share of the phase's time spent in gaps longer than @p ms.
    double shareOver(double ms) const
    {
        double stalled = 0, total = 0;
        for (double g : gaps) {
            total += g;
            if (g > ms)
                stalled += g;
        }
        return total > 0 ? stalled / total : 0;
    }
};

} // namespace optimist::bench
