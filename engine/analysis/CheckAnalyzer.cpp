#include "CheckAnalyzer.h"

#include "BioEnergy.h"
#include "Statistics.h"

#include <algorithm>
#include <cmath>

namespace optimist {

namespace {

/// @p value with at most @p decimals decimals and no trailing zeros: 5 -> "5", 20.13 -> "20.1".
QString num(double value, int decimals = 1)
{
    if (std::isnan(value))
        return QStringLiteral("?");
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    if (text == QLatin1String("-0"))
        text = QStringLiteral("0");
    return text;
}

QString pValueText(double p)
{
    return QString::number(p, 'g', 2);
}

/// "p = 0.0025 < 0.01"; a p-value that underflowed is shown as a bound, not as "p = 0".
QString pValueClause(double p, double alpha)
{
    constexpr double kSmallest = 1e-15;
    if (p < kSmallest)
        return QStringLiteral("p < %1").arg(pValueText(kSmallest));
    return QStringLiteral("p = %1 < %2").arg(pValueText(p), pValueText(alpha));
}

} // namespace

CheckAnalyzer::CheckAnalyzer(const RolloutPlan &plan)
    : m_plan(plan)
{
    int comparedSteps = 0;
    for (int weight : plan.steps)
        comparedSteps += weight < 100;
    const int comparisons = 2 * std::max(1, plan.checksPerStep) * std::max(1, comparedSteps);
    m_alpha = (1.0 - plan.confidence) / double(comparisons);
}

QString CheckAnalyzer::latencyLabel() const
{
    return m_plan.latencyStatistic == LatencyStatistic::Mean ? tr("mean") : tr("p95");
}

QString CheckAnalyzer::baselineShortfall(const ColorMetrics &baseline, int weight) const
{
    const QString color = colorName(baseline.color);
    if (baseline.requests <= 0 && weight >= 100)
        return tr("the baseline (%1) receives no traffic at %2% canary weight")
            .arg(color)
            .arg(weight);
    if (baseline.requests < std::max(1, m_plan.minRequestsPerCheck))
        return tr("the baseline (%1) got %2 requests, fewer than the %3 needed to compare")
            .arg(color)
            .arg(baseline.requests)
            .arg(m_plan.minRequestsPerCheck);
    return {};
}

Comparison CheckAnalyzer::compareErrorRates(const ColorMetrics &canary,
                                            const ColorMetrics &baseline, int weight) const
{
    Comparison c;
    c.test = QStringLiteral("two-proportion test (exact conditional binomial p, z shown)");
    c.canary = canary.errorRatePct();
    c.baseline = baseline.errorRatePct();
    c.exceedsMargin = c.canary - c.baseline > m_plan.errorRateMarginPct;
    c.note = baselineShortfall(baseline, weight);
    if (canary.requests < std::max(1, m_plan.minRequestsPerCheck))
        c.note = tr("the canary got too few requests to compare");
    if (!c.note.isEmpty())
        return c;
    const Statistics::ProportionTest t = Statistics::twoProportionZTest(
        canary.errors, canary.requests, baseline.errors, baseline.requests);
    c.performed = t.performed;
    c.statistic = t.z;
    // The p-value is the exact conditional one: with a handful of errors the z-test's normal
    // approximation would call noise significant.
    c.pValue = t.performed ? Statistics::conditionalBinomialPValue(
                                 canary.errors, canary.requests, baseline.errors, baseline.requests)
                           : 1.0;
    c.significant = c.pValue < m_alpha;
    return c;
}

Comparison CheckAnalyzer::compareLatency(const ColorMetrics &canary, const ColorMetrics &baseline,
                                         int weight) const
{
    Comparison c;
    c.test = QStringLiteral("Mann-Whitney U");
    c.canary = Statistics::median(canary.latencySubsamplesMs);
    c.baseline = Statistics::median(baseline.latencySubsamplesMs);
    c.exceedsMargin = c.canary > c.baseline * (1.0 + m_plan.latencyMarginPct / 100.0);
    c.note = baselineShortfall(baseline, weight);
    if (canary.requests < std::max(1, m_plan.minRequestsPerCheck))
        c.note = tr("the canary got too few requests to compare");
    if (!c.note.isEmpty())
        return c;
    const Statistics::RankTest t =
        Statistics::mannWhitneyU(canary.latencySubsamplesMs, baseline.latencySubsamplesMs);
    if (t.n1 < kMinLatencySubsamples || t.n2 < kMinLatencySubsamples) {
        c.note = tr("latency sub-samples: %1 on the canary, %2 on the baseline; %3 each are "
                    "needed to compare")
                     .arg(t.n1)
                     .arg(t.n2)
                     .arg(kMinLatencySubsamples);
        return c;
    }
    c.performed = t.performed;
    c.statistic = t.u;
    c.pValue = t.pValue;
    c.significant = t.pValue < m_alpha;
    return c;
}

CheckResult CheckAnalyzer::judge(const MetricsWindow &window, Color canary, int step, int weight,
                                 int index) const
{
    CheckResult r;
    r.step = step;
    r.weight = weight;
    r.index = index;
    r.at = window.to;
    r.canaryColor = canary;
    r.window = window;

    const ColorMetrics &c = window.of(canary);
    const ColorMetrics &b = window.of(otherColor(canary));
    const QString baselineName = colorName(b.color);
    const LatencyStatistic statistic = m_plan.latencyStatistic;
    const QString latencyName = latencyLabel();
    const double alpha = m_alpha;

    r.canaryLatencyMs = BioEnergy::latencyMs(c, statistic);
    r.baselineLatencyMs = BioEnergy::latencyMs(b, statistic);
    r.canaryBioEnergy = BioEnergy::score(c, statistic, m_plan.coefficients);
    r.baselineBioEnergy = BioEnergy::score(b, statistic, m_plan.coefficients);
    r.errorRate = compareErrorRates(c, b, weight);
    r.latency = compareLatency(c, b, weight);

    // 1. Too little traffic: nothing can be concluded, and no data is never a pass.
    const int minRequests = std::max(1, m_plan.minRequestsPerCheck);
    const QString seconds = num(window.seconds(), 0);
    if (c.requests < minRequests) {
        r.verdict = Verdict::Inconclusive;
        r.reason = c.requests <= 0
                       ? tr("canary got no requests in %1 s; %2 are needed to judge")
                             .arg(seconds)
                             .arg(m_plan.minRequestsPerCheck)
                       : tr("canary got %1 requests in %2 s, fewer than the %3 needed to judge")
                             .arg(c.requests)
                             .arg(seconds)
                             .arg(m_plan.minRequestsPerCheck);
        return r;
    }

    const double errorRate = c.errorRatePct();
    QStringList unknown;

    // 2. Absolute limits.
    if (errorRate > m_plan.maxErrorRatePct)
        r.failures << tr("error rate %1% above the %2% limit (%3 of %4 requests)")
                          .arg(num(errorRate), num(m_plan.maxErrorRatePct))
                          .arg(c.errors)
                          .arg(c.requests);
    if (std::isnan(r.canaryLatencyMs))
        unknown << tr("%1 latency").arg(latencyName);
    else if (r.canaryLatencyMs > m_plan.maxResponseTimeMs)
        r.failures << tr("%1 latency %2 ms above the %3 ms limit")
                          .arg(latencyName, num(r.canaryLatencyMs), num(m_plan.maxResponseTimeMs));
    if (std::isnan(c.cpuPercent))
        unknown << tr("CPU");
    else if (c.cpuPercent > m_plan.maxCpuPct)
        r.failures
            << tr("CPU %1% above the %2% limit").arg(num(c.cpuPercent), num(m_plan.maxCpuPct));

    // 3. Composite score.
    if (!std::isnan(r.canaryBioEnergy) && r.canaryBioEnergy < m_plan.threshold)
        r.failures << tr("bio-energy %1 below the threshold %2 (error %3%, %4 %5 ms, CPU %6%)")
                          .arg(num(r.canaryBioEnergy), num(m_plan.threshold), num(errorRate),
                               latencyName, num(r.canaryLatencyMs), num(c.cpuPercent));

    // 4. Against the baseline in the same window.
    if (r.errorRate.worse())
        r.failures << tr("error rate %1% vs %2% on the baseline (%3): significantly higher "
                         "(z = %4, %5) and more than %6 points above")
                          .arg(num(r.errorRate.canary, 2), num(r.errorRate.baseline, 2),
                               baselineName, num(r.errorRate.statistic, 2),
                               pValueClause(r.errorRate.pValue, alpha),
                               num(m_plan.errorRateMarginPct, 2));
    if (r.latency.worse())
        r.failures << tr("median latency %1 ms vs %2 ms on the baseline (%3): significantly "
                         "higher (Mann-Whitney U = %4, %5) and more than %6% above")
                          .arg(num(r.latency.canary), num(r.latency.baseline), baselineName,
                               num(r.latency.statistic), pValueClause(r.latency.pValue, alpha),
                               num(m_plan.latencyMarginPct));

    if (!r.failures.isEmpty()) {
        r.verdict = Verdict::Fail;
        r.reason = r.failures.size() == 1
                       ? r.failures.first()
                       : tr("%1 (and %n more)", nullptr, int(r.failures.size() - 1))
                             .arg(r.failures.first());
        return r;
    }

    // 5. A metric the rules need is missing: the check cannot be judged.
    if (!unknown.isEmpty()) {
        r.verdict = Verdict::Inconclusive;
        r.reason = tr("canary %1 unknown in this window; cannot judge the check")
                       .arg(unknown.join(tr(" and ")));
        return r;
    }

    // 6. Pass, with the figures a person would check.
    QStringList parts;
    parts << tr("bio-energy %1 ≥ %2").arg(num(r.canaryBioEnergy), num(m_plan.threshold));
    if (b.requests > 0)
        parts << tr("error %1% vs %2%").arg(num(errorRate), num(b.errorRatePct()));
    else
        parts << tr("error %1%").arg(num(errorRate));
    if (!std::isnan(r.baselineLatencyMs))
        parts << tr("%1 %2 ms vs %3 ms")
                     .arg(latencyName, num(r.canaryLatencyMs), num(r.baselineLatencyMs));
    else
        parts << tr("%1 %2 ms").arg(latencyName, num(r.canaryLatencyMs));
    if (!r.errorRate.performed)
        parts << tr("not compared: %1").arg(r.errorRate.note);
    else if (!r.latency.performed)
        parts << tr("latency not compared: %1").arg(r.latency.note);
    r.verdict = Verdict::Pass;
    r.reason = parts.join(QStringLiteral("; "));
    return r;
}

} // namespace optimist
