#include "TraefikScrapeMetrics.h"

#include "MetricsLogging.h"
#include "PrometheusTextParser.h"
#include "TraefikScrapeWindow.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>
#include <cmath>

namespace optimist {

namespace {

constexpr qint64 kSubIntervalMs = 5000;
constexpr int kMinSubIntervals = 3;

bool isNeededFamily(const QString &name)
{
    static const QString kRequests = QStringLiteral("traefik_service_requests_total");
    static const QString kPrefix = QStringLiteral("traefik_service_request_duration_seconds_");
    if (name == kRequests)
        return true;
    if (!name.startsWith(kPrefix))
        return false;
    const QStringView rest = QStringView(name).mid(kPrefix.size());
    return rest == u"bucket" || rest == u"sum" || rest == u"count";
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

qint64 ms(std::chrono::milliseconds d)
{
    return qint64(d.count());
}

} // namespace

TraefikScrapeMetrics::TraefikScrapeMetrics(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
    m_security.endpointName = tr("Traefik's metrics");
    m_security.caFileKey = QStringLiteral("metrics.caFile");
    m_security.caFile = m_config.caFile;
    m_config.scrapeInterval = std::max(m_config.scrapeInterval, std::chrono::milliseconds(50));
    m_timer.setInterval(m_config.scrapeInterval);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TraefikScrapeMetrics::scrape);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] { serviceWaiting(false); });
    for (const QString &app : std::as_const(m_config.apps))
        watch(app);
}

TraefikScrapeMetrics::~TraefikScrapeMetrics()
{
    // Nobody is answered from a destructor: the waiting replies are dropped, and the aborted
    // scrape's finished() no longer reaches this object.
    m_waiting.clear();
    m_timer.stop();
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
    }
}

void TraefikScrapeMetrics::start()
{
    if (m_timer.isActive())
        return;
    m_timer.start();
    QTimer::singleShot(0, this, &TraefikScrapeMetrics::scrape);
}

void TraefikScrapeMetrics::stop()
{
    m_timer.stop();
    if (m_inFlight)
        m_inFlight->abort();
}

void TraefikScrapeMetrics::watch(const QString &app)
{
    if (m_config.apps.isEmpty())
        return; // every service is kept
    for (const Color color : {Color::Blue, Color::Green})
        m_services.insert(TraefikNaming::childServiceName(app, color, m_config.version));
}

bool TraefikScrapeMetrics::keeps(const QString &service) const
{
    return m_config.apps.isEmpty() || m_services.contains(service);
}

void TraefikScrapeMetrics::scrape()
{
    if (m_inFlight)
        return; // the previous scrape is still running; it has its own timeout
    QNetworkRequest request(m_config.url);
    if (auto prepared = m_security.prepare(request); !prepared) {
        recordFailure(now(), prepared.error());
        return;
    }
    request.setTransferTimeout(int(ms(m_config.requestTimeout)));
    request.setRawHeader("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    const QDateTime sentAt = now();
    HttpEndpointSecurity::logRequest("GET", request);
    QNetworkReply *reply = m_network->get(request);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, sentAt] { scrapeFinished(reply, sentAt); });
}

void TraefikScrapeMetrics::scrapeFinished(QNetworkReply *reply, const QDateTime &sentAt)
{
    reply->deleteLater();
    if (m_inFlight == reply)
        m_inFlight = nullptr;
    const QString where = m_config.url.toDisplayString(QUrl::RemoveUserInfo);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (auto tls = m_security.tlsFailure(reply, where)) {
        recordFailure(sentAt, *tls);
        return;
    }
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        if (timedOut && !m_timer.isActive())
            return; // stopped
        recordFailure(sentAt,
                      Error{timedOut ? Error::Kind::Timeout : Error::Kind::Unreachable,
                            timedOut ? tr("Traefik's metrics at %1 did not answer within %2 ms; "
                                          "check that Traefik runs and the metrics URL of the "
                                          "environment")
                                           .arg(where)
                                           .arg(ms(m_config.requestTimeout))
                                     : tr("cannot reach Traefik's metrics at %1 (%2); check that "
                                          "Traefik runs and the metrics URL of the environment")
                                           .arg(where, reply->errorString())});
        return;
    }
    if (status != 200) {
        recordFailure(sentAt,
                      Error{status == 404 ? Error::Kind::NotFound : Error::Kind::Invalid,
                            tr("Traefik's metrics at %1 answered HTTP %2 instead of 200; check "
                               "the metrics URL and that Traefik has metrics.prometheus enabled")
                                .arg(where)
                                .arg(status)});
        return;
    }
    ingest(reply->readAll(), sentAt);
}

