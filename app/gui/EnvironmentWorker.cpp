#include "EnvironmentWorker.h"

#include "config/Locations.h"
#include "config/RolloutLock.h"
#include "environments/EnvironmentMonitor.h"
#include "lease/LeaseBreakLog.h"
#include "lease/LeaseKeeper.h"
#include "lease/LeaseStore.h"
#include "ports/Clock.h"
#include "ports/ClusterPort.h"
#include "ports/HistoryStore.h"
#include "ports/RouterPort.h"
#include "profiles/ProfileLoader.h"
#include "rollout/RolloutEngine.h"
#include "sandbox/SandboxEnvironment.h"
#include "secrets/KeychainSecretStore.h"
#include "store/SqliteHistoryStore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace optimist {

namespace {

/// How long the sandbox keeps the previous version warm after a success, when its plan keeps
/// none: long enough to try one-click rollback, short enough not to linger in a demo.
constexpr int kSandboxRollbackWindowSec = 600;

} // namespace

EnvironmentWorker::EnvironmentWorker(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_poll(this)
{
    m_poll.setInterval(250);
    connect(&m_poll, &QTimer::timeout, this, &EnvironmentWorker::pollRequests);
}

EnvironmentWorker::~EnvironmentWorker()
{
    shutDown();
}

void EnvironmentWorker::shutDown()
{
    m_poll.stop();
    // Engines use the runtimes' ports and the store: they go first.
    for (auto &[id, r] : m_running) {
        r.engine->disconnect(this);
        delete r.engine;
        // Best effort before the process ends: a lease file goes at once; a Redis lease only
        // if the event loop still runs (else it expires, or is taken over at once on this
        // machine when the process has ended).
        if (r.lease)
            r.lease->release(Reply<bool>(nullptr, {}));
    }
    m_running.clear();
    // Monitors read the runtimes' ports.
    m_monitors.clear();
    for (auto &[name, runtime] : m_environments)
        runtime->saveState();
    m_environments.clear();
    m_store.reset();
}

void EnvironmentWorker::openStore()
{
    QDir().mkpath(m_dataDir);
    auto store = SqliteHistoryStore::open(Locations::historyDatabasePath(m_dataDir));
    if (!store) {
        Q_EMIT storeFailed(store.error().message);
        return;
    }
    m_store = std::move(store.value());
}

void EnvironmentWorker::openEnvironment(const EnvironmentRuntime::Options &options)
{
    auto opened = EnvironmentRuntime::open(options);
    if (!opened) {
        Q_EMIT environmentFailed(options.environment.isEmpty() ? QStringLiteral("sandbox")
                                                               : options.environment,
                                 opened.error().message);
        return;
    }
    std::shared_ptr<EnvironmentRuntime> runtime = std::move(opened.value());
    if (runtime->pendingSecrets().isEmpty())
        environmentReady(runtime);
    else
        readSecretsAndFinish(runtime);
}

void EnvironmentWorker::reopenProfile(const QString &filePath,
                                      const EnvironmentRuntime::Options &options)
{
    const auto profile = ProfileLoader::loadFile(filePath);
    if (!profile) {
        Q_EMIT environmentFailed(QFileInfo(filePath).completeBaseName(), profile.error().message);
        return;
    }
    EnvironmentRuntime::Options reopened = options;
    reopened.environment = profile.value().name;
    reopened.freshScenario.clear();
    reopened.sandboxApps.clear();
    openEnvironment(reopened);
}

void EnvironmentWorker::closeEnvironment(const QString &environment)
{
    unwatch(environment);
    m_environments.erase(environment);
    Q_EMIT environmentClosed(environment);
}

void EnvironmentWorker::refreshEnvironment(const QString &environment)
{
    const auto [first, last] = m_monitors.equal_range(environment);
    for (auto it = first; it != last; ++it)
        it->second->refreshNow();
}

void EnvironmentWorker::watch(EnvironmentRuntime *runtime)
{
    const QString name = runtime->name();
    // Applications sharing a cluster and router share a monitor; each simulated one has its own.
    struct Watched
    {
        ClusterPort *cluster = nullptr;
        RouterPort *router = nullptr;
        QStringList apps;
        SandboxEnvironment *sandbox = nullptr;
    };
    QList<Watched> watched;
    for (const EnvironmentProfile::Application &a : runtime->profile().applications) {
        const RolloutPorts ports = runtime->ports(nullptr, a.name);
        if (!ports.cluster || !ports.router)
            continue;
        auto same = std::find_if(watched.begin(), watched.end(), [&](const Watched &w) {
            return w.cluster == ports.cluster && w.router == ports.router;
        });
        if (same == watched.end()) {
            watched.append({ports.cluster, ports.router, {}, runtime->sandbox(a.name)});
            same = std::prev(watched.end());
        }
        same->apps << a.name;
    }
    for (const Watched &w : std::as_const(watched)) {
        auto monitor = std::make_unique<EnvironmentMonitor>(name, w.cluster, w.router, w.apps);
        connect(monitor.get(), &EnvironmentMonitor::applicationUpdated, this,
                &EnvironmentWorker::applicationUpdated);
        connect(monitor.get(), &EnvironmentMonitor::applicationRemoved, this,
                &EnvironmentWorker::applicationRemoved);
        connect(monitor.get(), &EnvironmentMonitor::connectionChanged, this,
                &EnvironmentWorker::connectionChanged);
        // The simulation says when it changed: the tree follows a rollout step by step. Queued:
        // the change is announced from inside the engine's call into the sandbox, which a read
        // must not interleave with.
        if (w.sandbox)
            connect(w.sandbox, &SandboxEnvironment::stateChanged, monitor.get(),
                    &EnvironmentMonitor::refreshNow, Qt::QueuedConnection);
        monitor->start();
        m_monitors.emplace(name, std::move(monitor));
    }
}

void EnvironmentWorker::unwatch(const QString &environment)
{
    m_monitors.erase(environment);
}

void EnvironmentWorker::readSecretsAndFinish(std::shared_ptr<EnvironmentRuntime> runtime)
{
    auto *keychain = new KeychainSecretStore(this);
    auto values = std::make_shared<QMap<QString, QString>>();
    auto failure = std::make_shared<QString>();
    auto outstanding = std::make_shared<int>(int(runtime->pendingSecrets().size()));
    const QMap<QString, QString> pending = runtime->pendingSecrets();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const QString field = it.key();
        keychain->read(it.value(), Reply<QString>(this, [=, this](const Result<QString> &r) {
                           if (r)
                               values->insert(field, r.value());
                           else if (failure->isEmpty())
                               *failure = tr("%1 (%2 of environment %3)")
                                              .arg(r.error().message, field, runtime->name());
                           if (--*outstanding > 0)
                               return;
                           keychain->deleteLater();
                           if (!failure->isEmpty()) {
                               Q_EMIT environmentFailed(runtime->name(), *failure);
                               return;
                           }
                           if (auto provided = runtime->provideSecrets(*values); !provided) {
                               Q_EMIT environmentFailed(runtime->name(), provided.error().message);
                               return;
                           }
                           environmentReady(runtime);
                       }));
    }
}

