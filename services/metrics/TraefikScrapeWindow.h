#pragma once

#include "HistogramQuantile.h"
#include "PrometheusScrape.h"
#include "core/MetricsWindow.h"
#include "core/Result.h"

#include <QCoreApplication>

namespace optimist {

/// One application's check window from successive scrapes of Traefik's /metrics.
///
/// Per color (its child service, the `service` label, e.g. "demo-blue@swarm"): requests are the
/// increase of traefik_service_requests_total summed over code, method and protocol; errors the
/// part with code 500–599; the mean latency is the increase of
/// traefik_service_request_duration_seconds_sum over that of _count; the p95 is histogram_quantile
/// over the increases of the _bucket series summed by le, and its bucket is kept as the p95's
/// resolution. Increases are taken between consecutive scrapes, per series: a counter that went
/// down restarted from 0, so its increase is its new value (a histogram restarts as a whole when
/// its count, sum or any bucket went down). Each pair of consecutive scrapes gives one latency
/// sub-sample. A color without series has 0 requests and NaN latency, never an error: the engine
/// then calls the check inconclusive. CPU stays NaN (it comes from Docker) and the weight 0
/// (the router knows it).
class TraefikScrapeWindow
{
    Q_DECLARE_TR_FUNCTIONS(TraefikScrapeWindow)

public:
    /// What the window saw of one color, beyond the ColorMetrics.
    struct ColorDetail
    {
        QString service;       ///< the `service` label matched
        int requestSeries = 0; ///< traefik_service_requests_total series in the last scrape
        int counterResets = 0; ///< series (or histograms) that restarted within the window
        HistogramQuantile::Estimate p95Seconds; ///< the p95 and the bucket it lies in, seconds
    };

    /// The window over @p scrapes (at least two, each with takenAt set, in time order).
    static Result<TraefikScrapeWindow> compute(const QList<PrometheusScrape> &scrapes,
                                               const QString &blueService,
                                               const QString &greenService);
    /// The window between two scrapes.
    static Result<TraefikScrapeWindow> compute(const PrometheusScrape &start,
                                               const PrometheusScrape &end,
                                               const QString &blueService,
                                               const QString &greenService);

    const MetricsWindow &window() const { return m_window; }
    const ColorDetail &detail(Color color) const { return color == Color::Blue ? m_blue : m_green; }
    /// A sentence stating the p95 of @p color with its bucket resolution.
    QString p95Resolution(Color color) const;

private:
    TraefikScrapeWindow() = default;

    MetricsWindow m_window;
    ColorDetail m_blue;
    ColorDetail m_green;
};

} // namespace optimist
