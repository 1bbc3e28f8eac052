#include "MetricChartView.h"

#include "analysis/BioEnergy.h"
#include "common/DisplayText.h"

#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace optimist {

namespace {

constexpr qint64 kMinimumSpanMs = 1000;
constexpr qint64 kEmptyPaddingMs = 30'000;
constexpr double kWheelZoom = 0.8; // one wheel notch shows 80 % of the span
constexpr double kKeyPan = 0.1;    // an arrow key moves a tenth of the span

QColor lineColor(Color color)
{
    return color == Color::Blue ? QColor(31, 119, 180) : QColor(44, 160, 44);
}

QColor markerColor(MetricsMarker::Kind kind)
{
    switch (kind) {
    case MetricsMarker::Kind::WeightChange:
        return QColor(120, 120, 120);
    case MetricsMarker::Kind::Decision:
        return QColor(60, 60, 140);
    case MetricsMarker::Kind::RollBack:
        return QColor(200, 40, 40);
    }
    return Qt::gray;
}

/// The smallest 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k at or above @p value (> 0): a readable
/// axis top.
double niceCeiling(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (step * magnitude >= value * (1 - 1e-9))
            return step * magnitude;
    return 10 * magnitude;
}

/// The smallest 1, 2, 2.5 or 5 × 10^k above @p value (> 0): the next readable tick interval.
double niceAbove(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude > value * (1 + 1e-9))
            return step * magnitude;
    return 10 * magnitude;
}

/// The largest 1, 2, 2.5 or 5 × 10^k at or below @p value (> 0): a readable tick interval.
double niceFloor(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    double nice = magnitude;
    for (double step : {2.0, 2.5, 5.0})
        if (step * magnitude <= value)
            nice = step * magnitude;
    return nice;
}

QString timeFormat(qint64 spanMs)
{
    if (spanMs <= 2 * 3600 * 1000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 2 * 24 * 3600 * 1000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("dd.MM. HH:mm");
}

} // namespace

MetricChartView::MetricChartView(MetricsTimeline::Metric metric, QWidget *parent)
    : QChartView(new QChart, parent)
    , m_metric(metric)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_reference(new QLineSeries)
{
    QChart *c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setTitle(MetricsTimeline::title(metric));
    c->setMargins(QMargins(4, 4, 4, 4));
    c->legend()->setAlignment(Qt::AlignTop);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setFormat(timeFormat(0));
    m_valueAxis->setTitleText(MetricsTimeline::unit(metric));
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_valueAxis->setTickType(QValueAxis::TicksDynamic);

    // The legend entries first: blue, green, then the reference line.
    segment(m_blue, 0);
    segment(m_green, 0);
    QPen referencePen(MetricsTimeline::referenceIsFloor(metric) ? QColor(214, 39, 40)
                                                                : QColor(255, 127, 14));
    referencePen.setStyle(Qt::DashLine);
    referencePen.setWidthF(1.5);
    m_reference->setPen(referencePen);
    m_reference->setObjectName(QStringLiteral("reference"));
    c->addSeries(m_reference);
    m_reference->attachAxis(m_timeAxis);
    m_reference->attachAxis(m_valueAxis);
    m_reference->setVisible(false);

    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumHeight(160);

    connect(m_timeAxis, &QDateTimeAxis::rangeChanged, this, &MetricChartView::axisRangeChanged);
    connect(c, &QChart::plotAreaChanged, this, &MetricChartView::scheduleRedraw);
    m_redrawTimer.setSingleShot(true);
    connect(&m_redrawTimer, &QTimer::timeout, this, &MetricChartView::redraw);
    m_sinceRedraw.start();
}

MetricChartView::~MetricChartView() = default;

void MetricChartView::setTimeline(MetricsTimeline *timeline)
{
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (timeline)
        connect(timeline, &MetricsTimeline::changed, this, &MetricChartView::scheduleRedraw);
    scheduleRedraw();
}

void MetricChartView::setFollowLive(bool follow)
{
    if (follow == m_followLive)
        return;
    m_followLive = follow;
    Q_EMIT followLiveChanged(follow);
    scheduleRedraw();
}

void MetricChartView::setLiveSpan(qint64 spanMs)
{
    m_liveSpanMs = std::max<qint64>(0, spanMs);
    scheduleRedraw();
}

