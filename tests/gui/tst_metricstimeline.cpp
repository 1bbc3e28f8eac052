// The five metrics of a rollout over time, fed by a real sandbox rollout's engine signals: the
// charts must show the numbers the checks judged, a marker at every weight change and decision,
// and the plan's threshold and limits.

#include "ChartsSandboxRollout.h"

#include "analysis/BioEnergy.h"
#include "common/DisplayText.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace optimist;
using Metric = MetricsTimeline::Metric;

namespace {

bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || qFuzzyCompare(1 + a, 1 + b);
}

QString describe(double expected, double actual)
{
    return QStringLiteral("expected %1, series holds %2").arg(expected).arg(actual);
}

/// The value of @p metric for @p color in @p check, as the engine judged it.
double judged(Metric metric, const CheckResult &check, Color color, const RolloutPlan &plan)
{
    const bool canary = color == check.canaryColor;
    const ColorMetrics &m = check.window.of(color);
    switch (metric) {
    case Metric::BioEnergy:
        return canary ? check.canaryBioEnergy : check.baselineBioEnergy;
    case Metric::ResponseTime:
        return canary ? check.canaryLatencyMs : BioEnergy::latencyMs(m, plan.latencyStatistic);
    case Metric::ErrorRate:
        return m.errorRatePct();
    case Metric::RequestVolume:
        return m.rps;
    case Metric::Cpu:
        return m.cpuPercent;
    }
    return 0;
}

} // namespace

class TestMetricsTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void holdsTheNumbersOfEveryCheckOfARollout()
    {
        ChartsSandboxRollout rollout(QStringLiteral("healthy"));
        QSignalSpy changed(&rollout.timeline, &MetricsTimeline::changed);
        QVERIFY(rollout.run());
        QCOMPARE(rollout.finalState, RolloutState::Succeeded);
        QVERIFY(rollout.checks.size() >= 5); // one per step of 10/25/50/75/100

        const RolloutPlan &plan = rollout.scenario.plan;
        for (Metric metric : MetricsTimeline::kMetrics) {
            for (Color color : {Color::Blue, Color::Green}) {
                const MetricSeriesBuffer &series = rollout.timeline.series(metric, color);
                QCOMPARE(series.size(), rollout.checks.size());
                for (qsizetype i = 0; i < series.size(); ++i) {
                    const CheckResult &check = rollout.checks[i];
                    QCOMPARE(series.at(i).timeMs, check.window.to.toMSecsSinceEpoch());
                    const double expected = judged(metric, check, color, plan);
                    QVERIFY2(same(series.at(i).value, expected),
                             qPrintable(MetricsTimeline::title(metric) + QLatin1Char(' ') +
                                        DisplayText::color(color) + QLatin1String(": ") +
                                        describe(expected, series.at(i).value)));
                }
            }
        }
        // The canary's request volume follows its weight: at 10 % it gets far less than blue.
        const CheckResult &first = rollout.checks.first();
        QCOMPARE(first.weight, 10);
        QVERIFY(rollout.timeline.series(Metric::RequestVolume, first.canaryColor).first().value <
                rollout.timeline.series(Metric::RequestVolume, otherColor(first.canaryColor))
                    .first()
                    .value);

        // All of that was announced once, at the next turn of the event loop.
        QCOMPARE(changed.size(), 0);
        QTRY_COMPARE(changed.size(), 1);
    }

    void marksEveryWeightChangeAndDecision()
    {
        ChartsSandboxRollout rollout(QStringLiteral("healthy"));
        QVERIFY(rollout.run());
        const QList<MetricsMarker> &markers = rollout.timeline.markers();
        QCOMPARE(markers.size(), rollout.weightChanges.size() + rollout.decisions.size());
        QVERIFY(rollout.weightChanges.size() >= 5);
        for (const auto &[at, split] : rollout.weightChanges) {
            const bool found = std::any_of(markers.begin(), markers.end(), [&](const auto &m) {
                return m.kind == MetricsMarker::Kind::WeightChange && m.at == at &&
                       m.label == DisplayText::split(split.blue, split.green);
            });
            QVERIFY2(found, qPrintable(split.toString() + QLatin1String(" at ") +
                                       at.toString(Qt::ISODate)));
        }
        for (const Decision &decision : rollout.decisions) {
            const bool found = std::any_of(markers.begin(), markers.end(), [&](const auto &m) {
                return m.kind != MetricsMarker::Kind::WeightChange && m.at == decision.at &&
                       m.toolTip == decision.reason;
            });
            QVERIFY2(found, qPrintable(decision.reason));
        }
        QVERIFY(std::is_sorted(markers.begin(), markers.end(),
                               [](const auto &a, const auto &b) { return a.at < b.at; }));
        // The weight changes happen between the checks, on the same time axis as the samples.
        qint64 from = 0;
        qint64 to = 0;
        QVERIFY(rollout.timeline.timeRange(&from, &to));
        QVERIFY(markers.first().at.toMSecsSinceEpoch() < from);
        QVERIFY(markers.last().at.toMSecsSinceEpoch() >= to);
    }

    void aRolledBackReleaseShowsTheCrossedLimit()
    {
        ChartsSandboxRollout rollout(QStringLiteral("error-spike"));
        QVERIFY(rollout.run());
        QCOMPARE(rollout.finalState, RolloutState::RolledBack);
        const RolloutPlan &plan = rollout.scenario.plan;
        QCOMPARE(rollout.timeline.referenceLine(Metric::ErrorRate), plan.maxErrorRatePct);
        QCOMPARE(rollout.timeline.referenceLine(Metric::BioEnergy), plan.threshold);
        QCOMPARE(rollout.timeline.referenceLine(Metric::ResponseTime), plan.maxResponseTimeMs);
        QCOMPARE(rollout.timeline.referenceLine(Metric::Cpu), plan.maxCpuPct);
        QVERIFY(std::isnan(rollout.timeline.referenceLine(Metric::RequestVolume)));
        QVERIFY(rollout.timeline.referenceLineLabel(Metric::RequestVolume).isEmpty());
        QVERIFY(
            rollout.timeline.referenceLineLabel(Metric::ErrorRate).contains(QLatin1String("5")));

        const Color canary = rollout.checks.last().canaryColor;
        const MetricSeriesBuffer &errors = rollout.timeline.series(Metric::ErrorRate, canary);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.last().value > plan.maxErrorRatePct,
                 qPrintable(QString::number(errors.last().value)));
        const QList<MetricsMarker> &markers = rollout.timeline.markers();
        QVERIFY(std::any_of(markers.begin(), markers.end(), [](const MetricsMarker &m) {
            return m.kind == MetricsMarker::Kind::RollBack;
        }));
    }

    void noTrafficIsAGapNotAZero()
    {
        MetricsTimeline timeline;
        MetricsWindow window;
        window.from = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        window.to = window.from.addSecs(60);
        window.blue.requests = 6000;
        window.blue.errors = 30;
        window.blue.rps = 100;
        window.blue.latencyP95Ms = 80;
        window.blue.latencyMeanMs = 50;
        window.blue.cpuPercent = 30;
        // Green does not exist yet: no requests, no latency, no CPU figure.
        timeline.addWindow(window);
        QCOMPARE(timeline.series(Metric::ErrorRate, Color::Blue).last().value, 0.5);
        QVERIFY(std::isnan(timeline.series(Metric::ErrorRate, Color::Green).last().value));
        QVERIFY(std::isnan(timeline.series(Metric::BioEnergy, Color::Green).last().value));
        QVERIFY(std::isnan(timeline.series(Metric::ResponseTime, Color::Green).last().value));
        QVERIFY(std::isnan(timeline.series(Metric::Cpu, Color::Green).last().value));
        // Zero requests per second is a measured zero, not a gap.
        QCOMPARE(timeline.series(Metric::RequestVolume, Color::Green).last().value, 0.0);
    }

    void replaysStoredSamplesLikeTheLiveRollout()
    {
        ChartsSandboxRollout rollout(QStringLiteral("healthy"));
        QVERIFY(rollout.run());
        QList<MetricsWindow> windows;
        for (const CheckResult &check : std::as_const(rollout.checks))
            windows.append(check.window);
        // Stored samples come in any order.
        std::mt19937 random(3);
        std::shuffle(windows.begin(), windows.end(), random);
        QList<MetricsMarker> markers = rollout.timeline.markers();
        std::reverse(markers.begin(), markers.end());

        MetricsTimeline replay;
        replay.setPlan(rollout.scenario.plan);
        replay.appendSample(Metric::Cpu, Color::Blue, 0, 1); // whatever was there before goes
        QSignalSpy changed(&replay, &MetricsTimeline::changed);
        replay.loadFromSamples(windows, markers);
        for (Metric metric : MetricsTimeline::kMetrics) {
            for (Color color : {Color::Blue, Color::Green}) {
                const MetricSeriesBuffer &live = rollout.timeline.series(metric, color);
                const MetricSeriesBuffer &stored = replay.series(metric, color);
                QCOMPARE(stored.size(), live.size());
                QCOMPARE(stored.rejectedCount(), 0);
                for (qsizetype i = 0; i < live.size(); ++i) {
                    QCOMPARE(stored.at(i).timeMs, live.at(i).timeMs);
                    QVERIFY(same(stored.at(i).value, live.at(i).value));
                }
            }
        }
        QCOMPARE(replay.markers().size(), rollout.timeline.markers().size());
        for (qsizetype i = 0; i < replay.markers().size(); ++i)
            QCOMPARE(replay.markers()[i].at, rollout.timeline.markers()[i].at);
        QTRY_COMPARE(changed.size(), 1);

        replay.clear();
        QVERIFY(replay.series(Metric::BioEnergy, Color::Green).isEmpty());
        QVERIFY(replay.markers().isEmpty());
        qint64 from = 0;
        qint64 to = 0;
        QVERIFY(!replay.timeRange(&from, &to));
    }
};

QTEST_GUILESS_MAIN(TestMetricsTimeline)
#include "tst_metricstimeline.moc"
