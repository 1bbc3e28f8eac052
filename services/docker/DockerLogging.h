#pragma once

#include <QLoggingCategory>

namespace optimist {

/// Logging of the Docker Engine API client: one debug line per request (method, path, status,
/// time); never headers or bodies, which may carry registry credentials.
Q_DECLARE_LOGGING_CATEGORY(lcDocker)

} // namespace optimist
