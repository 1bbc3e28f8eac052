#pragma once

#include "core/Color.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace optimist {

/// Builds the idle color's `POST /services/create` body from the active color's
/// `GET /services/{id}` answer:
///  - Name becomes APP-COLOR; labels `optimist.app` and `optimist.color` are set;
///  - the image keeps its repository (and registry), its tag becomes the version and any
///    `@sha256:` digest (which Swarm pins on create) is dropped, else the digest would win;
///  - every `traefik.*` label key with a dot-separated segment equal to the active service's
///    name gets the new name, so Traefik sees a separate child service and the public router
///    stays untouched; a `traefik.*` label whose value is exactly the old name (or NAME@provider,
///    e.g. a per-color router's `.service`) is renamed too, else it would point at the old color;
///  - with a per-color port: the port variable in ContainerSpec.Env and every
///    `traefik.*.services.*.loadbalancer.server.port` label are set to it (the label is added
///    for the new service name when there is none);
///  - everything else of Spec (TaskTemplate with env, mounts, healthcheck, resources, networks;
///    Mode with its replicas; EndpointSpec; Update/RollbackConfig) is kept as it is. Only Spec
///    is read, so ID, Version, CreatedAt, UpdatedAt, Endpoint, UpdateStatus, ServiceStatus,
///    JobStatus and PreviousSpec are never copied.
class ServiceSpecClone
{
    Q_DECLARE_TR_FUNCTIONS(ServiceSpecClone)

public:
    struct Parameters
    {
        QString appName;            ///< the application; the new service is APP-COLOR
        Color color = Color::Green; ///< the idle color to create
        QString version;            ///< the new image tag
        std::optional<int> port;    ///< the new color's port, when the profile gives one per color
        QString portVariable = QStringLiteral("PORT"); ///< the app's port variable in Env
    };

    /// The ServiceSpec for the idle color. Error::Invalid names the missing or mistyped field
    /// of @p activeService (e.g. "Spec.TaskTemplate.ContainerSpec.Image") or the bad parameter;
    /// Error::Conflict when the active service already has the new name.
    static Result<QJsonObject> clone(const QJsonObject &activeService,
                                     const Parameters &parameters);
    static Result<QJsonObject> clone(const QByteArray &activeServiceJson,
                                     const Parameters &parameters);

    /// @p image with its tag replaced by @p tag and no digest:
    /// "reg:5000/team/app:1.0@sha256:…" → "reg:5000/team/app:TAG".
    static QString retag(const QString &image, const QString &tag);

    /// Whether @p tag is a valid image tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}).
    static bool isValidTag(const QString &tag);
};

} // namespace optimist