void EnvironmentWorker::environmentReady(std::shared_ptr<EnvironmentRuntime> runtime)
{
    QStringList apps;
    for (const EnvironmentProfile::Application &a : runtime->profile().applications)
        apps << a.name;
    const QString name = runtime->name();
    const bool simulated = runtime->sandbox() != nullptr;
    const bool insecureHttp = runtime->profile().allowInsecureHttp;
    // Reopened (Settings saved its profile): the old connections' monitors go with them; a
    // rollout running on them keeps them until it ends.
    unwatch(name);
    m_environments[name] = std::move(runtime);
    Q_EMIT environmentOpened(name, apps, simulated);
    Q_EMIT environmentSecurity(name, insecureHttp);
    watch(m_environments[name].get());

    if (!m_store)
        return;
    const auto unfinished = m_store->unfinishedRollouts();
    if (!unfinished)
        return;
    for (const RolloutRecord &r : unfinished.value()) {
        if (r.environment != name || m_running.count(r.id))
            continue;
        // A live process holding its lock runs it (optimist-cli, another window).
        if (RolloutLock::heldElsewhere(m_dataDir, r.id))
            continue;
        Q_EMIT unfinishedFound(r);
    }
}

QString EnvironmentWorker::nextVersion(const QString &version)
{
    static const QRegularExpression lastNumber(QStringLiteral("(\\d+)(\\D*)$"));
    const QRegularExpressionMatch m = lastNumber.match(version);
    if (!m.hasMatch())
        return version + QStringLiteral("-2");
    return version.left(m.capturedStart(1)) + QString::number(m.captured(1).toLongLong() + 1) +
           m.captured(2);
}

