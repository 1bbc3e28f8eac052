// docker_refresh — how long one "environment refresh" takes against a real dockerd.
//
// Usage (the daemon must be in Swarm mode, with the demo image loaded):
//
//     export OPTIMIST_TEST_DOCKER_HOST=unix:///…/docker.sock OPTIMIST_TEST_DEMO_IMAGE=optimist-demo
//     build/bin/docker_refresh [--services 20] [--replicas 2] [--rounds 5]
//
// It creates N host-network services (default 20) of OPTIMIST_TEST_DEMO_IMAGE:v1 — or, when that
// image is not there, of the first tagged image the daemon has — with R replicas each (default
// 2) on distinct free ports (env PORT, VERSION=v1), waits until N×R tasks run, then measures
// `--rounds` refreshes. One refresh = for every service GET /services/{id} and
// GET /tasks?filters={"service":[id]}, and, as each task list arrives, for every running task's
// container GET /containers/{id}/stats?stream=false&one-shot=true; everything is issued at once
// on one DockerClient (one event loop, one thread). The services are removed at the end, also
// after a failure or Ctrl-C.
//
// Output, one `key=value` per line (prefixed `round=K` per round, then the medians):
//   total_ms    wall time of the whole refresh
//   slowest_ms  the slowest single request (issue to answer)
//   ratio       total_ms / slowest_ms — the goal is ≤ 2: requests overlap instead of queueing
//   requests, failures, peak_rss_kib (VmHWM of /proc/self/status)
// Exit code: 0 measured, 1 failed (setup, a request, or the tasks never ran), 2 no daemon given.
// A figure, not a test: nothing is asserted about the numbers.

#include "docker/DockerClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>

using namespace optimist;
using namespace std::chrono_literals;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void out(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

qint64 peakRssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

/// Runs the event loop until @p done or @p timeoutMs; Ctrl-C ends the wait unless the caller is
/// cleaning up.
template <typename Predicate>
bool runUntil(Predicate done, int timeoutMs, bool interruptible = true)
{
    QElapsedTimer clock;
    clock.start();
    // Wakes the blocking wait below to look at the clock and Ctrl-C (the processEvents overload
    // with a time limit would spin instead of waiting).
    QTimer tick;
    tick.start(50);
    while (!done()) {
        if ((interruptible && g_interrupted) || clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// One request, waited for (setup and teardown only; the measurement issues all at once).
std::optional<Result<DockerResponse>> call(DockerClient &client, const DockerRequest &request,
                                           bool interruptible = true)
{
    std::optional<Result<DockerResponse>> result;
    client.send(request, Reply<DockerResponse>(
                             &client, [&](const Result<DockerResponse> &r) { result = r; }));
    if (!runUntil([&] { return result.has_value(); }, 30000, interruptible))
        return std::nullopt;
    return result;
}

DockerRequest request(const QByteArray &method, const QString &path, const QByteArray &body = {})
{
    DockerRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    return r;
}

QString failure(const std::optional<Result<DockerResponse>> &r)
{
    if (!r)
        return QStringLiteral("no answer in time");
    return r->ok() ? QString() : r->error().message;
}

QString filter(const char *key, const QString &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String(key), QJsonArray{value}}})
                                 .toJson(QJsonDocument::Compact));
}

QList<int> freePorts(int count)
{
    QList<std::shared_ptr<QTcpServer>> servers;
    QList<int> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_shared<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            break;
        ports << server->serverPort();
        servers << server; // held until all are chosen, so they differ
    }
    return ports;
}

struct Round
{
    qint64 totalMs = 0;
    qint64 slowestMs = 0;
    int requests = 0;
    int failures = 0;
    QString firstError;
};

