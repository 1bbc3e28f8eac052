#pragma once

#include "PrometheusScrape.h"
#include "core/Error.h"
#include "net/HttpEndpointSecurity.h"
#include "ports/MetricsPort.h"
#include "traefik/TraefikNaming.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <deque>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace optimist {

/// Metrics from Traefik's own /metrics (Prometheus text), scraped directly on a timer.
///
/// Every scrape is parsed, cut down to the series a check needs (traefik_service_requests_total
/// and the traefik_service_request_duration_seconds histogram, of the watched applications'
/// child services) and kept in a time-ordered buffer bounded by `retention`. A scrape's time is
/// when its request was sent, as Prometheus stamps its own scrapes.
///
/// window(app, from, to) answers from the buffered scrapes bracketing the window: the last at or
/// before `from` and the first at or after `to`; when `to` is not yet covered it waits for the
/// next scrapes, at most until `to + maxWait`, and then uses the last scrape before `to` if it is
/// within one scrape interval (plus the request timeout) of it. The counts are the increases
/// between those scrapes (TraefikScrapeWindow: counter resets handled). The window's from/to are
/// the times of the scrapes used, so rps is measured over the span that was really counted.
///
/// Latency sub-samples: the window is cut into the same sub-intervals as the sandbox's (one per
/// 5 s, at least 3, of equal length); each sub-interval's mean latency is computed over the
/// scrapes nearest to its bounds. With the default 1-s interval a 5-s sub-interval spans about 5
/// scrapes, so it still exists when one scrape is late or lost; a sub-interval without requests
/// gives no sub-sample.
///
/// No data is never a pass: a window the scrapes do not cover, or one where the canary has no
/// series, answers with 0 requests and NaN latencies (the engine calls the check inconclusive);
/// when no scrape succeeded during the window and scrapes failed, it answers
/// Error::Kind::Unreachable with the last failure. CPU is NaN (MetricsWithCpu adds it), the
/// weight 0 (the router knows it). The p95 is interpolated within a histogram bucket: the bucket
/// bounds (Traefik's defaults: 0.1, 0.3, 1.2, 5 s) are its resolution, see lastNotes().
class TraefikScrapeMetrics : public QObject, public MetricsPort
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl url; ///< Traefik's metrics endpoint, e.g. http://127.0.0.1:8082/metrics
        /// PEM file of the CA that signed an https endpoint's certificate, besides the system
        /// CAs (`metrics.caFile`).
        QString caFile;
        TraefikNaming::Version version = TraefikNaming::Version::V3;
        /// 1 s: about 5 scrapes per 5-s sub-interval, enough for a sub-sample to survive a lost
        /// scrape, and window ends known to within 1 s. A Traefik /metrics of a few hundred
        /// services parses in well under a millisecond (bench/metrics_parse).
        std::chrono::milliseconds scrapeInterval{1000};
        std::chrono::milliseconds requestTimeout{2000}; ///< per scrape (no data for that long)
        std::chrono::milliseconds retention{std::chrono::minutes(15)}; ///< buffer age bound
        std::chrono::milliseconds maxWait{std::chrono::seconds(10)};   ///< past `to`, see above
        /// Applications whose child services are kept; empty keeps every service's series.
        /// window() adds its application for the scrapes that follow.
        QStringList apps;
    };

    explicit TraefikScrapeMetrics(Config config, QObject *parent = nullptr);
    ~TraefikScrapeMetrics() override;

    void start(); ///< scrapes now and then every scrapeInterval
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    void window(const QString &app, const QDateTime &from, const QDateTime &to,
                Reply<MetricsWindow> reply) override;

    /// Adds one scrape taken at @p takenAt (what the timer does with each answer; public so the
    /// window assembly can be driven without a network). Scrapes not later than the newest
    /// buffered one are dropped. Returns the parse error of a malformed text (then recorded as a
    /// failure, as a failed request is).
    Result<void> ingest(QByteArrayView text, const QDateTime &takenAt);
    /// Records a failed scrape at @p at.
    void recordFailure(const QDateTime &at, const Error &error);

    qsizetype bufferedScrapes() const { return qsizetype(m_scrapes.size()); }
    int failedScrapes() const { return m_failedTotal; }
    std::optional<Error> lastFailure() const;
    /// For each color of the last answered window: its service, series and p95 with the
    /// histogram bucket it was interpolated in (the p95's resolution), or why it is missing.
    QStringList lastNotes() const { return m_lastNotes; }

Q_SIGNALS:
    void scraped(const QDateTime &takenAt);
    void scrapeFailed(const QDateTime &at, const optimist::Error &error);

private:
    struct Pending
    {
        QString app;
        QDateTime from;
        QDateTime to;
        Reply<MetricsWindow> reply;
        QDateTime deadline;
    };
    struct Failure
    {
        QDateTime at;
        Error error;
    };

    void scrape();
    void scrapeFinished(QNetworkReply *reply, const QDateTime &sentAt);
    void prune();
    void watch(const QString &app);
    bool keeps(const QString &service) const;
    void serviceWaiting(bool deadlinePassed);
    /// The window's answer, or nothing while it must still wait.
    std::optional<Result<MetricsWindow>> resolve(const Pending &pending, bool deadlinePassed);
    void armDeadlineTimer();

    Config m_config;
    HttpEndpointSecurity m_security;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_inFlight;
    QTimer m_timer;
    QTimer m_deadlineTimer;
    std::deque<PrometheusScrape> m_scrapes; ///< time order, only the needed series
    std::deque<Failure> m_failures;         ///< time order, bounded like the scrapes
    int m_failedTotal = 0;
    QSet<QString> m_services; ///< kept child services; empty: all
    QList<Pending> m_waiting;
    QStringList m_lastNotes;
};

} // namespace optimist
