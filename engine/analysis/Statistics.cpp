#include "Statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace optimist {

namespace {

std::vector<double> finite(const QList<double> &values)
{
    std::vector<double> out;
    out.reserve(size_t(values.size()));
    for (double v : values)
        if (!std::isnan(v))
            out.push_back(v);
    return out;
}

} // namespace

double Statistics::normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double Statistics::normalSf(double x)
{
    // erfc rather than 1 - cdf, so tiny p-values do not cancel to 0.
    return 0.5 * std::erfc(x / std::numbers::sqrt2);
}

Statistics::ProportionTest Statistics::twoProportionZTest(qint64 x1, qint64 n1, qint64 x2,
                                                          qint64 n2)
{
    ProportionTest t;
    if (n1 <= 0 || n2 <= 0)
        return t;
    t.performed = true;
    t.p1 = double(x1) / double(n1);
    t.p2 = double(x2) / double(n2);
    const double pooled = double(x1 + x2) / double(n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / double(n1) + 1.0 / double(n2)));
    // se == 0: both sides all successes or all failures, so the rates are equal.
    if (!(se > 0))
        return t;
    t.z = (t.p1 - t.p2) / se;
    t.pValue = normalSf(t.z);
    return t;
}

Statistics::RankTest Statistics::mannWhitneyU(const QList<double> &a, const QList<double> &b)
{
    RankTest t;
    const std::vector<double> xa = finite(a);
    const std::vector<double> xb = finite(b);
    t.n1 = qsizetype(xa.size());
    t.n2 = qsizetype(xb.size());
    if (xa.empty() || xb.empty())
        return t;
    t.performed = true;

    struct Item
    {
        double value;
        bool first;
    };
    std::vector<Item> all;
    all.reserve(xa.size() + xb.size());
    for (double v : xa)
        all.push_back({v, true});
    for (double v : xb)
        all.push_back({v, false});
    std::sort(all.begin(), all.end(),
              [](const Item &l, const Item &r) { return l.value < r.value; });

    const double n1 = double(t.n1);
    const double n2 = double(t.n2);
    const double n = n1 + n2;
    double rankSumA = 0;
    double tieTerm = 0; // sum over tie groups of (t^3 - t)
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j].value == all[i].value)
            ++j;
        const double ties = double(j - i);
        const double averageRank = (double(i + 1) + double(j)) / 2.0; // ranks i+1 .. j
        for (size_t k = i; k < j; ++k)
            if (all[k].first)
                rankSumA += averageRank;
        tieTerm += ties * ties * ties - ties;
        i = j;
    }
    t.u = rankSumA - n1 * (n1 + 1) / 2.0;

    const double mean = n1 * n2 / 2.0;
    const double variance = n1 * n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1)));
    // variance == 0: every value equal, nothing to tell the samples apart.
    if (!(variance > 0))
        return t;
    t.z = (t.u - mean - 0.5) / std::sqrt(variance);
    t.pValue = normalSf(t.z);
    return t;
}

double Statistics::median(const QList<double> &values)
{
    std::vector<double> v = finite(values);
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid));
    return (lower + upper) / 2.0;
}

double Statistics::conditionalBinomialPValue(qint64 x1, qint64 n1, qint64 x2, qint64 n2)
{
    if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0)
        return 1.0;
    const qint64 total = x1 + x2;
    if (x1 == 0 || total == 0)
        return 1.0;
    const double share = double(n1) / double(n1 + n2);
    const double logShare = std::log(share);
    const double logRest = std::log1p(-share);
    const double logTotalFactorial = std::lgamma(double(total) + 1.0);
    double p = 0;
    for (qint64 k = x1; k <= total; ++k) {
        const double logPmf = logTotalFactorial - std::lgamma(double(k) + 1.0) -
                              std::lgamma(double(total - k) + 1.0) + double(k) * logShare +
                              double(total - k) * logRest;
        const double term = std::exp(logPmf);
        p += term;
        if (term<1e-18 * p &&double(k)> double(total) * share)
            break; // the tail beyond the mode only shrinks
    }
    return std::clamp(p, 0.0, 1.0);
}

} // namespace optimist
