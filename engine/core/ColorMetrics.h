#pragma once

#include "Color.h"

#include <QList>

#include <cmath>
#include <limits>

namespace optimist {

/// The measured metrics of one color over one check window.
struct ColorMetrics
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    Color color = Color::Blue;
    int weight = 0;      ///< traffic weight in force during the window, percent
    qint64 requests = 0; ///< requests in the window
    qint64 errors = 0;   ///< of which answered 5xx
    double rps = 0;      ///< requests per second
    double latencyMeanMs = kNaN;
    double latencyP95Ms = kNaN;
    double cpuPercent = kNaN; ///< CPU % of the color's tasks
    /// Mean latency of each sub-interval of the window (for the Mann-Whitney comparison).
    QList<double> latencySubsamplesMs;

    double errorRatePct() const
    {
        return requests > 0 ? 100.0 * double(errors) / double(requests) : kNaN;
    }
};

} // namespace optimist
