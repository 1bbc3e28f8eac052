#include "SandboxMetrics.h"

#include "SandboxEnvironment.h"
#include "SandboxSampler.h"

#include <algorithm>
#include <cmath>

namespace optimist {

SandboxMetrics::SandboxMetrics(SandboxEnvironment *environment)
    : m_environment(environment)
{
    Q_ASSERT(m_environment);
}

void SandboxMetrics::window(const QString &app, const QDateTime &from, const QDateTime &to,
                            Reply<MetricsWindow> reply)
{
    if (app != m_environment->scenario().app) {
        m_environment->deliver<MetricsWindow>(
            reply, Error{Error::Kind::NotFound,
                         tr("the sandbox has no metrics for \"%1\"; its scenario runs \"%2\"")
                             .arg(app, m_environment->scenario().app)});
        return;
    }
    if (!from.isValid() || !to.isValid() || to < from) {
        m_environment->deliver<MetricsWindow>(
            reply, Error{Error::Kind::Invalid,
                         tr("the metrics window %1 – %2 is not a time span")
                             .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))});
        return;
    }
    m_environment->deliver<MetricsWindow>(reply, measure(from, to));
}

MetricsWindow SandboxMetrics::measure(const QDateTime &from, const QDateTime &to)
{
    MetricsWindow w;
    w.from = from;
    w.to = to;
    w.source = QStringLiteral("sandbox");
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = std::max(fromMs, to.toMSecsSinceEpoch());
    // Fixed order of draws: blue, then green.
    measureColor(Color::Blue, fromMs, toMs, w.blue);
    measureColor(Color::Green, fromMs, toMs, w.green);
    return w;
}

void SandboxMetrics::measureColor(Color color, qint64 fromMs, qint64 toMs, ColorMetrics &out)
{
    SandboxEnvironment &env = *m_environment;
    std::mt19937_64 &random = env.random();
    const qint64 span = toMs - fromMs;
    out.color = color;
    out.weight = span > 0 ? int(std::lround(env.weightIntegral(color, fromMs, toMs) / double(span)))
                          : env.weightsInForce(toMs).of(color);
    out.requests = 0;
    out.errors = 0;
    out.rps = 0;

    // Deviations, drawn whether or not the color exists so that one color's existence does not
    // shift the other's random stream. Latency and error rate vary independently in every
    // sub-interval, with a spread chosen so that the whole window's figure deviates by the
    // scenario's relative standard deviation ("noise ... per window"): a judge comparing the
    // sub-intervals then sees the real variability instead of one shift shared by all of them.
    // CPU deviates once per window.
    const Scenario::Noise &noise = env.scenario().noise;
    const int parts =
        int(std::max<qint64>(kMinSubIntervals, (span + kSubIntervalMs - 1) / kSubIntervalMs));
    const double perPart = std::sqrt(double(parts));
    m_latencyFactors.resize(parts);
    m_errorFactors.resize(parts);
    for (int k = 0; k < parts; ++k) {
        m_latencyFactors[k] = SandboxSampler::unitLogNormal(random, noise.latency * perPart);
        m_errorFactors[k] = SandboxSampler::unitLogNormal(random, noise.errorRate * perPart);
    }
    const double cpuFactor = std::max(0.0, 1.0 + noise.cpu * SandboxSampler::normal(random));

    const std::optional<SandboxEnvironment::Service> &service = env.service(color);
    if (!service || service->replicas == 0 || span <= 0)
        return;
    const bool canary = service->canary;
    const qint64 healthyFrom = env.healthyAtMs(color);
    out.latencySubsamplesMs.reserve(parts);

    double latencySum = 0;
    double cpuSum = 0;
    for (int k = 0; k < parts; ++k) {
        const qint64 a = fromMs + span * k / parts;
        const qint64 b = fromMs + span * (k + 1) / parts;
        const SandboxEnvironment::Behaviour behaviour = env.behaviour(canary, a + (b - a) / 2);
        cpuSum += behaviour.cpu * double(b - a);

        // Traffic reaches the color once it exists; before its tasks are healthy it answers 5xx.
        const qint64 served = std::max(a, service->createdAtMs);
        const qint64 healthy = std::max(served, healthyFrom);
        const double perPercentMs = behaviour.rps / 100.0 / 1000.0;
        const double healthyLoad = env.weightIntegral(color, healthy, b) * perPercentMs;
        const double sickLoad =
            env.weightIntegral(color, served, std::min(b, healthy)) * perPercentMs;
        const qint64 healthyRequests = SandboxSampler::poisson(random, healthyLoad);
        const qint64 sickRequests = SandboxSampler::poisson(random, sickLoad);
        const double errorProbability =
            std::clamp(behaviour.errorRate * m_errorFactors[k], 0.0, 100.0) / 100.0;
        const qint64 requests = healthyRequests + sickRequests;
        out.errors +=
            SandboxSampler::binomial(random, healthyRequests, errorProbability) + sickRequests;
        out.requests += requests;
        if (requests == 0)
            continue;
        // The mean of n log-normal requests: normal around the mean, sd = cv * mean / sqrt(n).
        const double mean = behaviour.latencyMs * m_latencyFactors[k];
        const double sampled =
            mean * std::max(0.05, 1.0 + kLatencyCv / std::sqrt(double(requests)) *
                                            SandboxSampler::normal(random));
        out.latencySubsamplesMs.append(sampled);
        latencySum += sampled * double(requests);
    }

    out.rps = double(out.requests) / (double(span) / 1000.0);
    out.cpuPercent = cpuSum / double(span) * cpuFactor;
    if (out.requests > 0) {
        out.latencyMeanMs = latencySum / double(out.requests);
        out.latencyP95Ms = out.latencyMeanMs * kP95OverMean;
    }
    if (canary)
        env.countCanaryTraffic(out.requests, out.errors);
}

} // namespace optimist
