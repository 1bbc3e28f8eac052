#pragma once

#include <QString>

namespace optimist {

/// One statistical comparison of canary against baseline in the same window.
struct Comparison
{
    bool performed = false;     ///< false when either side had too little data
    QString test;               ///< "two-proportion z-test", "Mann-Whitney U"
    double canary = 0;          ///< the canary's figure (error rate % or median latency ms)
    double baseline = 0;        ///< the baseline's figure
    double statistic = 0;       ///< z or U
    double pValue = 1;          ///< one-sided: canary worse than baseline
    bool significant = false;   ///< pValue < 1 - confidence
    bool exceedsMargin = false; ///< the difference is larger than the plan's margin
    bool worse() const { return performed && significant && exceedsMargin; }
    QString note; ///< why it was not performed, when it was not
};

} // namespace optimist
