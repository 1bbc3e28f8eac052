#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace optimist {

/// CPU % of containers from `GET /containers/{id}/stats?stream=false` as `docker stats`
/// computes it (docker/cli `calculateCPUPercentUnix`, shared/reference/docker/README.md):
/// (Δ cpu_usage.total_usage / Δ system_cpu_usage) × CPUs × 100, CPUs being `online_cpus` or,
/// when that is 0 or missing, the length of `percpu_usage`; 0 unless both deltas are positive.
/// One busy core reads 100 %.
///
/// With `one-shot=true` the daemon leaves `precpu_stats` empty (zeros), and the formula would
/// then divide the container's lifetime usage by the host's usage since boot — a number
/// `docker stats` never shows. percent(Sample) therefore answers nothing for such a sample;
/// either ask without one-shot (the daemon waits one cycle and fills precpu_stats, which is what
/// `docker stats --no-stream` does), or keep the previous one-shot sample of the container and
/// use percent(previous, current).
class DockerStatsCpu
{
    Q_DECLARE_TR_FUNCTIONS(DockerStatsCpu)

public:
    /// One `cpu_stats` or `precpu_stats` object.
    struct Reading
    {
        double totalUsage = 0;  ///< cpu_usage.total_usage, ns
        double systemUsage = 0; ///< system_cpu_usage, ns (0 when the daemon left it empty)
        int onlineCpus = 0;     ///< online_cpus (0 when missing)
        int percpuCount = 0;    ///< length of cpu_usage.percpu_usage (0 on cgroup v2)

        /// No system counter: the empty precpu_stats of a one-shot or first sample.
        bool isEmpty() const { return systemUsage <= 0; }
        /// online_cpus, else the length of percpu_usage (as the CLI does).
        int cpuCount() const { return onlineCpus > 0 ? onlineCpus : percpuCount; }
    };

    /// One stats answer.
    struct Sample
    {
        QString containerId; ///< `id`, when the daemon sent it
        QString name;        ///< `name`, e.g. "/demo-blue.1.abc"
        QDateTime read;      ///< `read`
        Reading cpu;         ///< cpu_stats
        Reading precpu;      ///< precpu_stats; empty on one-shot answers
    };

    /// Reads a stats answer. Error::Invalid names the field that is missing or of the wrong type
    /// (cpu_stats and cpu_stats.cpu_usage.total_usage are required; absent counters read 0, as
    /// the CLI's decoder reads them).
    static Result<Sample> parse(const QByteArray &json);
    static Result<Sample> parse(const QJsonObject &stats);

    /// The `docker stats` formula between two readings; the CPU count comes from @p current.
    static double percent(const Reading &previous, const Reading &current);

    /// CPU % of @p sample against the daemon's own precpu_stats, or nothing when those are
    /// empty (one-shot).
    static std::optional<double> percent(const Sample &sample);

    /// CPU % between two samples of one container (e.g. two one-shot answers a check interval
    /// apart): @p previous's cpu_stats stand in for precpu_stats. Nothing when @p previous is
    /// empty or not older than @p current (a restarted container's counters go back to zero:
    /// that reads 0, as the formula does).
    static std::optional<double> percent(const Sample &previous, const Sample &current);

    /// A color's CPU figure: the mean of its containers' percentages, NaN when none has one.
    /// The mean, not the sum, because the engine compares the canary with the baseline and
    /// against an absolute limit (maxCpuPct, bio-energy's 100 − cpu): a per-task figure keeps
    /// that meaningful whatever the replica counts, where a sum grows with replicas and would
    /// pass 100 on any multi-replica service. `docker stats` itself shows one line per container.
    static double colorPercent(const QList<std::optional<double>> &perContainer);
};

} // namespace optimist
