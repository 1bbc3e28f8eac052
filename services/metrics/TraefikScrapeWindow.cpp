#include "TraefikScrapeWindow.h"

#include <QHash>
#include <QMap>

#include <cmath>
#include <limits>

namespace optimist {

namespace {

const QString kRequests = QStringLiteral("traefik_service_requests_total");
const QString kBucket = QStringLiteral("traefik_service_request_duration_seconds_bucket");
const QString kSum = QStringLiteral("traefik_service_request_duration_seconds_sum");
const QString kCount = QStringLiteral("traefik_service_request_duration_seconds_count");

/// One histogram series set (the labels other than le): its buckets, sum and count.
struct Histogram
{
    QMap<double, double> buckets; ///< le → cumulative count
    double sum = 0;
    double count = 0;
};

/// The series of one color in one scrape, keyed by their labels (without le).
struct ColorSeries
{
    QHash<QString, double> requests;
    QHash<QString, bool> serverError; ///< per requests key: code 5xx
    QHash<QString, Histogram> histograms;
};

QString seriesKey(const PrometheusSample &sample)
{
    QString key;
    for (const auto &[name, value] : sample.labels) {
        if (name == QLatin1String("le"))
            continue;
        key += name;
        key += QLatin1Char('=');
        key += value;
        key += QChar(0x1f);
    }
    return key;
}

bool isServerError(const QString &code)
{
    bool ok = false;
    const int value = code.toInt(&ok);
    return ok && value >= 500 && value <= 599;
}

ColorSeries seriesOf(const PrometheusScrape &scrape, const QString &service)
{
    ColorSeries out;
    for (const PrometheusSample &sample : scrape.samples) {
        const bool isRequests = sample.name == kRequests;
        const bool isBucket = !isRequests && sample.name == kBucket;
        const bool isSum = !isRequests && !isBucket && sample.name == kSum;
        const bool isCount = !isRequests && !isBucket && !isSum && sample.name == kCount;
        if (!(isRequests || isBucket || isSum || isCount) || std::isnan(sample.value) ||
            sample.label(u"service") != service)
            continue;
        const QString key = seriesKey(sample);
        if (isRequests) {
            out.requests.insert(key, sample.value);
            out.serverError.insert(key, isServerError(sample.label(u"code")));
            continue;
        }
        Histogram &h = out.histograms[key];
        if (isSum) {
            h.sum = sample.value;
        } else if (isCount) {
            h.count = sample.value;
        } else {
            const QString le = sample.label(u"le");
            bool ok = false;
            double bound = le.toDouble(&ok);
            if (le.compare(QLatin1String("+Inf"), Qt::CaseInsensitive) == 0 ||
                le.compare(QLatin1String("Inf"), Qt::CaseInsensitive) == 0) {
                bound = std::numeric_limits<double>::infinity();
                ok = true;
            }
            if (ok)
                h.buckets.insert(bound, sample.value);
        }
    }
    return out;
}

double increase(double before, double after)
{
    return after >= before ? after - before : after;
}

/// The window's running totals of one color.
struct Totals
{
    double requests = 0;
    double errors = 0;
    double durationSum = 0;
    double durationCount = 0;
    QMap<double, double> buckets;
    int resets = 0;
    QList<double> subsamplesMs;
};

void accumulate(const ColorSeries &before, const ColorSeries &after, Totals &totals)
{
    for (auto it = after.requests.cbegin(); it != after.requests.cend(); ++it) {
        const double old = before.requests.value(it.key(), 0);
        if (it.value() < old)
            ++totals.resets;
        const double d = increase(old, it.value());
        totals.requests += d;
        if (after.serverError.value(it.key()))
            totals.errors += d;
    }
    double intervalSum = 0;
    double intervalCount = 0;
    for (auto it = after.histograms.cbegin(); it != after.histograms.cend(); ++it) {
        const Histogram &now = it.value();
        const auto found = before.histograms.constFind(it.key());
        const Histogram empty;
        const Histogram &old = found == before.histograms.cend() ? empty : found.value();
        bool reset = now.count < old.count || now.sum < old.sum;
        for (auto b = now.buckets.cbegin(); !reset && b != now.buckets.cend(); ++b)
            reset = b.value() < old.buckets.value(b.key(), 0);
        if (reset)
            ++totals.resets;
        const Histogram &base = reset ? empty : old;
        intervalSum += now.sum - base.sum;
        intervalCount += now.count - base.count;
        for (auto b = now.buckets.cbegin(); b != now.buckets.cend(); ++b)
            totals.buckets[b.key()] += b.value() - base.buckets.value(b.key(), 0);
    }
    totals.durationSum += intervalSum;
    totals.durationCount += intervalCount;
    if (intervalCount > 0)
        totals.subsamplesMs.append(1000.0 * intervalSum / intervalCount);
}

void fill(const Totals &totals, double seconds, ColorMetrics &metrics,
          TraefikScrapeWindow::ColorDetail &detail)
{
    metrics.requests = qint64(std::llround(totals.requests));
    metrics.errors = qint64(std::llround(totals.errors));
    metrics.rps = seconds > 0 ? totals.requests / seconds : 0;
    metrics.latencyMeanMs = totals.durationCount > 0
                                ? 1000.0 * totals.durationSum / totals.durationCount
                                : ColorMetrics::kNaN;
    QList<HistogramQuantile::Bucket> buckets;
    buckets.reserve(totals.buckets.size());
    for (auto b = totals.buckets.cbegin(); b != totals.buckets.cend(); ++b)
        buckets.append({b.key(), b.value()});
    detail.p95Seconds = HistogramQuantile::estimate(0.95, buckets);
    metrics.latencyP95Ms = 1000.0 * detail.p95Seconds.value;
    metrics.latencySubsamplesMs = totals.subsamplesMs;
    metrics.cpuPercent = ColorMetrics::kNaN;
    detail.counterResets = totals.resets;
}

QString milliseconds(double seconds)
{
    return QString::number(seconds * 1000.0, 'g', 6);
}

} // namespace

Result<TraefikScrapeWindow> TraefikScrapeWindow::compute(const PrometheusScrape &start,
                                                         const PrometheusScrape &end,
                                                         const QString &blueService,
                                                         const QString &greenService)
{
    return compute(QList<PrometheusScrape>{start, end}, blueService, greenService);
}

Result<TraefikScrapeWindow> TraefikScrapeWindow::compute(const QList<PrometheusScrape> &scrapes,
                                                         const QString &blueService,
                                                         const QString &greenService)
{
    if (scrapes.size() < 2)
        return Error{Error::Kind::Invalid,
                     tr("a metrics window needs at least two scrapes of Traefik's /metrics, got %1")
                         .arg(scrapes.size())};
    for (qsizetype i = 0; i < scrapes.size(); ++i) {
        if (!scrapes.at(i).takenAt.isValid())
            return Error{Error::Kind::Invalid,
                         tr("scrape %1 of the metrics window has no time").arg(i + 1)};
        if (i > 0 && scrapes.at(i).takenAt <= scrapes.at(i - 1).takenAt)
            return Error{Error::Kind::Invalid,
                         tr("scrape %1 of the metrics window is not later than scrape %2")
                             .arg(i + 1)
                             .arg(i)};
    }

    TraefikScrapeWindow w;
    w.m_window.from = scrapes.first().takenAt;
    w.m_window.to = scrapes.last().takenAt;
    w.m_window.source = QStringLiteral("traefik");
    const double seconds = w.m_window.seconds();
    for (const Color color : {Color::Blue, Color::Green}) {
        ColorDetail &detail = color == Color::Blue ? w.m_blue : w.m_green;
        detail.service = color == Color::Blue ? blueService : greenService;
        Totals totals;
        ColorSeries before = seriesOf(scrapes.first(), detail.service);
        for (qsizetype i = 1; i < scrapes.size(); ++i) {
            ColorSeries after = seriesOf(scrapes.at(i), detail.service);
            accumulate(before, after, totals);
            before = std::move(after);
        }
        detail.requestSeries = int(before.requests.size());
        fill(totals, seconds, w.m_window.of(color), detail);
    }
    return w;
}

QString TraefikScrapeWindow::p95Resolution(Color color) const
{
    const ColorDetail &d = detail(color);
    const HistogramQuantile::Estimate &e = d.p95Seconds;
    if (!e.valid())
        return tr("%1: no p95, the latency histogram saw no requests in the window").arg(d.service);
    if (std::isinf(e.upper))
        return tr("%1: p95 is above the largest finite bucket bound, %2 ms (only a lower bound)")
            .arg(d.service, milliseconds(e.lower));
    return tr("%1: p95 %2 ms, interpolated within the histogram bucket %3–%4 ms")
        .arg(d.service, milliseconds(e.value), milliseconds(e.lower), milliseconds(e.upper));
}

} // namespace optimist
