#include "SandboxLogging.h"

namespace optimist {

// Debug output (every simulated write) is off unless asked for: simulations make thousands.
Q_LOGGING_CATEGORY(lcSandbox, "optimist.sandbox", QtInfoMsg)

} // namespace optimist
