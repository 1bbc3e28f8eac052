#include "DockerCluster.h"

#include "DockerClient.h"
#include "DockerClusterLogging.h"
#include "DockerLogDemux.h"
#include "ServiceSpecClone.h"
#include "traefik/TraefikNaming.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <cmath>

namespace optimist {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString filters(const QJsonObject &object)
{
    return compact(object);
}

QString seconds(std::chrono::milliseconds span)
{
    return QString::number(double(span.count()) / 1000.0);
}

/// Path segment for a name or id (image names hold '/' and ':', which the API takes as is).
QString segment(const QString &text)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(text, "/:@"));
}

Error withContext(const Error &error, const QString &context)
{
    return Error{error.kind, context + QStringLiteral(": ") + error.message};
}

/// Runs @p done once all @p count parts reported (count 0: at once).
struct Gather
{
    int remaining = 0;
    std::function<void()> done;
    void finishOne()
    {
        if (--remaining != 0 || !done)
            return;
        // Moved out first: the handler may set up the next round on this same Gather.
        const std::function<void()> handler = std::move(done);
        done = nullptr;
        handler();
    }
};

} // namespace

struct DockerCluster::HealthWait
{
    QString app;
    Color color = Color::Blue;
    QString serviceName;
    std::chrono::milliseconds timeout{0};
    QDeadlineTimer deadline;
    Reply<ColorService> reply{nullptr, {}};
    QString lastSeen;
    /// Whether a container's health check said "unhealthy"; unknown until seen or asked.
    std::optional<bool> unhealthy;
};

struct DockerCluster::JobRun
{
    QString app;
    QString name;
    QString id;
    QString image;
    QString commandLine;
    std::chrono::milliseconds timeout{0};
    QDeadlineTimer deadline;
    Reply<JobOutcome> reply{nullptr, {}};
    CancelToken internal; ///< for the job's own requests: cleanup runs even after a cancel
    QString lastSeen;
};

DockerCluster::DockerCluster(DockerClient *client, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
{
    Q_ASSERT(m_client);
}

QByteArray DockerCluster::registryAuthHeader(const QString &server, const QString &user,
                                             const QString &password)
{
    const QJsonObject auth{{QStringLiteral("username"), user},
                           {QStringLiteral("password"), password},
                           {QStringLiteral("serveraddress"), server}};
    return QJsonDocument(auth)
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding);
}

DockerCluster::DockerCluster(DockerClient *client, QObject *parent)
    : DockerCluster(client, Options{}, parent)
{
}

DockerCluster::~DockerCluster() = default;

void DockerCluster::setApplication(const QString &app, const AppSettings &settings)
{
    m_apps.insert(app, settings);
}

template <typename T> void DockerCluster::later(const Reply<T> &reply, Result<T> result)
{
    QTimer::singleShot(0, this, [reply, result = std::move(result)] { reply(result); });
}

QString DockerCluster::where() const
{
    return m_client->endpoint().uri();
}

DockerRequest DockerCluster::createRequest(const QString &spec) const
{
    DockerRequest post;
    post.method = "POST";
    post.path = QStringLiteral("/services/create");
    post.body = spec.toUtf8();
    post.headers = authHeaders();
    post.timeout = m_options.requestTimeout;
    return post;
}

DockerRequest DockerCluster::get(const QString &path) const
{
    DockerRequest r;
    r.path = path;
    r.timeout = m_options.requestTimeout;
    return r;
}

QList<QPair<QByteArray, QByteArray>> DockerCluster::authHeaders() const
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!m_options.registryAuth.isEmpty())
        headers.append({QByteArrayLiteral("X-Registry-Auth"), m_options.registryAuth});
    return headers;
}

void DockerCluster::request(DockerRequest request, const CancelToken &token,
                            std::function<void(const Response &)> done)
{
    m_client->send(request, Reply<DockerResponse>(
                                this, [done](const Response &response) { done(response); }, token));
}

