#include "MetricsPanel.h"

#include "MetricChartView.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace optimist {

MetricsPanel::MetricsPanel(QWidget *parent)
    : QWidget(parent)
    , m_followLive(new QToolButton(this))
{
    setObjectName(QStringLiteral("metricsPanel"));

    auto *followAction = new QAction(tr("Follow live"), this);
    followAction->setObjectName(QStringLiteral("followLiveAction"));
    followAction->setCheckable(true);
    followAction->setChecked(true);
    followAction->setToolTip(tr("Keep the latest data in view (Home in a chart). Zooming or "
                                "panning a chart stops following."));
    m_followLive->setDefaultAction(followAction);
    m_followLive->setObjectName(QStringLiteral("followLiveButton"));
    m_followLive->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(followAction, &QAction::toggled, this, &MetricsPanel::setFollowLive);

    auto *hint = new QLabel(tr("Wheel or drag to zoom, Shift+drag or arrow keys to pan, "
                               "Home to follow live data again."),
                            this);
    hint->setObjectName(QStringLiteral("chartsHint"));
    hint->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_followLive);
    bar->addWidget(hint, 1);

    // Bio-energy, the score a check judges first, across the top; the four inputs below it.
    auto *grid = new QGridLayout;
    grid->setSpacing(4);
    for (MetricsTimeline::Metric metric : MetricsTimeline::kMetrics) {
        auto *view = new MetricChartView(metric, this);
        view->setObjectName(chartObjectName(metric));
        view->setAccessibleName(MetricsTimeline::title(metric));
        m_charts[size_t(metric)] = view;
        connect(view, &MetricChartView::userRangeChanged, this,
                [this, view](qint64 fromMs, qint64 toMs) { rangeChangedBy(view, fromMs, toMs); });
        connect(view, &MetricChartView::followLiveChanged, this, &MetricsPanel::setFollowLive);
    }
    grid->addWidget(chart(MetricsTimeline::Metric::BioEnergy), 0, 0, 1, 2);
    grid->addWidget(chart(MetricsTimeline::Metric::ResponseTime), 1, 0);
    grid->addWidget(chart(MetricsTimeline::Metric::ErrorRate), 1, 1);
    grid->addWidget(chart(MetricsTimeline::Metric::RequestVolume), 2, 0);
    grid->addWidget(chart(MetricsTimeline::Metric::Cpu), 2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
}

MetricsPanel::~MetricsPanel() = default;

QString MetricsPanel::chartObjectName(MetricsTimeline::Metric metric)
{
    switch (metric) {
    case MetricsTimeline::Metric::BioEnergy:
        return QStringLiteral("bioEnergyChart");
    case MetricsTimeline::Metric::ResponseTime:
        return QStringLiteral("responseTimeChart");
    case MetricsTimeline::Metric::ErrorRate:
        return QStringLiteral("errorRateChart");
    case MetricsTimeline::Metric::RequestVolume:
        return QStringLiteral("requestVolumeChart");
    case MetricsTimeline::Metric::Cpu:
        return QStringLiteral("cpuChart");
    }
    return {};
}

void MetricsPanel::setTimeline(MetricsTimeline *timeline)
{
    m_timeline = timeline;
    for (MetricChartView *view : m_charts)
        view->setTimeline(timeline);
    setFollowLive(true);
}

MetricChartView *MetricsPanel::chart(MetricsTimeline::Metric metric) const
{
    return m_charts[size_t(metric)];
}

QList<MetricChartView *> MetricsPanel::charts() const
{
    return QList<MetricChartView *>(m_charts.begin(), m_charts.end());
}

bool MetricsPanel::followLive() const
{
    return m_followLive->defaultAction()->isChecked();
}

void MetricsPanel::setFollowLive(bool follow)
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_followLive->defaultAction()->setChecked(follow);
    for (MetricChartView *view : m_charts) {
        if (follow)
            view->setFollowLive(true);
        else if (view->followLive()) // the toggle switched off: stay where the charts are
            view->showRange(view->visibleFromMs(), view->visibleToMs());
    }
    m_syncing = false;
    Q_EMIT followLiveChanged(followLive());
}

void MetricsPanel::rangeChangedBy(MetricChartView *source, qint64 fromMs, qint64 toMs)
{
    m_syncing = true;
    for (MetricChartView *view : m_charts)
        if (view != source)
            view->showRange(fromMs, toMs);
    m_followLive->defaultAction()->setChecked(false);
    m_syncing = false;
    Q_EMIT followLiveChanged(false);
}

void MetricsPanel::redrawNow()
{
    for (MetricChartView *view : m_charts)
        view->redrawNow();
}

QImage MetricsPanel::toImage(const QSize &chartSize)
{
    if (chartSize.isEmpty() && !isVisible())
        return toImage(kDefaultExportChartSize); // nothing laid out to copy
    if (chartSize.isEmpty()) {
        redrawNow();
        QImage image(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(devicePixelRatioF());
        image.fill(palette().color(QPalette::Window));
        QPainter painter(&image);
        for (MetricChartView *view : m_charts)
            view->QWidget::render(&painter, view->mapTo(this, QPoint(0, 0)));
        return image;
    }
    QImage image(chartSize.width(), chartSize.height() * MetricsTimeline::kMetricCount,
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    int y = 0;
    for (MetricChartView *shown : m_charts) {
        // A twin of the chart at the requested size, never on screen, showing what the chart
        // shows: the widget the user looks at is left alone.
        MetricChartView twin(shown->metric());
        twin.setAttribute(Qt::WA_DontShowOnScreen);
        twin.setTimeline(m_timeline);
        if (!shown->followLive())
            twin.showRange(shown->visibleFromMs(), shown->visibleToMs());
        twin.resize(chartSize);
        twin.show();
        twin.redrawNow();
        twin.QWidget::render(&painter, QPoint(0, y));
        y += chartSize.height();
    }
    return image;
}

} // namespace optimist
