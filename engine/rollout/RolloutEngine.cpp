#include "RolloutEngine.h"

#include "EngineLog.h"

#include "analysis/CheckAnalyzer.h"
#include "ports/Clock.h"
#include "ports/ClusterPort.h"
#include "ports/HistoryStore.h"
#include "ports/MetricsPort.h"
#include "ports/RouterPort.h"

#include <QJsonArray>

#include <algorithm>
#include <memory>
#include <optional>

namespace optimist {

using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

QJsonObject weightsData(const QString &op, const WeightSplit &split)
{
    return {{QStringLiteral("op"), op},
            {QStringLiteral("blue"), split.blue},
            {QStringLiteral("green"), split.green}};
}

} // namespace

bool RolloutEngine::isPassing(const Error &error)
{
    return error.kind == Error::Kind::Unreachable || error.kind == Error::Kind::Timeout ||
           error.kind == Error::Kind::Conflict;
}

std::chrono::seconds RolloutEngine::retryDelay(int attempt)
{
    return kFirstRetryDelay * (1 << std::clamp(attempt - 1, 0, 10));
}

RolloutEngine::RolloutEngine(const RolloutPorts &ports, QObject *parent)
    : QObject(parent)
    , m_ports(ports)
{
    Q_ASSERT(ports.cluster && ports.router && ports.metrics && ports.clock && ports.store);
}

RolloutEngine::~RolloutEngine()
{
    // Replies and timers hold this engine as their context; cancelling makes sure none fires
    // into a half-destroyed object.
    m_operation.cancel();
}

// ---------------------------------------------------------------------------------------------
// Starting and recovering

Result<qint64> RolloutEngine::start(const RolloutRequest &request)
{
    if (isRunning())
        return Error{Error::Kind::Conflict,
                     tr("this engine is already running rollout #%1").arg(m_record.id)};
    if (request.app.trimmed().isEmpty())
        return Error{Error::Kind::Invalid, tr("app: no application given")};
    if (request.version.trimmed().isEmpty())
        return Error{Error::Kind::Invalid, tr("version: no version given")};
    const PlanIssues issues = request.plan.validate();
    if (!issues.isEmpty()) {
        QStringList lines;
        for (const PlanIssue &issue : issues)
            lines << issue.field + QStringLiteral(": ") + issue.message;
        return Error{Error::Kind::Invalid, lines.join(QLatin1Char('\n'))};
    }
    const auto unfinished = m_ports.store->unfinishedRollouts();
    if (!unfinished)
        return unfinished.error();
    for (const RolloutRecord &other : unfinished.value()) {
        if (other.app == request.app && other.environment == request.environment)
            return Error{Error::Kind::Conflict,
                         tr("rollout #%1 of %2 (%3 → %4, started %5 by %6) is unfinished in state "
                            "%7; resume it with `optimist-cli resume %1` or roll it back with "
                            "`optimist-cli rollback %1`")
                             .arg(other.id)
                             .arg(other.app, other.fromVersion, other.toVersion,
                                  other.startedAt.toString(Qt::ISODate), other.operatorName,
                                  stateName(other.state))};
    }

    RolloutRecord record;
    record.app = request.app;
    record.environment = request.environment;
    record.toVersion = request.version;
    record.plan = request.plan;
    record.operatorName = request.operatorName;
    record.startedAt = m_ports.clock->now();
    record.state = RolloutState::Idle;
    const auto id = m_ports.store->createRollout(record);
    if (!id)
        return id.error();
    record.id = id.value();
    m_record = record;
    m_paused = false;
    m_storageBroken = false;
    m_canaryMayExist = false;
    m_failures = 0;
    m_resumeStep = 0;
    qCInfo(lcEngine) << "rollout" << m_record.id << "of" << m_record.app << "to"
                     << m_record.toVersion << "started";
    runPreChecks();
    return m_record.id;
}

Result<void> RolloutEngine::recover(qint64 rolloutId, RecoveryMode mode, const QString &who)
{
    if (isRunning())
        return Error{Error::Kind::Conflict,
                     tr("this engine is already running rollout #%1").arg(m_record.id)};
    const auto record = m_ports.store->rollout(rolloutId);
    if (!record)
        return record.error();
    if (record.value().finished())
        return Error{Error::Kind::Invalid,
                     tr("rollout #%1 already ended (%2): %3")
                         .arg(rolloutId)
                         .arg(outcomeName(record.value().state), record.value().reason)};
    m_record = record.value();
    m_paused = false;
    m_storageBroken = false;
    m_failures = 0;
    m_resumeStep = std::max(0, m_record.step);
    const QString how = mode == RecoveryMode::Resume ? tr("resume") : tr("roll back");
    if (!journal(
            JournalEvent::Kind::Operator,
            tr("%1 takes over interrupted rollout #%2 (last state %3, step %4) to %5")
                .arg(who)
                .arg(m_record.id)
                .arg(stateName(m_record.state))
                .arg(m_record.step + 1)
                .arg(how),
            {{QStringLiteral("recovery"),
              mode == RecoveryMode::Resume ? QStringLiteral("resume") : QStringLiteral("rollback")},
             {QStringLiteral("who"), who}}))
        return Error{Error::Kind::Storage, tr("the history store cannot be written")};

    readClusterAndRouter(
        [this, mode](const AppSnapshot &snapshot, const WeightSplit &split) {
            recoverRead(mode, snapshot, split);
        },
        [this](const QString &what, const Error &error) {
            finish(RolloutState::Failed,
                   tr("Recovery could not read %1: %2. The rollout is left as it was (last state "
                      "%3); try again when %1 answers.")
                       .arg(what, error.message, stateName(m_record.state)));
        });
    return {};
}

