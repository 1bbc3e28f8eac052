#include "MetricsLogging.h"

namespace optimist {

Q_LOGGING_CATEGORY(lcMetrics, "optimist.metrics", QtInfoMsg)

} // namespace optimist
