// Frame time of the metrics panel (five charts, blue and green lines each) with 1,000,000
// samples per line against 1,000, measured in one run, frames of the two interleaved. A frame is
// what a live rollout costs per batched redraw: one new sample on every line, the redraw
// (binary search of the visible range, min/max decimation to the plot's pixel columns, one
// replace() per line) and the paint of the whole panel (QWidget::grab, offscreen). Prints
// key=value lines; asserts nothing. See bench/README.md.

#include "charts/MetricChartView.h"
#include "charts/MetricsPanel.h"
#include "metrics/MetricsTimeline.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace optimist;
using Metric = MetricsTimeline::Metric;

namespace {

constexpr int kFrames = 40;
constexpr int kWarmUp = 3;
constexpr qint64 kStartMs = 1'795'000'000'000; // samples one second apart from here

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double valueAt(Metric metric, Color color, qint64 i)
{
    // A slow wave with noise-like wiggle, a different level per metric and color; green has a
    // short outage (NaN: a gap) every 250,000 samples.
    if (color == Color::Green && i % 250'000 >= 249'000)
        return std::nan("");
    const double level = 20 + 15 * int(metric) + (color == Color::Green ? 5 : 0);
    return level + 8 * std::sin(double(i) / 7000.0) + 3 * std::sin(double(i) * 1.7);
}

struct Setup
{
    explicit Setup(qint64 initialSamples)
        : samples(initialSamples)
        , timeline(nullptr, initialSamples + kFrames + kWarmUp + 1)
    {
        for (Metric metric : MetricsTimeline::kMetrics)
            for (Color color : {Color::Blue, Color::Green})
                for (qint64 i = 0; i < initialSamples; ++i)
                    timeline.appendSample(metric, color, kStartMs + i * 1000,
                                          valueAt(metric, color, i));
        panel.resize(1400, 1000);
        panel.setTimeline(&timeline);
        panel.show();
    }

    /// One live frame; adds its wall and CPU time in ms and the parts' to the lists.
    void frame()
    {
        const qint64 i = samples++;
        for (Metric metric : MetricsTimeline::kMetrics)
            for (Color color : {Color::Blue, Color::Green})
                timeline.appendSample(metric, color, kStartMs + i * 1000,
                                      valueAt(metric, color, i));
        QElapsedTimer wall;
        wall.start();
        const double cpu0 = threadCpuMs();
        panel.redrawNow();
        const double redrawMs = double(wall.nsecsElapsed()) / 1e6;
        const QPixmap pixmap = panel.grab();
        wallMs.push_back(double(wall.nsecsElapsed()) / 1e6);
        cpuMs.push_back(threadCpuMs() - cpu0);
        redrawPartMs.push_back(redrawMs);
        paintPartMs.push_back(wallMs.back() - redrawMs);
        if (pixmap.isNull())
            std::fprintf(stderr, "grab returned nothing\n");
    }

    qint64 samples;
    MetricsTimeline timeline;
    MetricsPanel panel;
    std::vector<double> wallMs, cpuMs, redrawPartMs, paintPartMs;
};

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

void report(const char *name, const Setup &s)
{
    std::printf("%s_samples_per_line=%lld\n", name, qlonglong(s.samples));
    std::printf("%s_frame_wall_median_ms=%.2f\n%s_frame_wall_p90_ms=%.2f\n", name,
                percentile(s.wallMs, 0.5), name, percentile(s.wallMs, 0.9));
    std::printf("%s_frame_cpu_median_ms=%.2f\n", name, percentile(s.cpuMs, 0.5));
    std::printf("%s_redraw_median_ms=%.2f\n%s_paint_median_ms=%.2f\n", name,
                percentile(s.redrawPartMs, 0.5), name, percentile(s.paintPartMs, 0.5));
    int points = 0;
    int columns = 0;
    for (MetricChartView *chart : s.panel.charts()) {
        points =
            std::max({points, chart->pointCount(Color::Blue), chart->pointCount(Color::Green)});
        columns = std::max(columns, chart->plotColumns());
    }
    std::printf("%s_max_points_per_line=%d\n%s_max_plot_columns=%d\n", name, points, name, columns);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    QElapsedTimer fill;
    fill.start();
    Setup small(1'000);
    Setup large(1'000'000);
    std::printf("frames=%d\nlines=10\nplatform=%s\nfill_s=%.2f\n", kFrames,
                qPrintable(QGuiApplication::platformName()), double(fill.elapsed()) / 1000);
    QCoreApplication::processEvents();
    for (int i = 0; i < kWarmUp; ++i) {
        small.frame();
        large.frame();
    }
    for (Setup *s : {&small, &large}) {
        s->wallMs.clear();
        s->cpuMs.clear();
        s->redrawPartMs.clear();
        s->paintPartMs.clear();
    }
    // Interleaved, so a busy moment of the machine falls on both alike.
    for (int i = 0; i < kFrames; ++i) {
        small.frame();
        large.frame();
        QCoreApplication::processEvents();
    }
    report("small", small);
    report("large", large);
    const double wallRatio = percentile(large.wallMs, 0.5) / percentile(small.wallMs, 0.5);
    const double cpuRatio = percentile(large.cpuMs, 0.5) / percentile(small.cpuMs, 0.5);
    std::printf("ratio_wall_median=%.2f\nratio_cpu_median=%.2f\n", wallRatio, cpuRatio);
    std::printf("goal=ratio<=3 %s\n", wallRatio <= 3 ? "met" : "not met");
    return 0;
}
