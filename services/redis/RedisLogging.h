#pragma once

#include <QLoggingCategory>

namespace optimist {

/// Logging of the Redis connection (never a password).
Q_DECLARE_LOGGING_CATEGORY(lcRedis)

} // namespace optimist