void EnvironmentWorker::proposeRollout(const QString &environment, const QString &app,
                                       const QString &who)
{
    const auto it = m_environments.find(environment);
    if (it == m_environments.end()) {
        Q_EMIT rolloutRejected(tr("environment %1 is not open").arg(environment));
        return;
    }
    EnvironmentRuntime *runtime = it->second.get();
    RolloutRequest request;
    request.environment = environment;
    request.app = app;
    request.plan = runtime->profile().plan;
    request.operatorName = who;

    QString current;
    if (SandboxEnvironment *sandbox = runtime->sandbox(app)) {
        const WeightSplit split = sandbox->writtenWeights();
        const Color serving = split.blue >= split.green ? Color::Blue : Color::Green;
        if (const auto &service = sandbox->service(serving))
            current = service->version;
        if (request.plan.rollbackWindowSec == 0)
            request.plan.rollbackWindowSec = kSandboxRollbackWindowSec;
    } else if (m_store) {
        RolloutQuery query;
        query.app = app;
        query.environment = environment;
        query.outcome = QStringLiteral("succeeded");
        query.limit = 1;
        if (const auto last = m_store->rollouts(query); last && !last.value().isEmpty())
            current = last.value().first().toVersion;
    }
    request.version = nextVersion(current.isEmpty() ? QStringLiteral("v1") : current);
    Q_EMIT rolloutProposed(request);
}

void EnvironmentWorker::startRollout(const RolloutRequest &request)
{
    start(request, false);
}

RolloutEngine *EnvironmentWorker::createEngine(EnvironmentRuntime *runtime, const QString &app)
{
    auto *engine = new RolloutEngine(runtime->ports(m_store.get(), app), this);
    // Read at emission: the engine knows its rollout's id before its first signal.
    auto id = [engine] { return engine->record().id; };
    connect(engine, &RolloutEngine::stateChanged, this,
            [=, this](RolloutState state, int step, int weight) {
                const RolloutRecord record = engine->record();
                relay([=, this] {
                    Q_EMIT stateChanged(record.id, state, step, weight);
                    Q_EMIT recordChanged(record.id, record);
                });
            });
    connect(engine, &RolloutEngine::weightsChanged, this, [=, this](const WeightSplit &split) {
        const qint64 rolloutId = id();
        relay([=, this] { Q_EMIT weightsChanged(rolloutId, split); });
    });
    connect(engine, &RolloutEngine::checkStarted, this,
            [=, this](int step, int weight, int index, const QDateTime &until) {
                const qint64 rolloutId = id();
                relay([=, this] { Q_EMIT checkStarted(rolloutId, step, weight, index, until); });
            });
    connect(engine, &RolloutEngine::checkCompleted, this, [=, this](const CheckResult &check) {
        const qint64 rolloutId = id();
        relay([=, this] { Q_EMIT checkCompleted(rolloutId, check); });
    });
    connect(engine, &RolloutEngine::decisionMade, this, [=, this](const Decision &decision) {
        const qint64 rolloutId = id();
        relay([=, this] { Q_EMIT decisionMade(rolloutId, decision); });
    });
    connect(engine, &RolloutEngine::pausedChanged, this, [=, this](bool paused) {
        const qint64 rolloutId = id();
        relay([=, this] { Q_EMIT pausedChanged(rolloutId, paused); });
    });
    connect(engine, &RolloutEngine::journaled, this, [=, this](const JournalEvent &event) {
        // The sandbox's state file follows the journal, for optimist-cli taking over.
        runtime->saveState();
        const qint64 rolloutId = id();
        relay([=, this] { Q_EMIT journaled(rolloutId, event); });
    });
    connect(engine, &RolloutEngine::finished, this,
            [=, this](RolloutState, const QString &) { engineFinished(engine); });
    return engine;
}