void MetricChartView::showRange(qint64 fromMs, qint64 toMs)
{
    if (toMs - fromMs < kMinimumSpanMs)
        toMs = fromMs + kMinimumSpanMs;
    m_fromMs = fromMs;
    m_toMs = toMs;
    if (m_followLive) {
        m_followLive = false;
        Q_EMIT followLiveChanged(false);
    }
    scheduleRedraw();
}

void MetricChartView::scheduleRedraw()
{
    if (m_redrawTimer.isActive())
        return;
    const qint64 wait = kRedrawIntervalMs - m_sinceRedraw.elapsed();
    m_redrawTimer.start(int(std::clamp<qint64>(wait, 0, kRedrawIntervalMs)));
}

void MetricChartView::redrawNow()
{
    m_redrawTimer.stop();
    redraw();
    // New axis ranges can change the labels' width and so the plot's: lay the chart out now
    // and decimate once more to the width it really has.
    if (QGraphicsLayout *layout = chart()->legend()->layout())
        layout->activate();
    if (QGraphicsLayout *layout = chart()->layout())
        layout->activate();
    if (int(chart()->plotArea().width()) != m_columns && chart()->plotArea().width() > 0)
        redraw();
    m_redrawTimer.stop();
}

QList<QLineSeries *> MetricChartView::lines(Color color) const
{
    const Line &line = color == Color::Blue ? m_blue : m_green;
    return line.segments.mid(0, line.used);
}

int MetricChartView::pointCount(Color color) const
{
    return (color == Color::Blue ? m_blue : m_green).points;
}

bool MetricChartView::liveRange(qint64 *fromMs, qint64 *toMs) const
{
    qint64 from = 0;
    qint64 to = 0;
    bool any = m_timeline->timeRange(&from, &to);
    const QList<MetricsMarker> &markers = m_timeline->markers();
    if (!markers.isEmpty()) {
        // A weight change before the first check's end is part of what is happening now.
        const qint64 first = markers.first().at.toMSecsSinceEpoch();
        const qint64 last = markers.last().at.toMSecsSinceEpoch();
        from = any ? std::min(from, first) : first;
        to = any ? std::max(to, last) : last;
        any = true;
    }
    if (!any)
        return false;
    if (m_liveSpanMs > 0)
        from = std::max(from, to - m_liveSpanMs);
    if (to - from < kMinimumSpanMs) {
        from -= kEmptyPaddingMs;
        to += kEmptyPaddingMs;
    }
    *fromMs = from;
    *toMs = to;
    return true;
}

QLineSeries *MetricChartView::segment(Line &line, int index)
{
    while (line.segments.size() <= index) {
        auto *series = new QLineSeries;
        QPen pen(lineColor(line.color));
        pen.setWidthF(2);
        series->setPen(pen);
        series->setName(DisplayText::color(line.color));
        series->setObjectName(line.color == Color::Blue ? QStringLiteral("blue")
                                                        : QStringLiteral("green"));
        chart()->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        if (!line.segments.isEmpty())
            for (QLegendMarker *marker : chart()->legend()->markers(series))
                marker->setVisible(false);
        line.segments.append(series);
    }
    return line.segments[index];
}

void MetricChartView::fillLine(Line &line, qint64 fromMs, qint64 toMs, double *lo, double *hi)
{
    const QList<QPointF> points =
        m_timeline->series(m_metric, line.color).decimate(fromMs, toMs, m_columns);
    // A gap splits the line: each run of real points becomes one segment, one replace() each.
    QList<QPointF> run;
    int used = 0;
    int total = 0;
    const auto flush = [&] {
        if (run.isEmpty())
            return;
        QLineSeries *series = segment(line, used++);
        // A lone point between gaps has no line to show it; a dot does.
        series->setPointsVisible(run.size() == 1);
        series->replace(run);
        total += int(run.size());
        run.clear();
    };
    run.reserve(points.size());
    for (const QPointF &p : points) {
        if (std::isnan(p.y())) {
            flush();
            continue;
        }
        *lo = std::min(*lo, p.y());
        *hi = std::max(*hi, p.y());
        run.append(p);
    }
    flush();
    for (int i = used; i < line.used; ++i)
        line.segments[i]->clear();
    line.used = used;
    line.points = total;
}

