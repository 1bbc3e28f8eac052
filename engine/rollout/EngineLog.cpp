#include "EngineLog.h"

namespace optimist {
Q_LOGGING_CATEGORY(lcEngine, "optimist.engine", QtWarningMsg)
}