void EnvironmentWorker::start(const RolloutRequest &request, bool isRollback)
{
    const auto it = m_environments.find(request.environment);
    if (it == m_environments.end()) {
        Q_EMIT rolloutRejected(tr("environment %1 is not open").arg(request.environment));
        return;
    }
    const std::shared_ptr<EnvironmentRuntime> runtime = it->second;
    withLease(runtime, request.app, request.operatorName,
              [this, runtime, request, isRollback](LeaseKeeper *lease) {
                  launch(
                      runtime, request.app,
                      [&request](RolloutEngine *engine) { return engine->start(request); },
                      isRollback, lease);
              });
}

void EnvironmentWorker::recover(qint64 rolloutId, RecoveryMode mode, const QString &who)
{
    const auto record = m_store ? m_store->rollout(rolloutId)
                                : Result<RolloutRecord>(Error{Error::Kind::Storage, QString()});
    if (!record) {
        Q_EMIT rolloutRejected(tr("there is no rollout #%1").arg(rolloutId));
        return;
    }
    const auto it = m_environments.find(record.value().environment);
    if (it == m_environments.end()) {
        Q_EMIT rolloutRejected(tr("environment %1 is not open").arg(record.value().environment));
        return;
    }
    const std::shared_ptr<EnvironmentRuntime> runtime = it->second;
    const QString app = record.value().app;
    withLease(runtime, app, who, [this, runtime, app, rolloutId, mode, who](LeaseKeeper *lease) {
        launch(
            runtime, app,
            [&](RolloutEngine *engine) -> Result<qint64> {
                if (auto recovered = engine->recover(rolloutId, mode, who); !recovered)
                    return recovered.error();
                return rolloutId;
            },
            false, lease);
    });
}

void EnvironmentWorker::withLease(const std::shared_ptr<EnvironmentRuntime> &runtime,
                                  const QString &app, const QString &who,
                                  std::function<void(LeaseKeeper *)> go)
{
    LeaseStore *store = runtime->leases();
    if (!store) {
        Q_EMIT rolloutRejected(
            tr("environment %1 has no place for rollout leases; nothing was started")
                .arg(runtime->name()));
        return;
    }
    Lease wanted;
    wanted.environment = runtime->name();
    wanted.app = app;
    wanted.holder = LeaseHolder::current(who, QStringLiteral("optimist"));
    auto *keeper = new LeaseKeeper(store, wanted, runtime->leaseTtl(), this);
    keeper->acquire(Reply<bool>(keeper, [this, keeper, runtime, app, go](const Result<bool> &held) {
        if (!held) {
            keeper->deleteLater();
            // Never proceed unguarded: a lease that cannot be checked refuses the start.
            Q_EMIT rolloutRejected(
                tr("%1. Nothing was started: a rollout never runs without its lease.")
                    .arg(held.error().message));
            return;
        }
        if (!held.value()) {
            const QString message = LeaseKeeper::refusalText(*keeper->refusal(), runtime->name());
            keeper->deleteLater();
            Q_EMIT leaseRefused(runtime->name(), app, message);
            Q_EMIT rolloutRejected(message);
            return;
        }
        go(keeper);
    }));
}

void EnvironmentWorker::release(LeaseKeeper *keeper)
{
    if (!keeper)
        return;
    keeper->release(Reply<bool>(keeper, [keeper](const Result<bool> &) { keeper->deleteLater(); }));
}

