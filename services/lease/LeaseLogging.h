#pragma once

#include <QLoggingCategory>

namespace optimist {
Q_DECLARE_LOGGING_CATEGORY(lcLease)
}