void DockerCluster::observe(const QString &serviceName, const CancelToken &token,
                            std::function<void(const Result<Observation> &)> done)
{
    struct State
    {
        std::optional<Error> error;
        Observation observation;
        Gather gather;
    };
    auto state = std::make_shared<State>();
    auto fail = [state](const Error &error) {
        if (!state->error)
            state->error = error;
    };
    auto health = [this, state, token, done, fail] {
        if (state->error) {
            done(*state->error);
            return;
        }
        // The health of the running containers (on this node; another node's answer 404 and
        // Swarm's own task state stands for them: a task with a failing check is not running).
        QStringList containers;
        for (const SwarmServiceState::Task &task : std::as_const(state->observation.tasks)) {
            if (task.desiredState == QLatin1String("running") &&
                task.state == QLatin1String("running") && !task.containerId.isEmpty())
                containers << task.containerId;
        }
        if (containers.isEmpty()) {
            done(state->observation);
            return;
        }
        state->gather.remaining = int(containers.size());
        state->gather.done = [state, done] {
            if (state->error)
                done(*state->error);
            else
                done(state->observation);
        };
        for (const QString &id : std::as_const(containers)) {
            request(get(QStringLiteral("/containers/%1/json").arg(segment(id))), token,
                    [state, id, fail](const Response &r) {
                        if (r) {
                            const QString status = r.value()
                                                       .json()
                                                       .object()
                                                       .value(QStringLiteral("State"))
                                                       .toObject()
                                                       .value(QStringLiteral("Health"))
                                                       .toObject()
                                                       .value(QStringLiteral("Status"))
                                                       .toString();
                            state->observation.health.insert(id, status);
                        } else if (r.error().kind != Error::Kind::NotFound) {
                            fail(r.error());
                        }
                        state->gather.finishOne();
                    });
        }
    };

    state->gather.remaining = 2;
    state->gather.done = health;
    request(
        get(QStringLiteral("/services/%1").arg(segment(serviceName))), token,
        [state, serviceName, fail, this](const Response &r) {
            if (!r) {
                fail(
                    r.error().kind == Error::Kind::NotFound
                        ? Error{Error::Kind::NotFound,
                                tr("service %1 does not exist on %2").arg(serviceName, where())}
                        : withContext(r.error(), tr("cannot inspect service %1").arg(serviceName)));
            } else {
                state->observation.service = r.value().json().object();
            }
            state->gather.finishOne();
        });
    DockerRequest tasks = get(QStringLiteral("/tasks"));
    tasks.query.addQueryItem(QStringLiteral("filters"),
                             filters({{QStringLiteral("service"), QJsonArray{serviceName}}}));
    request(tasks, token, [state, serviceName, fail](const Response &r) {
        if (!r) {
            // An unknown service answers 404 here too; the inspect says so better.
            if (r.error().kind != Error::Kind::NotFound)
                fail(withContext(r.error(), tr("cannot list the tasks of %1").arg(serviceName)));
        } else {
            Result<QList<SwarmServiceState::Task>> parsed =
                SwarmServiceState::parseTasks(r.value().json());
            if (parsed)
                state->observation.tasks = parsed.value();
            else
                fail(withContext(parsed.error(), serviceName));
        }
        state->gather.finishOne();
    });
}

void DockerCluster::readApp(const QString &app, Reply<AppSnapshot> reply)
{
    struct State
    {
        AppSnapshot snapshot;
        std::optional<Error> error;
        Gather gather;
    };
    auto state = std::make_shared<State>();
    state->snapshot.app = app;
    state->gather.remaining = 2;
    state->gather.done = [state, reply] {
        if (state->error)
            reply(*state->error);
        else
            reply(state->snapshot);
    };
    for (Color color : {Color::Blue, Color::Green}) {
        const QString name = TraefikNaming::colorServiceName(app, color);
        observe(name, reply.token(), [state, color](const Result<Observation> &r) {
            if (r) {
                state->snapshot.of(color) = SwarmServiceState::describe(
                    color, r.value().service, r.value().tasks, r.value().health);
            } else if (r.error().kind != Error::Kind::NotFound && !state->error) {
                state->error = r.error();
            }
            state->gather.finishOne();
        });
    }
}