bool EnvironmentWorker::launch(const std::shared_ptr<EnvironmentRuntime> &runtime,
                               const QString &app,
                               const std::function<Result<qint64>(RolloutEngine *)> &begin,
                               bool isRollback, LeaseKeeper *lease)
{
    if (!m_store) {
        release(lease);
        Q_EMIT rolloutRejected(tr("the history database is not open"));
        return false;
    }
    RolloutEngine *engine = createEngine(runtime.get(), app);
    m_holding = true;
    const auto id = begin(engine);
    m_holding = false;
    if (!id) {
        m_held.clear();
        delete engine;
        release(lease);
        Q_EMIT rolloutRejected(id.error().message);
        return false;
    }
    Q_EMIT rolloutStarted(id.value(), engine->record(), isRollback);
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (const auto &emitHeld : held)
        emitHeld();
    if (!engine->isRunning()) {
        release(lease);
        return true; // it ended at once (engineFinished reported it)
    }
    Running running;
    running.engine = engine;
    running.runtime = runtime;
    running.lease = lease;
    const qint64 rolloutId = id.value();
    if (lease)
        connect(lease, &LeaseKeeper::lost, this,
                [this, rolloutId](const QString &reason) { loseLease(rolloutId, reason); });
    QDir().mkpath(QDir(m_dataDir).filePath(QStringLiteral("locks")));
    running.lock = std::make_unique<QLockFile>(RolloutLock::path(m_dataDir, id.value()));
    running.lock->setStaleLockTime(0);
    running.lock->tryLock(0);
    m_running.emplace(id.value(), std::move(running));
    m_poll.start();
    return true;
}

void EnvironmentWorker::loseLease(qint64 rolloutId, const QString &reason)
{
    const auto it = m_running.find(rolloutId);
    if (it == m_running.end())
        return;
    RolloutEngine *engine = it->second.engine;
    const RolloutRecord record = engine->record();
    // Stop at once: destroying the engine cancels every operation under way, so nothing more
    // is written without the lease.
    engine->disconnect(this);
    delete engine;
    const std::shared_ptr<EnvironmentRuntime> runtime = it->second.runtime;
    if (it->second.lease)
        it->second.lease->deleteLater();
    m_running.erase(it);
    if (m_running.empty())
        m_poll.stop();
    runtime->saveState();
    const QString message =
        tr("Lost the lease: %1. Stopped here: nothing more is written. Rollout #%2 stays "
           "unfinished in %3 at %4%; once the lease is free, resume it or roll it back.")
            .arg(reason)
            .arg(record.id)
            .arg(stateName(record.state))
            .arg(record.weight);
    JournalEvent event;
    event.rolloutId = record.id;
    event.at = runtime->ports(m_store.get(), record.app).clock->now();
    event.kind = JournalEvent::Kind::Error;
    event.state = record.state;
    event.step = record.step;
    event.weight = record.weight;
    event.message = message;
    event.data = {{QStringLiteral("lease"), QStringLiteral("lost")},
                  {QStringLiteral("reason"), reason}};
    if (const auto id = m_store->appendEvent(event))
        event.id = id.value();
    Q_EMIT journaled(record.id, event);
    Q_EMIT leaseLost(record.id, message);
}

void EnvironmentWorker::breakLease(const QString &environment, const QString &app,
                                   const QString &who)
{
    const auto it = m_environments.find(environment);
    if (it == m_environments.end() || !it->second->leases()) {
        Q_EMIT rolloutRejected(tr("environment %1 is not open").arg(environment));
        return;
    }
    const std::shared_ptr<EnvironmentRuntime> runtime = it->second;
    LeaseStore *store = runtime->leases();
    store->read(
        app, Reply<std::optional<Lease>>(this, [=, this](const Result<std::optional<Lease>> &r) {
            if (!r)
                return Q_EMIT rolloutRejected(r.error().message);
            if (!r.value())
                return Q_EMIT leaseBroken(
                    environment, app,
                    tr("Nobody holds the rollout lease of %1 any more.").arg(app));
            const Lease broken = *r.value();
            store->release(
                app, broken.token, Reply<bool>(this, [=, this](const Result<bool> &released) {
                    if (!released)
                        return Q_EMIT rolloutRejected(released.error().message);
                    if (!released.value())
                        return Q_EMIT rolloutRejected(
                            tr("the lease of %1 changed meanwhile; it was not broken").arg(app));
                    LeaseBreakLog::record(m_dataDir, who, broken);
                    Q_EMIT leaseBroken(
                        environment, app,
                        tr("Broke the lease of %1 held by %2; its process stops advancing "
                           "at its next renewal.")
                            .arg(app, broken.holderText()));
                }));
        }));
}

void EnvironmentWorker::relay(std::function<void()> emit)
{
    if (m_holding)
        m_held.append(std::move(emit));
    else
        emit();
}

