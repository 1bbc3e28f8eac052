#pragma once

#include "Lease.h"

#include <QCoreApplication>
#include <QString>

namespace optimist {

/// Who broke whose lease: one line per break in DATA_DIR/lease-breaks.log (and the
/// optimist.lease log), written by the operator who broke it.
class LeaseBreakLog
{
    Q_DECLARE_TR_FUNCTIONS(LeaseBreakLog)

public:
    /// Records that @p breaker (the operator name) broke @p broken; answers the line written.
    static QString record(const QString &dataDir, const QString &breaker, const Lease &broken);
};

} // namespace optimist
