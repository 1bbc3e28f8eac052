#pragma once

#include <QLoggingCategory>

namespace optimist {

/// Every HTTP request to an environment's endpoints (Traefik's API and metrics, Prometheus), as
/// "METHOD URL headers" with the credentials redacted; debug lines, on with QT_LOGGING_RULES.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace optimist
