#pragma once

#include "core/Color.h"
#include "core/Reply.h"

namespace optimist {

/// CPU use of an application's color (the cluster's container stats), for metrics sources that
/// only see traffic (Traefik's /metrics, Prometheus).
class CpuPort
{
public:
    virtual ~CpuPort() = default;

    /// The mean CPU % of @p color's tasks since the previous call for the same color (one busy
    /// core reads 100 %); the first call measures over the daemon's own sampling cycle.
    virtual void cpuPercent(const QString &app, Color color, Reply<double> reply) = 0;
};

} // namespace optimist
