#pragma once

#include "core/ColorMetrics.h"
#include "plan/BioEnergyCoefficients.h"
#include "plan/LatencyStatistic.h"

namespace optimist {

/// The seed's composite health score of one color in one window (DESIGN §2).
class BioEnergy
{
public:
    static constexpr double kMinimum = 0;
    static constexpr double kMaximum = 130;

    BioEnergy() = delete;

    /// (errorBase - errorRatePct*errorFactor)*errorWeight + (latencyBase - latencyMs)*latencyWeight
    /// + (cpuBase - cpu)*cpuWeight, clamped to [0, 130]. NaN when any input is unknown (no
    /// requests, no latency, no CPU figure): a missing metric must not pass for a good one.
    static double score(const ColorMetrics &metrics, LatencyStatistic statistic,
                        const BioEnergyCoefficients &coefficients);

    /// The latency figure a plan judges: p95 or mean, in ms (NaN when unknown).
    static double latencyMs(const ColorMetrics &metrics, LatencyStatistic statistic);
};

} // namespace optimist
