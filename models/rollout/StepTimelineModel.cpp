#include "StepTimelineModel.h"

#include "common/DisplayText.h"
#include "common/ModelRoles.h"
#include "rollout/RolloutEngine.h"

#include <QColor>
#include <QLocale>

#include <cmath>
#include <optional>
#include <utility>

namespace optimist {

namespace {

/// Batching window for dataChanged(): a burst of engine signals repaints once.
constexpr int kFlushIntervalMs = 40;

const QColor kPassColor(0x2e, 0x7d, 0x32);
const QColor kInconclusiveColor(0xf9, 0xa8, 0x25);
const QColor kFailColor(0xc6, 0x28, 0x28);
const QColor kAbortedColor(0xef, 0x6c, 0x00);
const QColor kActiveColor(0x15, 0x65, 0xc0);
const QColor kIdleColor(0x9e, 0x9e, 0x9e);

QString number(double value, int decimals = 1)
{
    if (std::isnan(value))
        return StepTimelineModel::tr("—", "no value");
    return QLocale().toString(value, 'f', decimals);
}

QString percent(double value, int decimals = 1)
{
    if (std::isnan(value))
        return number(value);
    return StepTimelineModel::tr("%1 %", "percentage").arg(number(value, decimals));
}

QString millis(double value)
{
    if (std::isnan(value))
        return number(value);
    return StepTimelineModel::tr("%1 ms").arg(number(value));
}

/// A plan's figure as it was given: 70, 0.5, 500.
QString planned(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QString versus(const QString &canary, const QString &baseline)
{
    return StepTimelineModel::tr("%1 vs %2", "canary vs baseline").arg(canary, baseline);
}

QString timeText(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    return QLocale().toString(at.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

QString dateTimeText(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           QLocale().toString(local.time(), QStringLiteral("HH:mm:ss"));
}

QColor verdictColor(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return kPassColor;
    case Verdict::Inconclusive:
        return kInconclusiveColor;
    case Verdict::Fail:
        break;
    }
    return kFailColor;
}

std::optional<Decision::Action> parseAction(const QString &text)
{
    for (Decision::Action action : {Decision::Action::Advance, Decision::Action::Hold,
                                    Decision::Action::RollBack, Decision::Action::Finalize}) {
        if (Decision::actionName(action) == text)
            return action;
    }
    return std::nullopt;
}

bool isNumberColumn(int column)
{
    return column >= StepTimelineModel::BioEnergyColumn && column < StepTimelineModel::ColumnCount;
}

} // namespace

StepTimelineModel::StepTimelineModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &StepTimelineModel::flushChanges);
}

StepTimelineModel::~StepTimelineModel() = default;

// ---------------------------------------------------------------------------------------------
// Structure: steps are top-level rows (internal id 0); a check row's internal id is its step + 1.

QModelIndex StepTimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    if (parent.internalId() == 0)
        return createIndex(row, column, quintptr(parent.row() + 1));
    return {};
}

QModelIndex StepTimelineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int StepTimelineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_steps.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_steps.at(parent.row()).checks.size());
}

int StepTimelineModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StepTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return stepData(index.row(), index.column(), role);
    return checkData(int(index.internalId() - 1), index.row(), index.column(), role);
}

QVariant StepTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case StepColumn:
            return tr("Step");
        case WeightColumn:
            return tr("Weight");
        case StateColumn:
            return tr("State");
        case StartedColumn:
            return tr("Started");
        case BioEnergyColumn:
            return tr("Bio-energy");
        case LatencyColumn:
            return m_plan.latencyStatistic == LatencyStatistic::Mean ? tr("Mean latency")
                                                                     : tr("p95 latency");
        case ErrorRateColumn:
            return tr("Error rate");
        case RpsColumn:
            return tr("Requests/s");
        case CpuColumn:
            return tr("CPU");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole && isNumberColumn(section))
        return tr("Canary vs baseline in the same check window");
    return {};
}