void DockerCluster::createColor(const QString &app, Color from, Color to, const QString &version,
                                WriteMode mode, Reply<WriteOutcome> reply)
{
    const QString fromName = TraefikNaming::colorServiceName(app, from);
    const QString toName = TraefikNaming::colorServiceName(app, to);
    if (from == to) {
        later<WriteOutcome>(
            reply, Error{Error::Kind::Invalid, tr("cannot clone %1 onto itself").arg(fromName)});
        return;
    }
    if (!ServiceSpecClone::isValidTag(version)) {
        later<WriteOutcome>(reply,
                            Error{Error::Kind::Invalid,
                                  tr("`%1` is not a valid image tag for %2 (letters, digits, _ . "
                                     "-; at most 128, not starting with . or -)")
                                      .arg(version, toName)});
        return;
    }

    struct State
    {
        QJsonObject active;
        bool targetExists = false;
        std::optional<Error> error;
        Gather gather;
    };
    auto state = std::make_shared<State>();
    const AppSettings settings = m_apps.value(app);
    const CancelToken token = reply.token();

    // Step 3: create (or describe).
    auto create = [this, state, reply, mode, fromName, toName, token](const QJsonObject &spec) {
        const QString body = compact(spec);
        const QString image = SwarmServiceState::image(QJsonObject{{QStringLiteral("Spec"), spec}});
        const QString auth = m_options.registryAuth.isEmpty()
                                 ? QString()
                                 : tr(" with the registry credentials (X-Registry-Auth)");
        if (mode == WriteMode::DryRun) {
            reply(WriteOutcome{tr("would create service %1 as a clone of %2 with image %3: POST "
                                  "/services/create%4 %5")
                                   .arg(toName, fromName, image, auth, body)});
            return;
        }
        DockerRequest post = createRequest(body);
        qCDebug(lcDockerCluster) << "creating" << toName << "from" << fromName << "with image"
                                 << image;
        request(post, token, [this, reply, fromName, toName, image, auth, body](const Response &r) {
            if (!r) {
                reply(withContext(r.error(),
                                  tr("cannot create service %1 on %2").arg(toName, where())));
                return;
            }
            const QJsonObject answer = r.value().json().object();
            QString warnings;
            const QJsonArray list = answer.value(QStringLiteral("Warnings")).toArray();
            for (const QJsonValue &w : list)
                warnings += QStringLiteral(" ") + tr("(Docker warns: %1)").arg(w.toString());
            reply(WriteOutcome{tr("created service %1 (%2) as a clone of %3 with image %4: POST "
                                  "/services/create%5 %6%7")
                                   .arg(toName, answer.value(QStringLiteral("ID")).toString(),
                                        fromName, image, auth, body, warnings)});
        });
    };

    // Step 2: build the spec, check the image.
    auto build = [this, state, reply, app, to, version, settings, fromName, toName, mode, token,
                  create] {
        if (state->error) {
            reply(*state->error);
            return;
        }
        if (state->targetExists) {
            reply(
                Error{Error::Kind::Conflict,
                      tr("service %1 already exists on %2; remove it first").arg(toName, where())});
            return;
        }
        ServiceSpecClone::Parameters parameters;
        parameters.appName = app;
        parameters.color = to;
        parameters.version = version;
        parameters.port = settings.portOf(to);
        parameters.portVariable = settings.portVariable;
        Result<QJsonObject> spec = ServiceSpecClone::clone(state->active, parameters);
        if (!spec) {
            reply(withContext(spec.error(), tr("cannot clone %1 into %2").arg(fromName, toName)));
            return;
        }
        if (!m_options.requireLocalImage) {
            create(spec.value());
            return;
        }
        const QString image =
            SwarmServiceState::image(QJsonObject{{QStringLiteral("Spec"), spec.value()}});
        request(get(QStringLiteral("/images/%1/json").arg(segment(image))), token,
                [this, reply, image, toName, spec = spec.value(), create](const Response &r) {
                    if (!r) {
                        if (r.error().kind == Error::Kind::NotFound) {
                            reply(Error{Error::Kind::NotFound,
                                        tr("image %1 is not on the Docker node %2, so %3 was not "
                                           "created: build or pull that version there first "
                                           "(is the tag right?)")
                                            .arg(image, where(), toName)});
                        } else {
                            reply(withContext(r.error(), tr("cannot look up image %1").arg(image)));
                        }
                        return;
                    }
                    create(spec);
                });
    };

    // Step 1: read the active color (and, for a dry run, whether the target exists: a real
    // create lets Docker say so).
    state->gather.remaining = mode == WriteMode::DryRun ? 2 : 1;
    state->gather.done = build;
    request(get(QStringLiteral("/services/%1").arg(segment(fromName))), token,
            [this, state, fromName](const Response &r) {
                if (!r) {
                    if (!state->error)
                        state->error =
                            r.error().kind == Error::Kind::NotFound
                                ? Error{Error::Kind::NotFound,
                                        tr("service %1 does not exist on %2, so there is nothing "
                                           "to clone")
                                            .arg(fromName, where())}
                                : withContext(r.error(),
                                              tr("cannot inspect service %1").arg(fromName));
                } else {
                    state->active = r.value().json().object();
                }
                state->gather.finishOne();
            });
    if (mode == WriteMode::DryRun) {
        request(get(QStringLiteral("/services/%1").arg(segment(toName))), token,
                [state, toName](const Response &r) {
                    if (r)
                        state->targetExists = true;
                    else if (r.error().kind != Error::Kind::NotFound && !state->error)
                        state->error =
                            withContext(r.error(), tr("cannot inspect service %1").arg(toName));
                    state->gather.finishOne();
                });
    }
}

void DockerCluster::waitHealthy(const QString &app, Color color, std::chrono::milliseconds timeout,
                                Reply<ColorService> reply)
{
    auto wait = std::make_shared<HealthWait>();
    wait->app = app;
    wait->color = color;
    wait->serviceName = TraefikNaming::colorServiceName(app, color);
    wait->timeout = timeout;
    wait->deadline = QDeadlineTimer(timeout.count());
    wait->reply = reply;
    QTimer::singleShot(0, this, [this, wait] { pollHealth(wait); });
}

