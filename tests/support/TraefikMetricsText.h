#pragma once

// Traefik-format /metrics text whose counters a test controls: requests by child service and
// code, and latency observations put into Traefik's default buckets 0.1, 0.3, 1.2, 5 s.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <array>

namespace optimist::test {

class TraefikMetricsText
{
public:
    static constexpr std::array<double, 4> kBounds = {0.1, 0.3, 1.2, 5.0};

    /// Declares the series of @p service and @p code with zero counts (as Traefik does once a
    /// request was seen; a test declares them up front so that Prometheus sees them from 0).
    void declare(const QString &service, int code) { m_series[{service, code}]; }

    /// @p count requests of @p service answered with @p code, each taking @p seconds.
    void observe(const QString &service, int code, double seconds, int count = 1)
    {
        Series &s = m_series[{service, code}];
        s.requests += count;
        s.sum += seconds * count;
        for (std::size_t i = 0; i < kBounds.size(); ++i) {
            if (seconds <= kBounds[i])
                s.buckets[i] += count;
        }
    }

    /// Every series restarts from zero (Traefik restarted).
    void reset()
    {
        for (Series &s : m_series)
            s = Series{};
    }

    QByteArray text() const
    {
        QByteArray out = "# HELP traefik_entrypoint_requests_total How many HTTP requests "
                         "processed on an entrypoint.\n"
                         "# TYPE traefik_entrypoint_requests_total counter\n"
                         "traefik_entrypoint_requests_total{code=\"200\",entrypoint=\"web\","
                         "method=\"GET\",protocol=\"http\"} 12345\n"
                         "# HELP traefik_service_request_duration_seconds How long it took to "
                         "process the request on a service.\n"
                         "# TYPE traefik_service_request_duration_seconds histogram\n";
        for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
            const QByteArray labels = labelsOf(it.key());
            const Series &s = it.value();
            for (std::size_t i = 0; i < kBounds.size(); ++i)
                out += "traefik_service_request_duration_seconds_bucket{" + labels + ",le=\"" +
                       QByteArray::number(kBounds[i]) + "\"} " + QByteArray::number(s.buckets[i]) +
                       "\n";
            out += "traefik_service_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
                   QByteArray::number(s.requests) + "\n";
            out += "traefik_service_request_duration_seconds_sum{" + labels + "} " +
                   QByteArray::number(s.sum, 'g', 17) + "\n";
            out += "traefik_service_request_duration_seconds_count{" + labels + "} " +
                   QByteArray::number(s.requests) + "\n";
        }
        out += "# HELP traefik_service_requests_total How many HTTP requests processed on a "
               "service.\n"
               "# TYPE traefik_service_requests_total counter\n";
        for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
            out += "traefik_service_requests_total{" + labelsOf(it.key()) + "} " +
                   QByteArray::number(it.value().requests) + "\n";
        return out;
    }

private:
    struct Series
    {
        qint64 requests = 0;
        std::array<qint64, 4> buckets = {0, 0, 0, 0};
        double sum = 0;
    };
    using Key = std::pair<QString, int>;

    static QByteArray labelsOf(const Key &key)
    {
        return "code=\"" + QByteArray::number(key.second) +
               "\",method=\"GET\",protocol=\"http\",service=\"" + key.first.toUtf8() + "\"";
    }

    QMap<Key, Series> m_series;
};

} // namespace optimist::test
