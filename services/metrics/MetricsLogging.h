#pragma once

#include <QLoggingCategory>

namespace optimist {

/// Logging of the live metrics sources: scrape failures, Prometheus queries, missing CPU.
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)

} // namespace optimist
