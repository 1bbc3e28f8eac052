#include "CheckResult.h"

#include "core/MetricsJson.h"

#include <QJsonArray>

namespace optimist {

namespace {

QJsonObject comparisonToJson(const Comparison &c)
{
    QJsonObject o{
        {QStringLiteral("performed"), c.performed},
        {QStringLiteral("test"), c.test},
        {QStringLiteral("canary"), doubleToJson(c.canary)},
        {QStringLiteral("baseline"), doubleToJson(c.baseline)},
        {QStringLiteral("statistic"), doubleToJson(c.statistic)},
        {QStringLiteral("pValue"), doubleToJson(c.pValue)},
        {QStringLiteral("significant"), c.significant},
        {QStringLiteral("exceedsMargin"), c.exceedsMargin},
        {QStringLiteral("note"), c.note},
    };
    return o;
}

Comparison comparisonFromJson(const QJsonObject &json)
{
    Comparison c;
    c.performed = json.value(QStringLiteral("performed")).toBool();
    c.test = json.value(QStringLiteral("test")).toString();
    c.canary = doubleFromJson(json.value(QStringLiteral("canary")));
    c.baseline = doubleFromJson(json.value(QStringLiteral("baseline")));
    c.statistic = doubleFromJson(json.value(QStringLiteral("statistic")));
    c.pValue = doubleFromJson(json.value(QStringLiteral("pValue")));
    c.significant = json.value(QStringLiteral("significant")).toBool();
    c.exceedsMargin = json.value(QStringLiteral("exceedsMargin")).toBool();
    c.note = json.value(QStringLiteral("note")).toString();
    return c;
}

} // namespace

QJsonObject CheckResult::toJson() const
{
    return {
        {QStringLiteral("step"), step},
        {QStringLiteral("weight"), weight},
        {QStringLiteral("index"), index},
        {QStringLiteral("at"), dateTimeToJson(at)},
        {QStringLiteral("canaryColor"), colorName(canaryColor)},
        {QStringLiteral("verdict"), verdictName(verdict)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("failures"), QJsonArray::fromStringList(failures)},
        {QStringLiteral("window"), metricsWindowToJson(window)},
        {QStringLiteral("canaryBioEnergy"), doubleToJson(canaryBioEnergy)},
        {QStringLiteral("baselineBioEnergy"), doubleToJson(baselineBioEnergy)},
        {QStringLiteral("canaryLatencyMs"), doubleToJson(canaryLatencyMs)},
        {QStringLiteral("baselineLatencyMs"), doubleToJson(baselineLatencyMs)},
        {QStringLiteral("errorRate"), comparisonToJson(errorRate)},
        {QStringLiteral("latency"), comparisonToJson(latency)},
    };
}

CheckResult CheckResult::fromJson(const QJsonObject &json)
{
    CheckResult r;
    r.step = json.value(QStringLiteral("step")).toInt();
    r.weight = json.value(QStringLiteral("weight")).toInt();
    r.index = json.value(QStringLiteral("index")).toInt();
    r.at = dateTimeFromJson(json.value(QStringLiteral("at")));
    r.canaryColor =
        parseColor(json.value(QStringLiteral("canaryColor")).toString()).value_or(Color::Green);
    // An unreadable verdict is never taken for a pass.
    r.verdict = parseVerdict(json.value(QStringLiteral("verdict")).toString())
                    .value_or(Verdict::Inconclusive);
    r.reason = json.value(QStringLiteral("reason")).toString();
    for (const QJsonValue &f : json.value(QStringLiteral("failures")).toArray())
        r.failures << f.toString();
    r.window = metricsWindowFromJson(json.value(QStringLiteral("window")).toObject());
    r.canaryBioEnergy = doubleFromJson(json.value(QStringLiteral("canaryBioEnergy")));
    r.baselineBioEnergy = doubleFromJson(json.value(QStringLiteral("baselineBioEnergy")));
    r.canaryLatencyMs = doubleFromJson(json.value(QStringLiteral("canaryLatencyMs")));
    r.baselineLatencyMs = doubleFromJson(json.value(QStringLiteral("baselineLatencyMs")));
    r.errorRate = comparisonFromJson(json.value(QStringLiteral("errorRate")).toObject());
    r.latency = comparisonFromJson(json.value(QStringLiteral("latency")).toObject());
    return r;
}

} // namespace optimist
