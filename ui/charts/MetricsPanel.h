#pragma once

#include "metrics/MetricsTimeline.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

#include <array>

class QToolButton;

namespace optimist {

class MetricChartView;

/// The five metric charts of one rollout — bio-energy, response time, error rate, request
/// volume, CPU — over one MetricsTimeline, with a "Follow live" toggle. The charts share their
/// time range: zooming or panning one moves the others.
///
/// Used live in the rollout panel and, bound to a timeline filled by loadFromSamples(), in the
/// post-mortem; toImage() renders all five for the PNG export.
class MetricsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget *parent = nullptr);
    ~MetricsPanel() override;

    /// Draws @p timeline (not owned); nullptr empties the charts.
    void setTimeline(MetricsTimeline *timeline);
    MetricsTimeline *timeline() const { return m_timeline; }

    MetricChartView *chart(MetricsTimeline::Metric metric) const;
    QList<MetricChartView *> charts() const;
    /// objectName of @p metric's chart: bioEnergyChart, responseTimeChart, errorRateChart,
    /// requestVolumeChart, cpuChart.
    static QString chartObjectName(MetricsTimeline::Metric metric);

    bool followLive() const;
    /// Redraws every chart now (before a grab, a test's look, or an export).
    void redrawNow();
    /// The five charts as one image, laid out as on screen, with the current data. With a
    /// non-empty @p chartSize each chart is drawn at that size, one below the other, whatever
    /// the panel's own size; a hidden panel is drawn so at kDefaultExportChartSize.
    QImage toImage(const QSize &chartSize = {});
    static constexpr QSize kDefaultExportChartSize{1000, 300};

public Q_SLOTS:
    void setFollowLive(bool follow);

Q_SIGNALS:
    void followLiveChanged(bool follow);

private:
    void rangeChangedBy(MetricChartView *source, qint64 fromMs, qint64 toMs);

    QPointer<MetricsTimeline> m_timeline;
    std::array<MetricChartView *, MetricsTimeline::kMetricCount> m_charts{};
    QToolButton *m_followLive;
    bool m_syncing = false;
};

} // namespace optimist