QHash<int, QByteArray> StepTimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(ColorRole, "color");
    names.insert(StepIndexRole, "stepIndex");
    names.insert(StepWeightRole, "stepWeight");
    names.insert(StepStateRole, "stepState");
    names.insert(StartedAtRole, "startedAt");
    names.insert(CheckIndexRole, "checkIndex");
    names.insert(VerdictRole, "verdict");
    names.insert(CheckReasonRole, "checkReason");
    names.insert(CheckFailuresRole, "checkFailures");
    names.insert(StepDecisionRole, "stepDecision");
    return names;
}

// ---------------------------------------------------------------------------------------------
// Data

QString StepTimelineModel::stepStateName(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return QStringLiteral("pending");
    case StepState::Shifting:
        return QStringLiteral("shifting");
    case StepState::Observing:
        return QStringLiteral("observing");
    case StepState::Passed:
        return QStringLiteral("passed");
    case StepState::Failed:
        return QStringLiteral("failed");
    case StepState::Aborted:
        return QStringLiteral("aborted");
    case StepState::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

QString StepTimelineModel::stepStateText(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return tr("Pending");
    case StepState::Shifting:
        return tr("Shifting");
    case StepState::Observing:
        return tr("Observing");
    case StepState::Passed:
        return tr("Passed");
    case StepState::Failed:
        return tr("Failed");
    case StepState::Aborted:
        return tr("Aborted");
    case StepState::Skipped:
        break;
    }
    return tr("Skipped");
}

QVariant StepTimelineModel::stepData(int stepIndex, int column, int role) const
{
    const StepRow &step = m_steps.at(stepIndex);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case StepColumn:
            return tr("Step %1").arg(stepIndex + 1);
        case WeightColumn:
            return percent(step.weight, 0);
        case StateColumn:
            return stepStateText(step.state);
        case StartedColumn:
            return timeText(step.startedAt);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column != StateColumn)
            return {};
        switch (step.state) {
        case StepState::Passed:
            return kPassColor;
        case StepState::Failed:
            return kFailColor;
        case StepState::Aborted:
            return kAbortedColor;
        case StepState::Shifting:
        case StepState::Observing:
            return kActiveColor;
        case StepState::Pending:
        case StepState::Skipped:
            return kIdleColor;
        }
        return {};
    case Qt::ToolTipRole:
        return stepToolTip(stepIndex, step);
    case Qt::TextAlignmentRole:
        if (column == WeightColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (Column(column)) {
        case StepColumn:
            return stepIndex;
        case WeightColumn:
            return step.weight;
        case StateColumn:
            return int(step.state);
        case StartedColumn:
            return step.startedAt;
        default:
            return {};
        }
    case StepIndexRole:
        return stepIndex;
    case StepWeightRole:
        return step.weight;
    case StepStateRole:
        return stepStateName(step.state);
    case StartedAtRole:
        return step.startedAt;
    case CheckIndexRole:
        return -1;
    case StepDecisionRole:
        return step.decision;
    default:
        return {};
    }
}

