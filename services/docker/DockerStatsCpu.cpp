#include "DockerStatsCpu.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace optimist {

namespace {

Error invalid(QString message)
{
    return Error{Error::Kind::Invalid, std::move(message)};
}

/// A non-negative counter at @p key of @p object; absent or null reads 0.
Result<double> counter(const QJsonObject &object, const QString &key, const QString &path,
                       bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required) {
            return invalid(DockerStatsCpu::tr("container stats: %1 is missing").arg(path));
        }
        return 0.0;
    }
    if (!value.isDouble() || value.toDouble() < 0) {
        return invalid(
            DockerStatsCpu::tr("container stats: %1 must be a non-negative number").arg(path));
    }
    return value.toDouble();
}

Result<DockerStatsCpu::Reading> reading(const QJsonObject &stats, const QString &key, bool required)
{
    DockerStatsCpu::Reading out;
    const QJsonValue value = stats.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return invalid(DockerStatsCpu::tr("container stats: %1 is missing").arg(key));
        return out;
    }
    if (!value.isObject())
        return invalid(DockerStatsCpu::tr("container stats: %1 must be an object").arg(key));
    const QJsonObject object = value.toObject();

    const QString usagePath = key + QStringLiteral(".cpu_usage");
    const QJsonValue usageValue = object.value(QStringLiteral("cpu_usage"));
    QJsonObject usage;
    if (usageValue.isObject()) {
        usage = usageValue.toObject();
    } else if (required || !(usageValue.isUndefined() || usageValue.isNull())) {
        return invalid(
            DockerStatsCpu::tr("container stats: %1 is missing or not an object").arg(usagePath));
    }

    const Result<double> total = counter(usage, QStringLiteral("total_usage"),
                                         usagePath + QStringLiteral(".total_usage"), required);
    if (!total.ok())
        return total.error();
    const Result<double> system = counter(object, QStringLiteral("system_cpu_usage"),
                                          key + QStringLiteral(".system_cpu_usage"), false);
    if (!system.ok())
        return system.error();
    const Result<double> online =
        counter(object, QStringLiteral("online_cpus"), key + QStringLiteral(".online_cpus"), false);
    if (!online.ok())
        return online.error();
    // A CPU count (uint32 in the daemon's answer); anything else would not fit the int it
    // becomes.
    if (online.value() != std::floor(online.value()) ||
        online.value() > std::numeric_limits<int>::max()) {
        return invalid(DockerStatsCpu::tr("container stats: %1 must be a whole number of CPUs")
                           .arg(key + QStringLiteral(".online_cpus")));
    }

    const QJsonValue percpu = usage.value(QStringLiteral("percpu_usage"));
    if (!percpu.isUndefined() && !percpu.isNull() && !percpu.isArray()) {
        return invalid(DockerStatsCpu::tr("container stats: %1 must be a list")
                           .arg(usagePath + QStringLiteral(".percpu_usage")));
    }

    out.totalUsage = total.value();
    out.systemUsage = system.value();
    out.onlineCpus = int(online.value());
    out.percpuCount = int(percpu.toArray().size());
    return out;
}

} // namespace

Result<DockerStatsCpu::Sample> DockerStatsCpu::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalid(tr("container stats: not valid JSON at byte %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return invalid(tr("container stats: expected a JSON object"));
    return parse(document.object());
}

Result<DockerStatsCpu::Sample> DockerStatsCpu::parse(const QJsonObject &stats)
{
    Sample sample;
    sample.containerId = stats.value(QStringLiteral("id")).toString();
    sample.name = stats.value(QStringLiteral("name")).toString();
    sample.read =
        QDateTime::fromString(stats.value(QStringLiteral("read")).toString(), Qt::ISODateWithMs);

    Result<Reading> cpu = reading(stats, QStringLiteral("cpu_stats"), true);
    if (!cpu.ok())
        return cpu.error();
    Result<Reading> precpu = reading(stats, QStringLiteral("precpu_stats"), false);
    if (!precpu.ok())
        return precpu.error();
    sample.cpu = cpu.value();
    sample.precpu = precpu.value();
    return sample;
}

double DockerStatsCpu::percent(const Reading &previous, const Reading &current)
{
    const double cpuDelta = current.totalUsage - previous.totalUsage;
    const double systemDelta = current.systemUsage - previous.systemUsage;
    if (cpuDelta > 0 && systemDelta > 0)
        return cpuDelta / systemDelta * double(current.cpuCount()) * 100.0;
    return 0.0;
}

std::optional<double> DockerStatsCpu::percent(const Sample &sample)
{
    if (sample.precpu.isEmpty())
        return std::nullopt;
    return percent(sample.precpu, sample.cpu);
}

std::optional<double> DockerStatsCpu::percent(const Sample &previous, const Sample &current)
{
    if (previous.cpu.isEmpty() || current.cpu.isEmpty())
        return std::nullopt;
    if (previous.read.isValid() && current.read.isValid() && previous.read >= current.read)
        return std::nullopt;
    return percent(previous.cpu, current.cpu);
}

double DockerStatsCpu::colorPercent(const QList<std::optional<double>> &perContainer)
{
    double sum = 0;
    int count = 0;
    for (const std::optional<double> &value : perContainer) {
        if (value) {
            sum += *value;
            ++count;
        }
    }
    return count > 0 ? sum / double(count) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace optimist
