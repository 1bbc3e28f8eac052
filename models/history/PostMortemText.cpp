#include "PostMortemText.h"

#include "common/DisplayText.h"

#include <cmath>

namespace optimist {

QString PostMortemText::figure(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

QString PostMortemText::outcomeSentence(const RolloutRecord &r)
{
    if (!r.finished())
        return tr("Unfinished (%1)").arg(DisplayText::state(r.state));
    const QString how = tr("%1 after %2")
                            .arg(DisplayText::outcome(outcomeName(r.state)),
                                 DisplayText::duration(qint64(std::llround(r.durationSec()))));
    return r.reason.isEmpty() ? how : tr("%1: %2").arg(how, r.reason);
}

QString PostMortemText::plan(const RolloutPlan &p)
{
    QStringList steps;
    for (int s : p.steps)
        steps << QString::number(s);
    QString text = tr("steps %1 %; %n check(s) of %2 s per step; bio-energy threshold %3; "
                      "limits: errors %4 %, latency %5 ms, CPU %6 %",
                      nullptr, p.checksPerStep)
                       .arg(steps.join(QLatin1Char('/')))
                       .arg(p.checkIntervalSec)
                       .arg(p.threshold)
                       .arg(p.maxErrorRatePct)
                       .arg(p.maxResponseTimeMs)
                       .arg(p.maxCpuPct);
    if (p.force)
        text += tr("; forced");
    if (p.dryRun)
        text += tr("; dry run");
    return text;
}

QString PostMortemText::step(int step, int weight)
{
    return step < 0 ? QString() : tr("Step %1 · %2 %").arg(step + 1).arg(weight);
}

QString PostMortemText::checkVerdict(const CheckResult &c)
{
    // The reason names the first failure and counts the others; the log shows them all.
    const QString why = c.failures.isEmpty() ? c.reason : c.failures.join(QStringLiteral("; "));
    return tr("%1: %2").arg(DisplayText::verdict(c.verdict), why);
}

QString PostMortemText::checkNumbers(const CheckResult &c, LatencyStatistic statistic)
{
    const QString latencyName =
        statistic == LatencyStatistic::Mean ? tr("mean latency") : tr("p95 latency");
    auto side = [&](const QString &role, const ColorMetrics &m, double bio, double latency) {
        return tr("%1 %2: bio-energy %3, errors %4 % (%5 of %6), %7 %8 ms, %9 req/s, CPU %10 %")
            .arg(role, DisplayText::color(m.color), figure(bio), figure(m.errorRatePct(), 2))
            .arg(m.errors)
            .arg(m.requests)
            .arg(latencyName, figure(latency, 0), figure(m.rps), figure(m.cpuPercent, 0));
    };
    QString text = side(tr("canary"), c.canary(), c.canaryBioEnergy, c.canaryLatencyMs) +
                   QStringLiteral("; ") +
                   side(tr("baseline"), c.baseline(), c.baselineBioEnergy, c.baselineLatencyMs);
    if (c.errorRate.performed || c.latency.performed)
        text += QStringLiteral("; ") +
                tr("error-rate test p = %1, latency test p = %2")
                    .arg(c.errorRate.performed ? figure(c.errorRate.pValue, 4) : tr("not run"),
                         c.latency.performed ? figure(c.latency.pValue, 4) : tr("not run"));
    return text;
}

QString PostMortemText::decisionAction(const QString &actionName)
{
    if (actionName == QLatin1String("advance"))
        return tr("Advance");
    if (actionName == QLatin1String("hold"))
        return tr("Hold");
    if (actionName == QLatin1String("rollback"))
        return tr("Roll back");
    if (actionName == QLatin1String("finalize"))
        return tr("Finalize");
    return actionName;
}

QString PostMortemText::eventKind(JournalEvent::Kind kind)
{
    switch (kind) {
    case JournalEvent::Kind::State:
        return tr("State");
    case JournalEvent::Kind::Intent:
        return tr("About to write");
    case JournalEvent::Kind::Done:
        return tr("Written");
    case JournalEvent::Kind::WouldDo:
        return tr("Would write");
    case JournalEvent::Kind::Decision:
        return tr("Decision");
    case JournalEvent::Kind::Operator:
        return tr("Operator");
    case JournalEvent::Kind::Error:
        return tr("Error");
    case JournalEvent::Kind::Info:
        break;
    }
    return tr("Note");
}

QString PostMortemText::operatorAction(const OperatorAction &a)
{
    QString kind;
    switch (a.kind) {
    case OperatorAction::Kind::Pause:
        kind = tr("pause");
        break;
    case OperatorAction::Kind::Resume:
        kind = tr("resume");
        break;
    case OperatorAction::Kind::Promote:
        kind = tr("promote to the next step");
        break;
    case OperatorAction::Kind::PromoteFully:
        kind = tr("promote fully");
        break;
    case OperatorAction::Kind::Abort:
        kind = tr("abort");
        break;
    }
    QString status;
    switch (a.status) {
    case OperatorAction::Status::Requested:
        status = tr("requested");
        break;
    case OperatorAction::Status::Applied:
        status = tr("applied");
        break;
    case OperatorAction::Status::Rejected:
        status = tr("rejected");
        break;
    }
    const QString text = tr("%1 asked to %2 — %3").arg(a.who, kind, status);
    return a.detail.isEmpty() ? text : tr("%1: %2").arg(text, a.detail);
}

QString PostMortemText::time(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
}

} // namespace optimist
