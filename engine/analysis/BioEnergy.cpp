#include "BioEnergy.h"

#include <algorithm>
#include <cmath>

namespace optimist {

double BioEnergy::latencyMs(const ColorMetrics &metrics, LatencyStatistic statistic)
{
    return statistic == LatencyStatistic::Mean ? metrics.latencyMeanMs : metrics.latencyP95Ms;
}

double BioEnergy::score(const ColorMetrics &metrics, LatencyStatistic statistic,
                        const BioEnergyCoefficients &c)
{
    const double errorRate = metrics.errorRatePct();
    const double latency = latencyMs(metrics, statistic);
    const double cpu = metrics.cpuPercent;
    if (std::isnan(errorRate) || std::isnan(latency) || std::isnan(cpu))
        return ColorMetrics::kNaN;
    const double raw = (c.errorBase - errorRate * c.errorFactor) * c.errorWeight +
                       (c.latencyBase - latency) * c.latencyWeight +
                       (c.cpuBase - cpu) * c.cpuWeight;
    if (std::isnan(raw)) // e.g. infinite coefficients
        return ColorMetrics::kNaN;
    return std::clamp(raw, kMinimum, kMaximum);
}

} // namespace optimist
