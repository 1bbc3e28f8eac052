#pragma once

#include "core/MetricsWindow.h"
#include "core/Reply.h"

namespace optimist {

/// A source of per-color metrics (Traefik scrape, Prometheus, or the sandbox).
class MetricsPort
{
public:
    virtual ~MetricsPort() = default;

    /// The metrics of both colors of @p app between @p from and @p to.
    virtual void window(const QString &app, const QDateTime &from, const QDateTime &to,
                        Reply<MetricsWindow> reply) = 0;
};

} // namespace optimist
