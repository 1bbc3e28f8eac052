#pragma once

#include "MetricSeriesBuffer.h"
#include "MetricsMarker.h"

#include "analysis/CheckResult.h"
#include "core/Color.h"
#include "core/MetricsWindow.h"
#include "core/WeightSplit.h"
#include "plan/RolloutPlan.h"
#include "rollout/Decision.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <array>

namespace optimist {

class Clock;

/// The five metrics of one rollout over time, per color, with what the charts draw over them:
/// the plan's threshold and limits and a marker at every weight change and decision.
///
/// Fed live by the RolloutEngine's signals (checkCompleted, weightsChanged, decisionMade) or at
/// once from the stored samples of a finished rollout (loadFromSamples, for the post-mortem).
/// Every change is announced by one coalesced changed() per turn of the event loop, however many
/// samples arrived; the charts redraw from the buffers at their own pace.
class MetricsTimeline : public QObject
{
    Q_OBJECT
public:
    enum class Metric { BioEnergy, ResponseTime, ErrorRate, RequestVolume, Cpu };
    static constexpr int kMetricCount = 5;
    static constexpr std::array<Metric, kMetricCount> kMetrics{
        Metric::BioEnergy, Metric::ResponseTime, Metric::ErrorRate, Metric::RequestVolume,
        Metric::Cpu};

    explicit MetricsTimeline(QObject *parent = nullptr,
                             qsizetype capacity = MetricSeriesBuffer::kDefaultCapacity);

    /// The clock that dates weight changes (which carry no time of their own). Without one, the
    /// system clock; a sandbox passes its virtual clock. Not owned.
    void setClock(const Clock *clock) { m_clock = clock; }

    const MetricSeriesBuffer &series(Metric metric, Color color) const;
    const QList<MetricsMarker> &markers() const { return m_markers; }
    const RolloutPlan &plan() const { return m_plan; }

    /// The plan's line on @p metric's chart: the bio-energy threshold or the limit on response
    /// time, error rate or CPU; NaN for request volume or before setPlan().
    double referenceLine(Metric metric) const;
    /// The line's legend text ("Threshold 70", "Limit 500 ms"); empty when there is none.
    QString referenceLineLabel(Metric metric) const;
    /// True for a floor (the threshold: below is bad), false for a ceiling.
    static bool referenceIsFloor(Metric metric) { return metric == Metric::BioEnergy; }

    /// Earliest and latest sample time over every series; false when there is none.
    bool timeRange(qint64 *fromMs, qint64 *toMs) const;

    /// Translated chart title and unit of @p metric.
    static QString title(Metric metric);
    static QString unit(Metric metric);
    /// @p metric of @p color in @p window, as the plan judges it (NaN when unknown).
    double valueOf(Metric metric, const MetricsWindow &window, Color color) const;

    /// Appends one sample directly (benchmarks, imports); windows go through addWindow().
    bool appendSample(Metric metric, Color color, qint64 timeMs, double value);
    void setCapacity(qsizetype capacity);

public Q_SLOTS:
    /// One sample per metric and color, at the window's end.
    void addWindow(const optimist::MetricsWindow &window);
    void checkCompleted(const optimist::CheckResult &check);
    /// A marker for @p split, dated by the clock (setClock()).
    void weightsChanged(const optimist::WeightSplit &split);
    /// The same, dated by the caller: for an engine on another thread, whose clock the GUI
    /// thread must not read.
    void addWeightChange(const QDateTime &at, const optimist::WeightSplit &split);
    void decisionMade(const optimist::Decision &decision);
    void setPlan(const optimist::RolloutPlan &plan);
    void addMarker(const optimist::MetricsMarker &marker);
    void clear();
    /// Replaces everything with a stored rollout's windows (in any order) and markers.
    void loadFromSamples(const QList<optimist::MetricsWindow> &windows,
                         const QList<optimist::MetricsMarker> &markers);

Q_SIGNALS:
    /// Samples, markers or lines changed (coalesced: at most once per event-loop turn).
    void changed();

private:
    MetricSeriesBuffer &buffer(Metric metric, Color color);
    void appendWindow(const MetricsWindow &window);
    void notify();

    std::array<MetricSeriesBuffer, 2 * kMetricCount> m_series;
    QList<MetricsMarker> m_markers;
    RolloutPlan m_plan;
    bool m_hasPlan = false;
    const Clock *m_clock = nullptr;
    QTimer m_notify;
};

} // namespace optimist