void RolloutEngine::recoverRead(RecoveryMode mode, const AppSnapshot &snapshot,
                                const WeightSplit &split)
{
    const RolloutState last = m_record.state;
    m_split = split;
    // PreChecks records the active and the canary color together with fromVersion; killed before
    // that, the record's colors are mere defaults (the canary may well be the color serving
    // 100%), and nothing has been changed yet.
    if ((last == RolloutState::Idle || last == RolloutState::PreChecks) &&
        m_record.fromVersion.isEmpty()) {
        m_canaryMayExist = false;
        journal(JournalEvent::Kind::Info,
                tr("Reconciled: the router shows %1; the rollout was interrupted before it chose "
                   "its colors, so nothing had been changed")
                    .arg(split.toString()),
                weightsData(QStringLiteral("reconcile"), split));
        if (mode == RecoveryMode::RollBack)
            rollBack(tr("interrupted in %1; rolled back on recovery").arg(stateName(last)));
        else
            runPreChecks();
        return;
    }

    const Color canary = m_record.canaryColor;
    const auto &canaryService = snapshot.of(canary);
    m_record.weight = split.of(canary);
    m_canaryMayExist = canaryService.has_value();
    journal(JournalEvent::Kind::Info,
            tr("Reconciled: the router shows %1; %2 %3")
                .arg(split.toString(), appColorName(canary),
                     canaryService ? tr("exists (%1, %2/%3 tasks running)")
                                         .arg(canaryService->version)
                                         .arg(canaryService->replicasRunning)
                                         .arg(canaryService->replicasDesired)
                                   : tr("does not exist")),
            weightsData(QStringLiteral("reconcile"), split));

    // Finalizing had begun removing the old color: with it gone, a rollback would send the
    // users to a removed service, so the rollout is finished instead.
    if (mode == RecoveryMode::RollBack && last == RolloutState::Finalizing &&
        !snapshot.of(m_record.activeColor) && canaryService && split.of(canary) == 100) {
        if (!journal(JournalEvent::Kind::Info,
                     tr("Cannot roll back: %1 (%2) was already removed while finalizing; "
                        "finishing the rollout on %3 instead")
                         .arg(appColorName(m_record.activeColor), m_record.fromVersion,
                              appColorName(canary))))
            return;
        runFinalize();
        return;
    }
    if (mode == RecoveryMode::RollBack || last == RolloutState::RollingBack) {
        rollBack(tr("interrupted in %1; rolled back on recovery").arg(stateName(last)));
        return;
    }
    switch (last) {
    case RolloutState::Idle:
    case RolloutState::PreChecks:
    case RolloutState::Migrating:
        if (canaryService)
            rollBack(tr("interrupted in %1, yet %2 exists; rolled back to be safe")
                         .arg(stateName(last), appColorName(canary)));
        else
            runPreChecks();
        return;
    case RolloutState::Deploying:
        if (canaryService)
            runWaitHealthy();
        else
            runDeploy();
        return;
    case RolloutState::Finalizing:
        if (split.of(canary) == 100) {
            runFinalize();
            return;
        }
        m_resumeStep = lastStep();
        break;
    default:
        break;
    }
    if (!canaryService) {
        rollBack(tr("%1 vanished while the rollout was interrupted").arg(appColorName(canary)));
        return;
    }
    runWaitHealthy();
}

// ---------------------------------------------------------------------------------------------
// Journal

bool RolloutEngine::journal(JournalEvent::Kind kind, const QString &message,
                            const QJsonObject &data)
{
    if (m_storageBroken)
        return false;
    if (kind == JournalEvent::Kind::Intent && dryRun())
        return true; // nothing will be written: the WouldDo line that follows says what
    JournalEvent event;
    event.rolloutId = m_record.id;
    event.at = m_ports.clock->now();
    event.kind = kind;
    event.state = m_record.state;
    event.step = m_record.step;
    event.weight = m_record.weight;
    event.message = message;
    event.data = data;
    const auto id = m_ports.store->appendEvent(event);
    if (!id) {
        storageFailed(id.error());
        return false;
    }
    event.id = id.value();
    Q_EMIT journaled(event);
    return true;
}

bool RolloutEngine::saveRecord()
{
    if (m_storageBroken)
        return false;
    const auto saved = m_ports.store->updateRollout(m_record);
    if (!saved) {
        storageFailed(saved.error());
        return false;
    }
    return true;
}

bool RolloutEngine::enter(RolloutState state, const QString &message)
{
    m_record.state = state;
    if (!saveRecord() || !journal(JournalEvent::Kind::State, message))
        return false;
    qCInfo(lcEngine) << "rollout" << m_record.id << stateName(state) << message;
    Q_EMIT stateChanged(state, m_record.step, m_record.weight);
    return true;
}

void RolloutEngine::storageFailed(const Error &error)
{
    // Without a journal no further effect may happen: stop where we are and say what is left.
    m_storageBroken = true;
    cancelOperation();
    const QString reason =
        tr("The history store failed (%1), so the rollout stopped in %2 without further "
           "changes. Last confirmed weights: %3. Check %4 and its weights before acting.")
            .arg(error.message, stateName(m_record.state), m_split.toString(), m_record.app);
    qCCritical(lcEngine) << reason;
    m_record.state = RolloutState::Failed;
    m_record.reason = reason;
    Q_EMIT stateChanged(RolloutState::Failed, m_record.step, m_record.weight);
    Q_EMIT finished(RolloutState::Failed, reason);
}

void RolloutEngine::finish(RolloutState finalState, const QString &reason)
{
    cancelOperation();
    m_heldStep = nullptr;
    m_record.reason = reason;
    m_record.endedAt = m_ports.clock->now();
    if (!enter(finalState, reason))
        return;
    Q_EMIT finished(finalState, reason);
}

void RolloutEngine::decide(Decision::Action action, const QString &reason)
{
    Decision decision;
    decision.at = m_ports.clock->now();
    decision.step = m_record.step;
    decision.weight = m_record.weight;
    decision.action = action;
    decision.reason = reason;
    if (!journal(JournalEvent::Kind::Decision, reason,
                 {{QStringLiteral("action"), Decision::actionName(action)}}))
        return;
    Q_EMIT decisionMade(decision);
}

// ---------------------------------------------------------------------------------------------
// PreChecks and Migrating: nothing is changed before the idle color is created

