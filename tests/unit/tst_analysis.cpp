#include "analysis/BioEnergy.h"
#include "analysis/CheckAnalyzer.h"

#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

constexpr double kNaN = ColorMetrics::kNaN;

ColorMetrics metrics(Color color, int weight, qint64 requests, qint64 errors, double p95,
                     double cpu, QList<double> subsamples = {})
{
    ColorMetrics m;
    m.color = color;
    m.weight = weight;
    m.requests = requests;
    m.errors = errors;
    m.rps = double(requests) / 60.0;
    m.latencyP95Ms = p95;
    m.latencyMeanMs = p95 / 2;
    m.cpuPercent = cpu;
    m.latencySubsamplesMs = std::move(subsamples);
    return m;
}

// Mean latency of each 10 s of the window; baseline median (40.0 + 40.2)/2 = 40.1 ms.
const QList<double> kBaselineSubsamples{40.2, 39.8, 40.4, 39.6, 40.6, 40.0};
const QList<double> kCanarySubsamples{40.0, 41.0, 39.0, 40.5, 39.5, 40.2};

/// 200 rps for 60 s split 10/90: green canary 1200 requests, blue baseline 10800, both at 0.5%
/// errors, p95 82 ms vs 80 ms, CPU 30%. Canary bio-energy 48.75 + 35.4 + 14 = 98.15.
MetricsWindow healthyWindow()
{
    MetricsWindow w;
    w.from = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    w.to = w.from.addSecs(60);
    w.source = QStringLiteral("sandbox");
    w.green = metrics(Color::Green, 10, 1200, 6, 82, 30, kCanarySubsamples);
    w.blue = metrics(Color::Blue, 90, 10800, 54, 80, 30, kBaselineSubsamples);
    return w;
}

/// The plan with every default: the seed's formula, threshold 70, limits 5% / 500 ms / 90%,
/// 50 requests per check, 99% confidence, margins 0.5 points and 10%.
const RolloutPlan &seedPlan()
{
    static const RolloutPlan plan;
    return plan;
}

CheckResult judge(const MetricsWindow &w, const RolloutPlan &plan, int weight = 10)
{
    return CheckAnalyzer(plan).judge(w, Color::Green, 0, weight, 0);
}

CheckResult judge(const MetricsWindow &w)
{
    return judge(w, seedPlan());
}

// One step below 100%: two comparisons share the 1% (alpha 0.005), so the 6-vs-6 sub-sample
// fixtures below (smallest one-sided p 0.0025) can be significant.
RolloutPlan oneComparedStep()
{
    RolloutPlan plan;
    plan.steps = {50, 100};
    return plan;
}

// Verdict, and the metric the reason names first.
#define VERIFY_JUDGED(result, expectedVerdict, reasonStart)                                        \
    do {                                                                                           \
        QVERIFY2((result).reason.startsWith(QStringLiteral(reasonStart)),                          \
                 qPrintable(QStringLiteral("reason: ") + (result).reason));                        \
        QCOMPARE((result).verdict, expectedVerdict);                                               \
    } while (false)

} // namespace

class TestAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bioEnergySeedFormula_data()
    {
        QTest::addColumn<qint64>("errors"); // of 1000 requests
        QTest::addColumn<double>("p95");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<double>("expected");
        // (100 - err*5)*0.5 + (200 - rt)*0.3 + (100 - cpu)*0.2
        QTest::newRow("perfect") << qint64(0) << 0.0 << 0.0 << 130.0;
        QTest::newRow("1%, 100 ms, 50%") << qint64(10) << 100.0 << 50.0 << 47.5 + 30.0 + 10.0;
        QTest::newRow("2%, 150 ms, 40%") << qint64(20) << 150.0 << 40.0 << 45.0 + 15.0 + 12.0;
        QTest::newRow("0.5%, 82 ms, 30%") << qint64(5) << 82.0 << 30.0 << 48.75 + 35.4 + 14.0;
        QTest::newRow("clamped at 0") << qint64(500) << 1000.0 << 100.0 << 0.0;
    }

    void bioEnergySeedFormula()
    {
        QFETCH(qint64, errors);
        QFETCH(double, p95);
        QFETCH(double, cpu);
        QFETCH(double, expected);
        const ColorMetrics m = metrics(Color::Green, 10, 1000, errors, p95, cpu);
        QCOMPARE(BioEnergy::score(m, LatencyStatistic::P95, BioEnergyCoefficients()), expected);
    }

    void bioEnergyUsesTheJudgedLatency()
    {
        ColorMetrics m = metrics(Color::Green, 10, 1000, 0, 150, 0);
        m.latencyMeanMs = 50;
        const BioEnergyCoefficients seed;
        QCOMPARE(BioEnergy::score(m, LatencyStatistic::P95, seed), 50.0 + 15.0 + 20.0);
        QCOMPARE(BioEnergy::score(m, LatencyStatistic::Mean, seed), 50.0 + 45.0 + 20.0);
        QCOMPARE(BioEnergy::latencyMs(m, LatencyStatistic::Mean), 50.0);
    }

    void bioEnergyCoefficientsAndUpperClamp()
    {
        const ColorMetrics m = metrics(Color::Green, 10, 1000, 10, 100, 50);
        BioEnergyCoefficients c;
        c.errorFactor = 10;    // (100 - 1*10)*0.5 = 45
        c.latencyWeight = 0.1; // (200 - 100)*0.1 = 10
        c.cpuBase = 80;        // (80 - 50)*0.2 = 6
        QCOMPARE(BioEnergy::score(m, LatencyStatistic::P95, c), 61.0);
        c.latencyBase = 5000; // (5000 - 100)*0.1 = 490: far above the scale
        QCOMPARE(BioEnergy::score(m, LatencyStatistic::P95, c), 130.0);
    }

    void bioEnergyUnknownInputIsNaN()
    {
        const BioEnergyCoefficients seed;
        QVERIFY(std::isnan(BioEnergy::score(metrics(Color::Green, 10, 1000, 0, 80, kNaN),
                                            LatencyStatistic::P95, seed)));
        QVERIFY(std::isnan(BioEnergy::score(metrics(Color::Green, 10, 1000, 0, kNaN, 30),
                                            LatencyStatistic::P95, seed)));
        QVERIFY(std::isnan(BioEnergy::score(metrics(Color::Green, 10, 0, 0, 80, 30),
                                            LatencyStatistic::P95, seed)));
        ColorMetrics meanOnly = metrics(Color::Green, 10, 1000, 0, kNaN, 30);
        meanOnly.latencyMeanMs = 100;
        QCOMPARE(BioEnergy::score(meanOnly, LatencyStatistic::Mean, seed), 50.0 + 30.0 + 14.0);
    }

    void healthyWindowPasses()
    {
        const MetricsWindow w = healthyWindow();
        const CheckResult r = CheckAnalyzer(seedPlan()).judge(w, Color::Green, 1, 25, 2);
        VERIFY_JUDGED(r, Verdict::Pass, "bio-energy ");
        QVERIFY2(r.reason.contains(QStringLiteral("≥ 70")), qPrintable(r.reason));
        QVERIFY2(r.reason.contains(QStringLiteral("error 0.5% vs 0.5%")), qPrintable(r.reason));
        QVERIFY2(r.reason.contains(QStringLiteral("p95 82 ms vs 80 ms")), qPrintable(r.reason));
        QVERIFY(r.failures.isEmpty());
        QVERIFY(qAbs(r.canaryBioEnergy - 98.15) < 1e-9);
        QVERIFY(qAbs(r.baselineBioEnergy - (48.75 + 36.0 + 14.0)) < 1e-9);
        QCOMPARE(r.canaryLatencyMs, 82.0);
        QCOMPARE(r.baselineLatencyMs, 80.0);
        QCOMPARE(r.step, 1);
        QCOMPARE(r.weight, 25);
        QCOMPARE(r.index, 2);
        QCOMPARE(r.at, w.to);
        QCOMPARE(r.canaryColor, Color::Green);
        QCOMPARE(r.canary().requests, 1200);
        QCOMPARE(r.window.blue.requests, 10800);
        // Equal error rates: compared, and no false alarm.
        QVERIFY(r.errorRate.performed);
        QVERIFY(r.errorRate.test.startsWith(QLatin1String("two-proportion test")));
        QVERIFY(!r.errorRate.significant);
        QVERIFY(r.errorRate.pValue >= 0.5);
        QVERIFY(r.latency.performed);
        QCOMPARE(r.latency.test, QStringLiteral("Mann-Whitney U"));
        QVERIFY(!r.latency.worse());
    }

    void fewRequestsAreInconclusive()
    {
        MetricsWindow w = healthyWindow();
        w.green.requests = 12;
        w.green.errors = 0;
        const CheckResult r = judge(w);
        QCOMPARE(r.verdict, Verdict::Inconclusive);
        QCOMPARE(
            r.reason,
            QStringLiteral("canary got 12 requests in 60 s, fewer than the 50 needed to judge"));
        QVERIFY(r.failures.isEmpty());
    }

    void zeroTrafficIsInconclusive()
    {
        MetricsWindow w = healthyWindow();
        w.green = metrics(Color::Green, 10, 0, 0, kNaN, kNaN);
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Inconclusive, "canary got no requests in 60 s");
        QVERIFY(std::isnan(r.canaryBioEnergy));
    }

    void unknownCpuIsInconclusive()
    {
        MetricsWindow w = healthyWindow();
        w.green.cpuPercent = kNaN;
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Inconclusive, "canary CPU unknown");
        QVERIFY(std::isnan(r.canaryBioEnergy));
    }

    void unknownLatencyIsInconclusive()
    {
        MetricsWindow w = healthyWindow();
        w.green.latencyP95Ms = kNaN;
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Inconclusive, "canary p95 latency unknown");

        // A plan judging the mean does not need the p95.
        RolloutPlan meanPlan;
        meanPlan.latencyStatistic = LatencyStatistic::Mean;
        VERIFY_JUDGED(judge(w, meanPlan), Verdict::Pass, "bio-energy");
    }

    void knownBreachFailsDespiteUnknownMetric()
    {
        MetricsWindow w = healthyWindow();
        w.green.cpuPercent = kNaN;
        w.green.errors = 241; // 20.08%
        VERIFY_JUDGED(judge(w), Verdict::Fail, "error rate 20.1% above the 5% limit");
    }

    void errorRateLimit()
    {
        MetricsWindow w = healthyWindow();
        w.green.errors = 241; // 20.08% of 1200
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Fail, "error rate 20.1% above the 5% limit");
        // Every failed criterion is listed: the limit, the score, and the comparison.
        QCOMPARE(r.failures.size(), 3);
        QVERIFY(r.failures.at(1).startsWith(QStringLiteral("bio-energy")));
        QVERIFY(r.failures.at(2).contains(QStringLiteral("baseline")));
        QVERIFY2(r.reason.contains(QStringLiteral("(and 2 more)")), qPrintable(r.reason));
    }

    void errorRateAtTheLimitPasses()
    {
        MetricsWindow w = healthyWindow();
        w.green.errors = 60; // exactly 5%: the limit is "above", not "at"
        w.blue.errors = 540;
        VERIFY_JUDGED(judge(w), Verdict::Pass, "bio-energy");
    }

    void latencyLimit()
    {
        MetricsWindow w = healthyWindow();
        w.green.latencyP95Ms = 612;
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Fail, "p95 latency 612 ms above the 500 ms limit");
    }

    void meanLatencyLimit()
    {
        RolloutPlan plan;
        plan.latencyStatistic = LatencyStatistic::Mean;
        plan.maxResponseTimeMs = 100;
        MetricsWindow w = healthyWindow();
        w.green.latencyP95Ms = 400; // under the p95 reading it would pass the limit...
        w.green.latencyMeanMs = 120;
        const CheckResult r = judge(w, plan);
        VERIFY_JUDGED(r, Verdict::Fail, "mean latency 120 ms above the 100 ms limit");
        QCOMPARE(r.canaryLatencyMs, 120.0);
    }

    void cpuLimit()
    {
        MetricsWindow w = healthyWindow();
        w.green.cpuPercent = 95; // bio-energy 48.75 + 35.4 + 1 = 85.15, still fine
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Fail, "CPU 95% above the 90% limit");
        QCOMPARE(r.failures.size(), 1);
    }

    void bioEnergyThreshold()
    {
        // 4% errors, 180 ms, 80% CPU on both colors: (80)*0.5 + 20*0.3 + 20*0.2 = 50 < 70,
        // no absolute limit crossed, and no worse than the baseline.
        MetricsWindow w = healthyWindow();
        w.green = metrics(Color::Green, 10, 1200, 48, 180, 80, kCanarySubsamples);
        w.blue = metrics(Color::Blue, 90, 10800, 432, 180, 80, kBaselineSubsamples);
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Fail, "bio-energy 50 below the threshold 70");
        QCOMPARE(r.failures.size(), 1);

        RolloutPlan lenient;
        lenient.threshold = 50;
        VERIFY_JUDGED(judge(w, lenient), Verdict::Pass, "bio-energy 50 ≥ 50");
    }

    void aHandfulOfErrorsIsNotCalledSignificant()
    {
        // 4 errors in 500 canary requests against 20 in 9500: the z-test's normal approximation
        // says z = 2.63, p = 0.0043, but the exact conditional test gives
        // P(X >= 4 | Bin(24, 0.05)) = 0.0298 — noise at 99% confidence, so the step is not
        // rolled back for it.
        MetricsWindow w = healthyWindow();
        w.green.requests = 500;
        w.green.errors = 4;
        w.blue.requests = 9500;
        w.blue.errors = 20;
        const CheckResult r = judge(w);
        QVERIFY(r.errorRate.performed);
        QVERIFY(qAbs(r.errorRate.statistic - 2.63) < 0.01);
        QVERIFY(r.errorRate.exceedsMargin);
        QVERIFY(qAbs(r.errorRate.pValue - 0.02978) < 1e-4);
        QVERIFY(!r.errorRate.significant);
        QCOMPARE(r.verdict, Verdict::Pass);
    }

    void comparisonCatchesErrorIncrease()
    {
        // 10% of 200 rps x 60 s: 0.5% -> 1.5% on the canary. Under every absolute limit and the
        // threshold (bio-energy 46.25 + 35.4 + 14 = 95.65); only the comparison sees it.
        MetricsWindow w = healthyWindow();
        w.green.errors = 18;
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Fail, "error rate 1.5% vs 0.5% on the baseline (blue)");
        QCOMPARE(r.failures.size(), 1);
        QVERIFY(r.errorRate.performed);
        QVERIFY(r.errorRate.significant);
        QVERIFY(r.errorRate.exceedsMargin);
        // Exact conditional binomial: P(X >= 18 | X ~ Bin(72, 0.1)) = 2.0216e-4.
        QVERIFY(qAbs(r.errorRate.pValue - 2.0216e-4) < 1e-7);
        QVERIFY(qAbs(r.errorRate.statistic - 4.2554) < 1e-3);
        QVERIFY(qAbs(r.errorRate.canary - 1.5) < 1e-9);
        QVERIFY(qAbs(r.errorRate.baseline - 0.5) < 1e-9);
    }

    void latencyRegressionByMannWhitney()
    {
        // Sub-interval latencies all above the baseline's: U = 36, p = 0.0025 < 0.005, and the
        // median 61.5 ms is far beyond 40.1 ms + 10%. p95 150 ms is under the limit and the
        // bio-energy 48.75 + 15 + 14 = 77.75 is over the threshold.
        MetricsWindow w = healthyWindow();
        w.green.latencyP95Ms = 150;
        w.green.latencySubsamplesMs = {62, 60, 65, 59, 63, 61};
        const CheckResult r = judge(w, oneComparedStep());
        VERIFY_JUDGED(r, Verdict::Fail, "median latency 61.5 ms vs 40.1 ms on the baseline (blue)");
        QVERIFY(r.latency.worse());
        QCOMPARE(r.latency.statistic, 36.0);
        QVERIFY(!r.errorRate.worse());
    }

    void marginPreventsTinyErrorDifference()
    {
        // A million requests each: 0.8% vs 0.5% is overwhelmingly significant (z = 26) but only
        // 0.3 points, under the 0.5-point margin.
        MetricsWindow w = healthyWindow();
        w.green.requests = 1000000;
        w.green.errors = 8000;
        w.blue.requests = 1000000;
        w.blue.errors = 5000;
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Pass, "bio-energy");
        QVERIFY(r.errorRate.significant);
        QVERIFY(!r.errorRate.exceedsMargin);

        RolloutPlan strict;
        strict.errorRateMarginPct = 0.2;
        VERIFY_JUDGED(judge(w, strict), Verdict::Fail, "error rate 0.8% vs 0.5%");
    }

    void marginPreventsTinyLatencyDifference()
    {
        // Every canary sub-sample above every baseline one (p = 0.0025), but the median is
        // 41.1 ms vs 40.1 ms: 2.5%, under the 10% margin.
        MetricsWindow w = healthyWindow();
        w.green.latencySubsamplesMs = {41.0, 41.6, 40.8, 41.2, 41.4, 40.9};
        const CheckResult r = judge(w, oneComparedStep());
        VERIFY_JUDGED(r, Verdict::Pass, "bio-energy");
        QVERIFY(r.latency.significant);
        QVERIFY(!r.latency.exceedsMargin);

        RolloutPlan strict = oneComparedStep();
        strict.latencyMarginPct = 1;
        VERIFY_JUDGED(judge(w, strict), Verdict::Fail, "median latency 41.1 ms vs 40.1 ms");
    }

    void confidenceSetsTheAlpha()
    {
        // The 6-vs-6 latency regression has p = 0.0025: significant at 99% over one compared
        // step (alpha 0.005), not at 99.9% (alpha 0.0005).
        MetricsWindow w = healthyWindow();
        w.green.latencyP95Ms = 150;
        w.green.latencySubsamplesMs = {62, 60, 65, 59, 63, 61};
        RolloutPlan plan = oneComparedStep();
        plan.confidence = 0.999;
        const CheckResult r = judge(w, plan);
        VERIFY_JUDGED(r, Verdict::Pass, "bio-energy");
        QVERIFY(!r.latency.significant);
    }

    void alphaIsSplitOverTheRolloutsComparisons()
    {
        // Seed plan: 4 steps below 100% x 1 check x 2 tests share 1 - 0.99.
        QCOMPARE(CheckAnalyzer(seedPlan()).alpha(), 0.01 / 8);
        RolloutPlan three;
        three.checksPerStep = 3;
        QCOMPARE(CheckAnalyzer(three).alpha(), 0.01 / 24);
        QCOMPARE(CheckAnalyzer(oneComparedStep()).alpha(), 0.01 / 2);
        // The same 6-vs-6 regression (p = 0.0025) is significant with one compared step, not
        // over the seed plan's four, where a single window must be clearer to roll back.
        MetricsWindow w = healthyWindow();
        w.green.latencyP95Ms = 150;
        w.green.latencySubsamplesMs = {62, 60, 65, 59, 63, 61};
        QVERIFY(judge(w, oneComparedStep()).latency.significant);
        QVERIFY(!judge(w).latency.significant);
    }

    void fullWeightHasNoComparison()
    {
        MetricsWindow w = healthyWindow();
        w.green = metrics(Color::Green, 100, 12000, 60, 82, 30, kCanarySubsamples);
        w.blue = metrics(Color::Blue, 0, 0, 0, kNaN, kNaN);
        const CheckResult r = judge(w, seedPlan(), 100);
        VERIFY_JUDGED(r, Verdict::Pass, "bio-energy");
        QVERIFY(!r.errorRate.performed);
        QVERIFY(!r.latency.performed);
        QVERIFY2(r.errorRate.note.contains(QStringLiteral("receives no traffic")),
                 qPrintable(r.errorRate.note));
        QVERIFY2(r.reason.contains(QStringLiteral("receives no traffic")), qPrintable(r.reason));
        QVERIFY(std::isnan(r.baselineBioEnergy));
        QVERIFY(std::isnan(r.baselineLatencyMs));
    }

    void baselineWithTooFewRequestsIsNotCompared()
    {
        // Canary 1.5% errors would be "worse", but the baseline's 20 requests cannot show it.
        MetricsWindow w = healthyWindow();
        w.green.errors = 18;
        w.blue.requests = 20;
        w.blue.errors = 0;
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Pass, "bio-energy");
        QVERIFY(!r.errorRate.performed);
        QVERIFY2(r.errorRate.note.contains(QStringLiteral("got 20 requests, fewer than the 50")),
                 qPrintable(r.errorRate.note));
    }

    void tooFewSubsamplesSkipLatencyComparison()
    {
        MetricsWindow w = healthyWindow();
        w.green.latencySubsamplesMs = {62, 65};
        const CheckResult r = judge(w);
        VERIFY_JUDGED(r, Verdict::Pass, "bio-energy");
        QVERIFY(!r.latency.performed);
        QVERIFY(r.errorRate.performed);
        QVERIFY2(r.latency.note.contains(QStringLiteral("sub-samples")),
                 qPrintable(r.latency.note));
        QVERIFY2(r.reason.contains(QStringLiteral("latency not compared")), qPrintable(r.reason));
    }

    void judgesTheCanaryColor()
    {
        // Blue is the canary here and the bad one; green is a healthy baseline.
        MetricsWindow w = healthyWindow();
        w.blue = metrics(Color::Blue, 10, 1200, 241, 80, 30, kCanarySubsamples);
        w.green = metrics(Color::Green, 90, 10800, 54, 80, 30, kBaselineSubsamples);
        const CheckResult bad = CheckAnalyzer(seedPlan()).judge(w, Color::Blue, 0, 10, 0);
        VERIFY_JUDGED(bad, Verdict::Fail, "error rate 20.1% above");
        QCOMPARE(bad.canaryColor, Color::Blue);
        QCOMPARE(bad.canary().errors, 241);
        QVERIFY(bad.failures.last().contains(QStringLiteral("baseline (green)")));
        // Judging green as the canary instead: green is healthy and better than blue.
        VERIFY_JUDGED(CheckAnalyzer(seedPlan()).judge(w, Color::Green, 0, 90, 0), Verdict::Pass,
                      "bio-energy");
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
