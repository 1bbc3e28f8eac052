#include "RolloutController.h"

#include "EnvironmentWorker.h"

#include "config/SystemUser.h"

namespace optimist {

namespace {

bool isOneOf(RolloutState s, std::initializer_list<RolloutState> states)
{
    return std::find(states.begin(), states.end(), s) != states.end();
}

/// "blue (v1)", or "blue" while the version is not known yet.
QString colorWithVersion(Color color, const QString &version)
{
    return version.isEmpty() ? colorName(color)
                             : RolloutController::tr("%1 (%2)").arg(colorName(color), version);
}

} // namespace

RolloutController::RolloutController(const QString &dataDir, QObject *parent)
    : QObject(parent)
{
    registerMetaTypes();
    m_thread.setObjectName(QStringLiteral("optimist-environments"));
    m_worker = new EnvironmentWorker(dataDir);
    m_worker->moveToThread(&m_thread);
    connectWorker();
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->openStore(); }, Qt::QueuedConnection);
}

RolloutController::~RolloutController()
{
    // The worker, its engines, runtimes and clocks are destroyed on their own thread.
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            delete w;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void RolloutController::registerMetaTypes()
{
    qRegisterMetaType<RolloutState>("optimist::RolloutState");
    qRegisterMetaType<WeightSplit>("optimist::WeightSplit");
    qRegisterMetaType<CheckResult>("optimist::CheckResult");
    qRegisterMetaType<Decision>("optimist::Decision");
    qRegisterMetaType<JournalEvent>("optimist::JournalEvent");
    qRegisterMetaType<RolloutRecord>("optimist::RolloutRecord");
    qRegisterMetaType<RolloutRequest>("optimist::RolloutRequest");
    qRegisterMetaType<OperatorAction::Kind>("optimist::OperatorAction::Kind");
    qRegisterMetaType<RecoveryMode>("optimist::RecoveryMode");
    qRegisterMetaType<AppSnapshot>("optimist::AppSnapshot");
    qRegisterMetaType<ConnectionState>("optimist::ConnectionState");
}

QString RolloutController::operatorName()
{
    return SystemUser::name();
}

void RolloutController::connectWorker()
{
    EnvironmentWorker *w = m_worker;
    connect(w, &EnvironmentWorker::storeFailed, this, &RolloutController::storeFailed);
    connect(w, &EnvironmentWorker::environmentOpened, this,
            [this](const QString &name, const QStringList &apps, bool simulated) {
                m_applications.insert(name, apps);
                Q_EMIT environmentOpened(name, apps, simulated);
                Q_EMIT controlsChanged();
            });
    connect(w, &EnvironmentWorker::environmentFailed, this, &RolloutController::environmentFailed);
    connect(w, &EnvironmentWorker::environmentSecurity, this,
            &RolloutController::environmentSecurity);
    connect(w, &EnvironmentWorker::environmentClosed, this, [this](const QString &name) {
        m_applications.remove(name);
        if (m_warm.environment == name)
            m_warm = {}; // its previous version can no longer be reached from here
        Q_EMIT environmentClosed(name);
        Q_EMIT controlsChanged();
    });
    connect(w, &EnvironmentWorker::rolloutProposed, this, &RolloutController::rolloutProposed);
    connect(w, &EnvironmentWorker::applicationUpdated, this,
            &RolloutController::applicationUpdated);
    connect(w, &EnvironmentWorker::applicationRemoved, this,
            &RolloutController::applicationRemoved);
    connect(w, &EnvironmentWorker::connectionChanged, this, &RolloutController::connectionChanged);
    connect(w, &EnvironmentWorker::unfinishedFound, this, &RolloutController::unfinishedFound);
    connect(w, &EnvironmentWorker::rolloutRejected, this, [this](const QString &message) {
        m_starting = false;
        Q_EMIT rejected(message);
        Q_EMIT controlsChanged();
    });
    connect(w, &EnvironmentWorker::leaseRefused, this, &RolloutController::leaseRefused);
    connect(w, &EnvironmentWorker::leaseBroken, this, &RolloutController::leaseBroken);
    connect(w, &EnvironmentWorker::leaseLost, this, [this](qint64 id, const QString &message) {
        if (!follows(id))
            return;
        m_running = false;
        m_paused = false;
        Q_EMIT leaseLost(message);
        Q_EMIT controlsChanged();
    });
    connect(w, &EnvironmentWorker::controlRejected, this,
            [this](qint64 id, OperatorAction::Kind, const QString &message) {
                if (follows(id))
                    Q_EMIT rejected(message);
            });
    connect(w, &EnvironmentWorker::rolloutStarted, this,
            [this](qint64, const RolloutRecord &record, bool isRollback) {
                if (!m_starting)
                    return;
                m_starting = false;
                m_record = record;
                m_running = !record.finished();
                m_paused = false;
                m_isRollback = isRollback;
                m_split = WeightSplit::canaryAt(record.canaryColor, 0);
                if (isRollback)
                    m_warm = {}; // the warm version is being brought back
                Q_EMIT started(record);
                Q_EMIT controlsChanged();
            });
    connect(w, &EnvironmentWorker::rollbackWindowClosed, this, [this](qint64 id) {
        if (m_warm.id == id) {
            m_warm = {};
            Q_EMIT controlsChanged();
        }
    });
    connect(w, &EnvironmentWorker::recordChanged, this,
            [this](qint64 id, const RolloutRecord &record) {
                if (!follows(id))
                    return;
                m_record = record;
                Q_EMIT recordChanged(record);
            });
    connect(w, &EnvironmentWorker::stateChanged, this,
            [this](qint64 id, RolloutState state, int step, int weight) {
                if (!follows(id))
                    return;
                m_record.state = state;
                if (isFinal(state))
                    m_running = false; // finished() follows with the reason
                Q_EMIT stateChanged(state, step, weight);
                Q_EMIT controlsChanged();
            });
    connect(w, &EnvironmentWorker::weightsChanged, this,
            [this](qint64 id, const WeightSplit &split) {
                if (!follows(id))
                    return;
                m_split = split;
                Q_EMIT weightsChanged(split);
            });
    connect(w, &EnvironmentWorker::checkStarted, this,
            [this](qint64 id, int step, int weight, int index, const QDateTime &until) {
                if (follows(id))
                    Q_EMIT checkStarted(step, weight, index, until);
            });
    connect(w, &EnvironmentWorker::checkCompleted, this,
            [this](qint64 id, const CheckResult &check) {
                if (follows(id))
                    Q_EMIT checkCompleted(check);
            });
    connect(w, &EnvironmentWorker::decisionMade, this, [this](qint64 id, const Decision &decision) {
        if (follows(id))
            Q_EMIT decisionMade(decision);
    });
    connect(w, &EnvironmentWorker::pausedChanged, this, [this](qint64 id, bool paused) {
        if (!follows(id))
            return;
        m_paused = paused;
        Q_EMIT pausedChanged(paused);
        Q_EMIT controlsChanged();
    });
    connect(w, &EnvironmentWorker::journaled, this, [this](qint64 id, const JournalEvent &event) {
        if (follows(id))
            Q_EMIT journaled(event);
    });
    connect(w, &EnvironmentWorker::finished, this,
            [this](qint64 id, RolloutState state, const QString &reason) {
                if (!follows(id))
                    return;
                m_running = false;
                m_paused = false;
                m_record.state = state;
                if (state == RolloutState::Succeeded && m_record.warmUntil.isValid() &&
                    !m_record.plan.dryRun)
                    m_warm = m_record;
                Q_EMIT finished(state, reason);
                Q_EMIT controlsChanged();
            });
}

void RolloutController::openEnvironment(const EnvironmentRuntime::Options &options)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, options] { w->openEnvironment(options); }, Qt::QueuedConnection);
}

