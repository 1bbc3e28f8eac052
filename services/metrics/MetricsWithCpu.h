#pragma once

#include "ports/CpuPort.h"
#include "ports/MetricsPort.h"

#include <QObject>

#include <chrono>

namespace optimist {

/// A metrics source that only sees traffic (Traefik's /metrics, Prometheus) completed with the
/// CPU of each color from the cluster: window() asks @p traffic for the window and @p cpu for
/// both colors at the same time (the traffic usually waits for one more scrape, the cluster takes
/// about a second), and answers with cpuPercent filled in once all three are there.
///
/// A traffic error is passed on as it is. A CPU failure (an error, or no answer within
/// `cpuTimeout`) does not fail the window: that color's cpuPercent stays NaN, which the analyzer
/// reports as "canary CPU unknown" and judges inconclusive (never a pass); lastNotes() and the
/// log say why. A color without traffic in the window is still asked: its tasks may be running.
class MetricsWithCpu : public QObject, public MetricsPort
{
    Q_OBJECT

public:
    struct Config
    {
        std::chrono::milliseconds cpuTimeout{10000};
    };

    MetricsWithCpu(MetricsPort *traffic, CpuPort *cpu, Config config, QObject *parent = nullptr);
    MetricsWithCpu(MetricsPort *traffic, CpuPort *cpu, QObject *parent = nullptr)
        : MetricsWithCpu(traffic, cpu, Config{}, parent)
    {
    }

    void window(const QString &app, const QDateTime &from, const QDateTime &to,
                Reply<MetricsWindow> reply) override;

    /// Why a color's CPU is missing in the last answered window (empty when both were measured).
    QStringList lastNotes() const { return m_lastNotes; }

private:
    MetricsPort *m_traffic;
    CpuPort *m_cpu;
    Config m_config;
    QStringList m_lastNotes;
};

} // namespace optimist