void DockerCluster::pollHealth(const std::shared_ptr<HealthWait> &wait)
{
    if (wait->reply.isCancelled())
        return;
    observe(wait->serviceName, wait->reply.token(), [this, wait](const Result<Observation> &r) {
        if (!r) {
            if (r.error().kind == Error::Kind::NotFound) {
                wait->reply(Error{Error::Kind::NotFound,
                                  tr("service %1 was removed (or never created) while waiting "
                                     "for it to become healthy")
                                      .arg(wait->serviceName)});
                return;
            }
            // A passing fault of one look is not the end; the deadline still is.
            wait->lastSeen = r.error().message;
            if (wait->deadline.hasExpired()) {
                wait->reply(Error{
                    r.error().kind == Error::Kind::Timeout ? Error::Kind::Timeout : r.error().kind,
                    tr("service %1 could not be checked within %2 s: %3")
                        .arg(wait->serviceName, seconds(wait->timeout), r.error().message)});
                return;
            }
            if (r.error().kind == Error::Kind::Unreachable) {
                wait->reply(withContext(
                    r.error(), tr("waiting for %1 to become healthy").arg(wait->serviceName)));
                return;
            }
        } else {
            const Observation &o = r.value();
            for (const QString &status : o.health) {
                if (status == QLatin1String("unhealthy"))
                    wait->unhealthy = true;
            }
            const QString updated = o.service.value(QStringLiteral("UpdatedAt")).toString();
            QDateTime since =
                QDateTime::fromString(updated.left(19) + QLatin1Char('Z'), Qt::ISODate);
            if (since.isValid())
                since = since.addSecs(-1);
            if (const std::optional<QString> crash = SwarmServiceState::crashLoop(
                    wait->serviceName, o.tasks, m_options.crashLoopFailures, since)) {
                reportCrash(wait, *crash, o.tasks);
                return;
            }
            const ColorService cs =
                SwarmServiceState::describe(wait->color, o.service, o.tasks, o.health);
            if (cs.healthy) {
                wait->reply(cs);
                return;
            }
            wait->lastSeen = cs.healthDetail;
        }
        if (wait->deadline.hasExpired()) {
            wait->reply(Error{Error::Kind::Timeout,
                              tr("service %1 is not healthy after %2 s: %3")
                                  .arg(wait->serviceName, seconds(wait->timeout), wait->lastSeen)});
            return;
        }
        const qint64 delay = std::min<qint64>(m_options.pollInterval.count(),
                                              std::max<qint64>(1, wait->deadline.remainingTime()));
        QTimer::singleShot(std::chrono::milliseconds(delay), this,
                           [this, wait] { pollHealth(wait); });
    });
}

void DockerCluster::reportCrash(const std::shared_ptr<HealthWait> &wait, const QString &crash,
                                const QList<SwarmServiceState::Task> &tasks)
{
    // The last lines of the newest failed task's output usually say why it exits.
    const std::optional<SwarmServiceState::Task> failure = SwarmServiceState::newestFailure(tasks);
    QString base = tr("%1 does not become healthy: %2").arg(wait->serviceName, crash);
    if (!failure || failure->containerId.isEmpty()) {
        wait->reply(Error{Error::Kind::Unhealthy, base});
        return;
    }
    if (!wait->unhealthy) {
        // A container stopped for failing its health check may exit 0 ("finished"): its own
        // record says whether the check failed.
        request(get(QStringLiteral("/containers/%1/json").arg(segment(failure->containerId))),
                wait->reply.token(), [this, wait, crash, tasks](const Response &r) {
                    const QJsonObject state =
                        r ? r.value().json().object().value(QStringLiteral("State")).toObject()
                          : QJsonObject();
                    wait->unhealthy = state.value(QStringLiteral("Health"))
                                          .toObject()
                                          .value(QStringLiteral("Status"))
                                          .toString() == QLatin1String("unhealthy");
                    reportCrash(wait, crash, tasks);
                });
        return;
    }
    if (*wait->unhealthy)
        base += QStringLiteral("; ") +
                tr("its health check failed (unhealthy), so Swarm stopped the task");
    DockerRequest logs = get(QStringLiteral("/tasks/%1/logs").arg(segment(failure->id)));
    logs.query.addQueryItem(QStringLiteral("stdout"), QStringLiteral("1"));
    logs.query.addQueryItem(QStringLiteral("stderr"), QStringLiteral("1"));
    logs.query.addQueryItem(QStringLiteral("tail"), QStringLiteral("5"));
    request(logs, wait->reply.token(), [wait, base](const Response &r) {
        QString message = base;
        if (r) {
            const QString tail =
                DockerLogDemux::tailOf(DockerLogDemux::demultiplex(r.value().body), 5).trimmed();
            if (!tail.isEmpty())
                message += QStringLiteral("; ") + tr("its last output: %1").arg(tail);
        }
        wait->reply(Error{Error::Kind::Unhealthy, message});
    });
}