void RolloutEngine::runPreChecks()
{
    if (!enter(RolloutState::PreChecks,
               tr("Checking %1 before rolling out %2").arg(m_record.app, m_record.toVersion)))
        return;
    readClusterAndRouter(
        [this](const AppSnapshot &snapshot, const WeightSplit &split) {
            preChecksRead(snapshot, split);
        },
        [this](const QString &what, const Error &error) {
            finish(
                RolloutState::Failed,
                tr("PreChecks: cannot read %1: %2. Nothing was changed.").arg(what, error.message));
        },
        true);
}

void RolloutEngine::readClusterAndRouter(
    std::function<void(const AppSnapshot &, const WeightSplit &)> done,
    std::function<void(const QString &what, const Error &error)> failed, bool allowUnrouted)
{
    m_unrouted = false;
    // Both reads run at once; the first failure cancels the other.
    const CancelToken token = newOperation();
    auto snapshot = std::make_shared<std::optional<AppSnapshot>>();
    auto split = std::make_shared<std::optional<WeightSplit>>();
    auto proceed = [snapshot, split, done] {
        if (snapshot->has_value() && split->has_value())
            done(**snapshot, **split);
    };
    auto unreadable = [this, failed](const QString &what, const Error &error) {
        cancelOperation();
        failed(what, error);
    };
    m_ports.cluster->readApp(m_record.app, Reply<AppSnapshot>(
                                               this,
                                               [=](const Result<AppSnapshot> &r) {
                                                   if (!r)
                                                       return unreadable(tr("the cluster"),
                                                                         r.error());
                                                   *snapshot = r.value();
                                                   proceed();
                                               },
                                               token));
    m_ports.router->readWeights(
        m_record.app, Reply<WeightSplit>(
                          this,
                          [=, this](const Result<WeightSplit> &r) {
                              if (!r && allowUnrouted && r.error().kind == Error::Kind::NotFound) {
                                  m_unrouted = true;
                                  *split = WeightSplit{};
                                  return proceed();
                              }
                              if (!r)
                                  return unreadable(tr("the router"), r.error());
                              *split = r.value();
                              proceed();
                          },
                          token));
}

void RolloutEngine::preChecksRead(const AppSnapshot &snapshot, const WeightSplit &split)
{
    m_split = split;
    std::optional<Color> active;
    if (m_unrouted) {
        // The router holds nothing for the app yet (its first rollout with Optimist): the only
        // color running is the active one, at 100%. Nothing is written here; the first weight
        // change writes the weighted service (and its router) with both colors.
        if (snapshot.blue.has_value() == snapshot.green.has_value()) {
            finish(RolloutState::Failed,
                   tr("PreChecks: the router holds no weights for %1 yet and the cluster runs %2, "
                      "so the active color is unknown; keep only the color that serves the "
                      "traffic (%1-blue or %1-green) and start again. Nothing was changed.")
                       .arg(m_record.app, snapshot.blue ? tr("both colors") : tr("neither color")));
            return;
        }
        active = snapshot.blue ? Color::Blue : Color::Green;
        m_split = WeightSplit::canaryAt(otherColor(*active), 0);
        if (!journal(JournalEvent::Kind::Info,
                     tr("The router holds no weights for %1 yet: %2, its only color, is taken as "
                        "100% of the traffic; the first weight change adds %1 to the router")
                         .arg(m_record.app, appColorName(*active))))
            return;
    } else if (split.blue == 100) {
        active = Color::Blue;
    } else if (split.green == 100) {
        active = Color::Green;
    }
    if (!active) {
        finish(RolloutState::Failed,
               tr("PreChecks: the weights of %1 are %2, not 100% on one color; another rollout may "
                  "be running or was interrupted (see `optimist-cli status`). Nothing was changed.")
                   .arg(m_record.app, split.toString()));
        return;
    }
    const auto &activeService = snapshot.of(*active);
    if (!activeService) {
        finish(RolloutState::Failed,
               tr("PreChecks: %1 carries 100% of the traffic but does not exist in the cluster. "
                  "Nothing was changed.")
                   .arg(m_record.app + QLatin1Char('-') + colorName(*active)));
        return;
    }
    if (!activeService->healthy) {
        finish(RolloutState::Failed,
               tr("PreChecks: the active color %1 is not healthy (%2/%3 tasks running%4); fix it "
                  "before rolling out. Nothing was changed.")
                   .arg(activeService->serviceName)
                   .arg(activeService->replicasRunning)
                   .arg(activeService->replicasDesired)
                   .arg(activeService->healthDetail.isEmpty()
                            ? QString()
                            : QStringLiteral(": ") + activeService->healthDetail));
        return;
    }
    if (activeService->version == m_record.toVersion) {
        finish(RolloutState::Failed,
               tr("PreChecks: %1 already serves 100% of %2 on %3; nothing to roll out.")
                   .arg(m_record.toVersion, m_record.app, colorName(*active)));
        return;
    }
    m_record.activeColor = *active;
    m_record.canaryColor = otherColor(*active);
    m_record.fromVersion = activeService->version;
    if (!saveRecord())
        return;
    journal(JournalEvent::Kind::Info,
            tr("%1 serves %2 at 100%, %3/%4 tasks healthy; the new version goes to %5")
                .arg(activeService->serviceName, activeService->version)
                .arg(activeService->replicasRunning)
                .arg(activeService->replicasDesired)
                .arg(appColorName(m_record.canaryColor)));

    auto next = [this] {
        if (m_record.plan.hookCommand.isEmpty())
            runDeploy();
        else
            runMigration();
    };
    const auto &idle = snapshot.of(m_record.canaryColor);
    if (m_record.plan.reuseIdleColor) {
        if (!idle || idle->version != m_record.toVersion) {
            finish(RolloutState::Failed,
                   tr("PreChecks: there is no warm %1 running %2 to go back to (%3). Nothing was "
                      "changed.")
                       .arg(appColorName(m_record.canaryColor), m_record.toVersion,
                            idle ? tr("it runs %1").arg(idle->version) : tr("it was removed")));
            return;
        }
        if (!journal(JournalEvent::Kind::Info,
                     tr("%1 still runs %2 (kept warm): shifting the traffic back to it")
                         .arg(idle->serviceName, idle->version)))
            return;
        m_canaryMayExist = true;
        runWaitHealthy();
        return;
    }
    if (!idle) {
        next();
        return;
    }
    // The idle color carries no traffic (the active one has 100%): it is stale, e.g. kept warm
    // after an earlier rollout or left by a crash. Remove it before creating the new one.
    const WriteMode mode = dryRun() ? WriteMode::DryRun : WriteMode::Apply;
    if (!journal(
            JournalEvent::Kind::Intent,
            tr("Removing stale idle color %1 (%2, weight 0)").arg(idle->serviceName, idle->version),
            {{QStringLiteral("op"), QStringLiteral("remove")},
             {QStringLiteral("service"), idle->serviceName}}))
        return;
    m_ports.cluster->removeColor(
        m_record.app, m_record.canaryColor, mode,
        Reply<WriteOutcome>(
            this,
            [this, next](const Result<WriteOutcome> &r) {
                if (!r && r.error().kind != Error::Kind::NotFound) {
                    finish(RolloutState::Failed,
                           tr("PreChecks: the stale idle color %1 could not be removed: %2. "
                              "Nothing else was changed.")
                               .arg(appColorName(m_record.canaryColor), r.error().message));
                    return;
                }
                if (!journal(dryRun() ? JournalEvent::Kind::WouldDo : JournalEvent::Kind::Done,
                             r ? r.value().description : r.error().message))
                    return;
                next();
            },
            newOperation()));
}

