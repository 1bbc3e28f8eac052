#include "RolloutPlan.h"

#include <QJsonArray>

#include <cmath>

namespace optimist {

namespace {

struct IntField
{
    const char *name;
    int RolloutPlan::*member;
    int minimum;
};

struct DoubleField
{
    const char *name;
    double RolloutPlan::*member;
    double minimum;
    double maximum;
};

struct BoolField
{
    const char *name;
    bool RolloutPlan::*member;
};

const IntField kIntFields[] = {
    {"checkIntervalSec", &RolloutPlan::checkIntervalSec, 1},
    {"checksPerStep", &RolloutPlan::checksPerStep, 1},
    {"failureLimit", &RolloutPlan::failureLimit, 1},
    {"inconclusiveLimit", &RolloutPlan::inconclusiveLimit, 1},
    {"minRequestsPerCheck", &RolloutPlan::minRequestsPerCheck, 1},
    {"healthTimeoutSec", &RolloutPlan::healthTimeoutSec, 1},
    {"confirmTimeoutSec", &RolloutPlan::confirmTimeoutSec, 1},
    {"drainSec", &RolloutPlan::drainSec, 0},
    {"rollbackWindowSec", &RolloutPlan::rollbackWindowSec, 0},
    {"hookTimeoutSec", &RolloutPlan::hookTimeoutSec, 1},
};

const DoubleField kDoubleFields[] = {
    {"threshold", &RolloutPlan::threshold, 0, 130},
    {"maxErrorRatePct", &RolloutPlan::maxErrorRatePct, 0, 100},
    {"maxResponseTimeMs", &RolloutPlan::maxResponseTimeMs, 0, 1e9},
    {"maxCpuPct", &RolloutPlan::maxCpuPct, 0, 1e6},
    {"confidence", &RolloutPlan::confidence, 0.5, 0.999999},
    {"errorRateMarginPct", &RolloutPlan::errorRateMarginPct, 0, 100},
    {"latencyMarginPct", &RolloutPlan::latencyMarginPct, 0, 1e6},
};

const BoolField kBoolFields[] = {
    {"force", &RolloutPlan::force},
    {"dryRun", &RolloutPlan::dryRun},
    {"keepFailedColor", &RolloutPlan::keepFailedColor},
    {"reuseIdleColor", &RolloutPlan::reuseIdleColor},
};

struct CoefficientField
{
    const char *name;
    double BioEnergyCoefficients::*member;
};

const CoefficientField kCoefficientFields[] = {
    {"errorBase", &BioEnergyCoefficients::errorBase},
    {"errorFactor", &BioEnergyCoefficients::errorFactor},
    {"errorWeight", &BioEnergyCoefficients::errorWeight},
    {"latencyBase", &BioEnergyCoefficients::latencyBase},
    {"latencyWeight", &BioEnergyCoefficients::latencyWeight},
    {"cpuBase", &BioEnergyCoefficients::cpuBase},
    {"cpuWeight", &BioEnergyCoefficients::cpuWeight},
};

bool isWholeNumber(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble()) &&
           v.toDouble() == std::floor(v.toDouble()) && std::abs(v.toDouble()) < 2e9;
}

} // namespace

QList<int> RolloutPlan::defaultSteps()
{
    return {10, 25, 50, 75, 100};
}

void RolloutPlan::setInitialTraffic(int percent)
{
    if (steps.isEmpty())
        steps.append(percent);
    else
        steps.first() = percent;
}

PlanIssues RolloutPlan::validate() const
{
    PlanIssues issues;
    const QString stepsText = [this] {
        QStringList parts;
        for (int s : steps)
            parts << QString::number(s);
        return parts.join(QLatin1Char(','));
    }();
    if (steps.isEmpty()) {
        issues.append({QStringLiteral("steps"), tr("the plan has no steps; give at least one, "
                                                   "ending at 100 (e.g. 10,25,50,75,100)")});
    } else {
        for (int i = 0; i < steps.size(); ++i) {
            if (steps[i] < 1 || steps[i] > 100) {
                issues.append(
                    {QStringLiteral("steps"),
                     tr("step %1 is %2%; every step must be between 1 and 100 (steps: %3)")
                         .arg(i + 1)
                         .arg(steps[i])
                         .arg(stepsText)});
            } else if (i > 0 && steps[i] <= steps[i - 1]) {
                issues.append({QStringLiteral("steps"),
                               tr("step %1 (%2%) is not above step %3 (%4%); steps must increase "
                                  "(steps: %5)")
                                   .arg(i + 1)
                                   .arg(steps[i])
                                   .arg(i)
                                   .arg(steps[i - 1])
                                   .arg(stepsText)});
            }
        }
        if (steps.last() != 100)
            issues.append({QStringLiteral("steps"),
                           tr("the last step is %1%; the plan must end at 100 (steps: %2)")
                               .arg(steps.last())
                               .arg(stepsText)});
    }
    for (const IntField &f : kIntFields) {
        const int v = this->*f.member;
        if (v < f.minimum)
            issues.append({QString::fromLatin1(f.name),
                           f.minimum > 0 ? tr("%1 is %2; it must be at least %3")
                                               .arg(QString::fromLatin1(f.name))
                                               .arg(v)
                                               .arg(f.minimum)
                                         : tr("%1 is %2; it must not be negative")
                                               .arg(QString::fromLatin1(f.name))
                                               .arg(v)});
    }
    for (const DoubleField &f : kDoubleFields) {
        const double v = this->*f.member;
        if (!std::isfinite(v))
            issues.append({QString::fromLatin1(f.name),
                           tr("%1 is not a finite number").arg(QString::fromLatin1(f.name))});
        else if (v < f.minimum || v > f.maximum)
            issues.append({QString::fromLatin1(f.name), tr("%1 is %2; it must be between %3 and %4")
                                                            .arg(QString::fromLatin1(f.name))
                                                            .arg(v)
                                                            .arg(f.minimum)
                                                            .arg(f.maximum)});
    }
    for (const CoefficientField &f : kCoefficientFields) {
        if (!std::isfinite(coefficients.*f.member))
            issues.append(
                {QStringLiteral("coefficients.") + QString::fromLatin1(f.name),
                 tr("coefficient %1 is not a finite number").arg(QString::fromLatin1(f.name))});
    }
    for (const QString &part : hookCommand) {
        if (part.isEmpty()) {
            issues.append(
                {QStringLiteral("hookCommand"), tr("the hook command has an empty argument")});
            break;
        }
    }
    return issues;
}

