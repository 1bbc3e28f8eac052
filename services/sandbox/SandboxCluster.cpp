#include "SandboxCluster.h"

#include "SandboxEnvironment.h"
#include "SandboxLogging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
namespace optimist {

namespace {

QString seconds(std::chrono::milliseconds span)
{
    return QString::number(double(span.count()) / 1000.0);
}

} // namespace

SandboxCluster::SandboxCluster(SandboxEnvironment *environment)
    : m_environment(environment)
{
    Q_ASSERT(m_environment);
}

std::optional<Error> SandboxCluster::checkApp(const QString &app) const
{
    if (app == m_environment->scenario().app)
        return std::nullopt;
    return Error{Error::Kind::NotFound,
                 tr("the sandbox has no application \"%1\"; its scenario runs \"%2\"")
                     .arg(app, m_environment->scenario().app)};
}

std::optional<Error> SandboxCluster::checkExists(Color color) const
{
    if (m_environment->service(color))
        return std::nullopt;
    return Error{Error::Kind::NotFound,
                 tr("service %1 does not exist").arg(m_environment->serviceName(color))};
}

void SandboxCluster::readApp(const QString &app, Reply<AppSnapshot> reply)
{
    if (auto error = checkApp(app)) {
        m_environment->deliver<AppSnapshot>(reply, *error);
        return;
    }
    AppSnapshot snapshot;
    snapshot.app = app;
    const qint64 now = m_environment->nowMs();
    for (Color color : {Color::Blue, Color::Green}) {
        if (m_environment->service(color))
            snapshot.of(color) = m_environment->describe(color, now);
    }
    m_environment->deliver<AppSnapshot>(reply, snapshot);
}

QString SandboxCluster::serviceSpec(Color color, const QString &version, int replicas) const
{
    const QString app = m_environment->scenario().app;
    const QString name = m_environment->serviceName(color);
    const QString traefikService = QStringLiteral("traefik.http.services.") + name;
    const QJsonObject labels{
        {QStringLiteral("optimist.app"), app},
        {QStringLiteral("optimist.color"), colorName(color)},
        {QStringLiteral("traefik.enable"), QStringLiteral("true")},
        {traefikService + QStringLiteral(".loadbalancer.server.port"), QStringLiteral("8080")},
        {traefikService + QStringLiteral(".loadbalancer.healthcheck.path"),
         QStringLiteral("/healthz")},
    };
    const QJsonObject spec{
        {QStringLiteral("Name"), name},
        {QStringLiteral("Labels"), labels},
        {QStringLiteral("TaskTemplate"),
         QJsonObject{{QStringLiteral("ContainerSpec"),
                      QJsonObject{{QStringLiteral("Image"), m_environment->image(version)}}}}},
        {QStringLiteral("Mode"),
         QJsonObject{
             {QStringLiteral("Replicated"), QJsonObject{{QStringLiteral("Replicas"), replicas}}}}},
    };
    return QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact));
}

void SandboxCluster::createColor(const QString &app, Color from, Color to, const QString &version,
                                 WriteMode mode, Reply<WriteOutcome> reply)
{
    std::optional<Error> error = checkApp(app);
    if (!error && from == to)
        error = Error{Error::Kind::Invalid,
                      tr("cannot clone %1 onto itself").arg(m_environment->serviceName(from))};
    if (!error && version.trimmed().isEmpty())
        error =
            Error{Error::Kind::Invalid,
                  tr("no version (image tag) given for %1").arg(m_environment->serviceName(to))};
    if (!error && !m_environment->service(from))
        error = Error{Error::Kind::NotFound,
                      tr("service %1 does not exist, so there is nothing to clone")
                          .arg(m_environment->serviceName(from))};
    if (!error && m_environment->service(to))
        error =
            Error{Error::Kind::Conflict,
                  tr("service %1 already exists (version %2); remove it first")
                      .arg(m_environment->serviceName(to), m_environment->service(to)->version)};
    if (error) {
        m_environment->deliver<WriteOutcome>(reply, *error);
        return;
    }
    const int replicas = m_environment->service(from)->replicas;
    const QString spec = serviceSpec(to, version, replicas);
    const QString fromName = m_environment->serviceName(from);
    const QString toName = m_environment->serviceName(to);
    const QString image = m_environment->image(version);
    WriteOutcome outcome;
    if (mode == WriteMode::DryRun) {
        outcome.description = tr("would create service %1 as a clone of %2 with image %3: %4")
                                  .arg(toName, fromName, image, spec);
    } else {
        m_environment->createService(to, version, replicas);
        outcome.description = tr("created service %1 as a clone of %2 with image %3: %4")
                                  .arg(toName, fromName, image, spec);
    }
    m_environment->deliver<WriteOutcome>(reply, outcome);
}

void SandboxCluster::waitHealthy(const QString &app, Color color, std::chrono::milliseconds timeout,
                                 Reply<ColorService> reply)
{
    std::optional<Error> error = checkApp(app);
    if (!error)
        error = checkExists(color);
    if (error) {
        m_environment->deliver<ColorService>(reply, *error);
        return;
    }
    const qint64 now = m_environment->nowMs();
    const qint64 deadline =
        now + std::clamp<qint64>(timeout.count(), 0, SandboxEnvironment::kNever - now);
    awaitHealth(m_environment, color, deadline, timeout, reply);
}