void RolloutEngine::runMigration()
{
    const QString command = m_record.plan.hookCommand.join(QLatin1Char(' '));
    if (!enter(RolloutState::Migrating,
               tr("Running the pre-rollout hook `%1` with %2").arg(command, m_record.toVersion)))
        return;
    if (!journal(
            JournalEvent::Kind::Intent, tr("Starting the hook job `%1`").arg(command),
            {{QStringLiteral("op"), QStringLiteral("job")},
             {QStringLiteral("command"), QJsonArray::fromStringList(m_record.plan.hookCommand)}}))
        return;
    m_ports.cluster->runJob(
        m_record.app, m_record.toVersion, m_record.plan.hookCommand,
        seconds(m_record.plan.hookTimeoutSec), dryRun() ? WriteMode::DryRun : WriteMode::Apply,
        Reply<JobOutcome>(
            this,
            [this, command](const Result<JobOutcome> &r) {
                if (!r) {
                    finish(RolloutState::Failed,
                           tr("Migrating: the pre-rollout hook `%1` could not run: %2. Nothing "
                              "was deployed.")
                               .arg(command, r.error().message));
                    return;
                }
                if (dryRun()) {
                    if (journal(JournalEvent::Kind::WouldDo, r.value().description))
                        runDeploy();
                    return;
                }
                if (r.value().exitCode != 0) {
                    finish(RolloutState::Failed,
                           tr("Migrating: the pre-rollout hook `%1` exited with code %2; nothing "
                              "was deployed. Last output: %3")
                               .arg(command)
                               .arg(r.value().exitCode)
                               .arg(r.value().logTail.trimmed()));
                    return;
                }
                if (journal(JournalEvent::Kind::Done,
                            tr("The hook `%1` exited with code 0").arg(command)))
                    runDeploy();
            },
            newOperation()));
}

// ---------------------------------------------------------------------------------------------
// Deploying and WaitingHealthy

void RolloutEngine::runDeploy()
{
    const QString canary = appColorName(m_record.canaryColor);
    if (!enter(RolloutState::Deploying,
               tr("Creating %1 with %2 from the spec of %3")
                   .arg(canary, m_record.toVersion, appColorName(m_record.activeColor))))
        return;
    if (!journal(JournalEvent::Kind::Intent, tr("Creating %1").arg(canary),
                 {{QStringLiteral("op"), QStringLiteral("create")},
                  {QStringLiteral("service"), canary},
                  {QStringLiteral("version"), m_record.toVersion}}))
        return;
    m_canaryMayExist = !dryRun();
    m_ports.cluster->createColor(
        m_record.app, m_record.activeColor, m_record.canaryColor, m_record.toVersion,
        dryRun() ? WriteMode::DryRun : WriteMode::Apply,
        Reply<WriteOutcome>(
            this,
            [this, canary](const Result<WriteOutcome> &r) {
                if (!r) {
                    rollBack(tr("creating %1 failed: %2").arg(canary, r.error().message));
                    return;
                }
                if (!dryRun()) {
                    if (journal(JournalEvent::Kind::Done, r.value().description))
                        runWaitHealthy();
                    return;
                }
                if (!journal(JournalEvent::Kind::WouldDo, r.value().description) ||
                    !journal(JournalEvent::Kind::WouldDo,
                             tr("Would wait up to %1 s for %2 to be healthy")
                                 .arg(m_record.plan.healthTimeoutSec)
                                 .arg(canary)))
                    return;
                runShift(m_record.plan.force ? lastStep() : 0);
            },
            newOperation()));
}

void RolloutEngine::runWaitHealthy()
{
    const QString canary = appColorName(m_record.canaryColor);
    if (!enter(RolloutState::WaitingHealthy, tr("Waiting up to %1 s for %2 to be healthy")
                                                 .arg(m_record.plan.healthTimeoutSec)
                                                 .arg(canary)))
        return;
    m_ports.cluster->waitHealthy(
        m_record.app, m_record.canaryColor, seconds(m_record.plan.healthTimeoutSec),
        Reply<ColorService>(
            this,
            [this, canary](const Result<ColorService> &r) {
                if (!r) {
                    rollBack(tr("%1 never became healthy: %2").arg(canary, r.error().message));
                    return;
                }
                if (!journal(JournalEvent::Kind::Done, tr("%1 is healthy: %2/%3 tasks running")
                                                           .arg(canary)
                                                           .arg(r.value().replicasRunning)
                                                           .arg(r.value().replicasDesired)))
                    return;
                const int step = m_record.plan.force ? lastStep() : m_resumeStep;
                gate([this, step] { runShift(step); });
            },
            newOperation()));
}

