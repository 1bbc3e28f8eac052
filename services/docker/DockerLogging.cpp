#include "DockerLogging.h"

Q_LOGGING_CATEGORY(lcDocker, "optimist.docker", QtInfoMsg)
