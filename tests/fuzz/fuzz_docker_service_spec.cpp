// Cloning the active color's `GET /services/{id}` answer into the idle color's spec, and the
// readers of a service's image and replicas. Invariants: no crash or UB; an error carries a
// message; a clone is named APP-COLOR, labelled for it, and runs the new tag.

#include "FuzzSupport.h"
#include "ServiceSpecClone.h"
#include "SwarmServiceState.h"

#include <QJsonDocument>

using namespace optimist;

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const QJsonObject service = QJsonDocument::fromJson(body).object();
    (void)SwarmServiceState::imageTag(SwarmServiceState::image(service));
    (void)SwarmServiceState::replicas(service);

    ServiceSpecClone::Parameters parameters;
    parameters.appName = QStringLiteral("portal");
    parameters.color = Color::Green;
    parameters.version = QStringLiteral("v2");
    // The input's length decides whether a per-color port is given, so both paths are fuzzed.
    if (size % 2 == 1)
        parameters.port = 8081;
    const Result<QJsonObject> clone = ServiceSpecClone::clone(body, parameters);
    if (!clone) {
        fuzz::check(!clone.error().message.isEmpty(), "an error without a message");
        return 0;
    }
    const QJsonObject &spec = clone.value();
    fuzz::check(spec.value(QStringLiteral("Name")).toString() == QLatin1String("portal-green"),
                "the clone is not named portal-green");
    const QJsonObject labels = spec.value(QStringLiteral("Labels")).toObject();
    fuzz::check(labels.value(QStringLiteral("optimist.app")).toString() == QLatin1String("portal"),
                "the clone has no optimist.app label");
    fuzz::check(labels.value(QStringLiteral("optimist.color")).toString() == QLatin1String("green"),
                "the clone has no optimist.color label");
    const QString image = SwarmServiceState::image(QJsonObject{{QStringLiteral("Spec"), spec}});
    fuzz::check(SwarmServiceState::imageTag(image) == QLatin1String("v2"),
                "the clone does not run the new tag");
    fuzz::check(!image.contains(QLatin1Char('@')), "the clone keeps a digest");
    return 0;
}
