// weight_propagation — time from a weight write in Redis to the Traefik stand-in serving the new
// split at its entry point.
//
// Usage (a Swarm-mode dockerd with the demo images, and Redis with keyspace notifications, as
// scripts/services starts them; bench/weight-propagation.sh does all of it):
//
//     export OPTIMIST_TEST_DOCKER_HOST=unix:///…/docker.sock OPTIMIST_TEST_DEMO_IMAGE=optimist-demo
//     export OPTIMIST_TEST_REDIS=127.0.0.1:PORT [OPTIMIST_TEST_REDIS_PASSWORD=…]  # user optimist
//     build/bin/weight_propagation [--writes 20] [--requests 40] [--throttles 2,0.1]
//
// It creates APP-blue (demo v1) and APP-green (demo v2) as host-network Swarm services with the
// Traefik labels Optimist's cluster writes, then for each throttle starts the stand-in
// (tests/fixtures/traefik-standin/standin.py, Redis provider under a fresh root key, Swarm
// provider, `--throttle T`), adopts the application with a first write of 100/0 through the
// product's TraefikKvWriter (WriteMode::Apply, one MULTI/EXEC) and waits until it is served.
// Then two series of `--writes` writes each, the green weight going 50, 100, 50, 0, 50, …:
//   back-to-back  the next write as soon as the previous split was observed (a change within the
//                 throttle of the previous one: a rollback right after a step, a quick control)
//   settled       the next write T + 0.5 s after the previous split was observed (the throttle
//                 window has passed: what a rollout step one check interval after the last sees)
// After each write it probes the entry point without a break: one probe = `--requests` GETs with
// the application's Host header and no cookie (6 keep-alive connections), and the new split is
// "served" when every answer is 200 and the share of v2 is exactly 0 % / 100 % for 100/0 and
// 0/100, within ±10 points of the written weight otherwise.
//
// Output, one `key=value` line per write, then per throttle and series `summary` lines:
//   ack_ms       the write's call until its callback (WATCH, MGET, MULTI/EXEC round trips)
//   observed_ms  the write's call until the end of the first probe that showed the new split
//   served_by_ms the write's call until the start of that probe: every answer of it already
//                showed the new split, so the change was in force by then (exactly for 100/0
//                and 0/100; for 50/50 the ±10 points let a few old answers through)
//   probe_ms     duration of that probe: the resolution of observed_ms
// and `throttle_share_ms`: the back-to-back medians at the largest minus the smallest throttle.
// Services, stand-ins and keys are removed at the end, also after a failure or Ctrl-C.
// Exit code: 0 measured, 1 failed (setup, a write, or a split never served), 2 nothing to run on.
// A figure, not a test: nothing is asserted about the numbers.

#include "docker/DockerClient.h"
#include "docker/DockerEndpoint.h"
#include "redis/RedisConnection.h"
#include "traefik/TraefikKvWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