Result<void> TraefikScrapeMetrics::ingest(QByteArrayView text, const QDateTime &takenAt)
{
    Result<PrometheusScrape> parsed = PrometheusTextParser::parse(text);
    if (!parsed) {
        const Error error{
            Error::Kind::Invalid,
            tr("Traefik's metrics at %1 are not valid Prometheus text: %2")
                .arg(m_config.url.toDisplayString(QUrl::RemoveUserInfo), parsed.error().message)};
        recordFailure(takenAt, error);
        return error;
    }
    if (!m_scrapes.empty() && takenAt <= m_scrapes.back().takenAt)
        return {};
    const PrometheusScrape &full = parsed.value();
    PrometheusScrape kept;
    kept.takenAt = takenAt;
    for (const PrometheusSample &sample : full.samples) {
        if (isNeededFamily(sample.name) && keeps(sample.label(u"service")))
            kept.samples.append(sample);
    }
    if (!m_failures.empty() &&
        (m_scrapes.empty() || m_failures.back().at > m_scrapes.back().takenAt))
        qCInfo(lcMetrics) << "scraping Traefik's metrics works again";
    m_scrapes.push_back(std::move(kept));
    prune();
    Q_EMIT scraped(takenAt);
    serviceWaiting(false);
    return {};
}

void TraefikScrapeMetrics::recordFailure(const QDateTime &at, const Error &error)
{
    // Log the first failure of a run of failures, not one line per second.
    const bool first = m_failures.empty() ||
                       (!m_scrapes.empty() && m_scrapes.back().takenAt > m_failures.back().at);
    if (first)
        qCWarning(lcMetrics).noquote() << error.message;
    m_failures.push_back({at, error});
    ++m_failedTotal;
    prune();
    Q_EMIT scrapeFailed(at, error);
    serviceWaiting(false);
}

std::optional<Error> TraefikScrapeMetrics::lastFailure() const
{
    if (m_failures.empty())
        return std::nullopt;
    return m_failures.back().error;
}

void TraefikScrapeMetrics::prune()
{
    const qint64 retention = ms(m_config.retention);
    QDateTime newest;
    if (!m_scrapes.empty())
        newest = m_scrapes.back().takenAt;
    if (!m_failures.empty() && (!newest.isValid() || m_failures.back().at > newest))
        newest = m_failures.back().at;
    const QDateTime oldest = newest.addMSecs(-retention);
    while (!m_scrapes.empty() && m_scrapes.front().takenAt < oldest)
        m_scrapes.pop_front();
    while (!m_failures.empty() && m_failures.front().at < oldest)
        m_failures.pop_front();
}

void TraefikScrapeMetrics::window(const QString &app, const QDateTime &from, const QDateTime &to,
                                  Reply<MetricsWindow> reply)
{
    if (!from.isValid() || !to.isValid() || to <= from) {
        QTimer::singleShot(0, this, [reply, from, to] {
            reply(Error{Error::Kind::Invalid, tr("the metrics window %1 – %2 is not a time span")
                                                  .arg(from.toString(Qt::ISODateWithMs),
                                                       to.toString(Qt::ISODateWithMs))});
        });
        return;
    }
    watch(app);
    const QDateTime deadline = std::max(now(), to).addMSecs(ms(m_config.maxWait));
    m_waiting.append(Pending{app, from, to, std::move(reply), deadline});
    // Never answer from inside window(): look at the buffer on the next turn of the event loop.
    QTimer::singleShot(0, this, [this] { serviceWaiting(false); });
}

void TraefikScrapeMetrics::armDeadlineTimer()
{
    QDateTime earliest;
    for (const Pending &p : std::as_const(m_waiting)) {
        if (!earliest.isValid() || p.deadline < earliest)
            earliest = p.deadline;
    }
    if (!earliest.isValid()) {
        m_deadlineTimer.stop();
        return;
    }
    m_deadlineTimer.start(int(std::clamp<qint64>(now().msecsTo(earliest) + 1, 0, 24 * 3600000)));
}

void TraefikScrapeMetrics::serviceWaiting(bool deadlinePassed)
{
    const QDateTime t = now();
    QList<std::pair<Reply<MetricsWindow>, Result<MetricsWindow>>> ready;
    for (qsizetype i = 0; i < m_waiting.size();) {
        const Pending &p = m_waiting.at(i);
        if (p.reply.isCancelled()) {
            m_waiting.removeAt(i);
            continue;
        }
        std::optional<Result<MetricsWindow>> answer = resolve(p, deadlinePassed || t >= p.deadline);
        if (!answer) {
            ++i;
            continue;
        }
        ready.append({p.reply, std::move(*answer)});
        m_waiting.removeAt(i);
    }
    armDeadlineTimer();
    for (const auto &[reply, result] : ready)
        reply(result);
}

