#pragma once

#include <QList>
#include <QtGlobal>

namespace optimist {

/// The one-sided tests used to compare a canary with its baseline in the same window.
/// Every test asks "is the first sample worse (larger) than the second?"; a degenerate input
/// (no data, no variation) gives p = 1, never a finding.
class Statistics
{
public:
    /// Result of twoProportionZTest().
    struct ProportionTest
    {
        bool performed = false; ///< false when either side has no trials
        double p1 = 0;          ///< x1 / n1
        double p2 = 0;          ///< x2 / n2
        double z = 0;
        double pValue = 1; ///< P(Z >= z) under H0: p1 == p2
    };

    /// Result of mannWhitneyU().
    struct RankTest
    {
        bool performed = false; ///< false when either side is empty (after dropping NaN)
        qsizetype n1 = 0;
        qsizetype n2 = 0;
        double u = 0;      ///< U of the first sample: pairs (a, b) with a > b, ties count 1/2
        double z = 0;      ///< normal approximation, tie- and continuity-corrected
        double pValue = 1; ///< one-sided, H1: a stochastically greater than b
    };

    Statistics() = delete;

    /// Standard normal cumulative distribution P(Z <= x).
    static double normalCdf(double x);
    /// Standard normal upper tail P(Z >= x), accurate far into the tail.
    static double normalSf(double x);

    /// Pooled two-proportion z-test, one-sided, H1: x1/n1 > x2/n2.
    static ProportionTest twoProportionZTest(qint64 x1, qint64 n1, qint64 x2, qint64 n2);

    /// Exact one-sided test of the same hypothesis (H1: x1/n1 > x2/n2), conditional on the total
    /// x1 + x2: under H0, x1 ~ Binomial(x1 + x2, n1 / (n1 + n2)). Answers P(X >= x1). Unlike the
    /// z-test it stays honest with a handful of errors, where the normal approximation
    /// overstates significance. 1 when either side has no trials.
    static double conditionalBinomialPValue(qint64 x1, qint64 n1, qint64 x2, qint64 n2);

    /// Mann-Whitney U test, one-sided, H1: @p a is stochastically greater than @p b.
    /// Ties get average ranks; the p-value comes from the normal approximation with tie
    /// correction and a continuity correction of 0.5 (scipy's method="asymptotic").
    /// NaN values are dropped.
    static RankTest mannWhitneyU(const QList<double> &a, const QList<double> &b);

    /// Median of the finite values of @p values; NaN when there are none.
    static double median(const QList<double> &values);
};

} // namespace optimist
