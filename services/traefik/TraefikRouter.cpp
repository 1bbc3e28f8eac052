#include "TraefikRouter.h"

#include "TraefikApiClient.h"
#include "TraefikFileWriter.h"
#include "TraefikKvWriter.h"
#include "TraefikWeights.h"

#include <QTimer>

namespace optimist {

TraefikRouter::TraefikRouter(TraefikRouterConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_api(new TraefikApiClient(m_config.api, this))
    , m_version(m_config.version)
{
    if (m_config.provider == TraefikRouterConfig::Provider::Redis)
        m_writer = new TraefikKvWriter(m_config.redis, m_config.rootKey, this);
    else
        m_writer = new TraefikFileWriter(m_config.directory, this);
}

TraefikRouter::~TraefikRouter() = default;

TraefikAppRoute TraefikRouter::route(const QString &app) const
{
    TraefikAppRoute route;
    for (const TraefikAppRoute &configured : m_config.applications) {
        if (configured.app == app)
            route = configured;
    }
    route.app = app;
    if (route.entryPoints.isEmpty())
        route.entryPoints = m_config.entryPoints;
    return route;
}

QString TraefikRouter::weightedServiceName(const TraefikAppRoute &route) const
{
    return route.serviceName() + QLatin1Char('@') + m_writer->providerName();
}

void TraefikRouter::withVersion(std::function<void(const Result<TraefikNaming::Version> &)> next)
{
    if (m_version) {
        const TraefikNaming::Version version = *m_version;
        QTimer::singleShot(0, this, [next, version] { next(version); });
        return;
    }
    m_api->majorVersion([this, next](const Result<TraefikNaming::Version> &version) {
        if (version)
            m_version = version.value();
        next(version);
    });
}

void TraefikRouter::readWeights(const QString &app, Reply<WeightSplit> reply)
{
    m_writer->readWeights(route(app), [reply](const Result<WeightSplit> &r) { reply(r); });
}

void TraefikRouter::writeWeights(const QString &app, const WeightSplit &split, WriteMode mode,
                                 Reply<WriteOutcome> reply)
{
    const TraefikAppRoute appRoute = route(app);
    // The children's names depend on the Traefik version (@docker in v2, @swarm in v3).
    withVersion([this, appRoute, split, mode, reply](const Result<TraefikNaming::Version> &v) {
        if (reply.isCancelled())
            return;
        if (!v)
            return reply(Error{v.error().kind,
                               tr("Cannot tell which Traefik version runs, so not which names "
                                  "its Swarm services have: %1; or set router.traefikVersion")
                                   .arg(v.error().message)});
        const TraefikNaming::Version version = v.value();
        auto write = [this, appRoute, split, version, mode, reply] {
            m_writer->writeWeights(appRoute, split, version, mode,
                                   [reply](const Result<WriteOutcome> &r) { reply(r); });
        };
        if (mode == WriteMode::DryRun || m_config.api.url.isEmpty())
            return write();
        awaitChildren(appRoute, split, version, QDeadlineTimer(m_config.childReadyTimeout), reply,
                      write);
    });
}

void TraefikRouter::awaitChildren(const TraefikAppRoute &route, const WeightSplit &split,
                                  TraefikNaming::Version version, const QDeadlineTimer &deadline,
                                  Reply<WriteOutcome> reply, std::function<void()> write)
{
    QStringList children;
    for (Color color : {Color::Blue, Color::Green}) {
        if (split.of(color) > 0)
            children << TraefikNaming::childServiceName(route.app, color, version);
    }
    auto notReady = std::make_shared<QStringList>();
    auto pending = std::make_shared<int>(int(children.size()));
    for (const QString &child : std::as_const(children)) {
        m_api->service(child, [=, this](const Result<TraefikService> &service) {
            if (reply.isCancelled())
                return;
            if (!service && service.error().kind == Error::Kind::NotFound)
                notReady->append(tr("Traefik does not know %1 yet").arg(child));
            else if (service && service.value().type == QLatin1String("loadbalancer") &&
                     !service.value().serverStatus.values().contains(QLatin1String("UP")))
                notReady->append(tr("Traefik shows no server of %1 UP yet").arg(child));
            if (--*pending > 0)
                return;
            if (notReady->isEmpty())
                return write();
            if (deadline.hasExpired())
                return reply(Error{
                    Error::Kind::Timeout,
                    tr("%1 after %2 s; nothing was written (users would get 503 from a color "
                       "without servers). Is the Swarm service running with its Traefik labels?")
                        .arg(notReady->join(QStringLiteral("; ")))
                        .arg(double(m_config.childReadyTimeout.count()) / 1000.0)});
            QTimer::singleShot(m_config.pollInterval, this, [=, this] {
                awaitChildren(route, split, version, deadline, reply, write);
            });
        });
    }
}

void TraefikRouter::confirmWeights(const QString &app, const WeightSplit &split,
                                   std::chrono::milliseconds timeout, Reply<WeightSplit> reply)
{
    auto state = std::make_shared<Poll>(
        Poll{route(app), split, timeout, QDeadlineTimer(timeout), reply, QString()});
    poll(state);
}

void TraefikRouter::poll(const std::shared_ptr<Poll> &state)
{
    if (state->reply.isCancelled())
        return;
    const QString name = weightedServiceName(state->route);
    m_api->service(name, [this, state](const Result<TraefikService> &weighted) {
        if (state->reply.isCancelled())
            return;
        if (!weighted) {
            if (weighted.error().kind == Error::Kind::NotFound)
                return judge(state, std::nullopt, {});
            // Refused credentials or an answer that is not Traefik's do not heal by waiting.
            if (weighted.error().kind == Error::Kind::Invalid)
                return state->reply(weighted.error());
            return again(state, weighted.error().message);
        }
        const TraefikService service = weighted.value();
        withVersion([this, state, service](const Result<TraefikNaming::Version> &version) {
            if (state->reply.isCancelled())
                return;
            if (!version)
                return again(state, version.error().message);
            checkChildren(state, version.value(), service);
        });
    });
}

void TraefikRouter::checkChildren(const std::shared_ptr<Poll> &state,
                                  TraefikNaming::Version version, const TraefikService &weighted)
{
    // Only worth asking for the children once the weights themselves are right.
    const Result<WeightSplit> inForce =
        TraefikWeights::fromChildren(state->route.app, weighted.children, weighted.name);
    if (!inForce || !(inForce.value() == state->expected) || !weighted.isWeighted())
        return judge(state, weighted, {});

    QList<Color> colors;
    for (Color color : {Color::Blue, Color::Green}) {
        if (state->expected.of(color) > 0)
            colors.append(color);
    }
    auto children = std::make_shared<QMap<Color, std::optional<TraefikService>>>();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, state, version, weighted, colors, children,
             weakNext = std::weak_ptr<std::function<void(qsizetype)>>(next)](qsizetype i) {
        if (state->reply.isCancelled())
            return;
        if (i >= colors.size())
            return judge(state, weighted, *children);
        const Color color = colors.at(i);
        const QString child = TraefikNaming::childServiceName(state->route.app, color, version);
        auto self = weakNext.lock();
        m_api->service(
            child, [this, state, children, color, i, self](const Result<TraefikService> &service) {
                if (state->reply.isCancelled())
                    return;
                if (!service && service.error().kind != Error::Kind::NotFound) {
                    if (service.error().kind == Error::Kind::Invalid)
                        return state->reply(service.error());
                    return again(state, service.error().message);
                }
                children->insert(color, service ? std::optional<TraefikService>(service.value())
                                                : std::nullopt);
                if (self)
                    (*self)(i + 1);
            });
    };
    (*next)(0);
}

void TraefikRouter::judge(const std::shared_ptr<Poll> &state,
                          const std::optional<TraefikService> &weighted,
                          const QMap<Color, std::optional<TraefikService>> &children)
{
    const TraefikWeights::Check check = TraefikWeights::check(
        state->route.app, state->expected, weighted, children, weightedServiceName(state->route));
    if (check.matches)
        return state->reply(check.inForce);
    again(state, check.difference);
}

void TraefikRouter::again(const std::shared_ptr<Poll> &state, const QString &difference)
{
    state->lastDifference = difference;
    if (state->deadline.hasExpired()) {
        state->reply(Error{Error::Kind::Timeout,
                           tr("Traefik did not put the weights of %1 in force within %2 s: %3")
                               .arg(state->route.app)
                               .arg(double(state->timeout.count()) / 1000.0)
                               .arg(difference)});
        return;
    }
    const auto wait = std::min<qint64>(m_config.pollInterval.count(),
                                       std::max<qint64>(0, state->deadline.remainingTime()));
    QTimer::singleShot(std::chrono::milliseconds(wait), this, [this, state] { poll(state); });
}

} // namespace optimist
