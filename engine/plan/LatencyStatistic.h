#pragma once

namespace optimist {

/// Which latency figure a check judges: the 95th percentile (default) or the mean.
enum class LatencyStatistic { P95, Mean };

} // namespace optimist
