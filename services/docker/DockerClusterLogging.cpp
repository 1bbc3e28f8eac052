#include "DockerClusterLogging.h"

namespace optimist {

Q_LOGGING_CATEGORY(lcDockerCluster, "optimist.docker.cluster", QtInfoMsg)

} // namespace optimist
