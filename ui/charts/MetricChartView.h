#pragma once

#include "metrics/MetricsTimeline.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace optimist {

/// One of the five metric charts: the blue and the green line, the plan's threshold or limit,
/// and a vertical marker at every weight change and decision, over a time axis.
///
/// The view follows live data by default (the axis spans the whole rollout and grows with it).
/// Zooming (wheel, rubber band, +/−) or panning (Shift+drag or middle-drag, ←/→) stops following;
/// Home or setFollowLive(true) resumes it. Each redraw decimates the timeline's buffers to the
/// plot's pixel width and hands Qt Charts one replace() per line; redraws are batched to at most
/// one every kRedrawIntervalMs, however fast samples arrive.
class MetricChartView : public QChartView
{
    Q_OBJECT
public:
    static constexpr int kRedrawIntervalMs = 40;

    explicit MetricChartView(MetricsTimeline::Metric metric, QWidget *parent = nullptr);
    ~MetricChartView() override;

    MetricsTimeline::Metric metric() const { return m_metric; }
    /// The timeline drawn (not owned); nullptr draws nothing.
    void setTimeline(MetricsTimeline *timeline);
    MetricsTimeline *timeline() const { return m_timeline; }

    bool followLive() const { return m_followLive; }
    /// How much of the latest data following shows, in ms; 0 (default) the whole timeline.
    void setLiveSpan(qint64 spanMs);
    /// Shows [@p fromMs, @p toMs] and stops following (another chart was zoomed or panned).
    void showRange(qint64 fromMs, qint64 toMs);
    qint64 visibleFromMs() const { return m_fromMs; }
    qint64 visibleToMs() const { return m_toMs; }

    /// Redraws at once instead of at the next batch (before a grab or an export).
    void redrawNow();
    int redrawCount() const { return m_redraws; }

    /// The line segments of @p color that hold points (a gap splits a line in two).
    QList<QLineSeries *> lines(Color color) const;
    /// Points handed to Qt Charts for @p color in the last redraw.
    int pointCount(Color color) const;
    QLineSeries *referenceSeries() const { return m_reference; }
    /// Pixel columns of the plot area the last redraw decimated to.
    int plotColumns() const { return m_columns; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }

public Q_SLOTS:
    void setFollowLive(bool follow);
    void scheduleRedraw();

Q_SIGNALS:
    void followLiveChanged(bool follow);
    /// The user zoomed or panned this chart to [@p fromMs, @p toMs].
    void userRangeChanged(qint64 fromMs, qint64 toMs);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    struct Line
    {
        Color color;
        QList<QLineSeries *> segments; ///< pool; the first carries the legend entry
        int used = 0;
        int points = 0;
    };

    void redraw();
    bool liveRange(qint64 *fromMs, qint64 *toMs) const;
    void fillLine(Line &line, qint64 fromMs, qint64 toMs, double *lo, double *hi);
    QLineSeries *segment(Line &line, int index);
    void setAxisRange(qint64 fromMs, qint64 toMs);
    void axisRangeChanged();
    /// The user moved the visible range: stop following, tell the other charts, redraw.
    void userRange(qint64 fromMs, qint64 toMs);
    void zoomBy(double factor, double anchorFraction);
    void panBy(double fraction);
    double plotXOf(qint64 timeMs) const;

    MetricsTimeline::Metric m_metric;
    QPointer<MetricsTimeline> m_timeline;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    Line m_blue{Color::Blue, {}, 0, 0};
    Line m_green{Color::Green, {}, 0, 0};
    QLineSeries *m_reference;
    bool m_followLive = true;
    qint64 m_liveSpanMs = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_columns = 0;
    int m_redraws = 0;
    bool m_settingRange = false;
    QTimer m_redrawTimer;
    QElapsedTimer m_sinceRedraw;
    bool m_panning = false;
    QPoint m_panFrom;
};

} // namespace optimist
