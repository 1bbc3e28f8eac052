#include "RolloutSession.h"
#include "config/RolloutLock.h"

#include "ExitCode.h"
#include "UnixSignalNotifier.h"

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
    , m_engine(runtime.ports(&store))
{
    connect(&m_engine, &RolloutEngine::journaled, this, [this](const JournalEvent &e) {
        m_printer.journal(e);
        // Keep the sandbox's state file in step with the journal, for a process that takes over.
        m_runtime.saveState();
    });
    connect(&m_engine, &RolloutEngine::checkStarted, this,
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
    connect(&m_engine, &RolloutEngine::checkCompleted, this,
            [this](const CheckResult &c) { m_printer.check(m_engine.record().id, c); });
    connect(&m_engine, &RolloutEngine::decisionMade, this,
            [this](const Decision &d) { m_printer.decision(m_engine.record().id, d); });
    connect(&m_engine, &RolloutEngine::finished, this,
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

Result<qint64> RolloutSession::start(const RolloutRequest &request)
{
    const auto id = m_engine.start(request);
    if (id)
        attach(id.value());
    return id;
}

Result<void> RolloutSession::recover(qint64 rolloutId, RecoveryMode mode)
{
    attach(rolloutId);
    const auto recovered = m_engine.recover(rolloutId, mode, m_who);
    if (!recovered) {
        m_poll.stop();
        m_lock.reset();
    }
    return recovered;
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
        if (++m_interrupts == 1 && m_engine.isRunning()) {
            m_printer.line(tr("Interrupted: rolling back (interrupt again to stop at once and "
                              "leave the rollout to `optimist-cli resume` or `rollback`)."));
            m_engine.control(OperatorAction::Kind::Abort, m_who);
            return;
        }
        m_printer.line(
            tr("Stopped. The rollout is unfinished; continue it with "
               "`optimist-cli resume %1` or roll it back with `optimist-cli rollback %1`.")
                .arg(m_engine.record().id));
        m_printer.flush();
        Q_EMIT done(ExitOtherError);
    });
}

void RolloutSession::pollRequests()
{
    if (!m_engine.isRunning())
        return;
    const auto requested = m_store.actions(m_engine.record().id, OperatorAction::Status::Requested);
    if (!requested)
        return;
    for (const OperatorAction &action : requested.value()) {
        const auto applied = m_engine.applyRequested(action);
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
            m_store.actions(m_engine.record().id, OperatorAction::Status::Requested)) {
        for (const OperatorAction &a : pending.value())
            m_store.setActionStatus(a.id, OperatorAction::Status::Rejected,
                                    tr("the rollout had already ended"));
    }
    m_printer.finished(m_engine.record());
    m_printer.flush();
    m_lock.reset();
    Q_EMIT done(exitCodeFor(state));
}

} // namespace optimist
