#include "PrometheusApiReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <limits>

namespace optimist {

namespace {

Error invalid(const QString &message)
{
    return Error{Error::Kind::Invalid, message};
}

Error::Kind kindOfErrorType(const QString &errorType)
{
    if (errorType == QLatin1String("bad_data"))
        return Error::Kind::Invalid;
    if (errorType == QLatin1String("timeout"))
        return Error::Kind::Timeout;
    if (errorType == QLatin1String("canceled"))
        return Error::Kind::Cancelled;
    if (errorType == QLatin1String("unavailable"))
        return Error::Kind::Unreachable;
    return Error::Kind::Other;
}

} // namespace

bool PrometheusApiReader::parseValue(const QString &text, double *value)
{
    if (text == QLatin1String("NaN")) {
        *value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == QLatin1String("+Inf") || text == QLatin1String("Inf")) {
        *value = std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == QLatin1String("-Inf")) {
        *value = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (ok)
        *value = v;
    return ok;
}

namespace {

/// A [time, "value"] pair.
bool readPoint(const QJsonValue &json, PrometheusApiResult::Point *point)
{
    const QJsonArray pair = json.toArray();
    if (!json.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return false;
    point->timeSec = pair.at(0).toDouble();
    return PrometheusApiReader::parseValue(pair.at(1).toString(), &point->value);
}

bool readMetric(const QJsonValue &json, QMap<QString, QString> *metric)
{
    if (json.isUndefined())
        return true; // an expression without labels may omit it
    if (!json.isObject())
        return false;
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return false;
        metric->insert(it.key(), it.value().toString());
    }
    return true;
}

} // namespace

Result<PrometheusApiResult> PrometheusApiReader::read(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(tr("Prometheus answered with malformed JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return invalid(tr("Prometheus answered with JSON that is not an API envelope object"));
    const QJsonObject envelope = document.object();
    const QString status = envelope.value(QLatin1String("status")).toString();
    if (status == QLatin1String("error")) {
        const QString errorType = envelope.value(QLatin1String("errorType")).toString();
        const QString error = envelope.value(QLatin1String("error")).toString();
        return Error{kindOfErrorType(errorType),
                     tr("Prometheus refused the query (%1): %2")
                         .arg(errorType.isEmpty() ? tr("no error type") : errorType,
                              error.isEmpty() ? tr("no message") : error)};
    }
    if (status != QLatin1String("success"))
        return invalid(
            tr("Prometheus answered with status \"%1\" instead of success or error").arg(status));

    PrometheusApiResult out;
    for (const char *key : {"warnings", "infos"}) {
        for (const QJsonValue &w : envelope.value(QLatin1String(key)).toArray())
            out.warnings << w.toString();
    }
    const QJsonValue dataValue = envelope.value(QLatin1String("data"));
    if (!dataValue.isObject())
        return invalid(tr("Prometheus' answer has no \"data\" object"));
    const QJsonObject data = dataValue.toObject();
    const QString type = data.value(QLatin1String("resultType")).toString();
    const QJsonValue result = data.value(QLatin1String("result"));

    if (type == QLatin1String("scalar") || type == QLatin1String("string")) {
        const QJsonArray pair = result.toArray();
        if (!result.isArray() || pair.size() != 2 || !pair.at(0).isDouble() ||
            !pair.at(1).isString())
            return invalid(tr("Prometheus' %1 result is not a [time, \"value\"] pair").arg(type));
        out.scalar.timeSec = pair.at(0).toDouble();
        if (type == QLatin1String("string")) {
            out.type = PrometheusApiResult::Type::String;
            out.string = pair.at(1).toString();
            out.scalar.value = std::numeric_limits<double>::quiet_NaN();
            return out;
        }
        out.type = PrometheusApiResult::Type::Scalar;
        if (!parseValue(pair.at(1).toString(), &out.scalar.value))
            return invalid(
                tr("Prometheus' scalar value \"%1\" is not a number").arg(pair.at(1).toString()));
        return out;
    }

    const bool vector = type == QLatin1String("vector");
    if (!vector && type != QLatin1String("matrix"))
        return invalid(tr("Prometheus answered with the unknown result type \"%1\"").arg(type));
    out.type = vector ? PrometheusApiResult::Type::Vector : PrometheusApiResult::Type::Matrix;
    if (!result.isArray())
        return invalid(tr("Prometheus' %1 result is not a list").arg(type));
    const QJsonArray items = result.toArray();
    out.series.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        PrometheusApiResult::Series series;
        if (!items.at(i).isObject() ||
            !readMetric(item.value(QLatin1String("metric")), &series.metric))
            return invalid(
                tr("series %1 of Prometheus' %2 result has no valid labels").arg(i + 1).arg(type));
        if (vector) {
            PrometheusApiResult::Point point;
            if (item.contains(QLatin1String("histogram")))
                return invalid(tr("series %1 of Prometheus' result is a native histogram, which "
                                  "Optimist does not read; query a classic histogram")
                                   .arg(i + 1));
            if (!readPoint(item.value(QLatin1String("value")), &point))
                return invalid(tr("series %1 of Prometheus' vector result has no valid "
                                  "[time, \"value\"] pair")
                                   .arg(i + 1));
            series.points.append(point);
        } else {
            const QJsonValue values = item.value(QLatin1String("values"));
            if (!values.isArray())
                return invalid(
                    tr("series %1 of Prometheus' matrix result has no \"values\" list").arg(i + 1));
            const QJsonArray list = values.toArray();
            series.points.reserve(list.size());
            for (qsizetype k = 0; k < list.size(); ++k) {
                PrometheusApiResult::Point point;
                if (!readPoint(list.at(k), &point))
                    return invalid(tr("point %1 of series %2 of Prometheus' matrix result is not "
                                      "a valid [time, \"value\"] pair")
                                       .arg(k + 1)
                                       .arg(i + 1));
                series.points.append(point);
            }
        }
        out.series.append(std::move(series));
    }
    return out;
}

} // namespace optimist
