#pragma once

#include "PrometheusApiResult.h"
#include "core/Result.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace optimist {

/// Reads the JSON envelope of Prometheus' HTTP API:
/// `{"status":"success","data":{"resultType":…,"result":…},"warnings":[…]}` or
/// `{"status":"error","errorType":…,"error":…}`.
///
/// A "status":"error" answer becomes an Error whose message quotes Prometheus' errorType and
/// error; its kind follows the errorType: bad_data → Invalid, timeout → Timeout, canceled →
/// Cancelled, unavailable → Unreachable, anything else (execution, internal, …) → Other.
/// Anything that is not that envelope (not JSON, truncated, a value that is not a number string,
/// a point that is not [time, "value"]) is Error::Kind::Invalid naming what is wrong; nothing
/// half-read is ever returned.
class PrometheusApiReader
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusApiReader)

public:
    PrometheusApiReader() = delete;

    static Result<PrometheusApiResult> read(QByteArrayView json);

    /// A sample value as Prometheus writes it: a decimal or "NaN", "+Inf", "-Inf" (also "Inf").
    static bool parseValue(const QString &text, double *value);
};

} // namespace optimist
