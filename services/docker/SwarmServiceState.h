#pragma once

#include "core/ColorService.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace optimist {

/// Reads Swarm's answers about one service (`GET /services/{id}`, `GET /tasks`, the containers'
/// `State.Health`) into what the engine sees: a ColorService, a crash loop, a job's end.
class SwarmServiceState
{
    Q_DECLARE_TR_FUNCTIONS(SwarmServiceState)

public:
    /// One Swarm task (an item of `GET /tasks`).
    struct Task
    {
        QString id;
        QString serviceId;
        int slot = 0;
        QString desiredState; ///< running, shutdown, complete, …
        QString state;        ///< Status.State: new … running, complete, failed, rejected, …
        QString err;          ///< Status.Err
        QString message;      ///< Status.Message
        QString containerId;  ///< Status.ContainerStatus.ContainerID
        std::optional<int> exitCode; ///< Status.ContainerStatus.ExitCode
        QDateTime timestamp;         ///< Status.Timestamp
        QDateTime createdAt;

        bool isFailure() const;
        /// Failed, rejected, or complete: for a long-running service, a task that ended (a
        /// container stopped for failing its health check exits 0 and ends "complete").
        bool hasEnded() const;
        /// "demo-green.1 (f3a9c2d1e0b4)"
        QString label(const QString &serviceName) const;
    };

    /// The items of a `GET /tasks` answer. Error::Invalid names what is malformed.
    static Result<QList<Task>> parseTasks(const QJsonDocument &document);

    /// The tag of an image reference, without digest: "reg:5000/app:v2@sha256:…" → "v2";
    /// "latest" when it has none.
    static QString imageTag(const QString &image);
    /// Spec.TaskTemplate.ContainerSpec.Image of a service.
    static QString image(const QJsonObject &service);
    /// Spec.Mode.Replicated.Replicas; std::nullopt for a global or job service.
    static std::optional<int> replicas(const QJsonObject &service);

    /// What the cluster shows of @p color from its service, its tasks and the health of its
    /// running containers (container id → State.Health.Status; "" or absent: no healthcheck).
    static ColorService describe(Color color, const QJsonObject &service, const QList<Task> &tasks,
                                 const QHash<QString, QString> &health);

    /// A crash loop, in words, or nothing: a task rejected (it cannot start at all: no such
    /// image, a bad mount) or at least @p failureLimit failed tasks since @p since.
    static std::optional<QString> crashLoop(const QString &serviceName, const QList<Task> &tasks,
                                            int failureLimit, const QDateTime &since);

    /// The newest task with an error (failed or rejected), if any.
    static std::optional<Task> newestFailure(const QList<Task> &tasks, const QDateTime &since = {});
};

} // namespace optimist
