#pragma once

#include <QLoggingCategory>

namespace optimist {

/// Logging of the sandbox: simulated writes, health and the scenario's changes.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace optimist