void RolloutController::breakLease(const QString &environment, const QString &app)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, environment, app, who = operatorName()] {
            w->breakLease(environment, app, who);
        },
        Qt::QueuedConnection);
}

void RolloutController::closeEnvironment(const QString &environment)
{
    if (const QString refusal = removalRefusal(environment); !refusal.isEmpty()) {
        Q_EMIT rejected(refusal);
        return;
    }
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, environment] { w->closeEnvironment(environment); },
        Qt::QueuedConnection);
}

QString RolloutController::removalRefusal(const QString &environment) const
{
    if (m_starting)
        return tr("A rollout is starting: %1 can be removed once it runs elsewhere or has ended.")
            .arg(environment);
    if (m_running && m_record.environment == environment)
        return tr("Rollout #%1 of %2 is running in %3: the environment can be removed once the "
                  "rollout has ended.")
            .arg(m_record.id)
            .arg(m_record.app, environment);
    return {};
}

void RolloutController::reopenProfile(const QString &filePath,
                                      const EnvironmentRuntime::Options &options)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, filePath, options] { w->reopenProfile(filePath, options); },
        Qt::QueuedConnection);
}

void RolloutController::refreshEnvironment(const QString &environment)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, environment] { w->refreshEnvironment(environment); },
        Qt::QueuedConnection);
}

