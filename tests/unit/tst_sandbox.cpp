#include "clock/VirtualClock.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxMetrics.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <functional>
#include <optional>

using namespace optimist;
using namespace std::chrono_literals;

namespace {

const QString kApp = QStringLiteral("demo");

// The error message of a failed result, for QVERIFY2 (error() of a success would throw).
template <typename T> QString why(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().message;
}

QJsonObject baseScenario()
{
    return QJsonDocument::fromJson(QByteArrayLiteral(R"({
        "name": "test", "seed": 42,
        "baseline": {"latencyMs": 100, "errorRate": 1, "cpu": 30, "rps": 200},
        "canary": {"latencyMs": 100, "errorRate": 1, "cpu": 30}
    })"))
        .object();
}

Scenario makeScenario(const QJsonObject &overrides = {})
{
    QJsonObject o = baseScenario();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        o.insert(it.key(), it.value());
    const Result<Scenario> r =
        Scenario::parse(QJsonDocument(o).toJson(), QStringLiteral("test.json"));
    if (!r.ok())
        qFatal("test scenario does not parse: %s", qPrintable(why(r)));
    return r.value();
}

QString parseError(const QByteArray &json, const QString &origin = QStringLiteral("bad.json"))
{
    const Result<Scenario> r = Scenario::parse(json, origin);
    return r.ok() ? QString() : r.error().message;
}

QString parseError(const QJsonObject &overrides)
{
    QJsonObject o = baseScenario();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        o.insert(it.key(), it.value());
    return parseError(QJsonDocument(o).toJson());
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool sameColor(const ColorMetrics &a, const ColorMetrics &b)
{
    if (a.latencySubsamplesMs.size() != b.latencySubsamplesMs.size())
        return false;
    for (qsizetype i = 0; i < a.latencySubsamplesMs.size(); ++i)
        if (!same(a.latencySubsamplesMs[i], b.latencySubsamplesMs[i]))
            return false;
    return a.color == b.color && a.weight == b.weight && a.requests == b.requests &&
           a.errors == b.errors && same(a.rps, b.rps) && same(a.latencyMeanMs, b.latencyMeanMs) &&
           same(a.latencyP95Ms, b.latencyP95Ms) && same(a.cpuPercent, b.cpuPercent);
}

bool sameWindows(const QList<MetricsWindow> &a, const QList<MetricsWindow> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].from != b[i].from || a[i].to != b[i].to || !sameColor(a[i].blue, b[i].blue) ||
            !sameColor(a[i].green, b[i].green))
            return false;
    }
    return true;
}

/// A sandbox on a virtual clock, with a helper that drives a port call to its answer.
struct Sandbox
{
    explicit Sandbox(const Scenario &scenario,
                     const QDateTime &start = VirtualClock::defaultStart())
        : clock(start)
        , environment(scenario, &clock)
        , cluster(&environment)
        , router(&environment)
        , metrics(&environment)
    {
    }

    VirtualClock clock;
    SandboxEnvironment environment;
    SandboxCluster cluster;
    SandboxRouter router;
    SandboxMetrics metrics;
    QObject context;
    int synchronousAnswers = 0;
    qint64 answeredAtMs = -1;

