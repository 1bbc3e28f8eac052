#include "MetricsJson.h"

#include <QJsonArray>

#include <cmath>

namespace optimist {

QJsonValue doubleToJson(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

double doubleFromJson(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : ColorMetrics::kNaN;
}

QJsonValue dateTimeToJson(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime dateTimeFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QJsonObject colorMetricsToJson(const ColorMetrics &metrics)
{
    QJsonArray subsamples;
    for (double v : metrics.latencySubsamplesMs)
        subsamples.append(doubleToJson(v));
    return {
        {QStringLiteral("color"), colorName(metrics.color)},
        {QStringLiteral("weight"), metrics.weight},
        {QStringLiteral("requests"), metrics.requests},
        {QStringLiteral("errors"), metrics.errors},
        {QStringLiteral("rps"), doubleToJson(metrics.rps)},
        {QStringLiteral("latencyMeanMs"), doubleToJson(metrics.latencyMeanMs)},
        {QStringLiteral("latencyP95Ms"), doubleToJson(metrics.latencyP95Ms)},
        {QStringLiteral("cpuPercent"), doubleToJson(metrics.cpuPercent)},
        {QStringLiteral("latencySubsamplesMs"), subsamples},
    };
}

ColorMetrics colorMetricsFromJson(const QJsonObject &json)
{
    ColorMetrics m;
    m.color = parseColor(json.value(QStringLiteral("color")).toString()).value_or(Color::Blue);
    m.weight = json.value(QStringLiteral("weight")).toInt();
    m.requests = json.value(QStringLiteral("requests")).toInteger();
    m.errors = json.value(QStringLiteral("errors")).toInteger();
    m.rps = doubleFromJson(json.value(QStringLiteral("rps")));
    m.latencyMeanMs = doubleFromJson(json.value(QStringLiteral("latencyMeanMs")));
    m.latencyP95Ms = doubleFromJson(json.value(QStringLiteral("latencyP95Ms")));
    m.cpuPercent = doubleFromJson(json.value(QStringLiteral("cpuPercent")));
    const QJsonArray subsamples = json.value(QStringLiteral("latencySubsamplesMs")).toArray();
    m.latencySubsamplesMs.reserve(subsamples.size());
    for (const QJsonValue &v : subsamples)
        m.latencySubsamplesMs.append(doubleFromJson(v));
    return m;
}

QJsonObject metricsWindowToJson(const MetricsWindow &window)
{
    return {
        {QStringLiteral("from"), dateTimeToJson(window.from)},
        {QStringLiteral("to"), dateTimeToJson(window.to)},
        {QStringLiteral("source"), window.source},
        {QStringLiteral("blue"), colorMetricsToJson(window.blue)},
        {QStringLiteral("green"), colorMetricsToJson(window.green)},
    };
}

MetricsWindow metricsWindowFromJson(const QJsonObject &json)
{
    MetricsWindow w;
    w.from = dateTimeFromJson(json.value(QStringLiteral("from")));
    w.to = dateTimeFromJson(json.value(QStringLiteral("to")));
    w.source = json.value(QStringLiteral("source")).toString();
    // The key decides the color, whatever the nested object says.
    w.blue = colorMetricsFromJson(json.value(QStringLiteral("blue")).toObject());
    w.blue.color = Color::Blue;
    w.green = colorMetricsFromJson(json.value(QStringLiteral("green")).toObject());
    w.green.color = Color::Green;
    return w;
}

} // namespace optimist
