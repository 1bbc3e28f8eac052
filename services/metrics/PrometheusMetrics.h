#pragma once

#include "PrometheusApiResult.h"
#include "net/HttpEndpointSecurity.h"
#include "ports/MetricsPort.h"
#include "traefik/TraefikNaming.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace optimist {

/// Metrics of Traefik's child services read from a Prometheus that scrapes Traefik, through
/// Prometheus' HTTP API (POST /api/v1/query and /api/v1/query_range, evaluated at the window's
/// `to`, the range being the window's length in ms). Per window, three instant queries and one
/// range query run concurrently:
///  - requests by code: sum by (service, code) (increase(traefik_service_requests_total{…}[N]));
///    errors are the codes 500–599;
///  - the latency histogram: sum by (service, le) (increase(…_bucket{…}[N])); the p95 is
///    computed from it exactly as histogram_quantile(0.95, …) computes it (HistogramQuantile),
///    which also tells the bucket it lies in (its resolution, lastNotes());
///  - the mean: increase of _sum over increase of _count;
///  - the latency sub-samples: the same mean over each sub-interval (the sandbox's cut: one per
///    5 s, at least 3), as a query_range stepping by the sub-interval.
///
/// increase() extrapolates to the range's edges, so counts are estimates, not integers: they
/// are rounded, and may exceed what a direct scrape counts by up to about two of Prometheus'
/// scrape intervals' share of the window. Ratios (error rate, mean, p95) are hardly affected:
/// the series of one target share their sample times and so their extrapolation, except that a
/// series is not extrapolated below zero (a series that starts at 0 in the range is scaled a
/// little less); sub-samples over short ranges show that most (tests: within 1 %).
///
/// No data is never a pass: a color whose series are absent (empty vector) or NaN has 0
/// requests and NaN latencies, and the engine calls the check inconclusive. Typed errors:
/// Unreachable (refused, DNS, TLS), Timeout, Other for HTTP 401/403 (the token is wrong or
/// missing; the token itself never appears anywhere), and Prometheus' own "status":"error"
/// (see PrometheusApiReader). CPU is NaN (MetricsWithCpu adds it), the weight 0.
class PrometheusMetrics : public QObject, public MetricsPort
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl baseUrl; ///< e.g. http://prometheus:9090 (a path prefix is kept)
        TraefikNaming::Version version = TraefikNaming::Version::V3;
        /// Sent as "Authorization: Bearer …" when not empty. Looked up by the caller (keychain).
        QString bearerToken;
        /// PEM file of the CA that signed an https Prometheus' certificate, besides the
        /// system CAs (`metrics.caFile`).
        QString caFile;
        /// The token may go over plain http to a host that is not loopback.
        bool allowInsecureHttp = false;
        std::chrono::milliseconds timeout{10000}; ///< per HTTP request (no data for that long)
        /// How long after `to` the queries run, so that Prometheus has scraped up to `to`: at
        /// least Prometheus' scrape_interval for Traefik (plus a little for ingestion).
        std::chrono::milliseconds settleDelay{2000};
    };

    explicit PrometheusMetrics(Config config, QObject *parent = nullptr);
    ~PrometheusMetrics() override;

    void window(const QString &app, const QDateTime &from, const QDateTime &to,
                Reply<MetricsWindow> reply) override;

    /// One instant query of @p promql at @p at (the building block of window()).
    void query(const QString &promql, const QDateTime &at, Reply<PrometheusApiResult> reply);
    /// One range query from @p start to @p end stepping by @p stepMs.
    void queryRange(const QString &promql, const QDateTime &start, const QDateTime &end,
                    qint64 stepMs, Reply<PrometheusApiResult> reply);

    /// For each color of the last answered window: the p95 with its histogram bucket, or why a
    /// figure is missing.
    QStringList lastNotes() const { return m_lastNotes; }

    /// @p text as a PromQL string literal's content ("…" escapes).
    static QString quoteLabel(const QString &text);
    /// @p text as a literal inside a PromQL (RE2) regular expression.
    static QString regexLiteral(const QString &text);

private:
    struct Assembly;

    void run(const QString &app, const QDateTime &from, const QDateTime &to,
             Reply<MetricsWindow> reply);
    void post(const QString &path, const QList<std::pair<QString, QString>> &form,
              Reply<PrometheusApiResult> reply);
    void finish(const std::shared_ptr<Assembly> &assembly);

    Config m_config;
    HttpEndpointSecurity m_security;
    QNetworkAccessManager *m_network = nullptr;
    QStringList m_lastNotes;
};

} // namespace optimist