// ---------------------------------------------------------------------------------------------
// Shifting, Observing, FinalValidation

void RolloutEngine::runShift(int step)
{
    const int weight = stepWeight(step);
    const WeightSplit target = WeightSplit::canaryAt(m_record.canaryColor, weight);
    m_record.step = step;
    if (!enter(RolloutState::Shifting, tr("Step %1 of %2: shifting %3% of the traffic to %4")
                                           .arg(step + 1)
                                           .arg(m_record.plan.steps.size())
                                           .arg(weight)
                                           .arg(m_record.toVersion)))
        return;
    if (!journal(JournalEvent::Kind::Intent, tr("Writing weights %1").arg(target.toString()),
                 weightsData(QStringLiteral("weights"), target)))
        return;
    writeStepWeights(step, 1);
}

void RolloutEngine::writeStepWeights(int step, int attempt)
{
    const WeightSplit target = WeightSplit::canaryAt(m_record.canaryColor, stepWeight(step));
    const CancelToken token = newOperation();
    m_ports.router->writeWeights(
        m_record.app, target, dryRun() ? WriteMode::DryRun : WriteMode::Apply,
        Reply<WriteOutcome>(
            this,
            [this, step, attempt, target, token](const Result<WriteOutcome> &r) {
                if (!r) {
                    // The same absolute weights are written again, so a retry cannot
                    // half-apply anything; until one succeeds the traffic stays where the
                    // last confirmed step put it.
                    if (!isPassing(r.error())) {
                        rollBack(tr("writing weights %1 failed: %2")
                                     .arg(target.toString(), r.error().message));
                        return;
                    }
                    if (attempt >= kWeightWriteAttempts) {
                        const QString reason = tr("writing weights %1 failed %2 times in a row: %3")
                                                   .arg(target.toString())
                                                   .arg(attempt)
                                                   .arg(r.error().message);
                        decide(Decision::Action::RollBack, reason);
                        rollBack(reason);
                        return;
                    }
                    const seconds wait = retryDelay(attempt);
                    decide(Decision::Action::Hold,
                           tr("writing weights %1 failed (attempt %2 of %3): %4; holding at "
                              "%5%, retrying in %6 s")
                               .arg(target.toString())
                               .arg(attempt)
                               .arg(kWeightWriteAttempts)
                               .arg(r.error().message)
                               .arg(m_record.weight)
                               .arg(wait.count()));
                    m_ports.clock->schedule(
                        wait, this, [this, step, attempt] { writeStepWeights(step, attempt + 1); },
                        newOperation());
                    return;
                }
                if (dryRun()) {
                    if (journal(JournalEvent::Kind::WouldDo, r.value().description))
                        weightsConfirmed(step);
                    return;
                }
                if (!journal(JournalEvent::Kind::Done, r.value().description))
                    return;
                m_ports.router->confirmWeights(
                    m_record.app, target, seconds(m_record.plan.confirmTimeoutSec),
                    Reply<WeightSplit>(
                        this,
                        [this, step, target](const Result<WeightSplit> &c) {
                            if (!c) {
                                rollBack(tr("the router never showed weights %1 in force: %2")
                                             .arg(target.toString(), c.error().message));
                                return;
                            }
                            m_split = c.value();
                            weightsConfirmed(step);
                        },
                        token));
            },
            token));
}

void RolloutEngine::weightsConfirmed(int step)
{
    const int weight = stepWeight(step);
    m_passes = 0;
    m_inconclusiveRun = 0;
    m_checkIndex = 0;
    if (dryRun()) {
        const QString what = m_record.plan.force
                                 ? tr("Would finalize at once (--force skips the checks)")
                                 : tr("Would observe %1 check(s) of %2 s at %3%")
                                       .arg(m_record.plan.checksPerStep)
                                       .arg(m_record.plan.checkIntervalSec)
                                       .arg(weight);
        if (!journal(JournalEvent::Kind::WouldDo, what))
            return;
        if (m_record.plan.force)
            runFinalize();
        else
            advanceFrom(step);
        return;
    }
    m_record.weight = weight;
    m_record.maxWeight = std::max(m_record.maxWeight, weight);
    if (!saveRecord() ||
        !journal(JournalEvent::Kind::Done, tr("Weights in force: %1").arg(m_split.toString()),
                 weightsData(QStringLiteral("confirmed"), m_split)))
        return;
    Q_EMIT weightsChanged(m_split);
    if (m_record.plan.force) {
        runFinalize();
        return;
    }
    const bool final = weight == 100;
    if (!enter(final ? RolloutState::FinalValidation : RolloutState::Observing,
               final ? tr("Final validation at 100%: %1 check(s) of %2 s")
                           .arg(m_record.plan.checksPerStep)
                           .arg(m_record.plan.checkIntervalSec)
                     : tr("Observing %1% for %2 check(s) of %3 s")
                           .arg(weight)
                           .arg(m_record.plan.checksPerStep)
                           .arg(m_record.plan.checkIntervalSec)))
        return;
    beginCheck();
}

void RolloutEngine::beginCheck()
{
    const QDateTime from = m_ports.clock->now();
    Q_EMIT checkStarted(m_record.step, m_record.weight, m_checkIndex,
                        from.addSecs(m_record.plan.checkIntervalSec));
    m_ports.clock->schedule(
        seconds(m_record.plan.checkIntervalSec), this, [this, from] { checkWindowEnded(from); },
        newOperation());
}

