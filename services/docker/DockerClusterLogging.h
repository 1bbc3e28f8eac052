#pragma once

#include <QLoggingCategory>

namespace optimist {

/// What the Swarm side does (services created, removed, jobs, event stream).
Q_DECLARE_LOGGING_CATEGORY(lcDockerCluster)

} // namespace optimist
