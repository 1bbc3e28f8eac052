#pragma once

#include <QLoggingCategory>

namespace optimist {

/// Logging of the history store: opening, migrations, unreadable rows.
Q_DECLARE_LOGGING_CATEGORY(lcStore)

} // namespace optimist