void RolloutController::proposeRollout(const QString &environment, const QString &app)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, environment, app, who = operatorName()] {
            w->proposeRollout(environment, app, who);
        },
        Qt::QueuedConnection);
}

void RolloutController::startRollout(const RolloutRequest &request)
{
    if (!canStart()) {
        Q_EMIT rejected(m_running ? tr("rollout #%1 of %2 is still running; one rollout at a "
                                       "time")
                                        .arg(m_record.id)
                                        .arg(m_record.app)
                                  : tr("no environment is open"));
        return;
    }
    RolloutRequest r = request;
    if (r.operatorName.isEmpty())
        r.operatorName = operatorName();
    m_starting = true;
    Q_EMIT controlsChanged();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, r] { w->startRollout(r); }, Qt::QueuedConnection);
}

void RolloutController::recover(qint64 rolloutId, RecoveryMode mode)
{
    if (m_running || m_starting) {
        Q_EMIT rejected(tr("rollout #%1 of %2 is still running; one rollout at a time")
                            .arg(m_record.id)
                            .arg(m_record.app));
        return;
    }
    m_starting = true;
    Q_EMIT controlsChanged();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, rolloutId, mode, who = operatorName()] { w->recover(rolloutId, mode, who); },
        Qt::QueuedConnection);
}

void RolloutController::control(OperatorAction::Kind kind)
{
    if (!m_running) {
        Q_EMIT rejected(tr("%1: no rollout is running").arg(OperatorAction::kindName(kind)));
        return;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, id = m_record.id, kind, who = operatorName()] { w->control(id, kind, who); },
        Qt::QueuedConnection);
}

void RolloutController::rollback()
{
    if (m_running) {
        control(OperatorAction::Kind::Abort);
        return;
    }
    if (m_warm.id == 0 || m_starting) {
        Q_EMIT rejected(tr("nothing to roll back: no rollout runs and no previous version is "
                           "kept warm"));
        return;
    }
    m_starting = true;
    Q_EMIT controlsChanged();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, environment = m_warm.environment, app = m_warm.app, who = operatorName()] {
            w->rollBackLastSuccess(environment, app, who);
        },
        Qt::QueuedConnection);
}

bool RolloutController::canStart() const
{
    return !m_running && !m_starting && !m_applications.isEmpty();
}

bool RolloutController::canControl(OperatorAction::Kind kind) const
{
    if (!m_running)
        return false;
    const RolloutState s = m_record.state;
    switch (kind) {
    case OperatorAction::Kind::Pause:
        return !m_paused && !isOneOf(s, {RolloutState::RollingBack, RolloutState::Finalizing});
    case OperatorAction::Kind::Resume:
        return m_paused;
    case OperatorAction::Kind::Promote:
    case OperatorAction::Kind::PromoteFully:
        return isOneOf(s, {RolloutState::Observing, RolloutState::FinalValidation});
    case OperatorAction::Kind::Abort:
        return !isOneOf(s, {RolloutState::RollingBack, RolloutState::Finalizing});
    }
    return false;
}

bool RolloutController::canRollBack() const
{
    if (m_running)
        return canControl(OperatorAction::Kind::Abort);
    return !m_starting && m_warm.id != 0;
}

RolloutRecord RolloutController::rollbackTarget() const
{
    if (!canRollBack())
        return {};
    return m_running ? m_record : m_warm;
}

QString RolloutController::rollbackDescription() const
{
    if (!canRollBack())
        return {};
    const RolloutRecord &r = m_running ? m_record : m_warm;
    const QString back = colorWithVersion(r.activeColor, r.fromVersion);
    const QString remove = colorWithVersion(r.canaryColor, r.toVersion);
    if (m_running)
        return tr("Abort the rollout of %1 %2: shift 100% of %1's traffic back to %3 and remove "
                  "%4.")
            .arg(r.app, r.toVersion, back, remove);
    return tr("Shift 100% of %1's traffic back to %2 and remove %3.").arg(r.app, back, remove);
}

} // namespace optimist
