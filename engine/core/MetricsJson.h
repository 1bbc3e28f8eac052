#pragma once

#include "MetricsWindow.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace optimist {

// JSON has no NaN: a missing measurement (NaN) is written as null and null reads back as NaN.
// Times are ISO 8601 in UTC with milliseconds ("2024-05-01T12:00:00.000Z"); an invalid time
// is written as null.

QJsonObject metricsWindowToJson(const MetricsWindow &window);
MetricsWindow metricsWindowFromJson(const QJsonObject &json);

QJsonObject colorMetricsToJson(const ColorMetrics &metrics);
ColorMetrics colorMetricsFromJson(const QJsonObject &json);

/// @p value as a JSON number, or null when it is not finite.
QJsonValue doubleToJson(double value);
/// A JSON number as a double; null (or anything not a number) reads as NaN.
double doubleFromJson(const QJsonValue &value);

/// @p time in UTC, ISO 8601 with milliseconds; null when @p time is invalid.
QJsonValue dateTimeToJson(const QDateTime &time);
/// The inverse of dateTimeToJson(); null or unreadable text gives an invalid QDateTime.
QDateTime dateTimeFromJson(const QJsonValue &value);

} // namespace optimist
