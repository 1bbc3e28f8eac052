#include "PostMortemExport.h"

#include "PostMortemText.h"

#include "analysis/BioEnergy.h"
#include "common/DisplayText.h"

#include <QBuffer>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace optimist {

namespace {

/// A table cell: no line breaks, pipes escaped.
QString cell(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    return text;
}

QString row(const QStringList &cells)
{
    QStringList escaped;
    for (const QString &c : cells)
        escaped << cell(c);
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString headerRow(const QStringList &cells)
{
    QString text = row(cells);
    QStringList rule;
    for (qsizetype i = 0; i < cells.size(); ++i)
        rule << QStringLiteral("---");
    return text + QStringLiteral("|") + rule.join(QLatin1Char('|')) + QStringLiteral("|\n");
}

QString utcTime(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString csvNumber(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', QLocale::FloatingPointShortest)
                                : QString();
}

QString figure(double value, int decimals = 1)
{
    return PostMortemText::figure(value, decimals);
}

qsizetype finalDecisionIndex(const PostMortem &p)
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < p.events.size(); ++i) {
        const JournalEvent &e = p.events.at(i);
        const QString action = e.data.value(QStringLiteral("action")).toString();
        if (e.kind == JournalEvent::Kind::Decision &&
            (action == QLatin1String("rollback") || action == QLatin1String("finalize")))
            index = i;
    }
    return index;
}

} // namespace

QString PostMortemExport::markdown(const PostMortem &p)
{
    const RolloutRecord &r = p.record;
    QString md;
    md += tr("# Rollout #%1 — %2 in %3: %4 → %5\n\n")
              .arg(r.id)
              .arg(r.app, r.environment, r.fromVersion.isEmpty() ? tr("?") : r.fromVersion,
                   r.toVersion);
    md += tr("- **Outcome:** %1\n").arg(PostMortemText::outcomeSentence(r));
    md += tr("- **Started:** %1 by %2\n").arg(utcTime(r.startedAt), r.operatorName);
    if (r.endedAt.isValid())
        md += tr("- **Ended:** %1\n").arg(utcTime(r.endedAt));
    md += tr("- **Traffic:** the canary (%1) reached %2 %; it served %3 requests, %4 of them "
             "errors\n")
              .arg(DisplayText::color(r.canaryColor))
              .arg(r.maxWeight)
              .arg(r.canaryRequests)
              .arg(r.canaryErrors);
    md += tr("- **Plan:** %1\n").arg(PostMortemText::plan(r.plan));

    const qsizetype finalIndex = finalDecisionIndex(p);
    if (finalIndex >= 0) {
        const JournalEvent &e = p.events.at(finalIndex);
        md += tr("- **Final decision:** %1 at %2 (%3): %4\n")
                  .arg(PostMortemText::decisionAction(
                           e.data.value(QStringLiteral("action")).toString()),
                       utcTime(e.at), PostMortemText::step(e.step, e.weight), e.message);
    }

    // Step timeline: each planned step, when its weights were written, its checks, its result.
    md += tr("\n## Step timeline\n\n");
    md += headerRow({tr("Step"), tr("Weight"), tr("Started"), tr("Checks"), tr("Result")});
    int lastReached = -1;
    for (const JournalEvent &e : p.events)
        if (e.step > lastReached)
            lastReached = e.step;
    for (int step = 0; step < r.plan.steps.size(); ++step) {
        QDateTime started;
        for (const JournalEvent &e : p.events)
            if (e.step == step && e.kind == JournalEvent::Kind::State &&
                e.state == RolloutState::Shifting) {
                started = e.at;
                break;
            }
        QStringList verdicts;
        bool failed = false;
        for (const CheckResult &c : p.checks)
            if (c.step == step) {
                verdicts << DisplayText::verdict(c.verdict);
                failed = failed || c.verdict == Verdict::Fail;
            }
        QString result;
        if (step > lastReached)
            result = tr("not reached");
        else if (failed)
            result = tr("failed");
        else if (step < lastReached || r.state == RolloutState::Succeeded)
            result = tr("passed");
        else if (r.finished())
            result = DisplayText::outcome(outcomeName(r.state)).toLower();
        else
            result = tr("in progress");
        md += row({QString::number(step + 1), QStringLiteral("%1 %").arg(r.plan.steps.at(step)),
                   utcTime(started), verdicts.isEmpty() ? tr("none") : verdicts.join(tr(", ")),
                   result});
    }

    md += tr("\n## Checks\n\n");
    if (p.checks.isEmpty()) {
        md += tr("None: the rollout ended before its first check window.\n");
    } else {
        md += headerRow({tr("Time"), tr("Step"), tr("Check"), tr("Verdict"), tr("Canary bio"),
                         tr("Canary err %"), tr("Canary latency ms"), tr("Canary req/s"),
                         tr("Canary CPU %"), tr("Baseline bio"), tr("Baseline err %"),
                         tr("Baseline latency ms"), tr("Baseline req/s"), tr("Reason")});
        for (const CheckResult &c : p.checks) {
            const ColorMetrics &k = c.canary();
            const ColorMetrics &b = c.baseline();
            md += row({utcTime(c.at), PostMortemText::step(c.step, c.weight),
                       QString::number(c.index + 1), DisplayText::verdict(c.verdict),
                       figure(c.canaryBioEnergy), figure(k.errorRatePct(), 2),
                       figure(c.canaryLatencyMs, 0), figure(k.rps), figure(k.cpuPercent, 0),
                       figure(c.baselineBioEnergy), figure(b.errorRatePct(), 2),
                       figure(c.baselineLatencyMs, 0), figure(b.rps),
                       c.failures.isEmpty() ? c.reason : c.failures.join(QStringLiteral("; "))});
        }
    }

    md += tr("\n## Decisions\n\n");
    bool anyDecision = false;
    for (qsizetype i = 0; i < p.events.size(); ++i) {
        const JournalEvent &e = p.events.at(i);
        if (e.kind != JournalEvent::Kind::Decision)
            continue;
        anyDecision = true;
        const QString action =
            PostMortemText::decisionAction(e.data.value(QStringLiteral("action")).toString());
        md += tr("- %1 %2 **%3**: %4%5\n")
                  .arg(utcTime(e.at), PostMortemText::step(e.step, e.weight), action, e.message,
                       i == finalIndex ? tr(" *(final)*") : QString());
    }
    if (!anyDecision)
        md += tr("None.\n");

    md += tr("\n## Operator actions\n\n");
    if (p.actions.isEmpty())
        md += tr("None.\n");
    for (const OperatorAction &a : p.actions)
        md += QStringLiteral("- %1 %2\n").arg(utcTime(a.at), PostMortemText::operatorAction(a));

    md += tr("\n## Journal\n\n");
    md += headerRow({tr("Time"), tr("State"), tr("Step"), tr("What"), tr("Message")});
    for (const JournalEvent &e : p.events)
        md +=
            row({utcTime(e.at), DisplayText::state(e.state), PostMortemText::step(e.step, e.weight),
                 PostMortemText::eventKind(e.kind), e.message});
    return md;
}

