#include "RedisLogging.h"

namespace optimist {

Q_LOGGING_CATEGORY(lcRedis, "optimist.redis", QtInfoMsg)

} // namespace optimist