void RolloutEngine::checkWindowEnded(const QDateTime &from)
{
    const QDateTime to = m_ports.clock->now();
    const int index = m_checkIndex++;
    m_ports.metrics->window(m_record.app, from, to,
                            Reply<MetricsWindow>(
                                this,
                                [this, from, to, index](const Result<MetricsWindow> &r) {
                                    if (r) {
                                        judge(CheckAnalyzer(m_record.plan)
                                                  .judge(r.value(), m_record.canaryColor,
                                                         m_record.step, m_record.weight, index));
                                        return;
                                    }
                                    // No data is never a pass: a window without metrics is
                                    // inconclusive.
                                    CheckResult check;
                                    check.step = m_record.step;
                                    check.weight = m_record.weight;
                                    check.index = index;
                                    check.at = to;
                                    check.canaryColor = m_record.canaryColor;
                                    check.verdict = Verdict::Inconclusive;
                                    check.window.from = from;
                                    check.window.to = to;
                                    check.reason =
                                        tr("metrics unavailable: %1").arg(r.error().message);
                                    check.failures << check.reason;
                                    judge(check);
                                },
                                newOperation()));
}

void RolloutEngine::judge(const CheckResult &check)
{
    const auto stored = m_ports.store->appendCheck(m_record.id, check);
    if (!stored) {
        storageFailed(stored.error());
        return;
    }
    m_record.canaryRequests += check.canary().requests;
    m_record.canaryErrors += check.canary().errors;
    if (!saveRecord())
        return;
    Q_EMIT checkCompleted(check);

    const RolloutPlan &plan = m_record.plan;
    const int step = m_record.step;
    switch (check.verdict) {
    case Verdict::Fail:
        m_inconclusiveRun = 0;
        ++m_failures;
        if (m_failures >= plan.failureLimit) {
            decide(Decision::Action::RollBack, tr("check failed: %1").arg(check.reason));
            rollBack(check.reason);
            return;
        }
        decide(Decision::Action::Hold, tr("check failed (%1 of %2 allowed): %3")
                                           .arg(m_failures)
                                           .arg(plan.failureLimit - 1)
                                           .arg(check.reason));
        beginCheck();
        return;
    case Verdict::Inconclusive:
        ++m_inconclusiveRun;
        if (m_inconclusiveRun >= plan.inconclusiveLimit) {
            const QString reason = tr("%1 inconclusive checks in a row at %2%: %3")
                                       .arg(m_inconclusiveRun)
                                       .arg(m_record.weight)
                                       .arg(check.reason);
            decide(Decision::Action::RollBack, reason);
            rollBack(reason);
            return;
        }
        decide(Decision::Action::Hold, tr("inconclusive (%1 of %2): %3; holding at %4%")
                                           .arg(m_inconclusiveRun)
                                           .arg(plan.inconclusiveLimit)
                                           .arg(check.reason)
                                           .arg(m_record.weight));
        beginCheck();
        return;
    case Verdict::Pass:
        break;
    }
    m_inconclusiveRun = 0;
    ++m_passes;
    if (m_passes < plan.checksPerStep) {
        decide(Decision::Action::Hold, tr("check passed (%1 of %2): %3")
                                           .arg(m_passes)
                                           .arg(plan.checksPerStep)
                                           .arg(check.reason));
        beginCheck();
        return;
    }
    if (m_paused) {
        // Paused: keep judging, so a failure still rolls back, but do not advance.
        decide(Decision::Action::Hold, tr("check passed, holding at %1% while paused: %2")
                                           .arg(m_record.weight)
                                           .arg(check.reason));
        beginCheck();
        return;
    }
    const bool final = m_record.state == RolloutState::FinalValidation || step >= lastStep();
    decide(final ? Decision::Action::Finalize : Decision::Action::Advance,
           tr("check passed: %1").arg(check.reason));
    advanceFrom(step);
}

void RolloutEngine::advanceFrom(int step)
{
    if (step >= lastStep()) {
        runFinalize();
        return;
    }
    gate([this, step] { runShift(step + 1); });
}

void RolloutEngine::gate(std::function<void()> next)
{
    if (!m_paused) {
        next();
        return;
    }
    m_heldStep = std::move(next);
    journal(JournalEvent::Kind::Info, tr("Paused: holding before the next weight change"));
}

// ---------------------------------------------------------------------------------------------
// Finalizing

void RolloutEngine::runFinalize()
{
    const QString old = appColorName(m_record.activeColor);
    if (!enter(RolloutState::Finalizing,
               tr("Finalizing: %1 serves 100% on %2; draining %3 for %4 s")
                   .arg(m_record.toVersion, colorName(m_record.canaryColor), old)
                   .arg(m_record.plan.drainSec)))
        return;
    if (dryRun()) {
        if (journal(
                JournalEvent::Kind::WouldDo,
                tr("Would drain %1 for %2 s, then remove it").arg(old).arg(m_record.plan.drainSec)))
            finish(RolloutState::Succeeded,
                   tr("Dry run complete: every read was real, nothing was written."));
        return;
    }
    m_ports.clock->schedule(
        seconds(m_record.plan.drainSec), this, [this] { removeOldColor(); }, newOperation());
}

void RolloutEngine::removeOldColor()
{
    const QString old = appColorName(m_record.activeColor);
    const QString done =
        tr("%1 serves 100% of %2 on %3")
            .arg(m_record.toVersion, m_record.app, colorName(m_record.canaryColor));
    if (m_record.plan.rollbackWindowSec > 0) {
        m_record.warmUntil = m_ports.clock->now().addSecs(m_record.plan.rollbackWindowSec);
        if (!saveRecord())
            return;
        finish(RolloutState::Succeeded,
               tr("%1; %2 (%3) is kept warm at weight 0 until %4 for a one-click rollback")
                   .arg(done, old, m_record.fromVersion, m_record.warmUntil.toString(Qt::ISODate)));
        return;
    }
    if (!journal(
            JournalEvent::Kind::Intent, tr("Removing %1").arg(old),
            {{QStringLiteral("op"), QStringLiteral("remove")}, {QStringLiteral("service"), old}}))
        return;
    m_ports.cluster->removeColor(
        m_record.app, m_record.activeColor, WriteMode::Apply,
        Reply<WriteOutcome>(
            this,
            [this, done, old](const Result<WriteOutcome> &r) {
                if (!r && r.error().kind != Error::Kind::NotFound) {
                    journal(JournalEvent::Kind::Error, r.error().message);
                    finish(RolloutState::Succeeded,
                           tr("%1, but removing %2 failed: %3; the next rollout removes it, or "
                              "remove it by hand")
                               .arg(done, old, r.error().message));
                    return;
                }
                if (journal(JournalEvent::Kind::Done,
                            r ? r.value().description : tr("%1 was already gone").arg(old)))
                    finish(RolloutState::Succeeded, tr("%1; %2 removed").arg(done, old));
            },
            newOperation()));
}