    qint64 nowMs() const { return clock.now().toMSecsSinceEpoch(); }
    QDateTime at(qint64 ms) const { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

    /// Calls @p call with a reply, runs the clock until it answers; counts answers given from
    /// inside the call, which the ports must never do.
    template <typename T> Result<T> await(const std::function<void(Reply<T>)> &call)
    {
        std::optional<Result<T>> result;
        call(Reply<T>(&context, [this, &result](const Result<T> &r) {
            result = r;
            answeredAtMs = nowMs();
        }));
        if (result)
            ++synchronousAnswers;
        while (!result && clock.runNext()) {
        }
        if (!result)
            return Error{Error::Kind::Other, QStringLiteral("the port never answered")};
        return *result;
    }

    Result<AppSnapshot> readApp()
    {
        return await<AppSnapshot>([this](auto r) { cluster.readApp(kApp, r); });
    }
    Result<WriteOutcome> createGreen(WriteMode mode = WriteMode::Apply,
                                     const QString &version = QStringLiteral("v2"))
    {
        return await<WriteOutcome>([&, this](auto r) {
            cluster.createColor(kApp, Color::Blue, Color::Green, version, mode, r);
        });
    }
    Result<ColorService> waitHealthy(std::chrono::milliseconds timeout, Color color = Color::Green)
    {
        return await<ColorService>(
            [&, this](auto r) { cluster.waitHealthy(kApp, color, timeout, r); });
    }
    Result<WriteOutcome> write(int canary, WriteMode mode = WriteMode::Apply)
    {
        return await<WriteOutcome>([&, this](auto r) {
            router.writeWeights(kApp, WeightSplit::canaryAt(Color::Green, canary), mode, r);
        });
    }
    Result<WeightSplit> confirm(int canary, std::chrono::milliseconds timeout = 30s)
    {
        return await<WeightSplit>([&, this](auto r) {
            router.confirmWeights(kApp, WeightSplit::canaryAt(Color::Green, canary), timeout, r);
        });
    }
    Result<MetricsWindow> window(qint64 fromMs, qint64 toMs)
    {
        return await<MetricsWindow>(
            [&, this](auto r) { metrics.window(kApp, at(fromMs), at(toMs), r); });
    }
    /// Creates green, waits until it is healthy and shifts @p canary percent to it.
    bool deployAndShift(int canary)
    {
        return createGreen().ok() && waitHealthy(120s).ok() && write(canary).ok() &&
               confirm(canary).ok();
    }
    /// The window of the last @p seconds, after letting them pass.
    MetricsWindow observe(int seconds)
    {
        clock.advance(std::chrono::seconds(seconds));
        const qint64 to = nowMs();
        const Result<MetricsWindow> w = window(to - seconds * 1000, to);
        return w.ok() ? w.value() : MetricsWindow{};
    }
};

/// A five-step rollout through the ports, with one 60-s window per step.
QList<MetricsWindow> rollout(Sandbox &sandbox)
{
    QList<MetricsWindow> windows;
    if (!sandbox.createGreen().ok() || !sandbox.waitHealthy(120s).ok())
        return windows;
    for (int step : {10, 25, 50, 75, 100}) {
        if (!sandbox.write(step).ok() || !sandbox.confirm(step).ok())
            return windows;
        windows.append(sandbox.observe(60));
    }
    return windows;
}

double relativeSd(const QList<double> &values)
{
    double mean = 0;
    for (double v : values)
        mean += v;
    mean /= double(values.size());
    double var = 0;
    for (double v : values)
        var += (v - mean) * (v - mean);
    return std::sqrt(var / double(values.size() - 1)) / mean;
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Scenario files
    void badJsonNamesFileAndLine();
    void wrongTypeNamesFieldPath();
    void unknownFieldIsAnError();
    void badPlanIsReportedWithField();
    void requiredFieldsAndChangeMoments();
    void defaultsApply();
    void everyShippedScenarioParses();
    void shippedNamesResolveToResources();
    void missingFileIsNotFound();

    // Cluster and router
    void initialStateIsBlueAtFullWeight();
    void repliesAreNeverSynchronous();
    void healthyAfterStartupSecOfVirtualTime();
    void crashLoopIsUnhealthyWithTaskMessage();
    void createColorConflictsAndRemoveNotFound();
    void dryRunChangesNothing();
    void confirmWeightsWaitsApplyDelay();
    void scaleToZeroAndBackRestartsTasks();
    void runJobFollowsHook();

    // Metrics
    void sameSeedSameWindowsOtherSeedOthers();
    void trafficShareFollowsWeights();
    void errorRateAndLatencyTrackParameters();
    void noiseIsRelativeDeviationPerWindow();
    void atSecChangeTakesEffectOnlyWhenDue();
    void atWeightChangeTakesEffectOnlyWhenInForce();
    void rampIsLinear();
    void absentOrUnweightedColorGetsNoRequests();
    void unhealthyCanaryAnswers5xx();
    void countersAndHighestCanaryWeight();

    // State
    void saveRestoreContinuesIdentically();
    void restoreRefusesForeignState();

    void replayIsFast();
};

void TestSandbox::badJsonNamesFileAndLine()
{
    const QString message = parseError(QByteArrayLiteral("{\n  \"name\": \"x\",\n  \"seed\": 1\n"
                                                         "  \"baseline\": {}\n}\n"));
    QVERIFY2(message.startsWith(QLatin1String("bad.json:4:")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("invalid JSON")), qPrintable(message));

    const QString notObject = parseError(QByteArrayLiteral("[1, 2]"));
    QVERIFY2(notObject.startsWith(QLatin1String("bad.json: a scenario must be a JSON object")),
             qPrintable(notObject));
}

void TestSandbox::wrongTypeNamesFieldPath()
{
    QString message = parseError(object(R"({"canary": {"latencyMs": "fast"}})"));
    QVERIFY2(message.contains(QLatin1String(
                 "bad.json: canary.latencyMs must be a positive number, not \"fast\"")),
             qPrintable(message));

    message = parseError(object(R"({"changes": [{"atSec": 10, "canary": {"errorRate": 150}}]})"));
    QVERIFY2(message.contains(QLatin1String("changes[0].canary.errorRate must be a percentage "
                                            "between 0 and 100, not 150")),
             qPrintable(message));

    message = parseError(object(R"({"noise": {"latency": -0.1}, "replicas": 1.5})"));
    QVERIFY2(message.contains(QLatin1String("noise.latency must be a relative standard deviation")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("replicas must be a whole number")),
             qPrintable(message));
    // Every problem is reported, one per line.
    QCOMPARE(message.split(QLatin1Char('\n')).size(), 2);
}

void TestSandbox::unknownFieldIsAnError()
{
    QString message = parseError(object(R"({"nosie": {"latency": 0.1}})"));
    QVERIFY2(message.contains(QLatin1String("bad.json: unknown field nosie")), qPrintable(message));

    message = parseError(object(R"({"canary": {"latency": 100}})"));
    QVERIFY2(message.contains(QLatin1String("unknown field canary.latency (known here: latencyMs")),
             qPrintable(message));

    message = parseError(object(R"({"changes": [{"atSec": 1, "canary": {"healthy": false}}]})"));
    QVERIFY2(message.contains(QLatin1String("unknown field changes[0].canary.healthy")),
             qPrintable(message));
}

void TestSandbox::badPlanIsReportedWithField()
{
    QString message = parseError(object(R"({"plan": {"steps": [50, 25]}})"));
    QVERIFY2(message.startsWith(QLatin1String("bad.json: plan.steps: ")), qPrintable(message));

    message = parseError(object(R"({"plan": {"checkIntervalSec": "60"}})"));
    QVERIFY2(message.contains(QLatin1String("plan.checkIntervalSec: ")), qPrintable(message));

    message = parseError(object(R"({"plan": {"stepz": [10, 100]}})"));
    QVERIFY2(message.contains(QLatin1String("plan.stepz: ")), qPrintable(message));
}

void TestSandbox::requiredFieldsAndChangeMoments()
{
    QString message = parseError(QByteArrayLiteral(R"({"name": "x"})"));
    QVERIFY2(message.contains(QLatin1String("bad.json: baseline is required")),
             qPrintable(message));

    message = parseError(object(R"({"baseline": {"latencyMs": 1, "errorRate": 0, "cpu": 1}})"));
    QVERIFY2(message.contains(QLatin1String("baseline.rps is required")), qPrintable(message));

    message = parseError(object(R"({"changes": [{"canary": {"cpu": 50}}]})"));
    QVERIFY2(message.contains(QLatin1String("changes[0] needs atSec")), qPrintable(message));

    message =
        parseError(object(R"({"changes": [{"atSec": 1, "atWeight": 50, "canary": {"cpu": 5}}]})"));
    QVERIFY2(message.contains(QLatin1String("changes[0] has both atSec and atWeight")),
             qPrintable(message));

    message = parseError(object(R"({"changes": [{"atSec": 1}]})"));
    QVERIFY2(message.contains(QLatin1String("changes[0] changes nothing")), qPrintable(message));

    message = parseError(object(R"({"expect": "passed"})"));
    QVERIFY2(message.contains(QLatin1String("expect must be")), qPrintable(message));
}

void TestSandbox::defaultsApply()
{
    const Result<Scenario> r = Scenario::parse(
        QByteArrayLiteral(
            R"({"baseline": {"latencyMs": 80, "errorRate": 0.5, "cpu": 30, "rps": 200}})"),
        QStringLiteral("/tmp/minimal.json"));
    QVERIFY2(r.ok(), qPrintable(why(r)));
    const Scenario &s = r.value();
    QCOMPARE(s.name, QStringLiteral("minimal"));
    QCOMPARE(s.seed, quint64(1));
    QCOMPARE(s.app, QStringLiteral("demo"));
    QCOMPARE(s.replicas, 2);
    QCOMPARE(s.baseline.version, QStringLiteral("v1"));
    QCOMPARE(s.canary.latencyMs, 80.0);
    QCOMPARE(s.canary.errorRate, 0.5);
    QCOMPARE(s.canary.cpu, 30.0);
    QCOMPARE(s.canary.healthy, true);
    QCOMPARE(s.canary.startupSec, 8.0);
    QCOMPARE(s.routerApplyDelaySec, 2.0);
    QCOMPARE(s.hook.exitCode, 0);
    QCOMPARE(s.noise.latency, 0.0);
    QCOMPARE(s.plan.steps, (QList<int>{10, 25, 50, 75, 100}));
    QVERIFY(s.expect.isEmpty());
}

void TestSandbox::everyShippedScenarioParses()
{
    const QDir dir(QStringLiteral(OPTIMIST_SOURCE_DIR "/resources/scenarios"));
    QStringList names;
    const QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        const Result<Scenario> r = Scenario::load(file.absoluteFilePath());
        QVERIFY2(r.ok(), qPrintable(why(r)));
        const Scenario &s = r.value();
        QCOMPARE(s.name, file.completeBaseName());
        QVERIFY2(s.expect == QLatin1String("succeeded") ||
                     s.expect == QLatin1String("rolled_back") ||
                     s.expect == QLatin1String("failed"),
                 qPrintable(s.name));
        QCOMPARE(s.plan.steps, (QList<int>{10, 25, 50, 75, 100}));
        QCOMPARE(s.plan.checkIntervalSec, 60);
        QVERIFY(!s.description.isEmpty());
        names << s.name;
    }
    const QStringList expected{
        QStringLiteral("cpu-leak"),         QStringLiteral("crash-loop"),
        QStringLiteral("error-spike"),      QStringLiteral("healthy"),
        QStringLiteral("hook-fails"),       QStringLiteral("latency-regression"),
        QStringLiteral("no-traffic"),       QStringLiteral("noisy-healthy"),
        QStringLiteral("regression-at-50"), QStringLiteral("small-error-increase")};
    QCOMPARE(names, expected);

