#include "HttpLogging.h"

namespace optimist {

// Debug lines (every request) only when asked for with QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcHttp, "optimist.http", QtInfoMsg)

} // namespace optimist
