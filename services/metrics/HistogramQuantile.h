#pragma once

#include <QList>

#include <limits>

namespace optimist {

/// The quantile of a classic Prometheus histogram, computed as PromQL's histogram_quantile()
/// does: linear interpolation within the bucket the rank falls into (the lowest bucket starts
/// at 0), and the largest finite bound when the rank falls into the +Inf bucket.
class HistogramQuantile
{
public:
    struct Bucket
    {
        double upperBound = 0; ///< the le label; +Inf for the last bucket
        double count = 0;      ///< cumulative count of observations <= upperBound
    };

    /// The estimate and the bucket it was interpolated in, which is its resolution.
    struct Estimate
    {
        static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

        double value = kNaN;
        double lower = kNaN; ///< lower bound of the bucket holding the quantile
        double upper = kNaN; ///< upper bound of that bucket (+Inf: value is only a lower bound)
        double observations = 0;

        bool valid() const { return value == value; }
    };

    HistogramQuantile() = delete;

    /// The @p q quantile (0..1) of @p buckets (any order). NaN when there are fewer than two
    /// buckets, no +Inf bucket or no observations. Non-monotonic counts are lifted to the
    /// running maximum first, as Prometheus does.
    static Estimate estimate(double q, QList<Bucket> buckets);
};

} // namespace optimist