    // The program embeds exactly these, as :/scenarios/NAME.json.
    QCOMPARE(Scenario::shippedNames(), expected);
}

void TestSandbox::shippedNamesResolveToResources()
{
    QVERIFY(QFile::exists(QStringLiteral(":/scenarios/healthy.json")));
    const Result<Scenario> r = Scenario::load(QStringLiteral("latency-regression"));
    QVERIFY2(r.ok(), qPrintable(why(r)));
    QCOMPARE(r.value().seed, quint64(7));
    QCOMPARE(r.value().changes.size(), 1);
    QCOMPARE(*r.value().changes.first().atSec, 300.0);

    const Result<Scenario> missing = Scenario::load(QStringLiteral("helthy"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    QVERIFY2(missing.error().message.contains(QLatin1String("healthy, hook-fails")),
             qPrintable(why(missing)));
}

void TestSandbox::missingFileIsNotFound()
{
    const Result<Scenario> r = Scenario::load(QStringLiteral("/nonexistent/dir/x.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::NotFound);
    QVERIFY(r.error().message.contains(QLatin1String("/nonexistent/dir/x.json")));
}

void TestSandbox::initialStateIsBlueAtFullWeight()
{
    Sandbox sb(makeScenario());
    const Result<AppSnapshot> app = sb.readApp();
    QVERIFY(app.ok());
    QVERIFY(app.value().blue.has_value());
    QVERIFY(!app.value().green.has_value());
    const ColorService &blue = *app.value().blue;
    QCOMPARE(blue.serviceName, QStringLiteral("demo-blue"));
    QCOMPARE(blue.version, QStringLiteral("v1"));
    QCOMPARE(blue.replicasRunning, 2);
    QCOMPARE(blue.replicasDesired, 2);
    QVERIFY(blue.healthy);
    const Result<WeightSplit> weights =
        sb.await<WeightSplit>([&](auto r) { sb.router.readWeights(kApp, r); });
    QVERIFY(weights.ok());
    QCOMPARE(weights.value(), (WeightSplit{100, 0}));

    const Result<AppSnapshot> other =
        sb.await<AppSnapshot>([&](auto r) { sb.cluster.readApp(QStringLiteral("shop"), r); });
    QVERIFY(!other.ok());
    QCOMPARE(other.error().kind, Error::Kind::NotFound);
    QCOMPARE(sb.synchronousAnswers, 0);
}

void TestSandbox::repliesAreNeverSynchronous()
{
    Sandbox sb(makeScenario());
    int answers = 0;
    auto count = [&answers](const auto &) { ++answers; };
    QObject *ctx = &sb.context;
    sb.cluster.readApp(kApp, Reply<AppSnapshot>(ctx, count));
    sb.cluster.readApp(QStringLiteral("nope"), Reply<AppSnapshot>(ctx, count));
    sb.cluster.createColor(kApp, Color::Blue, Color::Green, QStringLiteral("v2"), WriteMode::DryRun,
                           Reply<WriteOutcome>(ctx, count));
    sb.cluster.waitHealthy(kApp, Color::Blue, 1s, Reply<ColorService>(ctx, count));
    sb.cluster.scale(kApp, Color::Blue, 3, WriteMode::DryRun, Reply<WriteOutcome>(ctx, count));
    sb.cluster.removeColor(kApp, Color::Green, WriteMode::Apply, Reply<WriteOutcome>(ctx, count));
    sb.cluster.runJob(kApp, QStringLiteral("v2"), {QStringLiteral("true")}, 10s, WriteMode::Apply,
                      Reply<JobOutcome>(ctx, count));
    sb.router.readWeights(kApp, Reply<WeightSplit>(ctx, count));
    sb.router.writeWeights(kApp, {100, 0}, WriteMode::Apply, Reply<WriteOutcome>(ctx, count));
    sb.router.confirmWeights(kApp, {100, 0}, 1s, Reply<WeightSplit>(ctx, count));
    sb.metrics.window(kApp, sb.clock.now().addSecs(-60), sb.clock.now(),
                      Reply<MetricsWindow>(ctx, count));
    QCOMPARE(answers, 0);
    sb.clock.runUntilIdle();
    QCOMPARE(answers, 11);

    // A cancelled reply is never called.
    CancelToken token;
    sb.cluster.readApp(kApp, Reply<AppSnapshot>(ctx, count, token));
    token.cancel();
    sb.clock.runUntilIdle();
    QCOMPARE(answers, 11);
}

void TestSandbox::healthyAfterStartupSecOfVirtualTime()
{
    Sandbox sb(makeScenario(object(R"({"canary": {"startupSec": 8}})")));
    const qint64 t0 = sb.nowMs();
    QVERIFY(sb.createGreen().ok());

    // Half-way through startup the tasks are not healthy yet.
    sb.clock.advance(4s);
    const Result<AppSnapshot> starting = sb.readApp();
    QVERIFY(starting.ok());
    QVERIFY(starting.value().green.has_value());
    QCOMPARE(starting.value().green->version, QStringLiteral("v2"));
    QCOMPARE(starting.value().green->replicasRunning, 0);
    QCOMPARE(starting.value().green->replicasDesired, 2);
    QVERIFY(!starting.value().green->healthy);
    QVERIFY(!starting.value().green->healthDetail.isEmpty());

    // Too short a timeout: Timeout, at the timeout.
    const qint64 t1 = sb.nowMs();
    const Result<ColorService> early = sb.waitHealthy(2s);
    QVERIFY(!early.ok());
    QCOMPARE(early.error().kind, Error::Kind::Timeout);
    QVERIFY2(early.error().message.contains(QLatin1String("demo-green is not healthy after 2 s")),
             qPrintable(why(early)));
    QCOMPARE(sb.answeredAtMs - t1, 2000);

    const Result<ColorService> healthy = sb.waitHealthy(60s);
    QVERIFY2(healthy.ok(), qPrintable(why(healthy)));
    QVERIFY(healthy.value().healthy);
    QCOMPARE(healthy.value().replicasRunning, 2);
    QCOMPARE(sb.answeredAtMs - t0, 8000);
    QCOMPARE(sb.synchronousAnswers, 0);
}

void TestSandbox::crashLoopIsUnhealthyWithTaskMessage()
{
    Sandbox sb(makeScenario(object(R"({"canary": {"healthy": false, "crashMessage": "boom"}})")));
    const qint64 t0 = sb.nowMs();
    QVERIFY(sb.createGreen().ok());

    const Result<ColorService> shortWait = sb.waitHealthy(10s);
    QVERIFY(!shortWait.ok());
    QCOMPARE(shortWait.error().kind, Error::Kind::Timeout);
    QVERIFY2(shortWait.error().message.contains(
                 QLatin1String("task demo-green.1 exited with code 1: boom (restarted once)")),
             qPrintable(why(shortWait)));

    const Result<ColorService> r = sb.waitHealthy(120s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Unhealthy);
    QCOMPARE(r.error().message,
             QStringLiteral("task demo-green.1 exited with code 1: boom (restarted 3 times)"));
    // Startup 8 s: each attempt dies after 4 s, Swarm restarts 5 s later.
    QCOMPARE(sb.answeredAtMs - t0, 3 * 9000 + 4000);

    const Result<AppSnapshot> app = sb.readApp();
    QVERIFY(!app.value().green->healthy);
    QCOMPARE(app.value().green->replicasRunning, 0);
    QVERIFY(app.value().green->healthDetail.contains(QLatin1String("boom")));
}

void TestSandbox::createColorConflictsAndRemoveNotFound()
{
    Sandbox sb(makeScenario());
    const Result<WriteOutcome> created = sb.createGreen();
    QVERIFY(created.ok());
    QVERIFY2(created.value().description.startsWith(QLatin1String("created service demo-green")),
             qPrintable(created.value().description));

    const Result<WriteOutcome> again = sb.createGreen(WriteMode::Apply, QStringLiteral("v3"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, Error::Kind::Conflict);
    QVERIFY(
        again.error().message.contains(QLatin1String("demo-green already exists (version v2)")));
    // A dry run reads for real, so it sees the conflict too.
    QCOMPARE(sb.createGreen(WriteMode::DryRun).error().kind, Error::Kind::Conflict);

    auto remove = [&sb] {
        return sb.await<WriteOutcome>(
            [&](auto r) { sb.cluster.removeColor(kApp, Color::Green, WriteMode::Apply, r); });
    };
    QVERIFY(remove().ok());
    QVERIFY(!sb.readApp().value().green.has_value());
    const Result<WriteOutcome> removedTwice = remove();
    QVERIFY(!removedTwice.ok());
    QCOMPARE(removedTwice.error().kind, Error::Kind::NotFound);
    QCOMPARE(sb.synchronousAnswers, 0);
}

void TestSandbox::dryRunChangesNothing()
{
    Sandbox sb(makeScenario());
    const Result<WriteOutcome> create = sb.createGreen(WriteMode::DryRun);
    QVERIFY(create.ok());
    const QString spec = create.value().description;
    QVERIFY2(spec.startsWith(QLatin1String("would create service demo-green as a clone of "
                                           "demo-blue with image demo:v2")),
             qPrintable(spec));
    QVERIFY2(spec.contains(QLatin1String("\"Image\":\"demo:v2\"")), qPrintable(spec));
    QVERIFY2(spec.contains(QLatin1String("\"Replicas\":2")), qPrintable(spec));
    QVERIFY2(spec.contains(QLatin1String("traefik.http.services.demo-green.loadbalancer")),
             qPrintable(spec));
    QVERIFY(!sb.readApp().value().green.has_value());

    const Result<WriteOutcome> weights = sb.write(10, WriteMode::DryRun);
    QVERIFY(weights.ok());
    QVERIFY2(weights.value().description.endsWith(
                 QLatin1String("traefik/http/services/demo/weighted/services/0/name = "
                               "demo-blue@swarm\n"
                               "traefik/http/services/demo/weighted/services/0/weight = 90\n"
                               "traefik/http/services/demo/weighted/services/1/name = "
                               "demo-green@swarm\n"
                               "traefik/http/services/demo/weighted/services/1/weight = 10")),
             qPrintable(weights.value().description));
    QVERIFY(weights.value().description.startsWith(QLatin1String("would set")));
    QCOMPARE(sb.await<WeightSplit>([&](auto r) { sb.router.readWeights(kApp, r); }).value(),
             (WeightSplit{100, 0}));
    QCOMPARE(sb.environment.weightHistory().size(), size_t(1));

    const Result<WriteOutcome> scale = sb.await<WriteOutcome>(
        [&](auto r) { sb.cluster.scale(kApp, Color::Blue, 0, WriteMode::DryRun, r); });
    QCOMPARE(scale.value().description,
             QStringLiteral("would scale service demo-blue from 2 to 0 replicas"));
    const Result<WriteOutcome> remove = sb.await<WriteOutcome>(
        [&](auto r) { sb.cluster.removeColor(kApp, Color::Blue, WriteMode::DryRun, r); });
    QVERIFY(remove.value().description.startsWith(QLatin1String("would remove service demo-blue")));
    const Result<JobOutcome> job = sb.await<JobOutcome>([&](auto r) {
        sb.cluster.runJob(kApp, QStringLiteral("v2"), {QStringLiteral("./migrate")}, 60s,
                          WriteMode::DryRun, r);
    });
    QCOMPARE(job.value().exitCode, 0);
    QVERIFY(job.value().description.startsWith(QLatin1String("would run job demo-hook")));

    const Result<AppSnapshot> app = sb.readApp();
    QCOMPARE(app.value().blue->replicasDesired, 2);
    QVERIFY(app.value().blue->healthy);
    QVERIFY(!app.value().green.has_value());
    QCOMPARE(sb.synchronousAnswers, 0);
}

void TestSandbox::confirmWeightsWaitsApplyDelay()
{
    Sandbox sb(makeScenario());
    QVERIFY(sb.createGreen().ok());
    QVERIFY(sb.waitHealthy(60s).ok());

    const qint64 t0 = sb.nowMs();
    QVERIFY(sb.write(10).ok());
    const Result<WeightSplit> tooSoon = sb.confirm(10, 1s);
    QVERIFY(!tooSoon.ok());
    QCOMPARE(tooSoon.error().kind, Error::Kind::Timeout);
    QVERIFY2(tooSoon.error().message.contains(
                 QLatin1String("serves blue 100% / green 0% for demo, not blue 90% / green 10%")),
             qPrintable(why(tooSoon)));

    const Result<WeightSplit> confirmed = sb.confirm(10, 30s);
    QVERIFY(confirmed.ok());
    QCOMPARE(confirmed.value(), (WeightSplit{90, 10}));
    QVERIFY(sb.answeredAtMs - t0 >= 2000);
    QVERIFY(sb.answeredAtMs - t0 < 2100);

    // Weights never written do not come about.
    const Result<WeightSplit> never = sb.confirm(50, 5s);
    QCOMPARE(never.error().kind, Error::Kind::Timeout);

    // A slower Traefik.
    Sandbox slow(makeScenario(object(R"({"router": {"applyDelaySec": 5}})")));
    QVERIFY(slow.createGreen().ok());
    const qint64 t1 = slow.nowMs();
    QVERIFY(slow.write(25).ok());
    QVERIFY(slow.confirm(25).ok());
    QVERIFY(slow.answeredAtMs - t1 >= 5000);
    QCOMPARE(sb.synchronousAnswers + slow.synchronousAnswers, 0);
}

void TestSandbox::scaleToZeroAndBackRestartsTasks()
{
    Sandbox sb(makeScenario());
    QVERIFY(sb.createGreen().ok());
    QVERIFY(sb.waitHealthy(60s).ok());
    auto scale = [&sb](int replicas) {
        return sb.await<WriteOutcome>(
            [&](auto r) { sb.cluster.scale(kApp, Color::Green, replicas, WriteMode::Apply, r); });
    };
    QVERIFY(scale(0).ok());
    Result<AppSnapshot> app = sb.readApp();
    QCOMPARE(app.value().green->replicasDesired, 0);
    QCOMPARE(app.value().green->replicasRunning, 0);
    QVERIFY(!app.value().green->healthy);

    const qint64 t0 = sb.nowMs();
    QVERIFY(scale(3).ok());
    QVERIFY(!sb.readApp().value().green->healthy);
    const Result<ColorService> healthy = sb.waitHealthy(60s);
    QVERIFY(healthy.ok());
    QCOMPARE(healthy.value().replicasRunning, 3);
    QCOMPARE(sb.answeredAtMs - t0, 8000);
    QCOMPARE(scale(-1).error().kind, Error::Kind::Invalid);
}

void TestSandbox::runJobFollowsHook()
{
    Sandbox sb(makeScenario(
        object(R"({"hook": {"exitCode": 3, "durationSec": 4, "log": "relation missing"}})")));
    const qint64 t0 = sb.nowMs();
    auto run = [&sb](std::chrono::milliseconds timeout) {
        return sb.await<JobOutcome>([&](auto r) {
            sb.cluster.runJob(kApp, QStringLiteral("v2"),
                              {QStringLiteral("./migrate"), QStringLiteral("up")}, timeout,
                              WriteMode::Apply, r);
        });
    };
    const Result<JobOutcome> job = run(60s);
    QVERIFY(job.ok());
    QCOMPARE(job.value().exitCode, 3);
    QCOMPARE(job.value().logTail, QStringLiteral("relation missing"));
    QVERIFY2(job.value().description.contains(QLatin1String("./migrate up")),
             qPrintable(job.value().description));
    QCOMPARE(sb.answeredAtMs - t0, 4000);

    const Result<JobOutcome> late = run(1s);
    QCOMPARE(late.error().kind, Error::Kind::Timeout);
}

void TestSandbox::sameSeedSameWindowsOtherSeedOthers()
{
    const Scenario scenario =
        makeScenario(object(R"({"noise": {"latency": 0.1, "errorRate": 0.2, "cpu": 0.1}})"));
    Sandbox a(scenario);
    Sandbox b(scenario);
    const QList<MetricsWindow> wa = rollout(a);
    const QList<MetricsWindow> wb = rollout(b);
    QCOMPARE(wa.size(), 5);
    QVERIFY(sameWindows(wa, wb));
    QCOMPARE(a.environment.canaryRequests(), b.environment.canaryRequests());

    Scenario other = scenario;
    other.seed = 43;
    Sandbox c(other);
    const QList<MetricsWindow> wc = rollout(c);
    QCOMPARE(wc.size(), 5);
    QVERIFY(!sameWindows(wa, wc));

    // Reseeding is the same as starting from that seed.
    Sandbox d(scenario);
    d.environment.reseed(43);
    QVERIFY(sameWindows(rollout(d), wc));
}

void TestSandbox::trafficShareFollowsWeights()
{
    Sandbox sb(makeScenario());
    QVERIFY(sb.deployAndShift(25));
    const MetricsWindow w = sb.observe(3600);
    QCOMPARE(w.source, QStringLiteral("sandbox"));
    QCOMPARE(w.green.weight, 25);
    QCOMPARE(w.blue.weight, 75);
    const double total = double(w.blue.requests + w.green.requests);
    QVERIFY2(std::abs(total / 3600.0 - 200.0) < 2.0, qPrintable(QString::number(total)));
    const double share = double(w.green.requests) / total;
    QVERIFY2(std::abs(share - 0.25) < 0.005, qPrintable(QString::number(share)));
    QVERIFY(std::abs(w.green.rps - 50.0) < 1.0);
    QCOMPARE(w.green.latencySubsamplesMs.size(), 720);

    // A short window is still cut into at least three sub-intervals.
    const MetricsWindow shortWindow = sb.observe(10);
    QCOMPARE(shortWindow.blue.latencySubsamplesMs.size(), 3);
}

void TestSandbox::errorRateAndLatencyTrackParameters()
{
    Sandbox sb(makeScenario(object(R"({
        "baseline": {"latencyMs": 50, "errorRate": 1, "cpu": 20, "rps": 400},
        "canary": {"latencyMs": 200, "errorRate": 5, "cpu": 70}})")));
    QVERIFY(sb.deployAndShift(50));
    const MetricsWindow w = sb.observe(3600);

    QVERIFY2(std::abs(w.green.errorRatePct() - 5.0) < 0.15,
             qPrintable(QString::number(w.green.errorRatePct())));
    QVERIFY2(std::abs(w.blue.errorRatePct() - 1.0) < 0.08,
             qPrintable(QString::number(w.blue.errorRatePct())));
    QVERIFY2(std::abs(w.green.latencyMeanMs / 200.0 - 1.0) < 0.01,
             qPrintable(QString::number(w.green.latencyMeanMs)));
    QVERIFY2(std::abs(w.blue.latencyMeanMs / 50.0 - 1.0) < 0.01,
             qPrintable(QString::number(w.blue.latencyMeanMs)));
    // p95 of a log-normal with sigma 0.5 is about twice its mean.
    QVERIFY(std::abs(w.green.latencyP95Ms / w.green.latencyMeanMs - 1.5659) < 0.001);
    QCOMPARE(w.green.cpuPercent, 70.0);
    QCOMPARE(w.blue.cpuPercent, 20.0);
    for (double sub : w.green.latencySubsamplesMs)
        QVERIFY2(sub > 150 && sub < 250, qPrintable(QString::number(sub)));
}

void TestSandbox::noiseIsRelativeDeviationPerWindow()
{
    Sandbox sb(makeScenario(object(R"({"noise": {"latency": 0.2, "errorRate": 0, "cpu": 0.1}})")));
    QVERIFY(sb.deployAndShift(50));
    QList<double> latency;
    QList<double> cpu;
    double correlation = 0;
    double withinWindowSd = 0;
    for (int i = 0; i < 300; ++i) {
        const MetricsWindow w = sb.observe(60);
        latency << w.green.latencyMeanMs;
        withinWindowSd += relativeSd(w.green.latencySubsamplesMs) / 300.0;
        cpu << w.green.cpuPercent;
        correlation += (w.green.latencyMeanMs / 100.0 - 1.0) * (w.blue.latencyMeanMs / 100.0 - 1.0);
    }
    const double latencySd = relativeSd(latency);
    const double cpuSd = relativeSd(cpu);
    QVERIFY2(latencySd > 0.17 && latencySd < 0.23, qPrintable(QString::number(latencySd)));
    QVERIFY2(cpuSd > 0.085 && cpuSd < 0.115, qPrintable(QString::number(cpuSd)));
    // Drawn independently per color.
    correlation /= 300.0 * 0.2 * 0.2;
    QVERIFY2(std::abs(correlation) < 0.25, qPrintable(QString::number(correlation)));
    // The sub-intervals vary independently (0.2 x sqrt(12) = 0.69 each), so a window's figure
    // deviates by 0.2 while its sub-samples show the spread a statistical test needs.
    QVERIFY2(withinWindowSd > 0.45 && withinWindowSd < 0.85,
             qPrintable(QString::number(withinWindowSd)));
}

void TestSandbox::atSecChangeTakesEffectOnlyWhenDue()
{
    Sandbox sb(makeScenario(object(R"({"changes": [
        {"atSec": 300, "canary": {"latencyMs": 300}},
        {"atSec": 300, "baseline": {"rps": 400}}]})")));
    const qint64 start = sb.environment.startedAtMs();
    QVERIFY(sb.deployAndShift(50));
    sb.clock.advance(200s);
    const MetricsWindow before = sb.window(start + 200'000, start + 290'000).value();
    QVERIFY2(std::abs(before.green.latencyMeanMs - 100) < 5,
             qPrintable(QString::number(before.green.latencyMeanMs)));
    QVERIFY(std::abs(before.green.rps - 100) < 5);

    sb.clock.advance(200s);
    const MetricsWindow after = sb.window(start + 310'000, start + 400'000).value();
    QVERIFY2(std::abs(after.green.latencyMeanMs - 300) < 10,
             qPrintable(QString::number(after.green.latencyMeanMs)));
    QVERIFY(std::abs(after.green.rps - 200) < 8);
    QVERIFY(std::abs(after.blue.latencyMeanMs - 100) < 5);

    QCOMPARE(sb.environment.behaviour(true, start + 299'999).latencyMs, 100.0);
    QCOMPARE(sb.environment.behaviour(true, start + 300'000).latencyMs, 300.0);
    QCOMPARE(sb.environment.behaviour(false, start + 300'000).latencyMs, 100.0);
}

void TestSandbox::atWeightChangeTakesEffectOnlyWhenInForce()
{
    Sandbox sb(
        makeScenario(object(R"({"changes": [{"atWeight": 50, "canary": {"latencyMs": 400}}]})")));
    QVERIFY(sb.deployAndShift(25));
    const MetricsWindow at25 = sb.observe(600);
    QVERIFY2(std::abs(at25.green.latencyMeanMs - 100) < 5,
             qPrintable(QString::number(at25.green.latencyMeanMs)));

    const qint64 written = sb.nowMs();
    QVERIFY(sb.write(50).ok());
    // Traefik applies the write 2 s later: only then does the canary carry 50%.
    QCOMPARE(sb.environment.behaviour(true, written + 1999).latencyMs, 100.0);
    QCOMPARE(sb.environment.behaviour(true, written + 2000).latencyMs, 400.0);
    QVERIFY(sb.confirm(50).ok());
    const MetricsWindow at50 = sb.observe(60);
    QVERIFY2(std::abs(at50.green.latencyMeanMs - 400) < 20,
             qPrintable(QString::number(at50.green.latencyMeanMs)));

    // Back to 25%: the regression stays (it started, it does not undo itself).
    QVERIFY(sb.write(25).ok());
    QVERIFY(sb.confirm(25).ok());
    QVERIFY(std::abs(sb.observe(60).green.latencyMeanMs - 400) < 20);
}

void TestSandbox::rampIsLinear()
{
    Sandbox sb(makeScenario(
        object(R"({"changes": [{"atSec": 100, "rampSec": 200, "canary": {"cpu": 90}}]})")));
    const qint64 start = sb.environment.startedAtMs();
    QCOMPARE(sb.environment.behaviour(true, start + 100'000).cpu, 30.0);
    QCOMPARE(sb.environment.behaviour(true, start + 200'000).cpu, 60.0);
    QCOMPARE(sb.environment.behaviour(true, start + 300'000).cpu, 90.0);
    QCOMPARE(sb.environment.behaviour(true, start + 900'000).cpu, 90.0);
    QVERIFY(sb.deployAndShift(50));
    sb.clock.advance(300s);
    const MetricsWindow w = sb.window(start + 190'000, start + 210'000).value();
    QVERIFY2(std::abs(w.green.cpuPercent - 60) < 0.01,
             qPrintable(QString::number(w.green.cpuPercent)));
    QCOMPARE(w.blue.cpuPercent, 30.0);
}

void TestSandbox::absentOrUnweightedColorGetsNoRequests()
{
    Sandbox sb(makeScenario());
    // Green absent although weights point at it: its share is lost, not moved to blue.
    QVERIFY(sb.write(50).ok());
    QVERIFY(sb.confirm(50).ok());
    MetricsWindow w = sb.observe(600);
    QCOMPARE(w.green.requests, 0);
    QCOMPARE(w.green.weight, 50);
    QVERIFY(std::isnan(w.green.latencyMeanMs));
    QVERIFY(std::isnan(w.green.cpuPercent));
    QVERIFY(w.green.latencySubsamplesMs.isEmpty());
    QVERIFY(std::abs(w.blue.rps - 100) < 3);

    // Green exists at weight 0.
    QVERIFY(sb.write(0).ok());
    QVERIFY(sb.confirm(0).ok());
    QVERIFY(sb.createGreen().ok());
    QVERIFY(sb.waitHealthy(60s).ok());
    w = sb.observe(600);
    QCOMPARE(w.green.requests, 0);
    QCOMPARE(w.green.weight, 0);
    QCOMPARE(w.green.rps, 0.0);
    QCOMPARE(w.green.cpuPercent, 30.0);
    QVERIFY(std::abs(w.blue.rps - 200) < 5);
    QCOMPARE(sb.environment.canaryRequests(), 0);

    // No traffic at all.
    Sandbox idle(makeScenario(
        object(R"({"baseline": {"latencyMs": 50, "errorRate": 1, "cpu": 5, "rps": 0}})")));
    QVERIFY(idle.deployAndShift(50));
    const MetricsWindow none = idle.observe(60);
    QCOMPARE(none.blue.requests + none.green.requests, 0);
    QVERIFY(std::isnan(none.green.errorRatePct()));
}

void TestSandbox::unhealthyCanaryAnswers5xx()
{
    Sandbox sb(makeScenario(object(R"({"canary": {"healthy": false}})")));
    QVERIFY(sb.createGreen().ok());
    QVERIFY(sb.write(10).ok());
    QVERIFY(sb.confirm(10).ok());
    const MetricsWindow w = sb.observe(60);
    QVERIFY(w.green.requests > 600);
    QCOMPARE(w.green.errors, w.green.requests);
    QVERIFY(w.blue.errorRatePct() < 3);

    // A starting canary answers 5xx until its tasks are healthy (8 s), then serves normally.
    Sandbox starting(makeScenario());
    QVERIFY(starting.createGreen().ok());
    QVERIFY(starting.write(50).ok()); // written at once, in force 2 s later
    const MetricsWindow first = starting.observe(60);
    const double expectedSick = 100.0 * 6.0; // 6 s between in force and healthy, at 100 rps
    const double sickErrors = double(first.green.errors) - 0.01 * double(first.green.requests);
    QVERIFY2(std::abs(sickErrors - expectedSick) < 120, qPrintable(QString::number(sickErrors)));
}

void TestSandbox::countersAndHighestCanaryWeight()
{
    Sandbox sb(makeScenario());
    QVERIFY(sb.createGreen().ok());
    QVERIFY(sb.waitHealthy(60s).ok());
    qint64 requests = 0;
    qint64 errors = 0;
    for (int step : {10, 25, 50}) {
        QVERIFY(sb.write(step).ok());
        QVERIFY(sb.confirm(step).ok());
        const MetricsWindow w = sb.observe(60);
        requests += w.green.requests;
        errors += w.green.errors;
    }
    QVERIFY(sb.write(0).ok());
    QCOMPARE(sb.environment.highestCanaryWeight(), 50); // the rollback is not in force yet
    QVERIFY(sb.confirm(0).ok());
    QCOMPARE(sb.environment.highestCanaryWeight(), 50);
    QVERIFY(requests > 0);
    QCOMPARE(sb.environment.canaryRequests(), requests);
    QCOMPARE(sb.environment.canaryErrors(), errors);
}

void TestSandbox::saveRestoreContinuesIdentically()
{
    const Scenario scenario = makeScenario(object(R"({
        "noise": {"latency": 0.1, "errorRate": 0.2, "cpu": 0.1},
        "changes": [{"atWeight": 50, "rampSec": 120, "canary": {"latencyMs": 180}}]})"));
    Sandbox a(scenario);
    QVERIFY(a.deployAndShift(25));
    a.observe(60);

    // Through bytes, as the CLI stores it in a file.
    const QByteArray bytes = QJsonDocument(a.environment.saveState()).toJson();
    Sandbox b(scenario, a.clock.now());
    QString error;
    QVERIFY2(b.environment.restoreState(QJsonDocument::fromJson(bytes).object(), &error),
             qPrintable(error));

    auto continueRollout = [](Sandbox &sb) {
        QList<MetricsWindow> windows;
        for (int step : {50, 75, 100}) {
            sb.write(step);
            sb.confirm(step);
            windows << sb.observe(60);
        }
        return windows;
    };
    const QList<MetricsWindow> wa = continueRollout(a);
    const QList<MetricsWindow> wb = continueRollout(b);
    QVERIFY(sameWindows(wa, wb));
    QVERIFY(wa.last().green.latencyMeanMs > 150); // the atWeight change carried over
    QCOMPARE(a.environment.canaryRequests(), b.environment.canaryRequests());
    QCOMPARE(a.environment.canaryErrors(), b.environment.canaryErrors());
    QCOMPARE(a.environment.highestCanaryWeight(), 100);
    QCOMPARE(b.environment.highestCanaryWeight(), 100);
    const AppSnapshot sa = a.readApp().value();
    const AppSnapshot sb = b.readApp().value();
    QCOMPARE(sb.green->version, sa.green->version);
    QCOMPARE(sb.green->healthy, sa.green->healthy);
    QCOMPARE(b.environment.saveState(), a.environment.saveState());
}

void TestSandbox::restoreRefusesForeignState()
{
    Sandbox a(makeScenario());
    QVERIFY(a.deployAndShift(10));
    const QJsonObject state = a.environment.saveState();

    QJsonObject other = baseScenario();
    other.insert(QStringLiteral("name"), QStringLiteral("other"));
    Sandbox b(Scenario::parse(QJsonDocument(other).toJson(), QStringLiteral("o.json")).value(),
              a.clock.now());
    QString error;
    QVERIFY(!b.environment.restoreState(state, &error));
    QVERIFY2(error.contains(QLatin1String("belongs to scenario \"test\"")), qPrintable(error));

    // A clock that starts before the saved time cannot continue it.
    Sandbox c(makeScenario());
    QVERIFY(!c.environment.restoreState(state, &error));
    QVERIFY2(error.contains(QLatin1String("before the time the sandbox state was saved")),
             qPrintable(error));
    QVERIFY(!c.readApp().value().green.has_value()); // unchanged

    QJsonObject broken = state;
    broken.insert(QStringLiteral("random"), QStringLiteral("not a generator"));
    Sandbox d(makeScenario(), a.clock.now());
    QVERIFY(!d.environment.restoreState(broken, &error));
}

void TestSandbox::replayIsFast()
{
    // A 10-minute rollout (five steps of 60-s windows plus startup) replays in milliseconds.
    const Scenario scenario =
        makeScenario(object(R"({"noise": {"latency": 0.1, "errorRate": 0.2, "cpu": 0.1}})"));
    QElapsedTimer timer;
    timer.start();
    constexpr int kRollouts = 200;
    for (int i = 0; i < kRollouts; ++i) {
        Sandbox sb(scenario);
        sb.environment.reseed(quint64(i));
        QCOMPARE(rollout(sb).size(), 5);
    }
    const qint64 ms = timer.elapsed();
    qInfo("%d five-step rollouts in %lld ms (%.0f per second)", kRollouts, ms,
          kRollouts * 1000.0 / double(std::max<qint64>(1, ms)));
    // Generous, so that sanitizer builds pass; the benchmark measures the real figure.
    QVERIFY2(ms < 10'000, qPrintable(QString::number(ms)));
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
