#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace optimist {

/// One item of Docker's `GET /events` stream.
struct DockerEvent
{
    QString type;   ///< service, container, …
    QString action; ///< create, update, remove, start, die, health_status: healthy, …
    QString id;     ///< Actor.ID
    QMap<QString, QString> attributes; ///< Actor.Attributes (name, image, com.docker.swarm.*)
    QDateTime time;                    ///< timeNano
    qint64 timeNano = 0;

    /// The event's object name (Actor.Attributes.name), e.g. a service's name.
    QString name() const { return attributes.value(QStringLiteral("name")); }
    /// For a container: its Swarm service (com.docker.swarm.service.name).
    QString serviceName() const;

    /// The latest time an event may carry, in seconds since the epoch (about year 2262).
    static constexpr qint64 kLatestSec = 9223372035;

    /// Parses one JSON line of the stream; false when it is not an event (or its time is
    /// before 1970 or after kLatestSec).
    static bool parse(const QByteArray &line, DockerEvent *out);

    /// The stream's framing: removes every complete line (ending in "\n") from @p buffer and
    /// answers the events among them, in order. Blank lines and lines that are not events are
    /// skipped; an unfinished last line stays in @p buffer for the next chunk.
    static QList<DockerEvent> takeComplete(QByteArray *buffer);
};

} // namespace optimist
