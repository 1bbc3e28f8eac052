#include "DockerEvent.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace optimist {

QString DockerEvent::serviceName() const
{
    if (type == QLatin1String("service"))
        return name();
    return attributes.value(QStringLiteral("com.docker.swarm.service.name"));
}

bool DockerEvent::parse(const QByteArray &line, DockerEvent *out)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    if (!document.isObject())
        return false;
    const QJsonObject object = document.object();
    DockerEvent event;
    event.type = object.value(QStringLiteral("Type")).toString();
    event.action = object.value(QStringLiteral("Action")).toString();
    if (event.type.isEmpty() || event.action.isEmpty())
        return false;
    const QJsonObject actor = object.value(QStringLiteral("Actor")).toObject();
    event.id = actor.value(QStringLiteral("ID")).toString();
    const QJsonObject attributes = actor.value(QStringLiteral("Attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        event.attributes.insert(it.key(), it.value().toString());
    // Nanoseconds since the epoch up to kLatestSec seconds fit 64 bits with room for the
    // stream's "since" (last + 1); a time beyond (or before 1970) is not one the daemon sends.
    event.timeNano = object.value(QStringLiteral("timeNano")).toInteger();
    if (event.timeNano == 0) {
        const qint64 seconds = object.value(QStringLiteral("time")).toInteger();
        if (seconds < 0 || seconds > kLatestSec)
            return false;
        event.timeNano = seconds * 1000000000LL;
    }
    if (event.timeNano < 0 || event.timeNano > kLatestSec * 1000000000LL)
        return false;
    event.time = QDateTime::fromMSecsSinceEpoch(event.timeNano / 1000000, Qt::UTC);
    *out = event;
    return true;
}

QList<DockerEvent> DockerEvent::takeComplete(QByteArray *buffer)
{
    QList<DockerEvent> events;
    qsizetype start = 0;
    qsizetype newline;
    while ((newline = buffer->indexOf('\n', start)) >= 0) {
        const QByteArray line = buffer->mid(start, newline - start).trimmed();
        start = newline + 1;
        DockerEvent event;
        if (!line.isEmpty() && parse(line, &event))
            events.append(event);
    }
    buffer->remove(0, start);
    return events;
}

} // namespace optimist