void DockerCluster::scale(const QString &app, Color color, int replicas, WriteMode mode,
                          Reply<WriteOutcome> reply)
{
    const QString name = TraefikNaming::colorServiceName(app, color);
    if (replicas < 0) {
        later<WriteOutcome>(reply,
                            Error{Error::Kind::Invalid,
                                  tr("cannot scale %1 to %2 replicas").arg(name).arg(replicas)});
        return;
    }
    const CancelToken token = reply.token();
    request(get(QStringLiteral("/services/%1").arg(segment(name))), token,
            [this, reply, name, replicas, mode, token](const Response &r) {
                if (!r) {
                    reply(r.error().kind == Error::Kind::NotFound
                              ? Error{Error::Kind::NotFound,
                                      tr("service %1 does not exist on %2").arg(name, where())}
                              : withContext(r.error(), tr("cannot inspect service %1").arg(name)));
                    return;
                }
                const QJsonObject service = r.value().json().object();
                const std::optional<int> before = SwarmServiceState::replicas(service);
                if (!before) {
                    reply(Error{Error::Kind::Invalid,
                                tr("service %1 is not replicated (global or job mode) and cannot "
                                   "be scaled")
                                    .arg(name)});
                    return;
                }
                QJsonObject spec = service.value(QStringLiteral("Spec")).toObject();
                QJsonObject modeObject = spec.value(QStringLiteral("Mode")).toObject();
                QJsonObject replicated = modeObject.value(QStringLiteral("Replicated")).toObject();
                replicated.insert(QStringLiteral("Replicas"), replicas);
                modeObject.insert(QStringLiteral("Replicated"), replicated);
                spec.insert(QStringLiteral("Mode"), modeObject);
                const QString id = service.value(QStringLiteral("ID")).toString();
                const qint64 version = service.value(QStringLiteral("Version"))
                                           .toObject()
                                           .value(QStringLiteral("Index"))
                                           .toInteger();
                const QString path =
                    QStringLiteral("/services/%1/update?version=%2").arg(id).arg(version);
                const QString body = compact(spec);
                if (mode == WriteMode::DryRun) {
                    reply(
                        WriteOutcome{tr("would scale service %1 from %2 to %3 replicas: POST %4 %5")
                                         .arg(name)
                                         .arg(*before)
                                         .arg(replicas)
                                         .arg(path, body)});
                    return;
                }
                DockerRequest post;
                post.method = "POST";
                post.path = QStringLiteral("/services/%1/update").arg(segment(id));
                post.query.addQueryItem(QStringLiteral("version"), QString::number(version));
                post.body = body.toUtf8();
                post.headers = authHeaders();
                post.timeout = m_options.requestTimeout;
                request(post, token, [reply, name, before, replicas, path](const Response &u) {
                    if (!u) {
                        reply(withContext(u.error(), tr("cannot scale service %1").arg(name)));
                        return;
                    }
                    reply(WriteOutcome{tr("scaled service %1 from %2 to %3 replicas (POST %4)")
                                           .arg(name)
                                           .arg(*before)
                                           .arg(replicas)
                                           .arg(path)});
                });
            });
}

void DockerCluster::removeColor(const QString &app, Color color, WriteMode mode,
                                Reply<WriteOutcome> reply)
{
    const QString name = TraefikNaming::colorServiceName(app, color);
    const CancelToken token = reply.token();
    request(get(QStringLiteral("/services/%1").arg(segment(name))), token,
            [this, reply, name, mode, token](const Response &r) {
                if (!r) {
                    reply(r.error().kind == Error::Kind::NotFound
                              ? Error{Error::Kind::NotFound,
                                      tr("service %1 does not exist on %2").arg(name, where())}
                              : withContext(r.error(), tr("cannot inspect service %1").arg(name)));
                    return;
                }
                const QJsonObject service = r.value().json().object();
                const QString id = service.value(QStringLiteral("ID")).toString();
                const QString image = SwarmServiceState::image(service);
                const std::optional<int> replicas = SwarmServiceState::replicas(service);
                const QString what =
                    replicas ? tr("%1 (image %2, %3 replicas)").arg(name, image).arg(*replicas)
                             : tr("%1 (image %2)").arg(name, image);
                if (mode == WriteMode::DryRun) {
                    reply(WriteOutcome{
                        tr("would remove service %1: DELETE /services/%2").arg(what, id)});
                    return;
                }
                DockerRequest remove = get(QStringLiteral("/services/%1").arg(segment(id)));
                remove.method = "DELETE";
                qCDebug(lcDockerCluster) << "removing" << name;
                request(remove, token, [this, reply, name, id, what, token](const Response &d) {
                    if (!d && d.error().kind != Error::Kind::NotFound) {
                        reply(withContext(d.error(), tr("cannot remove service %1").arg(name)));
                        return;
                    }
                    confirmRemoved(id, name, 0, token, [reply, what](const Result<void> &gone) {
                        if (!gone)
                            reply(gone.error());
                        else
                            reply(WriteOutcome{tr("removed service %1").arg(what)});
                    });
                });
            });
}