/// One environment refresh: everything in flight at once.
Round refresh(DockerClient &client, const QStringList &serviceIds)
{
    Round round;
    int pending = 0;
    QElapsedTimer total;
    total.start();
    std::function<void(const DockerRequest &, std::function<void(const DockerResponse &)>)> issue;
    issue = [&](const DockerRequest &r, std::function<void(const DockerResponse &)> then) {
        ++pending;
        ++round.requests;
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        client.send(r, Reply<DockerResponse>(
                           &client, [&, clock, then](const Result<DockerResponse> &result) {
                               round.slowestMs = std::max(round.slowestMs, clock->elapsed());
                               --pending;
                               if (!result.ok()) {
                                   ++round.failures;
                                   if (round.firstError.isEmpty())
                                       round.firstError = result.error().message;
                                   return;
                               }
                               if (then)
                                   then(result.value());
                           }));
    };
    for (const QString &id : serviceIds) {
        issue(request("GET", QStringLiteral("/services/") + id), {});
        DockerRequest tasks = request("GET", QStringLiteral("/tasks"));
        tasks.query.addQueryItem(QStringLiteral("filters"), filter("service", id));
        issue(tasks, [&](const DockerResponse &response) {
            for (const QJsonValue &task : response.json().array()) {
                const QJsonObject status = task[QStringLiteral("Status")].toObject();
                const QString container =
                    status[QStringLiteral("ContainerStatus")][QStringLiteral("ContainerID")]
                        .toString();
                if (status[QStringLiteral("State")].toString() != QLatin1String("running") ||
                    container.isEmpty())
                    continue;
                DockerRequest stats =
                    request("GET", QStringLiteral("/containers/%1/stats").arg(container));
                stats.query.addQueryItem(QStringLiteral("stream"), QStringLiteral("false"));
                stats.query.addQueryItem(QStringLiteral("one-shot"), QStringLiteral("true"));
                issue(stats, {});
            }
        });
    }
    if (!runUntil([&] { return pending == 0; }, 120000)) {
        round.failures += pending;
        if (round.firstError.isEmpty())
            round.firstError = QStringLiteral("%1 requests unanswered").arg(pending);
    }
    round.totalMs = total.elapsed();
    return round;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int argument(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    std::signal(SIGTERM, [](int) { g_interrupted = 1; });

    const QStringList args = app.arguments();
    const int serviceCount = argument(args, QStringLiteral("--services"), 20);
    const int replicas = argument(args, QStringLiteral("--replicas"), 2);
    const int rounds = argument(args, QStringLiteral("--rounds"), 5);

    const QString host = qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST");
    if (host.isEmpty()) {
        out(QStringLiteral("error=OPTIMIST_TEST_DOCKER_HOST is not set"));
        return 2;
    }
    auto endpoint =
        DockerEndpoint::parseHost(host, false, QStringLiteral("OPTIMIST_TEST_DOCKER_HOST"));
    if (!endpoint.ok()) {
        out(QStringLiteral("error=") + endpoint.error().message);
        return 2;
    }
    DockerClient client(endpoint.value());
    out(QStringLiteral("endpoint=") + endpoint.value().uri());

    QStringList created;
    const QString runId = QStringLiteral("%1").arg(QCoreApplication::applicationPid());
    const auto cleanup = [&] {
        // Also what a create interrupted before its answer may have left: found by label.
        QStringList ids = created;
        DockerRequest labelled = request("GET", QStringLiteral("/services"));
        labelled.query.addQueryItem(QStringLiteral("filters"),
                                    filter("label", QStringLiteral("optimist.bench=") + runId));
        if (const auto listed = call(client, labelled, false); listed && listed->ok())
            for (const QJsonValue &service : listed->value().json().array())
                if (!ids.contains(service[QStringLiteral("ID")].toString()))
                    ids << service[QStringLiteral("ID")].toString();
        int removed = 0;
        for (const QString &id : std::as_const(ids)) {
            const auto r =
                call(client, request("DELETE", QStringLiteral("/services/") + id), false);
            if (r && (r->ok() || r->error().kind == Error::Kind::NotFound))
                ++removed;
            else
                out(QStringLiteral("cleanup_error=") + failure(r));
        }
        out(QStringLiteral("services_removed=%1").arg(removed));
    };
    const auto fail = [&](const QString &why) {
        out(QStringLiteral("error=") + why);
        cleanup();
        return 1;
    };

    // The image: the demo's v1, else any tagged image the daemon has.
    const QString demo = qEnvironmentVariable("OPTIMIST_TEST_DEMO_IMAGE");
    const auto images = call(client, request("GET", QStringLiteral("/images/json")));
    if (!images || !images->ok())
        return fail(failure(images));
    QString image;
    QString fallback;
    for (const QJsonValue &entry : images->value().json().array()) {
        for (const QJsonValue &tag : entry[QStringLiteral("RepoTags")].toArray()) {
            const QString name = tag.toString();
            if (!demo.isEmpty() && name == demo + QStringLiteral(":v1"))
                image = name;
            if (fallback.isEmpty() && !name.isEmpty() && name != QLatin1String("<none>:<none>"))
                fallback = name;
        }
    }
    if (image.isEmpty())
        image = fallback;
    if (image.isEmpty())
        return fail(QStringLiteral("the daemon has no tagged image to run"));
    out(QStringLiteral("image=") + image);

    const auto hostNetwork = call(client, request("GET", QStringLiteral("/networks/host")));
    if (!hostNetwork || !hostNetwork->ok())
        return fail(failure(hostNetwork));
    const QString hostNetworkId = hostNetwork->value().json()[QStringLiteral("Id")].toString();

    const QList<int> ports = freePorts(serviceCount);
    if (ports.size() < serviceCount)
        return fail(QStringLiteral("not enough free ports"));
    for (int i = 0; i < serviceCount && !g_interrupted; ++i) {
        const QJsonObject spec{
            {QStringLiteral("Name"), QStringLiteral("optimist-bench-%1-%2").arg(runId).arg(i)},
            {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("optimist.bench"), runId}}},
            {QStringLiteral("TaskTemplate"),
             QJsonObject{
                 {QStringLiteral("ContainerSpec"),
                  QJsonObject{
                      {QStringLiteral("Image"), image},
                      {QStringLiteral("Env"), QJsonArray{QStringLiteral("PORT=%1").arg(ports[i]),
                                                         QStringLiteral("VERSION=v1")}},
                      // 40 health probes a second (one `docker exec` each)
                      // would saturate two cores and fail by timeout: the
                      // benchmark measures the API, not the probes.
                      {QStringLiteral("HealthCheck"),
                       QJsonObject{{QStringLiteral("Test"), QJsonArray{QStringLiteral("NONE")}}}}}},
                 {QStringLiteral("Networks"),
                  QJsonArray{QJsonObject{{QStringLiteral("Target"), hostNetworkId}}}}}},
            {QStringLiteral("Mode"),
             QJsonObject{{QStringLiteral("Replicated"),
                          QJsonObject{{QStringLiteral("Replicas"), replicas}}}}}};
        const auto r = call(client,
                            request("POST", QStringLiteral("/services/create"),
                                    QJsonDocument(spec).toJson(QJsonDocument::Compact)),
                            false);
        if (!r || !r->ok())
            return fail(failure(r));
        created << r->value().json()[QStringLiteral("ID")].toString();
    }
    if (g_interrupted)
        return fail(QStringLiteral("interrupted"));

    // Wait until every replica runs.
    const int wanted = serviceCount * replicas;
    int running = 0;
    QElapsedTimer waiting;
    waiting.start();
    while (running < wanted) {
        if (g_interrupted)
            return fail(QStringLiteral("interrupted"));
        if (waiting.elapsed() > 180000)
            return fail(QStringLiteral("%1 of %2 tasks running after %3 s")
                            .arg(running)
                            .arg(wanted)
                            .arg(waiting.elapsed() / 1000));
        DockerRequest tasks = request("GET", QStringLiteral("/tasks"));
        tasks.query.addQueryItem(QStringLiteral("filters"),
                                 filter("desired-state", QStringLiteral("running")));
        const auto r = call(client, tasks);
        if (!r || !r->ok())
            return fail(failure(r));
        running = 0;
        for (const QJsonValue &task : r->value().json().array())
            if (created.contains(task[QStringLiteral("ServiceID")].toString()) &&
                task[QStringLiteral("Status")][QStringLiteral("State")].toString() ==
                    QLatin1String("running"))
                ++running;
        if (running < wanted)
            runUntil([] { return false; }, 500);
    }
    out(QStringLiteral("services=%1 tasks_running=%2 wait_ms=%3")
            .arg(serviceCount)
            .arg(running)
            .arg(waiting.elapsed()));

    QList<double> totals, slowests, ratios;
    for (int k = 1; k <= rounds && !g_interrupted; ++k) {
        const Round round = refresh(client, created);
        const double ratio =
            round.slowestMs > 0 ? double(round.totalMs) / double(round.slowestMs) : 0;
        out(QStringLiteral("round=%1 total_ms=%2 slowest_ms=%3 ratio=%4 requests=%5 failures=%6 "
                           "peak_rss_kib=%7")
                .arg(k)
                .arg(round.totalMs)
                .arg(round.slowestMs)
                .arg(ratio, 0, 'f', 2)
                .arg(round.requests)
                .arg(round.failures)
                .arg(peakRssKib()));
        if (round.failures > 0)
            return fail(round.firstError);
        totals << round.totalMs;
        slowests << round.slowestMs;
        ratios << ratio;
    }
    if (g_interrupted)
        return fail(QStringLiteral("interrupted"));
    out(QStringLiteral("median_total_ms=%1").arg(median(totals)));
    out(QStringLiteral("median_slowest_ms=%1").arg(median(slowests)));
    out(QStringLiteral("median_ratio=%1").arg(median(ratios), 0, 'f', 2));
    out(QStringLiteral("goal_ratio_max=2 goal_met=%1")
            .arg(median(ratios) <= 2 ? QStringLiteral("yes") : QStringLiteral("no")));
    out(QStringLiteral("peak_rss_kib=%1").arg(peakRssKib()));
    cleanup();
    return 0;
}