void MetricChartView::redraw()
{
    m_sinceRedraw.restart();
    ++m_redraws;
    const QRectF plot = chart()->plotArea();
    m_columns = std::max(1, int(plot.width() > 0 ? plot.width() : width()));

    qint64 from = m_fromMs;
    qint64 to = m_toMs;
    if (!m_timeline || (m_followLive && !liveRange(&from, &to))) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        from = now - kEmptyPaddingMs;
        to = now + kEmptyPaddingMs;
    }
    m_fromMs = from;
    m_toMs = to;

    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    if (m_timeline) {
        fillLine(m_blue, from, to, &lo, &hi);
        fillLine(m_green, from, to, &lo, &hi);
    } else {
        for (Line *line : {&m_blue, &m_green}) {
            for (QLineSeries *series : std::as_const(line->segments))
                series->clear();
            line->used = 0;
            line->points = 0;
        }
    }

    const double reference = m_timeline ? m_timeline->referenceLine(m_metric) : ColorMetrics::kNaN;
    if (std::isnan(reference)) {
        m_reference->setVisible(false);
        m_reference->clear();
    } else {
        m_reference->setName(m_timeline->referenceLineLabel(m_metric));
        m_reference->replace({QPointF(double(from), reference), QPointF(double(to), reference)});
        m_reference->setVisible(true);
        lo = std::min(lo, reference);
        hi = std::max(hi, reference);
    }

    // Values start at zero (all five metrics are non-negative); the top leaves a little air.
    const double bottom = lo < 0 ? lo : 0;
    double top = hi > bottom ? niceCeiling((hi - bottom) * 1.08) + bottom : bottom + 1;
    if (m_metric == MetricsTimeline::Metric::BioEnergy && hi <= BioEnergy::kMaximum)
        top = BioEnergy::kMaximum; // the score's own scale: where 70 sits means something

    // Ticks at round values from zero, about four to six of them. Qt Charts lays out the ticks
    // of every intermediate state: a wide range with the old, fine interval would be thousands
    // of labels (a stall of a second when a post-mortem replaces an empty chart). So the
    // interval grows before the range, and shrinks after it.
    double interval = niceFloor((top - bottom) / 4);
    // Fewer ticks when the plot is low: Qt Charts elides a label to "…" when the height per tick
    // is under the label's (its padding included), which leaves an axis without a number.
    if (plot.height() > 0) {
        const double perTick = QFontMetricsF(m_valueAxis->labelsFont()).height() * 1.5 + 8;
        const int fitting = std::max(2, int(plot.height() / perTick));
        while (std::floor((top - bottom) / interval + 1e-9) + 1 > fitting)
            interval = niceAbove(interval);
    }
    m_valueAxis->setTickAnchor(0);
    if (interval > m_valueAxis->tickInterval()) {
        m_valueAxis->setTickInterval(interval);
        m_valueAxis->setRange(bottom, top);
    } else {
        m_valueAxis->setRange(bottom, top);
        m_valueAxis->setTickInterval(interval);
    }

    setAxisRange(from, to);
    viewport()->update();
}

void MetricChartView::setAxisRange(qint64 fromMs, qint64 toMs)
{
    m_settingRange = true;
    m_timeAxis->setFormat(timeFormat(toMs - fromMs));
    m_timeAxis->setTickCount(std::clamp(m_columns / 110 + 1, 2, 12));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(toMs));
    m_settingRange = false;
}

void MetricChartView::axisRangeChanged()
{
    if (m_settingRange)
        return;
    // Qt Charts itself moved the axis: a rubber-band zoom or a right-click zoom-out.
    userRange(m_timeAxis->min().toMSecsSinceEpoch(), m_timeAxis->max().toMSecsSinceEpoch());
}

void MetricChartView::userRange(qint64 fromMs, qint64 toMs)
{
    showRange(fromMs, toMs);
    Q_EMIT userRangeChanged(m_fromMs, m_toMs);
}

void MetricChartView::zoomBy(double factor, double anchorFraction)
{
    const double span = double(m_toMs - m_fromMs);
    const double anchor = double(m_fromMs) + span * std::clamp(anchorFraction, 0.0, 1.0);
    const double newSpan = std::max(double(kMinimumSpanMs), span * factor);
    const qint64 from = qint64(anchor - newSpan * anchorFraction);
    userRange(from, from + qint64(newSpan));
}