QVariant StepTimelineModel::checkData(int stepIndex, int checkIndex, int column, int role) const
{
    const StepRow &step = m_steps.at(stepIndex);
    const CheckRow &check = step.checks.at(checkIndex);
    const CheckResult &r = check.result;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case StepColumn:
            return tr("Check %1").arg(check.index + 1);
        case WeightColumn:
            return percent(check.weight, 0);
        case StateColumn:
            return check.judged ? DisplayText::verdict(r.verdict) : tr("Running…");
        case StartedColumn:
            return timeText(check.startedAt);
        case BioEnergyColumn:
            return check.judged ? versus(number(r.canaryBioEnergy), number(r.baselineBioEnergy))
                                : QVariant();
        case LatencyColumn:
            return check.judged ? versus(millis(r.canaryLatencyMs), millis(r.baselineLatencyMs))
                                : QVariant();
        case ErrorRateColumn:
            return check.judged ? versus(percent(r.canary().errorRatePct()),
                                         percent(r.baseline().errorRatePct()))
                                : QVariant();
        case RpsColumn:
            return check.judged ? versus(number(r.canary().rps), number(r.baseline().rps))
                                : QVariant();
        case CpuColumn:
            return check.judged
                       ? versus(percent(r.canary().cpuPercent), percent(r.baseline().cpuPercent))
                       : QVariant();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (column != StateColumn)
            return {};
        return check.judged ? verdictColor(r.verdict) : kActiveColor;
    case Qt::ToolTipRole:
        return checkToolTip(step, check);
    case Qt::TextAlignmentRole:
        if (column == WeightColumn || isNumberColumn(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (Column(column)) {
        case StepColumn:
            return check.index;
        case WeightColumn:
            return check.weight;
        case StateColumn:
            return check.judged ? int(r.verdict) : -1;
        case StartedColumn:
            return check.startedAt;
        case BioEnergyColumn:
            return check.judged ? QVariant(r.canaryBioEnergy) : QVariant();
        case LatencyColumn:
            return check.judged ? QVariant(r.canaryLatencyMs) : QVariant();
        case ErrorRateColumn:
            return check.judged ? QVariant(r.canary().errorRatePct()) : QVariant();
        case RpsColumn:
            return check.judged ? QVariant(r.canary().rps) : QVariant();
        case CpuColumn:
            return check.judged ? QVariant(r.canary().cpuPercent) : QVariant();
        case ColumnCount:
            break;
        }
        return {};
    case ColorRole:
        return int(r.canaryColor);
    case StepIndexRole:
        return stepIndex;
    case StepWeightRole:
        return check.weight;
    case StepStateRole:
        return check.judged ? QStringLiteral("judged") : QStringLiteral("running");
    case StartedAtRole:
        return check.startedAt;
    case CheckIndexRole:
        return check.index;
    case VerdictRole:
        return check.judged ? QVariant(int(r.verdict)) : QVariant();
    case CheckReasonRole:
        return check.judged ? r.reason : QString();
    case CheckFailuresRole:
        return r.failures;
    default:
        return {};
    }
}

QString StepTimelineModel::checkToolTip(const StepRow &, const CheckRow &check) const
{
    QStringList lines;
    if (!check.judged) {
        lines << tr("Check %1 at %2: running until %3")
                     .arg(check.index + 1)
                     .arg(percent(check.weight, 0), timeText(check.until));
        return lines.join(QLatin1Char('\n'));
    }
    const CheckResult &r = check.result;
    const ColorMetrics &canary = r.canary();
    const ColorMetrics &baseline = r.baseline();
    lines << tr("Check %1 at %2: %3")
                 .arg(check.index + 1)
                 .arg(percent(check.weight, 0), DisplayText::verdict(r.verdict));
    if (r.verdict == Verdict::Fail && !r.failures.isEmpty()) {
        for (const QString &failure : r.failures)
            lines << QStringLiteral("• ") + failure;
    } else if (!r.reason.isEmpty()) {
        lines << r.reason;
    }
    lines << tr("Canary (%1) vs baseline (%2):")
                 .arg(DisplayText::color(r.canaryColor), DisplayText::color(baseline.color));
    lines << tr("  Bio-energy: %1 (threshold %2)")
                 .arg(versus(number(r.canaryBioEnergy), number(r.baselineBioEnergy)),
                      planned(m_plan.threshold));
    lines << tr("  %1: %2 (limit %3)")
                 .arg(headerData(LatencyColumn, Qt::Horizontal).toString(),
                      versus(millis(r.canaryLatencyMs), millis(r.baselineLatencyMs)),
                      tr("%1 ms").arg(planned(m_plan.maxResponseTimeMs)));
    lines << tr("  Error rate: %1 (limit %2); %3 of %4 vs %5 of %6 requests")
                 .arg(
                     versus(percent(canary.errorRatePct(), 2), percent(baseline.errorRatePct(), 2)),
                     tr("%1 %", "percentage").arg(planned(m_plan.maxErrorRatePct)))
                 .arg(canary.errors)
                 .arg(canary.requests)
                 .arg(baseline.errors)
                 .arg(baseline.requests);
    lines << tr("  Requests/s: %1").arg(versus(number(canary.rps), number(baseline.rps)));
    lines << tr("  CPU: %1 (limit %2)")
                 .arg(versus(percent(canary.cpuPercent), percent(baseline.cpuPercent)),
                      tr("%1 %", "percentage").arg(planned(m_plan.maxCpuPct)));
    auto comparison = [](const QString &what, const Comparison &c) {
        if (!c.performed)
            return tr("%1 not compared: %2").arg(what, c.note);
        // A p-value that underflowed is a bound, not zero (as CheckAnalyzer words it).
        const QString p = c.pValue < 1e-15
                              ? QStringLiteral("p < 1e-15")
                              : QStringLiteral("p = ") + QLocale().toString(c.pValue, 'g', 2);
        return tr("%1: %2, %3%4")
            .arg(what, c.test, p, c.worse() ? tr(" (significantly worse)") : QString());
    };
    lines << comparison(tr("Error rate against the baseline"), r.errorRate);
    lines << comparison(tr("Latency against the baseline"), r.latency);
    lines << tr("Window: %1 – %2").arg(dateTimeText(r.window.from), dateTimeText(r.window.to));
    return lines.join(QLatin1Char('\n'));
}

QString StepTimelineModel::stepToolTip(int stepIndex, const StepRow &step) const
{
    QStringList lines;
    lines << tr("Step %1 of %2: %3 to the new version — %4")
                 .arg(stepIndex + 1)
                 .arg(m_steps.size())
                 .arg(percent(step.weight, 0), stepStateText(step.state));
    if (step.startedAt.isValid())
        lines << tr("Started %1").arg(dateTimeText(step.startedAt));
    int counts[3] = {0, 0, 0};
    for (const CheckRow &check : step.checks)
        if (check.judged)
            ++counts[int(check.result.verdict)];
    if (!step.checks.isEmpty())
        lines << tr("Checks: %1 passed, %2 inconclusive, %3 failed")
                     .arg(counts[int(Verdict::Pass)])
                     .arg(counts[int(Verdict::Inconclusive)])
                     .arg(counts[int(Verdict::Fail)]);
    if (!step.decision.isEmpty())
        lines << tr("Decision: %1").arg(step.decision);
    return lines.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------------------------------------
// Following the engine

void StepTimelineModel::follow(const RolloutEngine *engine)
{
    connect(engine, &RolloutEngine::journaled, this, &StepTimelineModel::journaled);
    connect(engine, &RolloutEngine::stateChanged, this, &StepTimelineModel::stateChanged);
    connect(engine, &RolloutEngine::checkStarted, this, &StepTimelineModel::checkStarted);
    connect(engine, &RolloutEngine::checkCompleted, this, &StepTimelineModel::checkCompleted);
    connect(engine, &RolloutEngine::decisionMade, this, &StepTimelineModel::decisionMade);
}

void StepTimelineModel::setPlan(const RolloutPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    m_steps.clear();
    for (int weight : plan.steps) {
        StepRow row;
        row.weight = weight;
        m_steps.append(row);
    }
    m_state = RolloutState::Idle;
    m_lastAt = {};
    m_dirty.clear();
    m_flushTimer.stop();
    endResetModel();
}

void StepTimelineModel::reset()
{
    beginResetModel();
    m_plan = RolloutPlan();
    m_steps.clear();
    m_state = RolloutState::Idle;
    m_lastAt = {};
    m_dirty.clear();
    m_flushTimer.stop();
    endResetModel();
}

void StepTimelineModel::journaled(const JournalEvent &event)
{
    if (event.at.isValid())
        m_lastAt = event.at;
}

void StepTimelineModel::stateChanged(RolloutState state, int step, int weight)
{
    m_state = state;
    if (state != RolloutState::Observing && state != RolloutState::FinalValidation)
        dropRunningChecks();
    switch (state) {
    case RolloutState::Shifting: {
        if (step < 0)
            return;
        for (int i = 0; i < step && i < m_steps.size(); ++i) {
            StepRow &earlier = m_steps[i];
            if (earlier.state == StepState::Pending)
                setStepState(i, StepState::Skipped);
            else if (earlier.state == StepState::Shifting || earlier.state == StepState::Observing)
                setStepState(i, StepState::Passed);
        }
        // The engine reports the weight still in force; the step's own weight is the plan's.
        StepRow &row = ensureStep(step, m_plan.steps.value(step, weight));
        if (!row.startedAt.isValid())
            row.startedAt = now();
        setStepState(step, StepState::Shifting);
        return;
    }
    case RolloutState::Observing:
    case RolloutState::FinalValidation: {
        if (step < 0)
            return;
        StepRow &row = ensureStep(step, weight);
        if (!row.startedAt.isValid())
            row.startedAt = now();
        setStepState(step, StepState::Observing);
        return;
    }
    case RolloutState::RollingBack:
    case RolloutState::RolledBack:
    case RolloutState::Failed: {
        const int active = activeStep();
        if (active >= 0)
            setStepState(active, stoppedState(active));
        return;
    }
    case RolloutState::Finalizing:
    case RolloutState::Succeeded: {
        const int active = activeStep();
        if (active >= 0)
            setStepState(active, StepState::Passed);
        return;
    }
    default:
        return;
    }
}

void StepTimelineModel::checkStarted(int step, int weight, int index, const QDateTime &until)
{
    if (step < 0)
        return;
    ensureStep(step, weight);
    CheckRow row;
    row.index = index;
    row.weight = weight;
    row.until = until;
    row.startedAt = until.addSecs(-m_plan.checkIntervalSec);
    appendCheckRow(step, row);
}

void StepTimelineModel::checkCompleted(const CheckResult &check)
{
    if (check.step < 0)
        return;
    StepRow &step = ensureStep(check.step, check.weight);
    // The row checkStarted() opened for this window, if it is still running.
    for (qsizetype i = step.checks.size() - 1; i >= 0; --i) {
        CheckRow &row = step.checks[i];
        if (row.index == check.index && !row.judged) {
            row.judged = true;
            row.result = check;
            row.weight = check.weight;
            touch(check.step, int(i));
            touch(check.step);
            return;
        }
    }
    CheckRow row;
    row.index = check.index;
    row.weight = check.weight;
    row.startedAt = check.window.from.isValid() ? check.window.from
                                                : check.at.addSecs(-m_plan.checkIntervalSec);
    row.until = check.at;
    row.judged = true;
    row.result = check;
    appendCheckRow(check.step, row);
}

void StepTimelineModel::decisionMade(const Decision &decision)
{
    if (decision.step < 0 || decision.step >= m_steps.size())
        return;
    m_steps[decision.step].decision = decision.reason;
    touch(decision.step);
    switch (decision.action) {
    case Decision::Action::Advance:
    case Decision::Action::Finalize:
        setStepState(decision.step, StepState::Passed);
        break;
    case Decision::Action::RollBack:
        setStepState(decision.step, stoppedState(decision.step));
        break;
    case Decision::Action::Hold:
        break;
    }
}

void StepTimelineModel::loadFromHistory(const RolloutRecord &record,
                                        const QList<JournalEvent> &events,
                                        const QList<CheckResult> &checks)
{
    beginResetModel();
    m_replaying = true;
    m_plan = record.plan;
    m_steps.clear();
    for (int weight : record.plan.steps) {
        StepRow row;
        row.weight = weight;
        m_steps.append(row);
    }
    m_state = RolloutState::Idle;
    m_lastAt = {};
    m_dirty.clear();
    m_flushTimer.stop();

    // A check is stored before the decision it leads to, and its window ends before that
    // decision is journaled: interleave the two lists by time to replay them in their order.
    qsizetype next = 0;
    auto checkComesFirst = [](const CheckResult &check, const JournalEvent &event) {
        if (!check.at.isValid() || !event.at.isValid())
            return false;
        return event.at > check.at ||
               (event.at == check.at && (event.kind == JournalEvent::Kind::Decision ||
                                         event.kind == JournalEvent::Kind::State));
    };
    for (const JournalEvent &event : events) {
        while (next < checks.size() && checkComesFirst(checks[next], event))
            checkCompleted(checks[next++]);
        journaled(event);
        if (event.kind == JournalEvent::Kind::State) {
            stateChanged(event.state, event.step, event.weight);
        } else if (event.kind == JournalEvent::Kind::Decision) {
            const auto action = parseAction(event.data.value(QStringLiteral("action")).toString());
            if (action) {
                Decision decision;
                decision.at = event.at;
                decision.step = event.step;
                decision.weight = event.weight;
                decision.action = *action;
                decision.reason = event.message;
                decisionMade(decision);
            }
        }
    }
    while (next < checks.size())
        checkCompleted(checks[next++]);
    // A journal that broke off (a failed store) still ends as the record says.
    if (record.finished() && m_state != record.state)
        stateChanged(record.state, record.step, record.weight);

    m_replaying = false;
    endResetModel();
}

// ---------------------------------------------------------------------------------------------
// Helpers

StepTimelineModel::StepRow &StepTimelineModel::ensureStep(int step, int weight)
{
    if (step >= m_steps.size()) {
        const int first = int(m_steps.size());
        if (!m_replaying)
            beginInsertRows({}, first, step);
        while (m_steps.size() <= step) {
            StepRow row;
            row.weight = weight;
            m_steps.append(row);
        }
        if (!m_replaying)
            endInsertRows();
    }
    return m_steps[step];
}

void StepTimelineModel::setStepState(int step, StepState state)
{
    if (step < 0 || step >= m_steps.size() || m_steps[step].state == state)
        return;
    m_steps[step].state = state;
    touch(step);
}

int StepTimelineModel::activeStep() const
{
    for (qsizetype i = m_steps.size() - 1; i >= 0; --i) {
        const StepState s = m_steps[i].state;
        if (s == StepState::Shifting || s == StepState::Observing)
            return int(i);
    }
    return -1;
}

StepTimelineModel::StepState StepTimelineModel::stoppedState(int step) const
{
    const QList<CheckRow> &checks = m_steps.at(step).checks;
    for (qsizetype i = checks.size() - 1; i >= 0; --i) {
        if (checks[i].judged)
            return checks[i].result.verdict == Verdict::Pass ? StepState::Aborted
                                                             : StepState::Failed;
    }
    return StepState::Aborted;
}

void StepTimelineModel::dropRunningChecks()
{
    for (qsizetype step = 0; step < m_steps.size(); ++step) {
        QList<CheckRow> &checks = m_steps[step].checks;
        for (qsizetype i = checks.size() - 1; i >= 0; --i) {
            if (checks[i].judged)
                continue;
            if (!m_replaying)
                beginRemoveRows(index(int(step), 0), int(i), int(i));
            checks.removeAt(i);
            if (!m_replaying)
                endRemoveRows();
            touch(int(step));
        }
    }
    // A running check is always its step's last row, so no other row moved: pending updates
    // still name the right rows (flushChanges() skips the removed ones).
}

void StepTimelineModel::appendCheckRow(int step, const CheckRow &row)
{
    QList<CheckRow> &checks = m_steps[step].checks;
    const int at = int(checks.size());
    if (!m_replaying)
        beginInsertRows(index(step, 0), at, at);
    checks.append(row);
    if (!m_replaying)
        endInsertRows();
    touch(step); // its tooltip counts the checks
}

void StepTimelineModel::touch(int step, int check)
{
    if (m_replaying)
        return;
    m_dirty.insert({step, check});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void StepTimelineModel::flushChanges()
{
    const QSet<QPair<int, int>> dirty = std::exchange(m_dirty, {});
    for (const auto &[step, check] : dirty) {
        if (step >= m_steps.size())
            continue;
        if (check < 0) {
            Q_EMIT dataChanged(index(step, 0), index(step, ColumnCount - 1));
        } else if (check < m_steps[step].checks.size()) {
            const QModelIndex parent = index(step, 0);
            Q_EMIT dataChanged(index(check, 0, parent), index(check, ColumnCount - 1, parent));
        }
    }
}

} // namespace optimist