void EnvironmentWorker::control(qint64 rolloutId, OperatorAction::Kind kind, const QString &who)
{
    const auto it = m_running.find(rolloutId);
    if (it == m_running.end()) {
        Q_EMIT controlRejected(rolloutId, kind,
                               tr("rollout #%1 is not running here").arg(rolloutId));
        return;
    }
    if (const auto applied = it->second.engine->control(kind, who); !applied)
        Q_EMIT controlRejected(rolloutId, kind, applied.error().message);
}

void EnvironmentWorker::rollBackLastSuccess(const QString &environment, const QString &app,
                                            const QString &who)
{
    const auto it = m_environments.find(environment);
    if (it == m_environments.end() || !m_store) {
        Q_EMIT rolloutRejected(tr("environment %1 is not open").arg(environment));
        return;
    }
    EnvironmentRuntime *runtime = it->second.get();
    RolloutQuery query;
    query.app = app;
    query.environment = environment;
    query.outcome = QStringLiteral("succeeded");
    query.limit = 1;
    const auto last = m_store->rollouts(query);
    if (!last) {
        Q_EMIT rolloutRejected(last.error().message);
        return;
    }
    const QDateTime now = runtime->ports(m_store.get(), app).clock->now();
    if (last.value().isEmpty() || !last.value().first().warmUntil.isValid() ||
        last.value().first().warmUntil <= now || last.value().first().plan.dryRun) {
        Q_EMIT rolloutRejected(tr("no earlier version of %1 is still kept warm (a rollout keeps "
                                  "the old color for its rollback window)")
                                   .arg(app));
        return;
    }
    const RolloutRecord previous = last.value().first();
    RolloutRequest request;
    request.app = previous.app;
    request.environment = environment;
    request.version = previous.fromVersion;
    request.plan = runtime->profile().plan;
    request.plan.force = true;
    request.plan.reuseIdleColor = true;
    request.plan.rollbackWindowSec = 0;
    request.operatorName = who;
    start(request, true);
}

void EnvironmentWorker::pollRequests()
{
    if (!m_store)
        return;
    // Applying a control may end a rollout, and so change m_running.
    QList<qint64> ids;
    for (const auto &[id, running] : m_running)
        ids << id;
    for (const qint64 id : std::as_const(ids)) {
        const auto requested = m_store->actions(id, OperatorAction::Status::Requested);
        if (!requested)
            continue;
        for (const OperatorAction &action : requested.value()) {
            const auto it = m_running.find(id);
            if (it != m_running.end())
                it->second.engine->applyRequested(action);
        }
    }
}

void EnvironmentWorker::engineFinished(RolloutEngine *engine)
{
    const RolloutRecord record = engine->record();
    const auto it = m_running.find(record.id);
    const std::shared_ptr<EnvironmentRuntime> runtime =
        it != m_running.end() ? it->second.runtime : nullptr;
    if (runtime)
        runtime->saveState();
    // Requests nobody will apply any more are rejected, so their senders stop waiting.
    if (const auto pending = m_store->actions(record.id, OperatorAction::Status::Requested)) {
        for (const OperatorAction &a : pending.value())
            m_store->setActionStatus(a.id, OperatorAction::Status::Rejected,
                                     tr("the rollout had already ended"));
    }
    if (it != m_running.end()) {
        release(it->second.lease);
        m_running.erase(it);
    }
    if (m_running.empty())
        m_poll.stop();
    engine->deleteLater();

    relay([=, this] {
        Q_EMIT recordChanged(record.id, record);
        Q_EMIT finished(record.id, record.state, record.reason);
    });
    if (runtime && record.state == RolloutState::Succeeded && record.warmUntil.isValid()) {
        const qint64 rolloutId = record.id;
        Clock *clock = runtime->ports(m_store.get(), record.app).clock;
        const qint64 ms = std::max<qint64>(0, clock->now().msecsTo(record.warmUntil));
        clock->schedule(std::chrono::milliseconds(ms), this,
                        [this, rolloutId] { Q_EMIT rollbackWindowClosed(rolloutId); });
    }
}

} // namespace optimist
