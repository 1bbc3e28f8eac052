#include "HistogramQuantile.h"

#include <algorithm>
#include <cmath>

namespace optimist {

HistogramQuantile::Estimate HistogramQuantile::estimate(double q, QList<Bucket> buckets)
{
    Estimate e;
    if (std::isnan(q) || buckets.size() < 2)
        return e;
    std::sort(buckets.begin(), buckets.end(),
              [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
    if (!std::isinf(buckets.last().upperBound) || buckets.last().upperBound < 0)
        return e;
    double running = 0;
    for (Bucket &b : buckets) {
        if (std::isnan(b.count))
            b.count = running;
        running = std::max(running, b.count);
        b.count = running;
    }
    e.observations = buckets.last().count;
    if (e.observations <= 0)
        return e;
    if (q < 0) {
        e.value = e.lower = e.upper = -std::numeric_limits<double>::infinity();
        return e;
    }
    if (q > 1) {
        e.value = e.lower = e.upper = std::numeric_limits<double>::infinity();
        return e;
    }
    double rank = q * e.observations;
    const auto found = std::lower_bound(buckets.cbegin(), buckets.cend(), rank,
                                        [](const Bucket &b, double r) { return b.count < r; });
    const qsizetype b = std::min<qsizetype>(found - buckets.cbegin(), buckets.size() - 1);
    if (b == buckets.size() - 1) {
        // In the +Inf bucket: all we know is that it is above the largest finite bound.
        e.value = e.lower = buckets.at(b - 1).upperBound;
        e.upper = buckets.at(b).upperBound;
        return e;
    }
    if (b == 0 && buckets.at(0).upperBound <= 0) {
        e.value = e.lower = e.upper = buckets.at(0).upperBound;
        return e;
    }
    double start = 0;
    double count = buckets.at(b).count;
    if (b > 0) {
        start = buckets.at(b - 1).upperBound;
        count -= buckets.at(b - 1).count;
        rank -= buckets.at(b - 1).count;
    }
    e.lower = start;
    e.upper = buckets.at(b).upperBound;
    e.value = count > 0 ? start + (e.upper - start) * (rank / count) : start;
    return e;
}

} // namespace optimist
