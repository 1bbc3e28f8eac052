#include "StoreLogging.h"

namespace optimist {

// Debug lines (opening, creating the schema) only when asked for with QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcStore, "optimist.store", QtInfoMsg)

} // namespace optimist
