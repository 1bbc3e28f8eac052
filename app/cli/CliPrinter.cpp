#include "CliPrinter.h"

#include "core/MetricsJson.h"

#include <QJsonDocument>

#include <cmath>

namespace optimist {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(std::round(v * 1000.0) / 1000.0) : QJsonValue();
}

QString figure(double v, int decimals = 1)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

} // namespace

CliPrinter::CliPrinter(bool json, FILE *out)
    : m_json(json)
    , m_out(out)
{
}

QString CliPrinter::time(const QDateTime &at)
{
    return at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

QString CliPrinter::duration(double seconds)
{
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString CliPrinter::outcomeText(const RolloutRecord &record)
{
    switch (record.state) {
    case RolloutState::Succeeded:
        return record.plan.dryRun ? tr("DRY RUN COMPLETE") : tr("SUCCEEDED");
    case RolloutState::RolledBack:
        return tr("ROLLED BACK");
    case RolloutState::Failed:
        return tr("FAILED — needs a person");
    default:
        break;
    }
    return tr("UNFINISHED (%1)").arg(stateName(record.state));
}

QJsonObject CliPrinter::recordJson(const RolloutRecord &r)
{
    QJsonObject o{{QStringLiteral("rollout"), r.id},
                  {QStringLiteral("app"), r.app},
                  {QStringLiteral("environment"), r.environment},
                  {QStringLiteral("from"), r.fromVersion},
                  {QStringLiteral("to"), r.toVersion},
                  {QStringLiteral("activeColor"), colorName(r.activeColor)},
                  {QStringLiteral("canaryColor"), colorName(r.canaryColor)},
                  {QStringLiteral("operator"), r.operatorName},
                  {QStringLiteral("startedAt"), r.startedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("state"), stateName(r.state)},
                  {QStringLiteral("step"), r.step},
                  {QStringLiteral("weight"), r.weight},
                  {QStringLiteral("maxWeight"), r.maxWeight},
                  {QStringLiteral("reason"), r.reason},
                  {QStringLiteral("canaryRequests"), r.canaryRequests},
                  {QStringLiteral("canaryErrors"), r.canaryErrors},
                  {QStringLiteral("dryRun"), r.plan.dryRun},
                  {QStringLiteral("plan"), r.plan.toJson()}};
    if (r.finished()) {
        o.insert(QStringLiteral("outcome"), outcomeName(r.state));
        o.insert(QStringLiteral("endedAt"), r.endedAt.toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("durationSec"), number(r.durationSec()));
    }
    if (r.warmUntil.isValid())
        o.insert(QStringLiteral("warmUntil"), r.warmUntil.toString(Qt::ISODateWithMs));
    return o;
}

QJsonObject CliPrinter::eventJson(const JournalEvent &e)
{
    QJsonObject o{{QStringLiteral("event"), QStringLiteral("journal")},
                  {QStringLiteral("rollout"), e.rolloutId},
                  {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("kind"), JournalEvent::kindName(e.kind)},
                  {QStringLiteral("state"), stateName(e.state)},
                  {QStringLiteral("step"), e.step},
                  {QStringLiteral("weight"), e.weight},
                  {QStringLiteral("message"), e.message}};
    if (!e.data.isEmpty())
        o.insert(QStringLiteral("data"), e.data);
    return o;
}

QJsonObject CliPrinter::checkJson(qint64 rolloutId, const CheckResult &c)
{
    auto side = [](const ColorMetrics &m, double bio, double latency) {
        QJsonObject o = colorMetricsToJson(m);
        o.remove(QStringLiteral("latencySubsamplesMs"));
        o.insert(QStringLiteral("errorRatePct"), number(m.errorRatePct()));
        o.insert(QStringLiteral("bioEnergy"), number(bio));
        o.insert(QStringLiteral("latencyMs"), number(latency));
        return o;
    };
    return {
        {QStringLiteral("event"), QStringLiteral("check")},
        {QStringLiteral("rollout"), rolloutId},
        {QStringLiteral("at"), c.at.toString(Qt::ISODateWithMs)},
        {QStringLiteral("step"), c.step},
        {QStringLiteral("weight"), c.weight},
        {QStringLiteral("index"), c.index},
        {QStringLiteral("verdict"), verdictName(c.verdict)},
        {QStringLiteral("reason"), c.reason},
        {QStringLiteral("canary"), side(c.canary(), c.canaryBioEnergy, c.canaryLatencyMs)},
        {QStringLiteral("baseline"), side(c.baseline(), c.baselineBioEnergy, c.baselineLatencyMs)},
        {QStringLiteral("errorRatePValue"),
         c.errorRate.performed ? number(c.errorRate.pValue) : QJsonValue()},
        {QStringLiteral("latencyPValue"),
         c.latency.performed ? number(c.latency.pValue) : QJsonValue()}};
}

QJsonObject CliPrinter::actionJson(const OperatorAction &a)
{
    return {{QStringLiteral("event"), QStringLiteral("action")},
            {QStringLiteral("rollout"), a.rolloutId},
            {QStringLiteral("id"), a.id},
            {QStringLiteral("at"), a.at.toString(Qt::ISODateWithMs)},
            {QStringLiteral("who"), a.who},
            {QStringLiteral("action"), OperatorAction::kindName(a.kind)},
            {QStringLiteral("status"), OperatorAction::statusName(a.status)},
            {QStringLiteral("detail"), a.detail}};
}

QString CliPrinter::checkLine(const CheckResult &c)
{
    const ColorMetrics &m = c.canary();
    return tr("check %1 at %2%: %3 — bio-energy %4, errors %5%, latency %6 ms, %7 req/s, "
              "CPU %8% (%9)")
        .arg(c.index + 1)
        .arg(c.weight)
        .arg(verdictName(c.verdict).toUpper())
        .arg(figure(c.canaryBioEnergy))
        .arg(figure(m.errorRatePct(), 2))
        .arg(figure(c.canaryLatencyMs, 0))
        .arg(figure(m.rps))
        .arg(figure(m.cpuPercent, 0))
        .arg(c.reason);
}

void CliPrinter::journal(const JournalEvent &e)
{
    if (m_json) {
        object(eventJson(e));
        return;
    }
    // Multi-line messages (specs, Redis keys) stay under their line's text.
    const QString message =
        QString(e.message).replace(QLatin1Char('\n'), QStringLiteral("\n                "));
    if (e.kind == JournalEvent::Kind::State)
        m_out << time(e.at) << QStringLiteral("  #") << e.rolloutId << QLatin1Char(' ')
              << stateName(e.state) << QStringLiteral(": ") << message << Qt::endl;
    else if (e.kind != JournalEvent::Kind::Decision)
        m_out << time(e.at) << QStringLiteral("      ") << message << Qt::endl;
}

void CliPrinter::check(qint64 rolloutId, const CheckResult &c)
{
    if (m_json)
        object(checkJson(rolloutId, c));
    else
        m_out << time(c.at) << QStringLiteral("      ") << checkLine(c) << Qt::endl;
}

void CliPrinter::decision(qint64 rolloutId, const Decision &d)
{
    if (m_json) {
        object({{QStringLiteral("event"), QStringLiteral("decision")},
                {QStringLiteral("rollout"), rolloutId},
                {QStringLiteral("at"), d.at.toString(Qt::ISODateWithMs)},
                {QStringLiteral("step"), d.step},
                {QStringLiteral("weight"), d.weight},
                {QStringLiteral("action"), Decision::actionName(d.action)},
                {QStringLiteral("reason"), d.reason}});
        return;
    }
    m_out << time(d.at) << QStringLiteral("      → ") << Decision::actionName(d.action)
          << QStringLiteral(": ") << d.reason << Qt::endl;
}

void CliPrinter::finished(const RolloutRecord &r)
{
    if (m_json) {
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("finished")},
                      {QStringLiteral("rollout"), r.id},
                      {QStringLiteral("outcome"), outcomeName(r.state)},
                      {QStringLiteral("reason"), r.reason},
                      {QStringLiteral("maxWeight"), r.maxWeight},
                      {QStringLiteral("durationSec"), number(r.durationSec())},
                      {QStringLiteral("canaryRequests"), r.canaryRequests},
                      {QStringLiteral("canaryErrors"), r.canaryErrors}};
        object(o);
        return;
    }
    m_out << Qt::endl
          << tr("Rollout #%1 of %2 (%3 → %4): %5 after %6")
                 .arg(r.id)
                 .arg(r.app, r.fromVersion.isEmpty() ? QStringLiteral("?") : r.fromVersion,
                      r.toVersion, outcomeText(r), duration(r.durationSec()))
          << Qt::endl
          << QStringLiteral("  ") << r.reason << Qt::endl;
}

void CliPrinter::line(const QString &text)
{
    if (m_json)
        object({{QStringLiteral("event"), QStringLiteral("message")},
                {QStringLiteral("message"), text}});
    else
        m_out << text << Qt::endl;
}

void CliPrinter::object(const QJsonObject &o)
{
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
}

} // namespace optimist