void SandboxCluster::awaitHealth(SandboxEnvironment *environment, Color color, qint64 deadlineMs,
                                 std::chrono::milliseconds timeout,
                                 const Reply<ColorService> &reply)
{
    // Sleep until the first thing that decides the answer; look again then, since the service
    // may have been scaled or removed meanwhile.
    const qint64 next =
        std::min({environment->healthyAtMs(color), environment->crashLoopAtMs(color), deadlineMs});
    if (reply.isCancelled())
        return;
    const qint64 delay =
        std::max<qint64>(SandboxEnvironment::kReplyDelay.count(), next - environment->nowMs());
    environment->clock()->schedule(
        std::chrono::milliseconds(delay), environment,
        [environment, color, deadlineMs, timeout, reply] {
            const qint64 now = environment->nowMs();
            const QString name = environment->serviceName(color);
            if (!environment->service(color)) {
                reply(Error{
                    Error::Kind::NotFound,
                    tr("service %1 was removed while waiting for it to become healthy").arg(name)});
            } else if (environment->crashLoopAtMs(color) <= now) {
                qCDebug(lcSandbox) << name << "crash-loops";
                reply(Error{Error::Kind::Unhealthy, environment->crashDetail(color, now)});
            } else if (environment->healthyAtMs(color) <= now) {
                reply(environment->describe(color, now));
            } else if (now >= deadlineMs) {
                reply(Error{Error::Kind::Timeout,
                            tr("service %1 is not healthy after %2 s: %3")
                                .arg(name, seconds(timeout),
                                     environment->describe(color, now).healthDetail)});
            } else {
                awaitHealth(environment, color, deadlineMs, timeout, reply);
            }
        },
        reply.token());
}

void SandboxCluster::scale(const QString &app, Color color, int replicas, WriteMode mode,
                           Reply<WriteOutcome> reply)
{
    std::optional<Error> error = checkApp(app);
    if (!error)
        error = checkExists(color);
    if (!error && replicas < 0)
        error = Error{Error::Kind::Invalid, tr("cannot scale %1 to %2 replicas")
                                                .arg(m_environment->serviceName(color))
                                                .arg(replicas)};
    if (error) {
        m_environment->deliver<WriteOutcome>(reply, *error);
        return;
    }
    const QString name = m_environment->serviceName(color);
    const int before = m_environment->service(color)->replicas;
    WriteOutcome outcome;
    if (mode == WriteMode::DryRun) {
        outcome.description =
            tr("would scale service %1 from %2 to %3 replicas").arg(name).arg(before).arg(replicas);
    } else {
        m_environment->setReplicas(color, replicas);
        outcome.description =
            tr("scaled service %1 from %2 to %3 replicas").arg(name).arg(before).arg(replicas);
    }
    m_environment->deliver<WriteOutcome>(reply, outcome);
}

void SandboxCluster::removeColor(const QString &app, Color color, WriteMode mode,
                                 Reply<WriteOutcome> reply)
{
    std::optional<Error> error = checkApp(app);
    if (!error)
        error = checkExists(color);
    if (error) {
        m_environment->deliver<WriteOutcome>(reply, *error);
        return;
    }
    const SandboxEnvironment::Service service = *m_environment->service(color);
    const QString name = m_environment->serviceName(color);
    const QString image = m_environment->image(service.version);
    WriteOutcome outcome;
    if (mode == WriteMode::DryRun) {
        outcome.description = tr("would remove service %1 (image %2, %3 replicas)")
                                  .arg(name, image)
                                  .arg(service.replicas);
    } else {
        m_environment->removeService(color);
        outcome.description =
            tr("removed service %1 (image %2, %3 replicas)").arg(name, image).arg(service.replicas);
    }
    m_environment->deliver<WriteOutcome>(reply, outcome);
}

void SandboxCluster::runJob(const QString &app, const QString &version, const QStringList &command,
                            std::chrono::milliseconds timeout, WriteMode mode,
                            Reply<JobOutcome> reply)
{
    if (auto error = checkApp(app)) {
        m_environment->deliver<JobOutcome>(reply, *error);
        return;
    }
    const Scenario::Hook &hook = m_environment->scenario().hook;
    const QString job = app + QStringLiteral("-hook");
    const QString image = m_environment->image(version);
    const QString commandLine = command.join(QLatin1Char(' '));
    if (mode == WriteMode::DryRun) {
        JobOutcome outcome;
        outcome.description =
            tr("would run job %1 once with image %2: %3").arg(job, image, commandLine);
        m_environment->deliver<JobOutcome>(reply, outcome);
        return;
    }
    const auto duration = std::chrono::milliseconds(qint64(hook.durationSec * 1000.0));
    if (duration > timeout) {
        m_environment->deliver<JobOutcome>(
            reply,
            Error{Error::Kind::Timeout, tr("job %1 (%2) did not finish within %3 s; it was stopped")
                                            .arg(job, commandLine, seconds(timeout))},
            timeout);
        return;
    }
    JobOutcome outcome;
    outcome.exitCode = hook.exitCode;
    outcome.logTail = hook.log;
    outcome.description = tr("job %1 with image %2 ran %3 and exited with code %4 after %5 s")
                              .arg(job, image, commandLine)
                              .arg(hook.exitCode)
                              .arg(seconds(duration));
    m_environment->deliver<JobOutcome>(reply, outcome,
                                       std::max(duration, SandboxEnvironment::kReplyDelay));
}

} // namespace optimist