std::optional<Result<MetricsWindow>> TraefikScrapeMetrics::resolve(const Pending &p,
                                                                   bool deadlinePassed)
{
    const qint64 tolerance = ms(m_config.scrapeInterval) + ms(m_config.requestTimeout);
    const auto byTime = [](const PrometheusScrape &s, const QDateTime &t) { return s.takenAt < t; };

    // The first scrape at or after `to`, or, once waiting is over, the last one near before it.
    auto endIt = std::lower_bound(m_scrapes.cbegin(), m_scrapes.cend(), p.to, byTime);
    if (endIt == m_scrapes.cend()) {
        if (!deadlinePassed)
            return std::nullopt;
        if (endIt != m_scrapes.cbegin() && std::prev(endIt)->takenAt.msecsTo(p.to) <= tolerance)
            endIt = std::prev(endIt);
    }
    // The last scrape at or before `from`, or the first one shortly after it.
    auto startIt = std::upper_bound(
        m_scrapes.cbegin(), m_scrapes.cend(), p.from,
        [](const QDateTime &t, const PrometheusScrape &s) { return t < s.takenAt; });
    if (startIt != m_scrapes.cbegin())
        startIt = std::prev(startIt);
    else if (startIt != m_scrapes.cend() && p.from.msecsTo(startIt->takenAt) > tolerance)
        startIt = m_scrapes.cend();

    const QString blue = TraefikNaming::childServiceName(p.app, Color::Blue, m_config.version);
    const QString green = TraefikNaming::childServiceName(p.app, Color::Green, m_config.version);
    const QString where = m_config.url.toDisplayString(QUrl::RemoveUserInfo);

    if (endIt == m_scrapes.cend() || startIt == m_scrapes.cend() || !(startIt < endIt)) {
        // Not covered. Unreachable when the endpoint failed and never answered since `from`.
        const bool answeredSince = !m_scrapes.empty() && m_scrapes.back().takenAt > p.from;
        const bool failedSince = !m_failures.empty() && m_failures.back().at >= p.from;
        if (failedSince && !answeredSince)
            return Result<MetricsWindow>(
                Error{Error::Kind::Unreachable,
                      tr("no scrape of Traefik's metrics succeeded between %1 and %2; the last "
                         "attempt failed: %3")
                          .arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate),
                               m_failures.back().error.message)});
        MetricsWindow missing;
        missing.from = p.from;
        missing.to = p.to;
        missing.source = QStringLiteral("traefik");
        m_lastNotes = {tr("the scrapes of %1 do not cover the window %2 – %3 (%4 scrapes "
                          "buffered); both colors are reported without data")
                           .arg(where, p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate))
                           .arg(m_scrapes.size())};
        return Result<MetricsWindow>(missing);
    }

    const QList<PrometheusScrape> slice(startIt, std::next(endIt));
    Result<TraefikScrapeWindow> total = TraefikScrapeWindow::compute(slice, blue, green);
    if (!total)
        return Result<MetricsWindow>(total.error());
    MetricsWindow w = total.value().window();

    // Sub-intervals as the sandbox cuts them; each bound moves to the nearest scrape.
    const qint64 firstMs = slice.first().takenAt.toMSecsSinceEpoch();
    const qint64 span = slice.last().takenAt.toMSecsSinceEpoch() - firstMs;
    const int parts =
        int(std::max<qint64>(kMinSubIntervals, (span + kSubIntervalMs - 1) / kSubIntervalMs));
    const auto nearest = [&slice](qint64 t) {
        qsizetype best = 0;
        qint64 bestDistance = std::numeric_limits<qint64>::max();
        for (qsizetype i = 0; i < slice.size(); ++i) {
            const qint64 d = std::abs(slice.at(i).takenAt.toMSecsSinceEpoch() - t);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    };
    w.blue.latencySubsamplesMs.clear();
    w.green.latencySubsamplesMs.clear();
    qsizetype a = 0;
    for (int k = 1; k <= parts; ++k) {
        const qsizetype b = k == parts ? slice.size() - 1 : nearest(firstMs + span * k / parts);
        if (b <= a)
            continue;
        Result<TraefikScrapeWindow> part =
            TraefikScrapeWindow::compute(slice.mid(a, b - a + 1), blue, green);
        a = b;
        if (!part)
            continue;
        for (const Color color : {Color::Blue, Color::Green}) {
            const double mean = part.value().window().of(color).latencyMeanMs;
            if (!std::isnan(mean))
                w.of(color).latencySubsamplesMs.append(mean);
        }
    }

    m_lastNotes.clear();
    for (const Color color : {Color::Blue, Color::Green}) {
        const TraefikScrapeWindow::ColorDetail &d = total.value().detail(color);
        if (d.requestSeries == 0)
            m_lastNotes << tr("%1: no traefik_service_requests_total series in the scrapes of "
                              "%2; the color is reported without data")
                               .arg(d.service, where);
        else
            m_lastNotes << total.value().p95Resolution(color);
    }
    return Result<MetricsWindow>(w);
}

} // namespace optimist
