#include "PrometheusMetrics.h"

#include "HistogramQuantile.h"
#include "MetricsLogging.h"
#include "PrometheusApiReader.h"

#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <cmath>
#include <limits>

namespace optimist {

namespace {

constexpr qint64 kSubIntervalMs = 5000;
constexpr int kMinSubIntervals = 3;

QString seconds(const QDateTime &t)
{
    return QString::number(double(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

bool isServerError(const QString &code)
{
    bool ok = false;
    const int value = code.toInt(&ok);
    return ok && value >= 500 && value <= 599;
}

} // namespace

/// The four answers of one window, gathered as they arrive.
struct PrometheusMetrics::Assembly
{
    explicit Assembly(Reply<MetricsWindow> r)
        : reply(std::move(r))
    {
    }

    Reply<MetricsWindow> reply;
    QString blue;
    QString green;
    MetricsWindow window;
    int outstanding = 4;
    bool failed = false;
    std::optional<PrometheusApiResult> requests;
    std::optional<PrometheusApiResult> buckets;
    std::optional<PrometheusApiResult> mean;
    std::optional<PrometheusApiResult> subsamples;
};

PrometheusMetrics::PrometheusMetrics(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
    m_security.endpointName = tr("Prometheus");
    m_security.caFileKey = QStringLiteral("metrics.caFile");
    m_security.caFile = m_config.caFile;
    m_security.allowInsecureHttp = m_config.allowInsecureHttp;
}

PrometheusMetrics::~PrometheusMetrics() = default;

QString PrometheusMetrics::quoteLabel(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'"')
            out += u'\\';
        if (c == u'\n') {
            out += QLatin1String("\\n");
            continue;
        }
        out += c;
    }
    return out;
}

QString PrometheusMetrics::regexLiteral(const QString &text)
{
    static const QString kSpecial = QStringLiteral("\\.+*?()|[]{}^$");
    QString out;
    for (const QChar c : text) {
        if (kSpecial.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

void PrometheusMetrics::window(const QString &app, const QDateTime &from, const QDateTime &to,
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
    // Let Prometheus scrape past `to` first; never answer from inside window().
    const qint64 wait = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(to) +
                                                qint64(m_config.settleDelay.count()));
    QTimer::singleShot(std::chrono::milliseconds(wait), this, [this, app, from, to, reply] {
        if (!reply.isCancelled())
            run(app, from, to, reply);
    });
}

void PrometheusMetrics::run(const QString &app, const QDateTime &from, const QDateTime &to,
                            Reply<MetricsWindow> reply)
{
    auto assembly = std::make_shared<Assembly>(reply);
    assembly->blue = TraefikNaming::childServiceName(app, Color::Blue, m_config.version);
    assembly->green = TraefikNaming::childServiceName(app, Color::Green, m_config.version);
    assembly->window.from = from;
    assembly->window.to = to;
    assembly->window.source = QStringLiteral("prometheus");

    const qint64 spanMs = from.msecsTo(to);
    const QString range = QStringLiteral("[%1ms]").arg(spanMs);
    const QString selector = QStringLiteral("{service=~\"%1|%2\"}")
                                 .arg(quoteLabel(regexLiteral(assembly->blue)),
                                      quoteLabel(regexLiteral(assembly->green)));
    const QString duration = QStringLiteral("traefik_service_request_duration_seconds");
    const auto meanOver = [&](const QString &r) {
        return QStringLiteral("sum by (service) (increase(%1_sum%2%3)) / sum by (service) "
                              "(increase(%1_count%2%3))")
            .arg(duration, selector, r);
    };
    const int parts =
        int(std::max<qint64>(kMinSubIntervals, (spanMs + kSubIntervalMs - 1) / kSubIntervalMs));
    const qint64 partMs = std::max<qint64>(1, spanMs / parts);

    const auto collect = [this, assembly, token = reply.token()](
                             std::optional<PrometheusApiResult> Assembly::*slot) {
        return Reply<PrometheusApiResult>(
            this,
            [this, assembly, slot](const Result<PrometheusApiResult> &r) {
                if (assembly->failed)
                    return;
                if (!r) {
                    assembly->failed = true;
                    assembly->reply(r.error());
                    return;
                }
                for (const QString &w : r.value().warnings)
                    qCInfo(lcMetrics).noquote() << "Prometheus warns:" << w;
                (*assembly).*slot = r.value();
                if (--assembly->outstanding == 0)
                    finish(assembly);
            },
            token);
    };

    query(QStringLiteral("sum by (service, code) (increase(traefik_service_requests_total%1%2))")
              .arg(selector, range),
          to, collect(&Assembly::requests));
    query(QStringLiteral("sum by (service, le) (increase(%1_bucket%2%3))")
              .arg(duration, selector, range),
          to, collect(&Assembly::buckets));
    query(meanOver(range), to, collect(&Assembly::mean));
    queryRange(meanOver(QStringLiteral("[%1ms]").arg(partMs)), from.addMSecs(partMs), to, partMs,
               collect(&Assembly::subsamples));
}

void PrometheusMetrics::finish(const std::shared_ptr<Assembly> &assembly)
{
    MetricsWindow &w = assembly->window;
    const auto colorOf = [&](const QString &service) -> ColorMetrics * {
        if (service == assembly->blue)
            return &w.blue;
        if (service == assembly->green)
            return &w.green;
        return nullptr;
    };
    const double spanSec = w.seconds();

    QMap<QString, double> requests;
    QMap<QString, double> errors;
    for (const PrometheusApiResult::Series &s : std::as_const(assembly->requests->series)) {
        const QString service = s.metric.value(QStringLiteral("service"));
        if (s.points.isEmpty() || !std::isfinite(s.points.first().value))
            continue; // NaN: missing, never zero
        requests[service] += s.points.first().value;
        if (isServerError(s.metric.value(QStringLiteral("code"))))
            errors[service] += s.points.first().value;
    }
    QMap<QString, QList<HistogramQuantile::Bucket>> buckets;
    for (const PrometheusApiResult::Series &s : std::as_const(assembly->buckets->series)) {
        double bound = 0;
        if (s.points.isEmpty() || !std::isfinite(s.points.first().value) ||
            !PrometheusApiReader::parseValue(s.metric.value(QStringLiteral("le")), &bound))
            continue;
        buckets[s.metric.value(QStringLiteral("service"))].append({bound, s.points.first().value});
    }

    m_lastNotes.clear();
    for (const QString &service : {assembly->blue, assembly->green}) {
        ColorMetrics &m = *colorOf(service);
        const double count = requests.value(service, 0);
        m.requests = qint64(std::llround(count));
        m.errors = qint64(std::llround(errors.value(service, 0)));
        m.rps = spanSec > 0 ? count / spanSec : 0;
        if (m.requests <= 0) {
            // No requests (or no series at all): the latency figures stay NaN.
            m_lastNotes
                << tr("%1: Prometheus has no requests for this service in the window").arg(service);
            continue;
        }
        const HistogramQuantile::Estimate p95 =
            HistogramQuantile::estimate(0.95, buckets.value(service));
        m.latencyP95Ms = 1000.0 * p95.value;
        if (!p95.valid())
            m_lastNotes << tr("%1: no p95, Prometheus has no latency histogram for the window")
                               .arg(service);
        else if (std::isinf(p95.upper))
            m_lastNotes << tr("%1: p95 is above the largest finite bucket bound, %2 ms (only a "
                              "lower bound)")
                               .arg(service, QString::number(1000.0 * p95.lower, 'g', 6));
        else
            m_lastNotes << tr("%1: p95 %2 ms, interpolated within the histogram bucket %3–%4 ms")
                               .arg(service, QString::number(1000.0 * p95.value, 'g', 6),
                                    QString::number(1000.0 * p95.lower, 'g', 6),
                                    QString::number(1000.0 * p95.upper, 'g', 6));
    }
    for (const PrometheusApiResult::Series &s : std::as_const(assembly->mean->series)) {
        ColorMetrics *m = colorOf(s.metric.value(QStringLiteral("service")));
        if (m && m->requests > 0 && !s.points.isEmpty() && std::isfinite(s.points.first().value))
            m->latencyMeanMs = 1000.0 * s.points.first().value;
    }
    for (const PrometheusApiResult::Series &s : std::as_const(assembly->subsamples->series)) {
        ColorMetrics *m = colorOf(s.metric.value(QStringLiteral("service")));
        if (!m || m->requests <= 0)
            continue;
        for (const PrometheusApiResult::Point &p : s.points) {
            if (std::isfinite(p.value)) // a sub-interval without requests is 0/0 = NaN
                m->latencySubsamplesMs.append(1000.0 * p.value);
        }
    }
    assembly->reply(w);
}

void PrometheusMetrics::query(const QString &promql, const QDateTime &at,
                              Reply<PrometheusApiResult> reply)
{
    post(QStringLiteral("/api/v1/query"),
         {{QStringLiteral("query"), promql}, {QStringLiteral("time"), seconds(at)}},
         std::move(reply));
}

void PrometheusMetrics::queryRange(const QString &promql, const QDateTime &start,
                                   const QDateTime &end, qint64 stepMs,
                                   Reply<PrometheusApiResult> reply)
{
    post(QStringLiteral("/api/v1/query_range"),
         {{QStringLiteral("query"), promql},
          {QStringLiteral("start"), seconds(start)},
          {QStringLiteral("end"), seconds(end)},
          {QStringLiteral("step"), QString::number(double(stepMs) / 1000.0, 'f', 3)}},
         std::move(reply));
}

void PrometheusMetrics::post(const QString &path, const QList<std::pair<QString, QString>> &form,
                             Reply<PrometheusApiResult> reply)
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(QString());
    // Form-encoded in the body: '+' in a URL query would reach Prometheus as a space.
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    const QString where = m_config.baseUrl.toDisplayString(QUrl::RemoveUserInfo);
    std::optional<Error> refused;
    if (!m_config.bearerToken.isEmpty())
        refused = m_security.refuseCredentials(url);
    QNetworkRequest request(url);
    if (!refused) {
        if (auto prepared = m_security.prepare(request); !prepared)
            refused = prepared.error();
    }
    if (refused) {
        QTimer::singleShot(0, this, [reply, error = *refused] {
            if (!reply.isCancelled())
                reply(error);
        });
        return;
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    if (!m_config.bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.bearerToken.toUtf8());
    request.setTransferTimeout(int(m_config.timeout.count()));
    // The token never follows a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    HttpEndpointSecurity::logRequest("POST", request);
    QNetworkReply *networkReply = m_network->post(request, body);
    const qint64 timeoutMs = qint64(m_config.timeout.count());
    connect(networkReply, &QNetworkReply::finished, this,
            [this, networkReply, reply, where, timeoutMs] {
                networkReply->deleteLater();
                if (reply.isCancelled())
                    return;
                const int status =
                    networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (auto tls = m_security.tlsFailure(networkReply, where)) {
                    reply(*tls);
                    return;
                }
                if (networkReply->error() != QNetworkReply::NoError && status == 0) {
                    const bool timedOut =
                        networkReply->error() == QNetworkReply::OperationCanceledError ||
                        networkReply->error() == QNetworkReply::TimeoutError;
                    reply(timedOut ? Error{Error::Kind::Timeout,
                                           tr("Prometheus at %1 did not answer within %2 ms; check "
                                              "that it runs and is not overloaded")
                                               .arg(where)
                                               .arg(timeoutMs)}
                                   : Error{Error::Kind::Unreachable,
                                           tr("cannot reach Prometheus at %1 (%2); check the "
                                              "environment's Prometheus URL and that it runs")
                                               .arg(where, networkReply->errorString())});
                    return;
                }
                if (status == 401 || status == 403) {
                    // Invalid, as the router's API client types refused credentials: waiting does
                    // not fix a token.
                    reply(Error{Error::Kind::Invalid,
                                tr("Prometheus at %1 refused access (HTTP %2); check the token "
                                   "stored in the keychain for this environment")
                                    .arg(where)
                                    .arg(status)});
                    return;
                }
                const QByteArray answer = networkReply->readAll();
                Result<PrometheusApiResult> result = PrometheusApiReader::read(answer);
                if (!result && status != 200 && result.error().kind == Error::Kind::Invalid &&
                    !answer.trimmed().startsWith('{')) {
                    reply(Error{Error::Kind::Invalid,
                                tr("Prometheus at %1 answered HTTP %2 without an API answer; "
                                   "check that the URL points at Prometheus itself")
                                    .arg(where)
                                    .arg(status)});
                    return;
                }
                if (result && status != 200) {
                    reply(Error{Error::Kind::Invalid,
                                tr("Prometheus at %1 answered HTTP %2 with a success body")
                                    .arg(where)
                                    .arg(status)});
                    return;
                }
                reply(result);
            });
}

} // namespace optimist