// ---------------------------------------------------------------------------------------------
// RollingBack

void RolloutEngine::rollBack(const QString &reason)
{
    cancelOperation();
    m_heldStep = nullptr;
    m_record.reason = reason;
    const RolloutState from = m_record.state;
    if ((from == RolloutState::PreChecks || from == RolloutState::Migrating ||
         from == RolloutState::Idle) &&
        !m_canaryMayExist && m_record.maxWeight == 0) {
        finish(RolloutState::RolledBack, tr("%1; nothing had been changed").arg(reason));
        return;
    }
    if (!enter(RolloutState::RollingBack,
               tr("Rolling back to %1 on %2: %3")
                   .arg(m_record.fromVersion, colorName(m_record.activeColor), reason)))
        return;
    rollBackWeights(1);
}

void RolloutEngine::rollBackWeights(int attempt)
{
    const WeightSplit target = WeightSplit::canaryAt(m_record.canaryColor, 0);
    if (!journal(JournalEvent::Kind::Intent,
                 tr("Writing weights %1 (attempt %2 of %3)")
                     .arg(target.toString())
                     .arg(attempt)
                     .arg(kWeightWriteAttempts),
                 weightsData(QStringLiteral("weights"), target)))
        return;
    const CancelToken token = newOperation();
    // @p written: the router took the weights, but did not show them in force.
    auto failed = [this, attempt, target](const QString &what, bool written) {
        if (attempt < kWeightWriteAttempts) {
            const seconds wait = retryDelay(attempt);
            journal(JournalEvent::Kind::Error, tr("%1 (attempt %2 of %3); retrying in %4 s")
                                                   .arg(what)
                                                   .arg(attempt)
                                                   .arg(kWeightWriteAttempts)
                                                   .arg(wait.count()));
            m_ports.clock->schedule(
                wait, this, [this, attempt] { rollBackWeights(attempt + 1); }, newOperation());
            return;
        }
        journal(JournalEvent::Kind::Error, what);
        const QString canary = appColorName(m_record.canaryColor);
        if (written) {
            finish(RolloutState::Failed,
                   tr("Rollback wrote weights %1 for %2 %3 times, but the router never showed "
                      "them in force (%4). Traffic may still reach %5; last confirmed weights: "
                      "%6. Check that Traefik runs, reads its provider and applies %1, then "
                      "remove %5 by hand.")
                       .arg(target.toString(), m_record.app)
                       .arg(kWeightWriteAttempts)
                       .arg(what, canary, m_split.toString()));
            return;
        }
        finish(RolloutState::Failed,
               tr("Rollback could not restore the weights after %1 attempts (%2). Traffic may "
                  "still reach %3; last confirmed weights: %4. Set the weights of %5 to %6 by "
                  "hand, then remove %3.")
                   .arg(kWeightWriteAttempts)
                   .arg(what, canary, m_split.toString(), m_record.app, target.toString()));
    };
    m_ports.router->writeWeights(
        m_record.app, target, dryRun() ? WriteMode::DryRun : WriteMode::Apply,
        Reply<WriteOutcome>(
            this,
            [this, target, token, failed](const Result<WriteOutcome> &r) {
                if (!r)
                    return failed(r.error().message, false);
                if (dryRun()) {
                    if (journal(JournalEvent::Kind::WouldDo, r.value().description))
                        rollBackRemoveCanary();
                    return;
                }
                if (!journal(JournalEvent::Kind::Done, r.value().description))
                    return;
                m_ports.router->confirmWeights(
                    m_record.app, target, seconds(m_record.plan.confirmTimeoutSec),
                    Reply<WeightSplit>(
                        this,
                        [this, failed](const Result<WeightSplit> &c) {
                            if (!c)
                                return failed(c.error().message, true);
                            m_split = c.value();
                            m_record.weight = 0;
                            if (!saveRecord() ||
                                !journal(JournalEvent::Kind::Done,
                                         tr("Weights in force: %1").arg(m_split.toString()),
                                         weightsData(QStringLiteral("confirmed"), m_split)))
                                return;
                            Q_EMIT weightsChanged(m_split);
                            rollBackRemoveCanary();
                        },
                        token));
            },
            token));
}

void RolloutEngine::rollBackRemoveCanary()
{
    if (!m_canaryMayExist) {
        finish(RolloutState::RolledBack, m_record.reason);
        return;
    }
    const QString canary = appColorName(m_record.canaryColor);
    const bool keep = m_record.plan.keepFailedColor;
    // Drain first, so no request in flight is cut off by the removal.
    m_ports.clock->schedule(
        seconds(m_record.plan.drainSec), this,
        [this, canary, keep] {
            if (!journal(JournalEvent::Kind::Intent,
                         keep ? tr("Scaling %1 to 0 (kept for debugging)").arg(canary)
                              : tr("Removing %1").arg(canary),
                         {{QStringLiteral("op"),
                           keep ? QStringLiteral("scale") : QStringLiteral("remove")},
                          {QStringLiteral("service"), canary}}))
                return;
            Reply<WriteOutcome> reply(
                this,
                [this, canary](const Result<WriteOutcome> &r) {
                    if (!r && r.error().kind != Error::Kind::NotFound) {
                        finish(RolloutState::Failed,
                               tr("Traffic is back 100% on %1 (%2), but removing %3 failed: %4. "
                                  "Remove %3 by hand.")
                                   .arg(colorName(m_record.activeColor), m_record.fromVersion,
                                        canary, r.error().message));
                        return;
                    }
                    if (journal(JournalEvent::Kind::Done,
                                r ? r.value().description : tr("%1 was already gone").arg(canary)))
                        finish(RolloutState::RolledBack, m_record.reason);
                },
                newOperation());
            if (keep)
                m_ports.cluster->scale(m_record.app, m_record.canaryColor, 0, WriteMode::Apply,
                                       reply);
            else
                m_ports.cluster->removeColor(m_record.app, m_record.canaryColor, WriteMode::Apply,
                                             reply);
        },
        newOperation());
}

