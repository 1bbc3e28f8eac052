#include "SwarmServiceState.h"

#include <QJsonArray>

#include <algorithm>

namespace optimist {

namespace {

QDateTime timeOf(const QJsonValue &value)
{
    // Docker writes nanoseconds ("2026-11-28T18:20:01.123456789Z"); Qt reads milliseconds.
    QString text = value.toString();
    static const QLatin1Char dot('.');
    const qsizetype point = text.indexOf(dot);
    if (point >= 0) {
        qsizetype end = point + 1;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        const QString fraction = text.mid(point + 1, end - point - 1).left(3);
        text = text.left(point) + dot + fraction.leftJustified(3, QLatin1Char('0')) + text.mid(end);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

bool isRunningTask(const SwarmServiceState::Task &task)
{
    return task.desiredState == QLatin1String("running");
}

} // namespace

bool SwarmServiceState::Task::isFailure() const
{
    return state == QLatin1String("failed") || state == QLatin1String("rejected");
}

bool SwarmServiceState::Task::hasEnded() const
{
    return isFailure() || state == QLatin1String("complete");
}

QString SwarmServiceState::Task::label(const QString &serviceName) const
{
    const QString name =
        slot > 0 ? QStringLiteral("%1.%2").arg(serviceName).arg(slot) : serviceName;
    return QStringLiteral("%1 (%2)").arg(name, id.left(12));
}

Result<QList<SwarmServiceState::Task>> SwarmServiceState::parseTasks(const QJsonDocument &document)
{
    if (!document.isArray())
        return Error{Error::Kind::Invalid, tr("the daemon's task list is not a JSON list")};
    QList<Task> tasks;
    for (const QJsonValue &item : document.array()) {
        if (!item.isObject())
            return Error{Error::Kind::Invalid, tr("an item of the daemon's task list is not an "
                                                  "object")};
        const QJsonObject object = item.toObject();
        const QJsonObject status = object.value(QStringLiteral("Status")).toObject();
        const QJsonObject container = status.value(QStringLiteral("ContainerStatus")).toObject();
        Task task;
        task.id = object.value(QStringLiteral("ID")).toString();
        task.serviceId = object.value(QStringLiteral("ServiceID")).toString();
        task.slot = object.value(QStringLiteral("Slot")).toInt();
        task.desiredState = object.value(QStringLiteral("DesiredState")).toString();
        task.state = status.value(QStringLiteral("State")).toString();
        task.err = status.value(QStringLiteral("Err")).toString();
        task.message = status.value(QStringLiteral("Message")).toString();
        task.containerId = container.value(QStringLiteral("ContainerID")).toString();
        const QJsonValue exitCode = container.value(QStringLiteral("ExitCode"));
        if (exitCode.isDouble())
            task.exitCode = exitCode.toInt();
        task.timestamp = timeOf(status.value(QStringLiteral("Timestamp")));
        task.createdAt = timeOf(object.value(QStringLiteral("CreatedAt")));
        if (task.id.isEmpty() || task.state.isEmpty())
            return Error{Error::Kind::Invalid,
                         tr("a task in the daemon's task list has no ID or Status.State")};
        tasks.append(task);
    }
    return tasks;
}

QString SwarmServiceState::imageTag(const QString &image)
{
    QString name = image.trimmed();
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0)
        name.truncate(at);
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        return name.mid(colon + 1);
    return QStringLiteral("latest");
}

QString SwarmServiceState::image(const QJsonObject &service)
{
    return service.value(QStringLiteral("Spec"))
        .toObject()
        .value(QStringLiteral("TaskTemplate"))
        .toObject()
        .value(QStringLiteral("ContainerSpec"))
        .toObject()
        .value(QStringLiteral("Image"))
        .toString();
}

std::optional<int> SwarmServiceState::replicas(const QJsonObject &service)
{
    const QJsonValue replicated = service.value(QStringLiteral("Spec"))
                                      .toObject()
                                      .value(QStringLiteral("Mode"))
                                      .toObject()
                                      .value(QStringLiteral("Replicated"));
    if (!replicated.isObject())
        return std::nullopt;
    // Replicas is a pointer in the daemon's types: 0 is written, a missing value means 1.
    return replicated.toObject().value(QStringLiteral("Replicas")).toInt(1);
}

std::optional<SwarmServiceState::Task> SwarmServiceState::newestFailure(const QList<Task> &tasks,
                                                                        const QDateTime &since)
{
    std::optional<Task> newest;
    for (const Task &task : tasks) {
        if (!task.hasEnded())
            continue;
        if (since.isValid() && task.timestamp.isValid() && task.timestamp < since)
            continue;
        if (!newest || task.timestamp > newest->timestamp)
            newest = task;
    }
    return newest;
}

ColorService SwarmServiceState::describe(Color color, const QJsonObject &service,
                                         const QList<Task> &tasks,
                                         const QHash<QString, QString> &health)
{
    ColorService cs;
    cs.color = color;
    const QJsonObject spec = service.value(QStringLiteral("Spec")).toObject();
    cs.serviceName = spec.value(QStringLiteral("Name")).toString();
    cs.version = imageTag(image(service));

    int desired = 0;
    const std::optional<int> replicated = replicas(service);
    if (replicated) {
        desired = *replicated;
    } else {
        for (const Task &task : tasks)
            desired += isRunningTask(task) ? 1 : 0;
    }
    cs.replicasDesired = desired;

    int running = 0;
    QStringList unhealthy, starting, pending;
    for (const Task &task : tasks) {
        if (!isRunningTask(task))
            continue;
        if (task.state != QLatin1String("running")) {
            pending << tr("%1 is %2").arg(task.label(cs.serviceName), task.state);
            continue;
        }
        ++running;
        const QString status = health.value(task.containerId);
        if (status == QLatin1String("unhealthy"))
            unhealthy << task.label(cs.serviceName);
        else if (status == QLatin1String("starting"))
            starting << task.label(cs.serviceName);
    }
    cs.replicasRunning = running;

    if (desired == 0) {
        cs.healthDetail = tr("scaled to 0 replicas");
        return cs;
    }
    cs.healthy = running >= desired && unhealthy.isEmpty() && starting.isEmpty();
    if (cs.healthy)
        return cs;

    QStringList why;
    why << tr("%1 of %2 tasks running").arg(running).arg(desired);
    if (!unhealthy.isEmpty())
        why << tr("health check failing in %1").arg(unhealthy.join(QStringLiteral(", ")));
    if (!starting.isEmpty())
        why << tr("health check not passing yet in %1").arg(starting.join(QStringLiteral(", ")));
    if (!pending.isEmpty())
        why << pending.join(QStringLiteral(", "));
    const QDateTime updated = timeOf(service.value(QStringLiteral("UpdatedAt")));
    if (const std::optional<Task> failure = newestFailure(tasks, updated.addSecs(-1))) {
        why << tr("last error: task %1 %2: %3")
                   .arg(failure->label(cs.serviceName), failure->state,
                        failure->err.isEmpty() ? failure->message : failure->err);
    }
    cs.healthDetail = why.join(QStringLiteral("; "));
    return cs;
}

std::optional<QString> SwarmServiceState::crashLoop(const QString &serviceName,
                                                    const QList<Task> &tasks, int failureLimit,
                                                    const QDateTime &since)
{
    int failures = 0;
    std::optional<Task> rejected;
    for (const Task &task : tasks) {
        if (!task.hasEnded())
            continue;
        if (since.isValid() && task.timestamp.isValid() && task.timestamp < since)
            continue;
        ++failures;
        if (task.state == QLatin1String("rejected") && !rejected)
            rejected = task;
    }
    if (rejected) {
        return tr("task %1 was rejected: %2")
            .arg(rejected->label(serviceName),
                 rejected->err.isEmpty() ? rejected->message : rejected->err);
    }
    if (failures < std::max(1, failureLimit))
        return std::nullopt;
    const std::optional<Task> newest = newestFailure(tasks, since);
    return tr("%1 tasks of %2 ended (crash loop); the last, %3: %4")
        .arg(failures)
        .arg(serviceName, newest->label(serviceName),
             newest->err.isEmpty() ? newest->message : newest->err);
}

} // namespace optimist