QString PostMortemExport::csv(const PostMortem &p)
{
    const RolloutPlan &plan = p.record.plan;
    QString text = QStringLiteral("time,window_start,color,weight_pct,requests,errors,rps,"
                                  "error_rate_pct,p95_ms,mean_ms,cpu_pct,bio_energy\n");
    for (const MetricsWindow &w : p.samples)
        for (const ColorMetrics *m : {&w.blue, &w.green})
            text += QStringList{utcTime(w.to),
                                utcTime(w.from),
                                colorName(m->color),
                                QString::number(m->weight),
                                QString::number(m->requests),
                                QString::number(m->errors),
                                csvNumber(m->rps),
                                csvNumber(m->errorRatePct()),
                                csvNumber(m->latencyP95Ms),
                                csvNumber(m->latencyMeanMs),
                                csvNumber(m->cpuPercent),
                                csvNumber(
                                    BioEnergy::score(*m, plan.latencyStatistic, plan.coefficients))}
                        .join(QLatin1Char(',')) +
                    QLatin1Char('\n');
    return text;
}

Result<void> PostMortemExport::writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            Error::Kind::Other,
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{
            Error::Kind::Other,
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    return {};
}

Result<void> PostMortemExport::writeMarkdown(const QString &path, const PostMortem &postMortem)
{
    return writeFile(path, markdown(postMortem).toUtf8());
}

Result<void> PostMortemExport::writeCsv(const QString &path, const PostMortem &postMortem)
{
    return writeFile(path, csv(postMortem).toUtf8());
}

Result<void> PostMortemExport::writePng(const QString &path, const QImage &image)
{
    if (image.isNull())
        return Error{Error::Kind::Invalid,
                     tr("Could not write %1: there is no chart image to save.")
                         .arg(QDir::toNativeSeparators(path))};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return Error{
            Error::Kind::Other,
            tr("Could not encode the charts as PNG for %1.").arg(QDir::toNativeSeparators(path))};
    return writeFile(path, bytes);
}

QString PostMortemExport::suggestedFileName(const RolloutRecord &r, Format format)
{
    const QString suffix = format == Format::Png        ? QStringLiteral("png")
                           : format == Format::Markdown ? QStringLiteral("md")
                                                        : QStringLiteral("csv");
    const QString outcome = r.finished() ? outcomeName(r.state) : QStringLiteral("unfinished");
    QString app = r.app;
    app.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QStringLiteral("%1-%2-%3.%4").arg(app).arg(r.id).arg(outcome, suffix);
}

} // namespace optimist
