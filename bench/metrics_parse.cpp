// Parse throughput of PrometheusTextParser on a large Traefik-like /metrics, and of the direct
// scraper's per-scrape work (parse + keep one application's series). Prints key=value lines;
// asserts nothing. See bench/README.md.

#include "metrics/PrometheusTextParser.h"
#include "metrics/TraefikScrapeMetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace optimist;

namespace {

constexpr int kRuns = 5;

/// Traefik v3 shaped: per service × code × method, traefik_service_requests_total, the duration
/// histogram (buckets 0.1, 0.3, 1.2, 5, +Inf, _sum, _count) and the two byte counters: 10 series
/// per label set, with HELP/TYPE lines and realistic numbers.
QByteArray generated(int services, qsizetype *series)
{
    static const char *const kCodes[] = {"200", "304", "404", "500", "503"};
    static const char *const kMethods[] = {"GET", "POST", "PUT"};
    static const char *const kBounds[] = {"0.1", "0.3", "1.2", "5", "+Inf"};
    QByteArray out;
    out.reserve(qsizetype(services) * 15 * 1150);
    *series = 0;
    std::uint64_t seed = 42;
    const auto next = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(seed >> 33) / double(1ULL << 31);
    };
    const auto family = [&](const char *name, const char *type, const char *help,
                            const std::function<void(const QByteArray &)> &body) {
        out += "# HELP ";
        out += name;
        out += ' ';
        out += help;
        out += "\n# TYPE ";
        out += name;
        out += ' ';
        out += type;
        out += '\n';
        for (int s = 0; s < services; ++s) {
            const QByteArray service =
                "app" + QByteArray::number(s) + "-" + (s % 2 ? "green" : "blue") + "@swarm";
            for (const char *code : kCodes) {
                for (const char *method : kMethods) {
                    body("code=\"" + QByteArray(code) + "\",method=\"" + method +
                         "\",protocol=\"http\",service=\"" + service + "\"");
                }
            }
        }
    };
    family("traefik_service_request_duration_seconds", "histogram",
           "How long it took to process the request on a service, partitioned by status code, "
           "protocol, and method.",
           [&](const QByteArray &labels) {
               double cumulative = 0;
               const double total = std::floor(next() * 1e6);
               for (const char *le : kBounds) {
                   cumulative = qstrcmp(le, "+Inf") == 0
                                    ? total
                                    : std::min(total, cumulative + std::floor(next() * total / 3));
                   out += "traefik_service_request_duration_seconds_bucket{" + labels + ",le=\"" +
                          le + "\"} " + QByteArray::number(cumulative, 'g', 17) + '\n';
               }
               out += "traefik_service_request_duration_seconds_sum{" + labels + "} " +
                      QByteArray::number(total * next() * 0.4, 'g', 17) + '\n';
               out += "traefik_service_request_duration_seconds_count{" + labels + "} " +
                      QByteArray::number(total, 'g', 17) + '\n';
               *series += 7;
           });
    for (const char *name :
         {"traefik_service_requests_total", "traefik_service_requests_bytes_total",
          "traefik_service_responses_bytes_total"}) {
        family(name, "counter", "How many HTTP requests (or bytes) processed on a service.",
               [&](const QByteArray &labels) {
                   out += name;
                   out += '{' + labels + "} " +
                          QByteArray::number(std::floor(next() * 1e9), 'g', 17) + '\n';
                   *series += 1;
               });
    }
    return out;
}

/// The real reference scrape (Traefik v2, 177 lines) repeated to about @p bytes, each copy's
/// metric names prefixed ("c12_…") so that no series or TYPE line repeats.
QByteArray repeatedReference(const QByteArray &sample, qsizetype bytes, qsizetype *series)
{
    const QList<QByteArray> lines = sample.split('\n');
    QByteArray out;
    out.reserve(bytes + sample.size() * 2);
    *series = 0;
    for (int copy = 0; out.size() < bytes; ++copy) {
        const QByteArray prefix = 'c' + QByteArray::number(copy) + '_';
        for (const QByteArray &line : lines) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                out += line.left(7) + prefix + line.mid(7) + '\n';
            } else if (!line.isEmpty() && !line.startsWith('#')) {
                out += prefix + line + '\n';
                ++*series;
            } else if (!line.isEmpty()) {
                out += line + '\n';
            }
        }
    }
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// Median wall-clock and CPU seconds of kRuns runs, after one warm-up.
struct Timing
{
    double wall = -1;
    double cpu = -1;
};

Timing measure(const std::function<bool()> &work)
{
    if (!work())
        return {};
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer timer;
        const double cpu0 = cpuSeconds();
        timer.start();
        if (!work())
            return {};
        wall.push_back(double(timer.nsecsElapsed()) / 1e9);
        cpu.push_back(cpuSeconds() - cpu0);
    }
    return {median(wall), median(cpu)};
}

/// Wall-clock figures, and CPU-time ones (steadier on a machine shared with other work).
void report(const char *name, const QByteArray &text, qsizetype series, Timing t)
{
    const double mb = double(text.size()) / 1e6;
    std::printf("%s_bytes=%lld\n%s_series=%lld\n", name, qlonglong(text.size()), name,
                qlonglong(series));
    std::printf("%s_wall_median_s=%.4f\n%s_mb_per_s=%.1f\n%s_series_per_s=%.0f\n", name, t.wall,
                name, mb / t.wall, name, double(series) / t.wall);
    std::printf("%s_cpu_median_s=%.4f\n%s_mb_per_cpu_s=%.1f\n%s_series_per_cpu_s=%.0f\n", name,
                t.cpu, name, mb / t.cpu, name, double(series) / t.cpu);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int services = argc > 1 ? std::max(1, atoi(argv[1])) : 400;

    qsizetype series = 0;
    const QByteArray text = generated(services, &series);
    std::printf("runs=%d\nservices=%d\n", kRuns, services);
    const Timing parse = measure([&] { return PrometheusTextParser::parse(text).ok(); });
    if (parse.wall < 0) {
        std::fprintf(stderr, "the generated text does not parse: %s\n",
                     qPrintable(PrometheusTextParser::parse(text).error().message));
        return 1;
    }
    report("generated_parse", text, series, parse);

    // What the direct scraper does with each scrape: parse, keep one application's series.
    TraefikScrapeMetrics::Config config;
    config.url = QUrl(QStringLiteral("http://127.0.0.1:1/metrics"));
    config.apps = {QStringLiteral("app7")};
    TraefikScrapeMetrics scraper(config);
    qint64 t = 1'700'000'000'000;
    const Timing ingest = measure([&] {
        return scraper.ingest(text, QDateTime::fromMSecsSinceEpoch(t += 1000, Qt::UTC)).ok();
    });
    report("generated_ingest_one_app", text, series, ingest);

    QFile file(QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik/metrics-sample.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        std::printf("reference=missing\n");
        return 0;
    }
    qsizetype referenceSeries = 0;
    const QByteArray reference = repeatedReference(file.readAll(), text.size(), &referenceSeries);
    const Timing referenceParse =
        measure([&] { return PrometheusTextParser::parse(reference).ok(); });
    if (referenceParse.wall < 0) {
        std::fprintf(stderr, "the repeated reference does not parse: %s\n",
                     qPrintable(PrometheusTextParser::parse(reference).error().message));
        return 1;
    }
    report("reference_repeated_parse", reference, referenceSeries, referenceParse);
    return 0;
}
