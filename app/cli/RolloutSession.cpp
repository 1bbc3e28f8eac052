#include "RolloutSession.h"
#include "config/RolloutLock.h"

#include "ExitCode.h"
#include "UnixSignalNotifier.h"

#include "lease/LeaseKeeper.h"
#include "ports/Clock.h"
#include "ports/HistoryStore.h"
#include "runtime/EnvironmentRuntime.h"

#include <QDir>
#include <QFile>

namespace optimist {

RolloutSession::RolloutSession(EnvironmentRuntime &runtime, HistoryStore &store,
                               CliPrinter &printer, const QString &dataDir, const QString &who,
                               QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_store(store)
    , m_printer(printer)
    , m_dataDir(dataDir)
    , m_who(who)
    , m_engine(std::make_unique<RolloutEngine>(runtime.ports(&store)))
{
    RolloutEngine *engine = m_engine.get();
    connect(engine, &RolloutEngine::journaled, this, [this](const JournalEvent &e) {
        m_printer.journal(e);
        // Keep the sandbox's state file in step with the journal, for a process that takes over.
        m_runtime.saveState();
        m_killPoint.passed(e);
    });
    connect(engine, &RolloutEngine::checkStarted, this,
            [this](int, int weight, int index, const QDateTime &until) {
                // A window can last minutes: say what is being waited for.
                if (!m_printer.json())
                    m_printer.line(
                        QStringLiteral("%1      ").arg(CliPrinter::time(m_runtime.clock()->now())) +
                        tr("measuring check %1 at %2% until %3…")
                            .arg(index + 1)
                            .arg(weight)
                            .arg(CliPrinter::time(until)));
            });
    connect(engine, &RolloutEngine::checkCompleted, this,
            [this](const CheckResult &c) { m_printer.check(m_engine->record().id, c); });
    connect(engine, &RolloutEngine::decisionMade, this,
            [this](const Decision &d) { m_printer.decision(m_engine->record().id, d); });
    connect(engine, &RolloutEngine::finished, this,
            [this](RolloutState state) { onFinished(state); });
    m_poll.setInterval(250);
    connect(&m_poll, &QTimer::timeout, this, &RolloutSession::pollRequests);
}

RolloutSession::~RolloutSession() = default;

QString RolloutSession::lockPath(const QString &dataDir, qint64 id)
{
    return RolloutLock::path(dataDir, id);
}

bool RolloutSession::runningElsewhere(const QString &dataDir, qint64 id)
{
    return RolloutLock::heldElsewhere(dataDir, id);
}

void RolloutSession::withLease(const QString &environment, const QString &app,
                               std::function<Result<void>()> go)
{
    LeaseStore *store = m_runtime.leases();
    if (!store) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT failed(Error{Error::Kind::Other,
                                tr("the environment has no place for rollout leases; nothing "
                                   "was started")});
        });
        return;
    }
    Lease wanted;
    wanted.environment = environment;
    wanted.app = app;
    wanted.holder = LeaseHolder::current(m_who, QStringLiteral("optimist-cli"));
    m_lease = new LeaseKeeper(store, wanted, m_runtime.leaseTtl(), this);
    connect(m_lease, &LeaseKeeper::lost, this, &RolloutSession::leaseLost);
    m_lease->acquire(Reply<bool>(this, [this, environment, go](const Result<bool> &held) {
        if (!held) {
            // Never proceed unguarded: a lease that cannot be checked refuses the start.
            Q_EMIT failed(Error{held.error().kind,
                                tr("%1. Nothing was started: a rollout never runs without its "
                                   "lease.")
                                    .arg(held.error().message)});
            return;
        }
        if (!held.value()) {
            Q_EMIT failed(Error{Error::Kind::Conflict,
                                LeaseKeeper::refusalText(*m_lease->refusal(), environment)});
            return;
        }
        const auto went = go();
        if (!went) {
            const Error error = went.error();
            m_lease->release(
                Reply<bool>(this, [this, error](const Result<bool> &) { Q_EMIT failed(error); }));
        }
    }));
}

void RolloutSession::start(const RolloutRequest &request)
{
    withLease(request.environment, request.app, [this, request]() -> Result<void> {
        const auto id = m_engine->start(request);
        if (!id)
            return id.error();
        attach(id.value());
        return {};
    });
}

void RolloutSession::recover(const RolloutRecord &record, RecoveryMode mode)
{
    const qint64 rolloutId = record.id;
    withLease(record.environment, record.app, [this, rolloutId, mode]() -> Result<void> {
        attach(rolloutId);
        const auto recovered = m_engine->recover(rolloutId, mode, m_who);
        if (!recovered) {
            m_poll.stop();
            m_lock.reset();
        }
        return recovered;
    });
}