void MetricChartView::panBy(double fraction)
{
    const qint64 shift = qint64(double(m_toMs - m_fromMs) * fraction);
    userRange(m_fromMs + shift, m_toMs + shift);
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    const QRectF plot = chart()->plotArea();
    const double anchor =
        plot.width() > 0 ? (event->position().x() - plot.left()) / plot.width() : 0.5;
    const int notches = event->angleDelta().y() / 120;
    if (notches == 0) {
        event->ignore();
        return;
    }
    zoomBy(std::pow(kWheelZoom, notches), anchor);
    event->accept();
}

void MetricChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Home:
        setFollowLive(true);
        break;
    case Qt::Key_Left:
        panBy(-kKeyPan);
        break;
    case Qt::Key_Right:
        panBy(kKeyPan);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kWheelZoom, 0.5);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / kWheelZoom, 0.5);
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    const bool pan =
        event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier));
    if (pan) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const double width = chart()->plotArea().width();
        const int dx = event->position().toPoint().x() - m_panFrom.x();
        m_panFrom = event->position().toPoint();
        if (width > 0 && dx != 0)
            panBy(-double(dx) / width);
        event->accept();
        return;
    }
    // A marker's whole story (the decision's reason) on hover.
    QString tip;
    if (m_timeline) {
        const double x = event->position().x();
        for (const MetricsMarker &marker : m_timeline->markers()) {
            const double mx = plotXOf(marker.at.toMSecsSinceEpoch());
            if (std::abs(mx - x) <= 3) {
                tip = marker.toolTip.isEmpty() ? marker.label : marker.toolTip;
                break;
            }
        }
    }
    setToolTip(tip);
    QChartView::mouseMoveEvent(event);
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    scheduleRedraw();
}

double MetricChartView::plotXOf(qint64 timeMs) const
{
    // Viewport x of a time, from the axis range the last redraw set.
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    const double span = double(std::max<qint64>(1, m_toMs - m_fromMs));
    const double sceneX = plot.left() + plot.width() * double(timeMs - m_fromMs) / span;
    return mapFromScene(QPointF(sceneX, plot.top())).x();
}

void MetricChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    if (!m_timeline || m_timeline->markers().isEmpty())
        return;
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    const double span = double(std::max<qint64>(1, m_toMs - m_fromMs));
    const QList<MetricsMarker> &markers = m_timeline->markers();
    // Only the markers in view: binary search for the first.
    auto it = std::lower_bound(
        markers.begin(), markers.end(), m_fromMs,
        [](const MetricsMarker &m, qint64 t) { return m.at.toMSecsSinceEpoch() < t; });
    painter->save();
    painter->setClipRect(plot.adjusted(0, 0, 1, 1));
    QFont font = painter->font();
    font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.8));
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const double lineHeight = metrics.height();
    // The right end of the last label in each row: a label takes the first row it fits in.
    constexpr int kLabelRows = 3;
    std::array<double, kLabelRows> rowRight;
    rowRight.fill(-1e9);
    for (; it != markers.end() && it->at.toMSecsSinceEpoch() <= m_toMs; ++it) {
        const double x =
            plot.left() + plot.width() * double(it->at.toMSecsSinceEpoch() - m_fromMs) / span;
        QPen pen(markerColor(it->kind));
        pen.setStyle(it->kind == MetricsMarker::Kind::WeightChange ? Qt::DotLine : Qt::DashLine);
        pen.setWidthF(1);
        painter->setPen(pen);
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const double labelWidth = metrics.horizontalAdvance(it->label);
        // Right of the line, or left of it where the plot ends.
        const double labelX = x + 3 + labelWidth > plot.right() ? x - 3 - labelWidth : x + 3;
        // The first row where it overlaps no label; where none is free, the one freed first.
        int row = 0;
        while (row < kLabelRows && rowRight[size_t(row)] + 4 > labelX)
            ++row;
        if (row == kLabelRows)
            row = int(std::min_element(rowRight.begin(), rowRight.end()) - rowRight.begin());
        const QPointF at(labelX, plot.top() + lineHeight * (row + 1));
        painter->drawText(at, it->label);
        rowRight[size_t(row)] = at.x() + labelWidth;
    }
    painter->restore();
}

} // namespace optimist
