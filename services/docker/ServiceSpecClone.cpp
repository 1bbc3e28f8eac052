#include "ServiceSpecClone.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace optimist {

namespace {

const QLatin1String kTraefikPrefix("traefik.");

Error invalid(QString message)
{
    return Error{Error::Kind::Invalid, std::move(message)};
}

Error missing(const QString &field)
{
    return invalid(ServiceSpecClone::tr("the active service has no %1").arg(field));
}

Error wrongType(const QString &field, const QString &expected)
{
    return invalid(ServiceSpecClone::tr("the active service's %1 must be %2").arg(field, expected));
}

bool isTraefikKey(const QString &key)
{
    return key.startsWith(kTraefikPrefix, Qt::CaseInsensitive);
}

/// @p key with every dot-separated segment equal to @p from replaced by @p to.
QString renameSegments(const QString &key, const QString &from, const QString &to)
{
    QStringList segments = key.split(QLatin1Char('.'));
    for (QString &segment : segments) {
        if (segment == from)
            segment = to;
    }
    return segments.join(QLatin1Char('.'));
}

/// A Traefik value that names the old service: "demo-blue" or "demo-blue@swarm".
QString renameValue(const QString &value, const QString &from, const QString &to)
{
    if (value == from)
        return to;
    if (value.startsWith(from + QLatin1Char('@')))
        return to + value.mid(from.size());
    return value;
}

/// traefik.(http|tcp|udp).services.NAME.loadbalancer.server.port
bool isPortLabel(const QString &key)
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "^traefik\\.(http|tcp|udp)\\.services\\.[^.]+\\.loadbalancer\\.server\\.port$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(key).hasMatch();
}

} // namespace

bool ServiceSpecClone::isValidTag(const QString &tag)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    return pattern.match(tag).hasMatch();
}

QString ServiceSpecClone::retag(const QString &image, const QString &tag)
{
    QString name = image.trimmed();
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0)
        name.truncate(at);
    // A ':' after the last '/' starts the tag; one before it is a registry's port.
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        name.truncate(colon);
    return name + QLatin1Char(':') + tag;
}

Result<QJsonObject> ServiceSpecClone::clone(const QByteArray &activeServiceJson,
                                            const Parameters &parameters)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(activeServiceJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalid(tr("the active service's inspect answer is not valid JSON at byte %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return invalid(tr("the active service's inspect answer is not a JSON object"));
    return clone(document.object(), parameters);
}

Result<QJsonObject> ServiceSpecClone::clone(const QJsonObject &activeService,
                                            const Parameters &parameters)
{
    if (parameters.appName.trimmed().isEmpty())
        return invalid(tr("cannot clone a service without the application's name"));
    if (!isValidTag(parameters.version)) {
        return invalid(tr("`%1` is not a valid image tag (letters, digits, _ . -; at most 128, "
                          "not starting with . or -)")
                           .arg(parameters.version));
    }
    if (parameters.port && (*parameters.port <= 0 || *parameters.port > 65535))
        return invalid(tr("port %1 is not between 1 and 65535").arg(*parameters.port));
    if (parameters.port && parameters.portVariable.trimmed().isEmpty())
        return invalid(tr("a per-color port needs the name of the application's port variable"));

    // Validate the shape first, so nothing is built from a half-read spec.
    const QJsonValue specValue = activeService.value(QStringLiteral("Spec"));
    if (specValue.isUndefined() || specValue.isNull())
        return missing(QStringLiteral("Spec"));
    if (!specValue.isObject())
        return wrongType(QStringLiteral("Spec"), tr("an object"));
    QJsonObject spec = specValue.toObject();

    const QJsonValue nameValue = spec.value(QStringLiteral("Name"));
    if (!nameValue.isString() || nameValue.toString().isEmpty())
        return missing(QStringLiteral("Spec.Name"));
    const QString oldName = nameValue.toString();

    const QJsonValue templateValue = spec.value(QStringLiteral("TaskTemplate"));
    if (!templateValue.isObject())
        return missing(QStringLiteral("Spec.TaskTemplate"));
    QJsonObject taskTemplate = templateValue.toObject();

    const QJsonValue containerValue = taskTemplate.value(QStringLiteral("ContainerSpec"));
    if (!containerValue.isObject())
        return missing(QStringLiteral("Spec.TaskTemplate.ContainerSpec"));
    QJsonObject container = containerValue.toObject();

    const QJsonValue imageValue = container.value(QStringLiteral("Image"));
    if (!imageValue.isString() || imageValue.toString().trimmed().isEmpty())
        return missing(QStringLiteral("Spec.TaskTemplate.ContainerSpec.Image"));

    const QJsonValue labelsValue = spec.value(QStringLiteral("Labels"));
    if (!labelsValue.isUndefined() && !labelsValue.isNull() && !labelsValue.isObject())
        return wrongType(QStringLiteral("Spec.Labels"), tr("an object"));

    const QJsonValue envValue = container.value(QStringLiteral("Env"));
    if (!envValue.isUndefined() && !envValue.isNull() && !envValue.isArray())
        return wrongType(QStringLiteral("Spec.TaskTemplate.ContainerSpec.Env"), tr("a list"));

    const QString newName =
        parameters.appName.trimmed() + QLatin1Char('-') + colorName(parameters.color);
    if (oldName == newName) {
        return Error{Error::Kind::Conflict,
                     tr("the active service is already called %1; clone it into the other color")
                         .arg(newName)};
    }

    // Image: same repository, the version as tag, no digest.
    container.insert(QStringLiteral("Image"), retag(imageValue.toString(), parameters.version));

    // Port variable.
    if (parameters.port) {
        const QString prefix = parameters.portVariable.trimmed() + QLatin1Char('=');
        const QString entry = prefix + QString::number(*parameters.port);
        QJsonArray env = envValue.toArray();
        bool replaced = false;
        for (qsizetype i = 0; i < env.size(); ++i) {
            if (env.at(i).toString().startsWith(prefix)) {
                env.replace(i, entry);
                replaced = true;
            }
        }
        if (!replaced)
            env.append(entry);
        container.insert(QStringLiteral("Env"), env);
    }
    taskTemplate.insert(QStringLiteral("ContainerSpec"), container);
    spec.insert(QStringLiteral("TaskTemplate"), taskTemplate);

    // Labels.
    const QJsonObject oldLabels = labelsValue.toObject();
    QJsonObject labels;
    bool hasPortLabel = false;
    for (auto it = oldLabels.begin(); it != oldLabels.end(); ++it) {
        QString key = it.key();
        QJsonValue value = it.value();
        if (isTraefikKey(key)) {
            key = renameSegments(key, oldName, newName);
            if (value.isString())
                value = renameValue(value.toString(), oldName, newName);
            if (parameters.port && isPortLabel(key)) {
                value = QString::number(*parameters.port);
                hasPortLabel = true;
            }
        }
        labels.insert(key, value);
    }
    if (parameters.port && !hasPortLabel) {
        labels.insert(
            QStringLiteral("traefik.http.services.%1.loadbalancer.server.port").arg(newName),
            QString::number(*parameters.port));
    }
    labels.insert(QStringLiteral("optimist.app"), parameters.appName.trimmed());
    labels.insert(QStringLiteral("optimist.color"), colorName(parameters.color));
    spec.insert(QStringLiteral("Labels"), labels);

    spec.insert(QStringLiteral("Name"), newName);
    return spec;
}

} // namespace optimist