using namespace optimist;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void out(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

/// Runs the event loop until @p done or @p timeoutMs; Ctrl-C ends the wait unless the caller is
/// cleaning up.
template <typename Predicate>
bool runUntil(Predicate done, qint64 timeoutMs, bool interruptible = true)
{
    QElapsedTimer clock;
    clock.start();
    // Wakes the blocking wait to look at the clock and Ctrl-C.
    QTimer tick;
    tick.start(10);
    while (!done()) {
        if ((interruptible && g_interrupted) || clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void pause(qint64 ms)
{
    runUntil([] { return false; }, ms);
}

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

std::optional<Result<RedisValue>> redis(RedisConnection &connection,
                                        const RedisConnection::Arguments &args)
{
    std::optional<Result<RedisValue>> result;
    connection.command(args, [&result](const Result<RedisValue> &r) { result = r; });
    if (!runUntil([&] { return result.has_value(); }, 10000, false))
        return std::nullopt;
    return result;
}

/// What one probe of the entry point saw.
struct Probe
{
    int v1 = 0;
    int v2 = 0;
    int other = 0; ///< not 200, another version, or no answer
    QString firstOther;
    qint64 ms = 0;

    int total() const { return v1 + v2 + other; }
    double greenShare() const { return total() ? 100.0 * v2 / total() : 0; }
    bool serves(int green) const
    {
        if (other > 0 || total() == 0)
            return false;
        if (green == 0)
            return v2 == 0;
        if (green == 100)
            return v1 == 0;
        return std::abs(greenShare() - green) <= 10.0;
    }
    QString describe() const
    {
        return QStringLiteral("v1 %1, v2 %2, other %3%4")
            .arg(v1)
            .arg(v2)
            .arg(other)
            .arg(firstOther.isEmpty() ? QString() : QStringLiteral(" (") + firstOther + u')');
    }
};

/// @p count GETs of @p url with Host @p host, all issued at once (Qt keeps 6 keep-alive
/// connections per host and queues the rest); no cookie is sent or kept, so the sticky cookie
/// never pins a probe to a color.
Probe probe(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &host, int count)
{
    Probe result;
    QElapsedTimer clock;
    clock.start();
    QList<QNetworkReply *> replies;
    int pending = count;
    for (int i = 0; i < count; ++i) {
        QNetworkRequest req(url);
        req.setRawHeader("Host", host);
        req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        req.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
        req.setTransferTimeout(5000);
        QNetworkReply *reply = nam.get(req);
        replies << reply;
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &result, &pending] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray version = reply->rawHeader("X-Version");
            if (status == 200 && version == "v1") {
                ++result.v1;
            } else if (status == 200 && version == "v2") {
                ++result.v2;
            } else {
                ++result.other;
                if (result.firstOther.isEmpty())
                    result.firstOther =
                        status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
            }
            --pending;
            reply->deleteLater();
        });
    }
    if (!runUntil([&pending] { return pending == 0; }, 10000)) {
        // Interrupted or stuck: the callbacks must not outlive this frame.
        for (QNetworkReply *reply : std::as_const(replies)) {
            QObject::disconnect(reply, nullptr, nullptr, nullptr);
            reply->abort();
            reply->deleteLater();
        }
        result.other += pending;
        if (result.firstOther.isEmpty())
            result.firstOther = QStringLiteral("no answer within 10 s");
    }
    result.ms = clock.elapsed();
    return result;
}

struct Sample
{
    int green = 0;
    qint64 ackMs = 0;
    qint64 observedMs = 0;
    qint64 servedByMs = 0; ///< start of the probe that showed the split
    qint64 probeMs = 0;
    int probes = 0;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank.
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QString argument(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args[at + 1] : fallback;
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

QString throttleText(double seconds)
{
    return QString::number(seconds, 'g', 3);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    std::signal(SIGTERM, [](int) { g_interrupted = 1; });

    const QStringList args = app.arguments();
    const int writes = argument(args, QStringLiteral("--writes"), QStringLiteral("20")).toInt();
    const int requests = argument(args, QStringLiteral("--requests"), QStringLiteral("40")).toInt();
    QList<double> throttles;
    for (const QString &t :
         argument(args, QStringLiteral("--throttles"), QStringLiteral("2,0.1")).split(u','))
        throttles << t.toDouble();
    if (writes < 1 || requests < 1 || throttles.contains(0.0)) {
        out(QStringLiteral("error=usage: weight_propagation [--writes N] [--requests N] "
                           "[--throttles S,S…] (all above 0)"));
        return 2;
    }

    const QString dockerHost = qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST");
    QString image = qEnvironmentVariable("OPTIMIST_TEST_DEMO_IMAGE");
    const QString redisAddress = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
    if (dockerHost.isEmpty() || image.isEmpty() || redisAddress.isEmpty()) {
        out(QStringLiteral(
            "error=OPTIMIST_TEST_DOCKER_HOST, OPTIMIST_TEST_DEMO_IMAGE and "
            "OPTIMIST_TEST_REDIS must be set (bench/weight-propagation.sh does it)"));
        return 2;
    }
    if (image.contains(u':'))
        image.truncate(image.lastIndexOf(u':'));
    const QString standin =
        QStringLiteral(OPTIMIST_SOURCE_DIR "/tests/fixtures/traefik-standin/standin.py");
    // A python3 earlier in PATH may be a slow shim (the stand-in's README).
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                               ? QStringLiteral("/usr/bin/python3")
                               : QStringLiteral("python3");
    auto endpoint =
        DockerEndpoint::parseHost(dockerHost, false, QStringLiteral("OPTIMIST_TEST_DOCKER_HOST"));
    if (!endpoint.ok()) {
        out(QStringLiteral("error=") + endpoint.error().message);
        return 2;
    }
    DockerClient client(endpoint.value());
    // The product's way in: the ACL user with its password when there is one.
    RedisSettings redisSettings;
    redisSettings.address = redisAddress;
    redisSettings.password = qEnvironmentVariable("OPTIMIST_TEST_REDIS_PASSWORD");
    if (!redisSettings.password.isEmpty())
        redisSettings.username = QStringLiteral("optimist");
    RedisConnection admin(redisSettings);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out(QStringLiteral("error=no temporary directory"));
        return 1;
    }

    const QString runId = QString::number(QCoreApplication::applicationPid());
    const QString appName = QStringLiteral("wprop") + runId;
    const QByteArray hostHeader = (appName + QStringLiteral(".bench.localhost")).toUtf8();
    out(QStringLiteral("app=%1 writes=%2 requests_per_probe=%3 throttles_s=%4")
            .arg(appName)
            .arg(writes)
            .arg(requests)
            .arg(argument(args, QStringLiteral("--throttles"), QStringLiteral("2,0.1"))));

    std::unique_ptr<QProcess> process;
    QStringList roots;
    const auto stopStandin = [&] {
        if (process && process->state() != QProcess::NotRunning) {
            process->terminate();
            runUntil([&] { return process->state() == QProcess::NotRunning; }, 5000, false);
            if (process->state() != QProcess::NotRunning) {
                process->kill();
                runUntil([&] { return process->state() == QProcess::NotRunning; }, 2000, false);
            }
        }
        process.reset();
    };
    const auto cleanup = [&] {
        stopStandin();
        int keys = 0;
        for (const QString &root : std::as_const(roots)) {
            const auto found = redis(admin, {"KEYS", (root + QStringLiteral("/*")).toUtf8()});
            if (!found || !found->ok() || found->value().elements.isEmpty())
                continue;
            RedisConnection::Arguments del{"DEL"};
            for (const RedisValue &key : found->value().elements)
                del.append(key.text);
            if (const auto r = redis(admin, del); r && r->ok())
                keys += int(found->value().elements.size());
        }
        DockerRequest labelled = request("GET", QStringLiteral("/services"));
        labelled.query.addQueryItem(QStringLiteral("filters"),
                                    filter("label", QStringLiteral("optimist.bench=") + runId));
        int removed = 0;
        if (const auto listed = call(client, labelled, false); listed && listed->ok()) {
            for (const QJsonValue &service : listed->value().json().array()) {
                const auto r = call(client,
                                    request("DELETE", QStringLiteral("/services/") +
                                                          service[QStringLiteral("ID")].toString()),
                                    false);
                if (r && (r->ok() || r->error().kind == Error::Kind::NotFound))
                    ++removed;
                else
                    out(QStringLiteral("cleanup_error=") + failure(r));
            }
        }
        out(QStringLiteral("cleanup services_removed=%1 redis_keys_removed=%2")
                .arg(removed)
                .arg(keys));
    };
    const auto fail = [&](const QString &why) {
        out(QStringLiteral("error=") + why);
        cleanup();
        return 1;
    };

    // Blue v1 and green v2 on the host network, labelled as Optimist's cluster labels them.
    const auto hostNetwork = call(client, request("GET", QStringLiteral("/networks/host")));
    if (!hostNetwork || !hostNetwork->ok())
        return fail(failure(hostNetwork));
    const QString hostNetworkId = hostNetwork->value().json()[QStringLiteral("Id")].toString();
    const QList<int> ports = freePorts(2);
    QStringList created;
    if (ports.size() < 2)
        return fail(QStringLiteral("no free ports"));
    for (Color color : {Color::Blue, Color::Green}) {
        const QString name = TraefikNaming::colorServiceName(appName, color);
        const int port = ports[color == Color::Blue ? 0 : 1];
        const QJsonObject spec{
            {QStringLiteral("Name"), name},
            {QStringLiteral("Labels"),
             QJsonObject{
                 {QStringLiteral("optimist.bench"), runId},
                 {QStringLiteral("optimist.app"), appName},
                 {QStringLiteral("optimist.color"),
                  color == Color::Blue ? QStringLiteral("blue") : QStringLiteral("green")},
                 {QStringLiteral("traefik.enable"), QStringLiteral("true")},
                 {QStringLiteral("traefik.http.services.%1.loadbalancer.server.port").arg(name),
                  QString::number(port)}}},
            {QStringLiteral("TaskTemplate"),
             QJsonObject{
                 {QStringLiteral("ContainerSpec"),
                  QJsonObject{
                      {QStringLiteral("Image"),
                       image +
                           (color == Color::Blue ? QStringLiteral(":v1") : QStringLiteral(":v2"))},
                      {QStringLiteral("Env"), QJsonArray{QStringLiteral("PORT=%1").arg(port)}},
                      // The image's health probe is a `docker exec` every few seconds: CPU the
                      // measurement does not need (the stand-in routes to running tasks).
                      {QStringLiteral("HealthCheck"),
                       QJsonObject{{QStringLiteral("Test"), QJsonArray{QStringLiteral("NONE")}}}}}},
                 {QStringLiteral("Networks"),
                  QJsonArray{QJsonObject{{QStringLiteral("Target"), hostNetworkId}}}}}},
            {QStringLiteral("Mode"), QJsonObject{{QStringLiteral("Replicated"),
                                                  QJsonObject{{QStringLiteral("Replicas"), 1}}}}}};
        const auto r = call(client,
                            request("POST", QStringLiteral("/services/create"),
                                    QJsonDocument(spec).toJson(QJsonDocument::Compact)),
                            false);
        if (!r || !r->ok())
            return fail(failure(r));
        created << r->value().json()[QStringLiteral("ID")].toString();
    }
    QElapsedTimer waiting;
    waiting.start();
    for (int running = 0; running < 2;) {
        if (g_interrupted)
            return fail(QStringLiteral("interrupted"));
        if (waiting.elapsed() > 120000)
            return fail(QStringLiteral("%1 of 2 tasks running after 120 s").arg(running));
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
        if (running < 2)
            pause(300);
    }
    out(QStringLiteral("services_running_after_ms=%1").arg(waiting.elapsed()));

    QNetworkAccessManager nam;
    // Summary figures per throttle: back-to-back and settled medians.
    QList<QPair<double, double>> backToBackMedians;
    for (double throttle : std::as_const(throttles)) {
        const QString tag = QStringLiteral("throttle_s=") + throttleText(throttle);
        const QString root = QStringLiteral("optimist-bench-%1-%2").arg(runId).arg(roots.size());
        roots << root;
        const QString ready = dir.filePath(QStringLiteral("standin-%1.ready").arg(roots.size()));
        const QString log = dir.filePath(QStringLiteral("standin-%1.log").arg(roots.size()));
        process = std::make_unique<QProcess>();
        process->setStandardErrorFile(log);
        process->setStandardOutputFile(QProcess::nullDevice());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("STANDIN_REDIS_USERNAME"));
        env.remove(QStringLiteral("STANDIN_REDIS_PASSWORD"));
        if (!redisSettings.password.isEmpty()) {
            env.insert(QStringLiteral("STANDIN_REDIS_USERNAME"), redisSettings.username);
            env.insert(QStringLiteral("STANDIN_REDIS_PASSWORD"), redisSettings.password);
        }
        process->setProcessEnvironment(env);
        process->start(
            python,
            {standin, QStringLiteral("--entrypoint"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--api"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--redis"),
             redisAddress, QStringLiteral("--redis-root"), root, QStringLiteral("--docker"),
             dockerHost, QStringLiteral("--swarm-refresh"), QStringLiteral("0.5"),
             QStringLiteral("--throttle"), throttleText(throttle), QStringLiteral("--ready-file"),
             ready, QStringLiteral("--log-level"), QStringLiteral("WARNING")});
        if (!runUntil(
                [&] { return QFile::exists(ready) || process->state() == QProcess::NotRunning; },
                20000) ||
            !QFile::exists(ready)) {
            QFile logFile(log);
            const QString text = logFile.open(QIODevice::ReadOnly)
                                     ? QString::fromUtf8(logFile.readAll()).trimmed()
                                     : QString();
            return fail(QStringLiteral("the stand-in did not start: ") + text);
        }
        QFile readyFile(ready);
        if (!readyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read ") + ready);
        const QString web =
            QJsonDocument::fromJson(readyFile.readAll())[QStringLiteral("web")].toString();
        const QUrl url(QStringLiteral("http://%1/").arg(web));
        out(QStringLiteral("%1 standin_web=%2 redis_root=%3").arg(tag, web, root));

        TraefikKvWriter writer(redisSettings, root);
        TraefikAppRoute route;
        route.app = appName;
        route.rule = QStringLiteral("Host(`%1`)").arg(QString::fromUtf8(hostHeader));
        route.entryPoints = {QStringLiteral("web")};
        route.stickySecure = false;

        // One write, timed, then probes until the split is served. nullopt: failed (reported).
        const auto measure = [&](int green) -> std::optional<Sample> {
            Sample sample;
            sample.green = green;
            // Shared with the callback, which may outlive this call after an interruption.
            struct Written
            {
                std::optional<Result<WriteOutcome>> result;
                QElapsedTimer clock;
                qint64 ackMs = 0;
            };
            const auto state = std::make_shared<Written>();
            const std::optional<Result<WriteOutcome>> &written = state->result;
            const QElapsedTimer &clock = state->clock;
            state->clock.start();
            writer.writeWeights(route, WeightSplit{100 - green, green}, TraefikNaming::Version::V3,
                                WriteMode::Apply, [state](const Result<WriteOutcome> &r) {
                                    state->result = r;
                                    state->ackMs = state->clock.elapsed();
                                });
            Probe last;
            while (true) {
                if (g_interrupted) {
                    out(QStringLiteral("error=interrupted"));
                    return std::nullopt;
                }
                if (written && !written->ok()) {
                    out(QStringLiteral("error=write failed: ") + written->error().message);
                    return std::nullopt;
                }
                if (clock.elapsed() > 30000) {
                    out(QStringLiteral("error=%1/%2 not served within 30 s; last probe: %3")
                            .arg(100 - green)
                            .arg(green)
                            .arg(last.describe()));
                    return std::nullopt;
                }
                const qint64 probeStart = clock.elapsed();
                last = probe(nam, url, hostHeader, requests);
                ++sample.probes;
                // Served only counts once the write has answered (it cannot be earlier anyway).
                if (written && last.serves(green)) {
                    sample.ackMs = state->ackMs;
                    sample.observedMs = clock.elapsed();
                    sample.servedByMs = probeStart;
                    sample.probeMs = last.ms;
                    return sample;
                }
            }
        };

        // Adoption: router, weighted service and cookie; the Swarm provider must have found the
        // children too before it is served.
        const auto adopted = measure(0);
        if (!adopted)
            return fail(QStringLiteral("the first write (100/0) was never served"));
        out(QStringLiteral("%1 adoption_write ack_ms=%2 observed_ms=%3")
                .arg(tag)
                .arg(adopted->ackMs)
                .arg(adopted->observedMs));

        for (const bool settled : {false, true}) {
            const QString series =
                settled ? QStringLiteral("settled") : QStringLiteral("back-to-back");
            QList<double> observed, servedBy, acks, probeMs;
            const int sequence[] = {50, 100, 50, 0};
            for (int k = 0; k < writes; ++k) {
                if (settled)
                    pause(qint64(throttle * 1000) + 500);
                const int green = sequence[k % 4];
                const auto sample = measure(green);
                if (!sample)
                    return fail(QStringLiteral("%1 %2 write %3").arg(tag, series).arg(k + 1));
                out(QStringLiteral("%1 series=%2 write=%3 split=%4/%5 ack_ms=%6 observed_ms=%7 "
                                   "served_by_ms=%8 probes=%9 probe_ms=%10")
                        .arg(tag, series)
                        .arg(k + 1)
                        .arg(100 - green)
                        .arg(green)
                        .arg(sample->ackMs)
                        .arg(sample->observedMs)
                        .arg(sample->servedByMs)
                        .arg(sample->probes)
                        .arg(sample->probeMs));
                observed << double(sample->observedMs);
                servedBy << double(sample->servedByMs);
                acks << double(sample->ackMs);
                probeMs << double(sample->probeMs);
            }
            // Every series ends on a known split; the next one starts from 100/0 again.
            if (writes % 4 != 0) {
                if (settled)
                    pause(qint64(throttle * 1000) + 500);
                if (!measure(0))
                    return fail(QStringLiteral("%1 %2: back to 100/0").arg(tag, series));
            }
            out(QStringLiteral("summary %1 series=%2 n=%3 median_ms=%4 p90_ms=%5 max_ms=%6 "
                               "served_by_median_ms=%7 ack_median_ms=%8 probe_median_ms=%9")
                    .arg(tag, series)
                    .arg(observed.size())
                    .arg(median(observed), 0, 'f', 0)
                    .arg(percentile(observed, 90), 0, 'f', 0)
                    .arg(percentile(observed, 100), 0, 'f', 0)
                    .arg(median(servedBy), 0, 'f', 0)
                    .arg(median(acks), 0, 'f', 1)
                    .arg(median(probeMs), 0, 'f', 0));
            if (!settled)
                backToBackMedians << qMakePair(throttle, median(observed));
        }
        stopStandin();
    }
    if (backToBackMedians.size() >= 2) {
        const auto [low, high] =
            std::minmax_element(backToBackMedians.cbegin(), backToBackMedians.cend(),
                                [](const auto &a, const auto &b) { return a.first < b.first; });
        out(QStringLiteral("throttle_share_ms=%1 (back-to-back median at %2 s minus at %3 s)")
                .arg(high->second - low->second, 0, 'f', 0)
                .arg(throttleText(high->first), throttleText(low->first)));
    }
    cleanup();
    return 0;
}
