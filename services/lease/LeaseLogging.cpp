#include "LeaseLogging.h"

namespace optimist {
Q_LOGGING_CATEGORY(lcLease, "optimist.lease", QtInfoMsg)
}