void DockerCluster::confirmRemoved(const QString &id, const QString &name, int attempt,
                                   const CancelToken &token,
                                   std::function<void(const Result<void> &)> done)
{
    request(get(QStringLiteral("/services/%1").arg(segment(id))), token,
            [this, id, name, attempt, token, done](const Response &r) {
                if (!r && r.error().kind == Error::Kind::NotFound) {
                    done({});
                    return;
                }
                if (attempt >= 20) {
                    done(Error{Error::Kind::Timeout,
                               tr("service %1 was removed on %2 but still shows up after 10 s")
                                   .arg(name, where())});
                    return;
                }
                QTimer::singleShot(500, this, [this, id, name, attempt, token, done] {
                    if (!token.isCancelled())
                        confirmRemoved(id, name, attempt + 1, token, done);
                });
            });
}

Result<QJsonObject> DockerCluster::jobSpec(const QJsonObject &activeService, const QString &app,
                                           const QString &jobName, const QString &version,
                                           const QStringList &command)
{
    const QJsonObject activeSpec = activeService.value(QStringLiteral("Spec")).toObject();
    QJsonObject taskTemplate = activeSpec.value(QStringLiteral("TaskTemplate")).toObject();
    QJsonObject container = taskTemplate.value(QStringLiteral("ContainerSpec")).toObject();
    const QString image = container.value(QStringLiteral("Image")).toString();
    if (image.isEmpty())
        return Error{Error::Kind::Invalid,
                     tr("service %1 has no Spec.TaskTemplate.ContainerSpec.Image to run a job with")
                         .arg(activeSpec.value(QStringLiteral("Name")).toString())};
    if (!ServiceSpecClone::isValidTag(version))
        return Error{Error::Kind::Invalid, tr("`%1` is not a valid image tag").arg(version)};
    if (command.isEmpty())
        return Error{Error::Kind::Invalid, tr("the job has no command")};
    container.insert(QStringLiteral("Image"), ServiceSpecClone::retag(image, version));
    // As `docker service create IMAGE CMD…` does: the image's entrypoint stays, the command
    // replaces its CMD.
    container.insert(QStringLiteral("Args"), QJsonArray::fromStringList(command));
    // The image's healthcheck probes a server the job does not run.
    container.insert(QStringLiteral("Healthcheck"),
                     QJsonObject{{QStringLiteral("Test"), QJsonArray{QStringLiteral("NONE")}}});
    taskTemplate.insert(QStringLiteral("ContainerSpec"), container);
    taskTemplate.insert(QStringLiteral("RestartPolicy"),
                        QJsonObject{{QStringLiteral("Condition"), QStringLiteral("none")}});
    taskTemplate.remove(QStringLiteral("ForceUpdate"));
    return QJsonObject{
        {QStringLiteral("Name"), jobName},
        {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("optimist.app"), app},
                                               {QStringLiteral("optimist.job"), version}}},
        {QStringLiteral("TaskTemplate"), taskTemplate},
        {QStringLiteral("Mode"),
         QJsonObject{{QStringLiteral("ReplicatedJob"),
                      QJsonObject{{QStringLiteral("MaxConcurrent"), 1},
                                  {QStringLiteral("TotalCompletions"), 1}}}}},
    };
}

