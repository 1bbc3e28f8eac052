#include "MetricsTimeline.h"

#include "analysis/BioEnergy.h"
#include "common/DisplayText.h"
#include "ports/Clock.h"

#include <algorithm>
#include <cmath>

namespace optimist {

namespace {

int indexOf(MetricsTimeline::Metric metric, Color color)
{
    return 2 * int(metric) + (color == Color::Blue ? 0 : 1);
}

} // namespace

MetricsTimeline::MetricsTimeline(QObject *parent, qsizetype capacity)
    : QObject(parent)
{
    setCapacity(capacity);
    m_notify.setSingleShot(true);
    m_notify.setInterval(0);
    connect(&m_notify, &QTimer::timeout, this, &MetricsTimeline::changed);
}

void MetricsTimeline::setCapacity(qsizetype capacity)
{
    for (MetricSeriesBuffer &buffer : m_series)
        buffer.setCapacity(capacity);
    notify();
}

const MetricSeriesBuffer &MetricsTimeline::series(Metric metric, Color color) const
{
    return m_series[size_t(indexOf(metric, color))];
}

MetricSeriesBuffer &MetricsTimeline::buffer(Metric metric, Color color)
{
    return m_series[size_t(indexOf(metric, color))];
}

double MetricsTimeline::referenceLine(Metric metric) const
{
    if (!m_hasPlan)
        return ColorMetrics::kNaN;
    switch (metric) {
    case Metric::BioEnergy:
        return m_plan.threshold;
    case Metric::ResponseTime:
        return m_plan.maxResponseTimeMs;
    case Metric::ErrorRate:
        return m_plan.maxErrorRatePct;
    case Metric::Cpu:
        return m_plan.maxCpuPct;
    case Metric::RequestVolume:
        break;
    }
    return ColorMetrics::kNaN;
}

QString MetricsTimeline::referenceLineLabel(Metric metric) const
{
    const double line = referenceLine(metric);
    if (std::isnan(line))
        return {};
    const QString value = QLocale().toString(line, 'g', 4);
    if (referenceIsFloor(metric))
        return tr("Threshold %1").arg(value);
    return tr("Limit %1 %2").arg(value, unit(metric));
}

QString MetricsTimeline::title(Metric metric)
{
    switch (metric) {
    case Metric::BioEnergy:
        return tr("Bio-energy");
    case Metric::ResponseTime:
        return tr("Response time");
    case Metric::ErrorRate:
        return tr("Error rate");
    case Metric::RequestVolume:
        return tr("Request volume");
    case Metric::Cpu:
        return tr("CPU");
    }
    return {};
}

QString MetricsTimeline::unit(Metric metric)
{
    switch (metric) {
    case Metric::BioEnergy:
        return tr("score");
    case Metric::ResponseTime:
        return tr("ms");
    case Metric::ErrorRate:
        return tr("%");
    case Metric::RequestVolume:
        return tr("req/s");
    case Metric::Cpu:
        return tr("%");
    }
    return {};
}

double MetricsTimeline::valueOf(Metric metric, const MetricsWindow &window, Color color) const
{
    const ColorMetrics &m = window.of(color);
    switch (metric) {
    case Metric::BioEnergy:
        return BioEnergy::score(m, m_plan.latencyStatistic, m_plan.coefficients);
    case Metric::ResponseTime:
        return BioEnergy::latencyMs(m, m_plan.latencyStatistic);
    case Metric::ErrorRate:
        return m.errorRatePct();
    case Metric::RequestVolume:
        return m.rps;
    case Metric::Cpu:
        return m.cpuPercent;
    }
    return ColorMetrics::kNaN;
}

bool MetricsTimeline::timeRange(qint64 *fromMs, qint64 *toMs) const
{
    bool any = false;
    qint64 from = 0;
    qint64 to = 0;
    for (const MetricSeriesBuffer &buffer : m_series) {
        if (buffer.isEmpty())
            continue;
        from = any ? std::min(from, buffer.first().timeMs) : buffer.first().timeMs;
        to = any ? std::max(to, buffer.last().timeMs) : buffer.last().timeMs;
        any = true;
    }
    if (any) {
        *fromMs = from;
        *toMs = to;
    }
    return any;
}

bool MetricsTimeline::appendSample(Metric metric, Color color, qint64 timeMs, double value)
{
    const bool appended = buffer(metric, color).append(timeMs, value);
    if (appended)
        notify();
    return appended;
}

void MetricsTimeline::appendWindow(const MetricsWindow &window)
{
    const qint64 at = window.to.toMSecsSinceEpoch();
    for (Metric metric : kMetrics)
        for (Color color : {Color::Blue, Color::Green})
            buffer(metric, color).append(at, valueOf(metric, window, color));
}

void MetricsTimeline::addWindow(const MetricsWindow &window)
{
    if (!window.to.isValid())
        return;
    appendWindow(window);
    notify();
}

void MetricsTimeline::checkCompleted(const CheckResult &check)
{
    addWindow(check.window);
}

void MetricsTimeline::weightsChanged(const WeightSplit &split)
{
    addWeightChange(m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc(), split);
}

void MetricsTimeline::addWeightChange(const QDateTime &at, const WeightSplit &split)
{
    MetricsMarker marker;
    marker.at = at;
    marker.kind = MetricsMarker::Kind::WeightChange;
    marker.label = DisplayText::split(split.blue, split.green);
    marker.toolTip = tr("Weights in force: %1").arg(marker.label);
    addMarker(marker);
}

void MetricsTimeline::decisionMade(const Decision &decision)
{
    MetricsMarker marker;
    marker.at = decision.at.isValid()
                    ? decision.at
                    : (m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc());
    marker.kind = decision.action == Decision::Action::RollBack ? MetricsMarker::Kind::RollBack
                                                                : MetricsMarker::Kind::Decision;
    switch (decision.action) {
    case Decision::Action::Advance:
        marker.label = tr("Advance");
        break;
    case Decision::Action::Hold:
        marker.label = tr("Hold");
        break;
    case Decision::Action::RollBack:
        marker.label = tr("Roll back");
        break;
    case Decision::Action::Finalize:
        marker.label = tr("Finalize");
        break;
    }
    marker.toolTip = decision.reason;
    addMarker(marker);
}

void MetricsTimeline::addMarker(const MetricsMarker &marker)
{
    // Markers stay in time order; a late one (a replayed decision) is inserted where it belongs.
    const auto at =
        std::upper_bound(m_markers.begin(), m_markers.end(), marker.at,
                         [](const QDateTime &t, const MetricsMarker &m) { return t < m.at; });
    m_markers.insert(at, marker);
    notify();
}

void MetricsTimeline::setPlan(const RolloutPlan &plan)
{
    m_plan = plan;
    m_hasPlan = true;
    notify();
}

void MetricsTimeline::clear()
{
    for (MetricSeriesBuffer &buffer : m_series)
        buffer.clear();
    m_markers.clear();
    notify();
}

void MetricsTimeline::loadFromSamples(const QList<MetricsWindow> &windows,
                                      const QList<MetricsMarker> &markers)
{
    clear();
    QList<MetricsWindow> ordered = windows;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const MetricsWindow &a, const MetricsWindow &b) { return a.to < b.to; });
    for (const MetricsWindow &window : std::as_const(ordered))
        if (window.to.isValid())
            appendWindow(window);
    m_markers = markers;
    std::stable_sort(m_markers.begin(), m_markers.end(),
                     [](const MetricsMarker &a, const MetricsMarker &b) { return a.at < b.at; });
    notify();
}

void MetricsTimeline::notify()
{
    if (!m_notify.isActive())
        m_notify.start();
}

} // namespace optimist
