#include "DockerLogging.h"

namespace optimist {

// Debug lines (every request) only when asked for with QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcDocker, "optimist.docker", QtInfoMsg)

} // namespace optimist