void DockerCluster::runJob(const QString &app, const QString &version, const QStringList &command,
                           std::chrono::milliseconds timeout, WriteMode mode,
                           Reply<JobOutcome> reply)
{
    auto job = std::make_shared<JobRun>();
    job->app = app;
    job->name = QStringLiteral("%1-job-%2")
                    .arg(app)
                    .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    job->commandLine = command.join(QLatin1Char(' '));
    job->timeout = timeout;
    job->reply = reply;

    struct State
    {
        QJsonObject blue, green;
        std::optional<Error> error;
        Gather gather;
    };
    auto state = std::make_shared<State>();
    state->gather.remaining = 2;
    state->gather.done = [this, state, job, version, command, mode] {
        if (state->error) {
            job->reply(*state->error);
            return;
        }
        const QJsonObject &active = !state->blue.isEmpty() ? state->blue : state->green;
        if (active.isEmpty()) {
            job->reply(
                Error{Error::Kind::NotFound,
                      tr("neither %1 nor %2 exists on %3, so the job has no service to take "
                         "its image and settings from")
                          .arg(TraefikNaming::colorServiceName(job->app, Color::Blue),
                               TraefikNaming::colorServiceName(job->app, Color::Green), where())});
            return;
        }
        Result<QJsonObject> spec = jobSpec(active, job->app, job->name, version, command);
        if (!spec) {
            job->reply(spec.error());
            return;
        }
        job->image = SwarmServiceState::image(QJsonObject{{QStringLiteral("Spec"), spec.value()}});
        const QString body = compact(spec.value());
        auto start = [this, job, body, mode] {
            if (mode == WriteMode::DryRun) {
                JobOutcome outcome;
                outcome.description = tr("would run job %1 once with image %2: %3: POST "
                                         "/services/create %4")
                                          .arg(job->name, job->image, job->commandLine, body);
                job->reply(outcome);
                return;
            }
            DockerRequest post = createRequest(body);
            job->deadline = QDeadlineTimer(job->timeout.count());
            qCDebug(lcDockerCluster) << "starting job" << job->name << "with image" << job->image;
            request(post, job->internal, [this, job](const Response &r) {
                if (!r) {
                    job->reply(withContext(r.error(), tr("cannot start job %1").arg(job->name)));
                    return;
                }
                job->id = r.value().json().object().value(QStringLiteral("ID")).toString();
                pollJob(job);
            });
        };
        if (!m_options.requireLocalImage) {
            start();
            return;
        }
        request(get(QStringLiteral("/images/%1/json").arg(segment(job->image))), job->reply.token(),
                [this, job, start](const Response &r) {
                    if (!r) {
                        job->reply(
                            r.error().kind == Error::Kind::NotFound
                                ? Error{Error::Kind::NotFound,
                                        tr("image %1 is not on the Docker node %2, so job "
                                           "%3 was not started: build or pull that version "
                                           "there first")
                                            .arg(job->image, where(), job->commandLine)}
                                : withContext(r.error(),
                                              tr("cannot look up image %1").arg(job->image)));
                        return;
                    }
                    start();
                });
    };
    for (Color color : {Color::Blue, Color::Green}) {
        const QString name = TraefikNaming::colorServiceName(app, color);
        request(get(QStringLiteral("/services/%1").arg(segment(name))), reply.token(),
                [state, color, name](const Response &r) {
                    if (r)
                        (color == Color::Blue ? state->blue : state->green) =
                            r.value().json().object();
                    else if (r.error().kind != Error::Kind::NotFound && !state->error)
                        state->error =
                            withContext(r.error(), tr("cannot inspect service %1").arg(name));
                    state->gather.finishOne();
                });
    }
}

void DockerCluster::pollJob(const std::shared_ptr<JobRun> &job)
{
    if (job->reply.isCancelled()) {
        removeJob(job, [] {});
        return;
    }
    DockerRequest tasks = get(QStringLiteral("/tasks"));
    tasks.query.addQueryItem(QStringLiteral("filters"),
                             filters({{QStringLiteral("service"), QJsonArray{job->id}}}));
    request(tasks, job->internal, [this, job](const Response &r) {
        if (r) {
            const Result<QList<SwarmServiceState::Task>> parsed =
                SwarmServiceState::parseTasks(r.value().json());
            if (parsed) {
                for (const SwarmServiceState::Task &task : parsed.value()) {
                    if (task.state == QLatin1String("complete") || task.isFailure()) {
                        finishJob(job, task);
                        return;
                    }
                    job->lastSeen = tr("task %1 is %2").arg(task.label(job->name), task.state);
                }
            }
        } else if (r.error().kind == Error::Kind::Unreachable) {
            const Error error = withContext(r.error(), tr("waiting for job %1").arg(job->name));
            job->reply(error);
            removeJob(job, [] {});
            return;
        } else {
            job->lastSeen = r.error().message;
        }
        if (job->deadline.hasExpired()) {
            removeJob(job, [job] {
                job->reply(
                    Error{Error::Kind::Timeout,
                          tr("job %1 (%2) did not finish within %3 s (%4); it was removed")
                              .arg(job->name, job->commandLine, seconds(job->timeout),
                                   job->lastSeen.isEmpty() ? tr("no task yet") : job->lastSeen)});
            });
            return;
        }
        const qint64 delay = std::min<qint64>(m_options.pollInterval.count(),
                                              std::max<qint64>(1, job->deadline.remainingTime()));
        QTimer::singleShot(std::chrono::milliseconds(delay), this, [this, job] { pollJob(job); });
    });
}

