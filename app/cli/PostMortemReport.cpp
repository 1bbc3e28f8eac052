#include "PostMortemReport.h"

#include "ports/HistoryStore.h"

#include <cmath>

namespace optimist {

namespace {

QString figure(double v, int decimals = 1)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString planText(const RolloutPlan &p)
{
    QStringList steps;
    for (int s : p.steps)
        steps << QString::number(s);
    QString text = PostMortemReport::tr("steps %1%; %2 check(s) of %3 s per step; bio-energy "
                                        "threshold %4; limits: errors %5%, latency %6 ms, CPU "
                                        "%7%; confidence %8%")
                       .arg(steps.join(QLatin1Char('/')))
                       .arg(p.checksPerStep)
                       .arg(p.checkIntervalSec)
                       .arg(p.threshold)
                       .arg(p.maxErrorRatePct)
                       .arg(p.maxResponseTimeMs)
                       .arg(p.maxCpuPct)
                       .arg(p.confidence * 100);
    if (p.force)
        text += PostMortemReport::tr("; --force");
    if (p.dryRun)
        text += PostMortemReport::tr("; --dry-run");
    return text;
}

} // namespace

Result<void> PostMortemReport::print(HistoryStore &store, qint64 id, CliPrinter &out)
{
    const auto record = store.rollout(id);
    if (!record)
        return record.error();
    const auto events = store.events(id);
    if (!events)
        return events.error();
    const auto checks = store.checks(id);
    if (!checks)
        return checks.error();
    const auto actions = store.actions(id);
    if (!actions)
        return actions.error();
    const RolloutRecord &r = record.value();

    if (out.json()) {
        QJsonObject head = CliPrinter::recordJson(r);
        head.insert(QStringLiteral("event"), QStringLiteral("rollout"));
        out.object(head);
        for (const JournalEvent &e : events.value())
            out.object(CliPrinter::eventJson(e));
        for (const CheckResult &c : checks.value())
            out.object(CliPrinter::checkJson(id, c));
        for (const OperatorAction &a : actions.value())
            out.object(CliPrinter::actionJson(a));
        return {};
    }

    out.line(tr("Rollout #%1 — %2 in %3: %4 → %5")
                 .arg(r.id)
                 .arg(r.app, r.environment, r.fromVersion.isEmpty() ? tr("?") : r.fromVersion,
                      r.toVersion));
    out.line(tr("Started %1 by %2%3")
                 .arg(r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                      r.operatorName,
                      r.finished()
                          ? tr(", ended after %1").arg(CliPrinter::duration(r.durationSec()))
                          : QString()));
    out.line(tr("Outcome: %1").arg(CliPrinter::outcomeText(r)));
    if (!r.reason.isEmpty())
        out.line(tr("Why: %1").arg(r.reason));
    out.line(tr("Traffic: the canary %1 reached %2%; it served %3 requests, %4 of them errors")
                 .arg(colorName(r.canaryColor))
                 .arg(r.maxWeight)
                 .arg(r.canaryRequests)
                 .arg(r.canaryErrors));
    out.line(tr("Plan: %1").arg(planText(r.plan)));

    out.line(QString());
    out.line(tr("Timeline"));
    for (const JournalEvent &e : events.value()) {
        const QString label = e.kind == JournalEvent::Kind::State
                                  ? stateName(e.state)
                                  : QStringLiteral("  ") + JournalEvent::kindName(e.kind);
        out.line(QStringLiteral("  %1  %2  %3")
                     .arg(CliPrinter::time(e.at), label.leftJustified(16), e.message));
    }

    out.line(QString());
    out.line(tr("Checks (canary | baseline)"));
    if (checks.value().isEmpty())
        out.line(tr("  none: the rollout ended before its first check window"));
    // Column by column over the rows below; a translation keeps the widths.
    out.line(tr("  time      step weight verdict          bio   err%%  lat ms  req/s  CPU%%  |    "
                "bio   err%%  lat ms  req/s")
                 .replace(QLatin1String("%%"), QLatin1String("%")));
    for (const CheckResult &c : checks.value()) {
        const ColorMetrics &k = c.canary();
        const ColorMetrics &b = c.baseline();
        out.line(QStringLiteral("  %1  %2 %3 %4 %5 %6 %7 %8 %9  | %10 %11 %12 %13")
                     .arg(CliPrinter::time(c.at))
                     .arg(c.step + 1, 4)
                     .arg(QString::number(c.weight) + QLatin1Char('%'), 6)
                     .arg(verdictName(c.verdict), -13)
                     .arg(figure(c.canaryBioEnergy), 6)
                     .arg(figure(k.errorRatePct(), 2), 6)
                     .arg(figure(c.canaryLatencyMs, 0), 7)
                     .arg(figure(k.rps), 6)
                     .arg(figure(k.cpuPercent, 0), 5)
                     .arg(figure(c.baselineBioEnergy), 6)
                     .arg(figure(b.errorRatePct(), 2), 6)
                     .arg(figure(c.baselineLatencyMs, 0), 7)
                     .arg(figure(b.rps), 6));
        out.line(QStringLiteral("            ") + c.reason);
        if (c.errorRate.performed || c.latency.performed)
            out.line(QStringLiteral("            ") +
                     tr("error-rate test p=%1, latency test p=%2")
                         .arg(c.errorRate.performed ? figure(c.errorRate.pValue, 4) : tr("not run"),
                              c.latency.performed ? figure(c.latency.pValue, 4) : tr("not run")));
    }

    if (!actions.value().isEmpty()) {
        out.line(QString());
        out.line(tr("Operator actions"));
        for (const OperatorAction &a : actions.value())
            out.line(QStringLiteral("  %1  %2 %3 (%4)%5")
                         .arg(CliPrinter::time(a.at), a.who, OperatorAction::kindName(a.kind),
                              OperatorAction::statusName(a.status),
                              a.detail.isEmpty() ? QString() : QStringLiteral(": ") + a.detail));
    }

    out.line(QString());
    out.line(tr("Decisions"));
    for (const JournalEvent &e : events.value())
        if (e.kind == JournalEvent::Kind::Decision)
            out.line(QStringLiteral("  %1  %2: %3")
                         .arg(CliPrinter::time(e.at),
                              e.data.value(QStringLiteral("action")).toString(), e.message));
    return {};
}

} // namespace optimist