// ---------------------------------------------------------------------------------------------
// Operator controls

Result<void> RolloutEngine::control(OperatorAction::Kind kind, const QString &who)
{
    OperatorAction action;
    action.rolloutId = m_record.id;
    action.at = m_ports.clock->now();
    action.who = who;
    action.kind = kind;
    return applyRequested(action);
}

Result<void> RolloutEngine::rejectControl(OperatorAction action, const QString &why)
{
    if (!m_storageBroken && action.rolloutId != 0) {
        if (action.id == 0) {
            action.status = OperatorAction::Status::Rejected;
            action.detail = why;
            m_ports.store->appendAction(action);
        } else {
            m_ports.store->setActionStatus(action.id, OperatorAction::Status::Rejected, why);
        }
    }
    return Error{Error::Kind::Conflict, why};
}

Result<void> RolloutEngine::applyRequested(const OperatorAction &requested)
{
    OperatorAction action = requested;
    const QString name = OperatorAction::kindName(action.kind);
    if (!isRunning())
        return rejectControl(action, tr("%1: no rollout is running").arg(name));
    const RolloutState s = m_record.state;
    const bool observing = s == RolloutState::Observing || s == RolloutState::FinalValidation;
    switch (action.kind) {
    case OperatorAction::Kind::Pause:
        if (m_paused)
            return rejectControl(action, tr("pause: the rollout is already paused"));
        if (s == RolloutState::RollingBack || s == RolloutState::Finalizing)
            return rejectControl(action,
                                 tr("pause: a rollout cannot be paused in %1").arg(stateName(s)));
        break;
    case OperatorAction::Kind::Resume:
        if (!m_paused)
            return rejectControl(action, tr("resume: the rollout is not paused"));
        break;
    case OperatorAction::Kind::Promote:
    case OperatorAction::Kind::PromoteFully:
        if (!observing)
            return rejectControl(action, tr("%1: only possible while a step is observed; the "
                                            "rollout is in %2")
                                             .arg(name, stateName(s)));
        break;
    case OperatorAction::Kind::Abort:
        if (s == RolloutState::RollingBack)
            return rejectControl(action, tr("abort: the rollout is already rolling back"));
        // The old color may already be draining or gone: sending traffic back to it could
        // route requests to a removed service.
        if (s == RolloutState::Finalizing)
            return rejectControl(action,
                                 tr("abort: %1 already serves 100% and the old color is being "
                                    "removed; once finished, roll back with `optimist-cli "
                                    "rollback` while the old color is kept warm")
                                     .arg(m_record.toVersion));
        break;
    }

    // Recorded before it takes effect, like every other change.
    if (action.id == 0) {
        action.status = OperatorAction::Status::Applied;
        const auto id = m_ports.store->appendAction(action);
        if (!id) {
            storageFailed(id.error());
            return id.error();
        }
        action.id = id.value();
    } else {
        const auto set =
            m_ports.store->setActionStatus(action.id, OperatorAction::Status::Applied, {});
        if (!set) {
            storageFailed(set.error());
            return set.error();
        }
    }
    if (!journal(JournalEvent::Kind::Operator, tr("%1 by %2").arg(name, action.who),
                 {{QStringLiteral("action"), name}, {QStringLiteral("who"), action.who}}))
        return Error{Error::Kind::Storage, tr("the history store cannot be written")};

    switch (action.kind) {
    case OperatorAction::Kind::Pause:
        m_paused = true;
        Q_EMIT pausedChanged(true);
        break;
    case OperatorAction::Kind::Resume: {
        m_paused = false;
        Q_EMIT pausedChanged(false);
        if (m_heldStep) {
            auto next = std::move(m_heldStep);
            m_heldStep = nullptr;
            next();
        } else if (observing && m_passes >= m_record.plan.checksPerStep) {
            cancelOperation();
            decide(s == RolloutState::FinalValidation ? Decision::Action::Finalize
                                                      : Decision::Action::Advance,
                   tr("resumed by %1 after the step had passed").arg(action.who));
            advanceFrom(m_record.step);
        }
        break;
    }
    case OperatorAction::Kind::Promote:
        cancelOperation();
        decide(s == RolloutState::FinalValidation ? Decision::Action::Finalize
                                                  : Decision::Action::Advance,
               tr("promoted by %1").arg(action.who));
        if (s == RolloutState::FinalValidation || m_record.step >= lastStep())
            runFinalize();
        else
            runShift(m_record.step + 1);
        break;
    case OperatorAction::Kind::PromoteFully:
        cancelOperation();
        decide(s == RolloutState::FinalValidation ? Decision::Action::Finalize
                                                  : Decision::Action::Advance,
               tr("promoted fully to 100% by %1").arg(action.who));
        if (s == RolloutState::FinalValidation)
            runFinalize();
        else
            runShift(lastStep());
        break;
    case OperatorAction::Kind::Abort:
        decide(Decision::Action::RollBack, tr("aborted by %1").arg(action.who));
        rollBack(tr("aborted by %1").arg(action.who));
        break;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

CancelToken RolloutEngine::newOperation()
{
    m_operation.cancel();
    m_operation = CancelToken();
    return m_operation;
}

void RolloutEngine::cancelOperation()
{
    m_operation.cancel();
    m_operation = CancelToken();
}

QString RolloutEngine::appColorName(Color color) const
{
    return m_record.app + QLatin1Char('-') + colorName(color);
}

} // namespace optimist