void DockerCluster::finishJob(const std::shared_ptr<JobRun> &job,
                              const SwarmServiceState::Task &task)
{
    DockerRequest logs = get(QStringLiteral("/services/%1/logs").arg(segment(job->id)));
    logs.query.addQueryItem(QStringLiteral("stdout"), QStringLiteral("1"));
    logs.query.addQueryItem(QStringLiteral("stderr"), QStringLiteral("1"));
    logs.query.addQueryItem(QStringLiteral("tail"), QString::number(m_options.jobLogLines));
    request(logs, job->internal, [this, job, task](const Response &r) {
        const QString tail = r ? DockerLogDemux::tailOf(DockerLogDemux::demultiplex(r.value().body),
                                                        m_options.jobLogLines)
                               : QString();
        removeJob(job, [job, task, tail] {
            if (task.state == QLatin1String("rejected") || !task.exitCode) {
                job->reply(Error{Error::Kind::Unhealthy,
                                 tr("job %1 (%2) with image %3 could not run: %4")
                                     .arg(job->name, job->commandLine, job->image,
                                          task.err.isEmpty() ? task.message : task.err)});
                return;
            }
            JobOutcome outcome;
            outcome.exitCode = task.state == QLatin1String("complete") ? 0 : *task.exitCode;
            outcome.logTail = tail;
            outcome.description = tr("job %1 with image %2 ran %3 and exited with code %4")
                                      .arg(job->name, job->image, job->commandLine)
                                      .arg(outcome.exitCode);
            job->reply(outcome);
        });
    });
}

void DockerCluster::removeJob(const std::shared_ptr<JobRun> &job, std::function<void()> then)
{
    DockerRequest remove = get(QStringLiteral("/services/%1").arg(segment(job->id)));
    remove.method = "DELETE";
    request(remove, job->internal, [job, then](const Response &r) {
        if (!r && r.error().kind != Error::Kind::NotFound)
            qCWarning(lcDockerCluster)
                << "could not remove job service" << job->name << r.error().message;
        then();
    });
}

void DockerCluster::cpuPercent(const QString &app, Color color, Reply<double> reply)
{
    const QString name = TraefikNaming::colorServiceName(app, color);
    DockerRequest tasks = get(QStringLiteral("/tasks"));
    tasks.query.addQueryItem(
        QStringLiteral("filters"),
        filters({{QStringLiteral("service"), QJsonArray{name}},
                 {QStringLiteral("desired-state"), QJsonArray{QStringLiteral("running")}}}));
    const CancelToken token = reply.token();
    request(tasks, token, [this, reply, name, token](const Response &r) {
        if (!r) {
            reply(r.error().kind == Error::Kind::NotFound
                      ? Error{Error::Kind::NotFound,
                              tr("service %1 does not exist on %2").arg(name, where())}
                      : withContext(r.error(), tr("cannot list the tasks of %1").arg(name)));
            return;
        }
        const Result<QList<SwarmServiceState::Task>> parsed =
            SwarmServiceState::parseTasks(r.value().json());
        if (!parsed) {
            reply(parsed.error());
            return;
        }
        QStringList containers;
        for (const SwarmServiceState::Task &task : parsed.value()) {
            if (task.state == QLatin1String("running") && !task.containerId.isEmpty())
                containers << task.containerId;
        }
        if (containers.isEmpty()) {
            reply(Error{Error::Kind::NotFound,
                        tr("service %1 has no running task to measure the CPU of").arg(name)});
            return;
        }
        struct State
        {
            QList<std::optional<double>> percents;
            std::optional<Error> error;
            Gather gather;
        };
        auto state = std::make_shared<State>();
        state->gather.remaining = int(containers.size());
        state->gather.done = [state, reply, name] {
            const double mean = DockerStatsCpu::colorPercent(state->percents);
            if (!std::isnan(mean))
                reply(mean);
            else if (state->error)
                reply(*state->error);
            else
                reply(Error{Error::Kind::NotFound,
                            tr("no container of %1 gave CPU figures").arg(name)});
        };
        for (const QString &id : std::as_const(containers)) {
            // With a previous sample one-shot answers at once; without, the daemon waits one
            // sampling cycle and fills precpu_stats itself.
            const bool known = m_cpuSamples.contains(id);
            DockerRequest stats = get(QStringLiteral("/containers/%1/stats").arg(segment(id)));
            stats.query.addQueryItem(QStringLiteral("stream"), QStringLiteral("false"));
            if (known)
                stats.query.addQueryItem(QStringLiteral("one-shot"), QStringLiteral("true"));
            request(stats, token, [this, state, id, known](const Response &s) {
                if (!s) {
                    if (s.error().kind != Error::Kind::NotFound && !state->error)
                        state->error = s.error();
                } else {
                    const Result<DockerStatsCpu::Sample> sample =
                        DockerStatsCpu::parse(s.value().body);
                    if (!sample) {
                        if (!state->error)
                            state->error = sample.error();
                    } else {
                        std::optional<double> percent =
                            known ? DockerStatsCpu::percent(m_cpuSamples.value(id), sample.value())
                                  : DockerStatsCpu::percent(sample.value());
                        state->percents.append(percent);
                        m_cpuSamples.insert(id, sample.value());
                    }
                }
                state->gather.finishOne();
            });
        }
    });
}

} // namespace optimist
