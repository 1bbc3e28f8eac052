#pragma once

#include "ports/MetricsPort.h"

#include <QCoreApplication>

#include <vector>

namespace optimist {

class SandboxEnvironment;

/// Simulated Traefik service metrics and Docker CPU figures. A window is cut into sub-intervals
/// (one per 5 s, at least 3); in each, a color's requests are Poisson in its time-integrated
/// traffic share, its 5xx are binomial in its error rate, and its mean latency is the sample mean
/// of log-normal requests (sigma 0.3), computed analytically rather than request by request.
/// Latency and error rate deviate per sub-interval and color, so that the window deviates by the
/// scenario's noise; CPU deviates once per window.
class SandboxMetrics : public MetricsPort
{
    Q_DECLARE_TR_FUNCTIONS(SandboxMetrics)

public:
    /// Log-normal shape of per-request latency.
    static constexpr double kLatencySigma = 0.3;
    /// Coefficient of variation of one request's latency: sqrt(exp(sigma^2) - 1).
    static constexpr double kLatencyCv = 0.3068783;
    /// p95 / mean of the log-normal: exp(1.6448536 * sigma - sigma^2 / 2).
    static constexpr double kP95OverMean = 1.5658927;
    static constexpr qint64 kSubIntervalMs = 5000;
    static constexpr int kMinSubIntervals = 3;

    explicit SandboxMetrics(SandboxEnvironment *environment);

    void window(const QString &app, const QDateTime &from, const QDateTime &to,
                Reply<MetricsWindow> reply) override;

    /// The window between @p from and @p to, drawn now (window() answers it later). Counts the
    /// canary's requests and errors in the environment.
    MetricsWindow measure(const QDateTime &from, const QDateTime &to);

private:
    void measureColor(Color color, qint64 fromMs, qint64 toMs, ColorMetrics &out);

    SandboxEnvironment *m_environment;
    std::vector<double> m_latencyFactors; ///< per sub-interval, reused between windows
    std::vector<double> m_errorFactors;
};

} // namespace optimist