QJsonObject RolloutPlan::toJson() const
{
    QJsonObject o;
    QJsonArray s;
    for (int step : steps)
        s.append(step);
    o.insert(QStringLiteral("steps"), s);
    for (const IntField &f : kIntFields)
        o.insert(QString::fromLatin1(f.name), this->*f.member);
    for (const DoubleField &f : kDoubleFields)
        o.insert(QString::fromLatin1(f.name), this->*f.member);
    for (const BoolField &f : kBoolFields)
        o.insert(QString::fromLatin1(f.name), this->*f.member);
    QJsonObject c;
    for (const CoefficientField &f : kCoefficientFields)
        c.insert(QString::fromLatin1(f.name), coefficients.*f.member);
    o.insert(QStringLiteral("coefficients"), c);
    o.insert(QStringLiteral("latencyStatistic"), latencyStatistic == LatencyStatistic::P95
                                                     ? QStringLiteral("p95")
                                                     : QStringLiteral("mean"));
    if (!hookCommand.isEmpty())
        o.insert(QStringLiteral("hookCommand"), QJsonArray::fromStringList(hookCommand));
    return o;
}

RolloutPlan RolloutPlan::fromJson(const QJsonObject &json, PlanIssues *issues)
{
    RolloutPlan plan;
    PlanIssues found;
    auto mistyped = [&found](const QString &field, const QString &expected) {
        found.append({field, tr("%1 must be %2").arg(field, expected)});
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        bool known = false;
        if (key == QLatin1String("steps")) {
            known = true;
            if (!v.isArray()) {
                mistyped(key, tr("a list of whole percentages, e.g. [10, 25, 50, 75, 100]"));
            } else {
                plan.steps.clear();
                for (const QJsonValue &s : v.toArray()) {
                    if (!isWholeNumber(s)) {
                        mistyped(key,
                                 tr("a list of whole percentages, e.g. [10, 25, 50, 75, 100]"));
                        break;
                    }
                    plan.steps.append(s.toInt());
                }
            }
        }
        for (const IntField &f : kIntFields) {
            if (key == QLatin1String(f.name)) {
                known = true;
                if (isWholeNumber(v))
                    plan.*f.member = v.toInt();
                else
                    mistyped(key, tr("a whole number"));
            }
        }
        for (const DoubleField &f : kDoubleFields) {
            if (key == QLatin1String(f.name)) {
                known = true;
                if (v.isDouble())
                    plan.*f.member = v.toDouble();
                else
                    mistyped(key, tr("a number"));
            }
        }
        for (const BoolField &f : kBoolFields) {
            if (key == QLatin1String(f.name)) {
                known = true;
                if (v.isBool())
                    plan.*f.member = v.toBool();
                else
                    mistyped(key, tr("true or false"));
            }
        }
        if (key == QLatin1String("coefficients")) {
            known = true;
            if (!v.isObject()) {
                mistyped(key, tr("an object of numbers"));
            } else {
                const QJsonObject c = v.toObject();
                for (auto ci = c.begin(); ci != c.end(); ++ci) {
                    bool knownCoefficient = false;
                    for (const CoefficientField &f : kCoefficientFields) {
                        if (ci.key() == QLatin1String(f.name)) {
                            knownCoefficient = true;
                            if (ci.value().isDouble())
                                plan.coefficients.*f.member = ci.value().toDouble();
                            else
                                mistyped(key + QLatin1Char('.') + ci.key(), tr("a number"));
                        }
                    }
                    if (!knownCoefficient)
                        found.append({key + QLatin1Char('.') + ci.key(),
                                      tr("unknown coefficient %1").arg(ci.key())});
                }
            }
        }
        if (key == QLatin1String("latencyStatistic")) {
            known = true;
            if (v.toString() == QLatin1String("p95"))
                plan.latencyStatistic = LatencyStatistic::P95;
            else if (v.toString() == QLatin1String("mean"))
                plan.latencyStatistic = LatencyStatistic::Mean;
            else
                mistyped(key, tr("\"p95\" or \"mean\""));
        }
        if (key == QLatin1String("hookCommand")) {
            known = true;
            const QJsonArray a = v.toArray();
            plan.hookCommand.clear();
            bool good = v.isArray();
            for (const QJsonValue &part : a) {
                good = good && part.isString();
                plan.hookCommand << part.toString();
            }
            if (!good)
                mistyped(key, tr("a list of strings"));
        }
        if (!known)
            found.append({key, tr("unknown plan field %1").arg(key)});
    }
    if (issues)
        *issues = found;
    return plan;
}

} // namespace optimist
