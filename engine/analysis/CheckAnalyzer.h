#pragma once

#include "CheckResult.h"

#include "plan/RolloutPlan.h"

#include <QCoreApplication>

namespace optimist {

/// Judges one check window of a canary against the plan (DESIGN §2).
///
/// The rules, in order; every failed criterion is listed in CheckResult::failures and the
/// reason names the first one:
///  1. fewer canary requests than plan.minRequestsPerCheck: Inconclusive (no data is never a pass);
///  2. absolute limits on the canary's error rate, latency (p95 or mean) and CPU: Fail;
///  3. canary bio-energy under plan.threshold: Fail;
///  4. canary significantly worse than the baseline color in the same window, by more than the
///     plan's margin (error rate: two-proportion z-test; latency: Mann-Whitney U over the
///     sub-interval latencies): Fail;
///  5. a metric needed by rules 2-3 is unknown (NaN) and nothing failed: Inconclusive, naming it;
///  6. otherwise Pass.
/// A limit crossed by a known metric fails the check even when another metric is unknown.
class CheckAnalyzer
{
    Q_DECLARE_TR_FUNCTIONS(CheckAnalyzer)

public:
    /// Sub-interval latencies each side needs before the latency comparison is run.
    static constexpr int kMinLatencySubsamples = 3;

    explicit CheckAnalyzer(const RolloutPlan &plan);

    const RolloutPlan &plan() const { return m_plan; }

    /// The significance level of one canary-vs-baseline test. The plan's confidence holds for
    /// the whole rollout: 1 - confidence is split (Bonferroni) over every comparison the plan
    /// may run — two per check below 100% — so more steps do not mean more false rollbacks.
    double alpha() const { return m_alpha; }

    /// The verdict on @p window for the @p canary color, at plan step @p step (weight @p weight,
    /// check @p index within the step), with every number that made it.
    CheckResult judge(const MetricsWindow &window, Color canary, int step, int weight,
                      int index) const;

private:
    Comparison compareErrorRates(const ColorMetrics &canary, const ColorMetrics &baseline,
                                 int weight) const;
    Comparison compareLatency(const ColorMetrics &canary, const ColorMetrics &baseline,
                              int weight) const;
    /// Why the baseline cannot be compared, or an empty string when it can.
    QString baselineShortfall(const ColorMetrics &baseline, int weight) const;
    QString latencyLabel() const;

    RolloutPlan m_plan;
    double m_alpha = 0.01;
};

} // namespace optimist