void RolloutSession::attach(qint64 id)
{
    QDir().mkpath(QDir(m_dataDir).filePath(QStringLiteral("locks")));
    m_lock = std::make_unique<QLockFile>(lockPath(m_dataDir, id));
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
    m_poll.start();
    m_signals = new UnixSignalNotifier(this);
    connect(m_signals, &UnixSignalNotifier::interrupted, this, [this] {
        if (++m_interrupts == 1 && m_engine && m_engine->isRunning()) {
            m_printer.line(tr("Interrupted: rolling back (interrupt again to stop at once and "
                              "leave the rollout to `optimist-cli resume` or `rollback`)."));
            m_engine->control(OperatorAction::Kind::Abort, m_who);
            return;
        }
        m_printer.line(
            tr("Stopped. The rollout is unfinished; continue it with "
               "`optimist-cli resume %1` or roll it back with `optimist-cli rollback %1`.")
                .arg(m_engine ? m_engine->record().id : 0));
        m_printer.flush();
        m_engine.reset(); // writes nothing more, so the lease can go at once
        end(ExitOtherError);
    });
}

void RolloutSession::leaseLost(const QString &reason)
{
    if (!m_engine || !m_engine->isRunning())
        return;
    const RolloutRecord record = m_engine->record();
    // Stop at once: destroying the engine cancels every operation it has under way, so no
    // further weight or cluster write is made without the lease.
    m_engine.reset();
    m_poll.stop();
    m_runtime.saveState();
    const QString message =
        tr("Lost the lease: %1. Stopped here: this process writes nothing more. Rollout #%2 stays "
           "unfinished in %3 at %4%; once the lease is free, continue it with `optimist-cli "
           "resume %2` or roll it back with `optimist-cli rollback %2`.")
            .arg(reason)
            .arg(record.id)
            .arg(stateName(record.state))
            .arg(record.weight);
    JournalEvent event;
    event.rolloutId = record.id;
    event.at = m_runtime.clock()->now();
    event.kind = JournalEvent::Kind::Error;
    event.state = record.state;
    event.step = record.step;
    event.weight = record.weight;
    event.message = message;
    event.data = {{QStringLiteral("lease"), QStringLiteral("lost")},
                  {QStringLiteral("reason"), reason}};
    if (const auto id = m_store.appendEvent(event))
        event.id = id.value();
    m_printer.journal(event);
    m_printer.flush();
    m_lock.reset();
    Q_EMIT done(ExitNeedsPerson);
}

void RolloutSession::end(int exitCode)
{
    if (m_ending)
        return;
    m_ending = true;
    m_lock.reset();
    if (!m_lease || !m_lease->isHeld()) {
        Q_EMIT done(exitCode);
        return;
    }
    m_lease->release(Reply<bool>(this, [this, exitCode](const Result<bool> &released) {
        if (!released)
            m_printer.line(tr("The lease could not be released (%1); it expires in %2 s.")
                               .arg(released.error().message)
                               .arg(m_lease->ttl().count() / 1000));
        m_printer.flush();
        Q_EMIT done(exitCode);
    }));
}

void RolloutSession::pollRequests()
{
    if (!m_engine || !m_engine->isRunning())
        return;
    const auto requested =
        m_store.actions(m_engine->record().id, OperatorAction::Status::Requested);
    if (!requested)
        return;
    for (const OperatorAction &action : requested.value()) {
        const auto applied = m_engine->applyRequested(action);
        m_printer.line(
            applied ? tr("%1 by %2 applied").arg(OperatorAction::kindName(action.kind), action.who)
                    : tr("%1 by %2 rejected: %3")
                          .arg(OperatorAction::kindName(action.kind), action.who,
                               applied.error().message));
    }
}

void RolloutSession::onFinished(RolloutState state)
{
    m_poll.stop();
    m_runtime.saveState();
    // Requests nobody will apply any more are rejected, so their senders stop waiting.
    if (const auto pending =
            m_store.actions(m_engine->record().id, OperatorAction::Status::Requested)) {
        for (const OperatorAction &a : pending.value())
            m_store.setActionStatus(a.id, OperatorAction::Status::Rejected,
                                    tr("the rollout had already ended"));
    }
    m_printer.finished(m_engine->record());
    m_printer.flush();
    end(exitCodeFor(state));
}

} // namespace optimist
