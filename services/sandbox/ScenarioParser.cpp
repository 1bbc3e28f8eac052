#include "ScenarioParser.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace optimist {

namespace {

constexpr double kMaxRelativeNoise = 5;
constexpr qint64 kMaxSeed = qint64(1) << 53; // exact in a JSON number

// 1-based line and column of byte @p offset, for "file:line:column:" messages.
std::pair<int, int> lineAndColumn(const QByteArray &text, int offset)
{
    offset = std::clamp(offset, 0, int(text.size()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, offset - lineStart + 1};
}

} // namespace

ScenarioParser::ScenarioParser(QString origin)
    : m_origin(std::move(origin))
{
}

Result<Scenario> ScenarioParser::parse(const QByteArray &json)
{
    m_problems.clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return Error{Error::Kind::Invalid, tr("%1:%2:%3: invalid JSON: %4")
                                               .arg(m_origin)
                                               .arg(line)
                                               .arg(column)
                                               .arg(parseError.errorString())};
    }
    if (!document.isObject())
        return Error{Error::Kind::Invalid,
                     tr("%1: a scenario must be a JSON object ({ \"name\": …, \"baseline\": … })")
                         .arg(m_origin)};
    const QJsonObject root = document.object();
    checkKeys(root, QString(),
              {"name", "description", "seed", "expect", "app", "replicas", "plan", "baseline",
               "canary", "changes", "noise", "hook", "router"});

    Scenario scenario;
    scenario.origin = m_origin;
    scenario.name =
        string(root, "name", QString(), false).value_or(QFileInfo(m_origin).completeBaseName());
    scenario.description = string(root, "description", QString(), true).value_or(QString());
    scenario.seed = quint64(whole(root, "seed", QString(), 0, kMaxSeed).value_or(1));
    if (const auto expect = string(root, "expect", QString(), false)) {
        if (*expect == QLatin1String("succeeded") || *expect == QLatin1String("rolled_back") ||
            *expect == QLatin1String("failed"))
            scenario.expect = *expect;
        else
            problem(tr("expect must be \"succeeded\", \"rolled_back\" or \"failed\", not %1")
                        .arg(describe(root.value(QLatin1String("expect")))));
    }
    if (const auto app = string(root, "app", QString(), false)) {
        static const QRegularExpression kServiceName(QStringLiteral("^[a-z0-9][a-z0-9-]{0,56}$"));
        if (kServiceName.match(*app).hasMatch())
            scenario.app = *app;
        else
            problem(tr("app must be a Swarm service name (lower-case letters, digits and '-', "
                       "at most 57 characters), not %1")
                        .arg(describe(root.value(QLatin1String("app")))));
    }
    scenario.replicas = int(whole(root, "replicas", QString(), 1, 1000).value_or(2));

    readPlan(root, scenario);
    readBaseline(root, scenario);
    readCanary(root, scenario);
    readChanges(root, scenario);
    readNoise(root, scenario);
    readHook(root, scenario);
    readRouter(root, scenario);

    if (!m_problems.isEmpty())
        return Error{Error::Kind::Invalid, m_problems.join(QLatin1Char('\n'))};
    return scenario;
}

void ScenarioParser::readPlan(const QJsonObject &root, Scenario &scenario)
{
    const auto plan = object(root, "plan", QString());
    if (!plan)
        return;
    PlanIssues issues;
    scenario.plan = RolloutPlan::fromJson(*plan, &issues);
    if (issues.isEmpty())
        issues = scenario.plan.validate();
    for (const PlanIssue &issue : issues)
        problem(QStringLiteral("plan.%1: %2").arg(issue.field, issue.message));
}

void ScenarioParser::readBaseline(const QJsonObject &root, Scenario &scenario)
{
    const QString path = QStringLiteral("baseline");
    if (!root.contains(path)) {
        problem(tr("baseline is required: { \"latencyMs\": …, \"errorRate\": …, \"cpu\": …, "
                   "\"rps\": … }"));
        return;
    }
    const auto baseline = object(root, "baseline", QString());
    if (!baseline)
        return;
    checkKeys(*baseline, path, {"latencyMs", "errorRate", "cpu", "rps", "version"});
    Scenario::Baseline &b = scenario.baseline;
    b.latencyMs = number(*baseline, "latencyMs", path, Bound::Positive, true).value_or(1);
    b.errorRate = number(*baseline, "errorRate", path, Bound::Percent, true).value_or(0);
    b.cpu = number(*baseline, "cpu", path, Bound::NonNegative, true).value_or(0);
    b.rps = number(*baseline, "rps", path, Bound::NonNegative, true).value_or(0);
    b.version = string(*baseline, "version", path, false).value_or(b.version);
}

void ScenarioParser::readCanary(const QJsonObject &root, Scenario &scenario)
{
    Scenario::Canary &c = scenario.canary;
    // Unless told otherwise the canary behaves like the baseline.
    c.latencyMs = scenario.baseline.latencyMs;
    c.errorRate = scenario.baseline.errorRate;
    c.cpu = scenario.baseline.cpu;
    const auto canary = object(root, "canary", QString());
    if (!canary)
        return;
    const QString path = QStringLiteral("canary");
    checkKeys(*canary, path,
              {"latencyMs", "errorRate", "cpu", "healthy", "startupSec", "crashMessage"});
    c.latencyMs = number(*canary, "latencyMs", path, Bound::Positive).value_or(c.latencyMs);
    c.errorRate = number(*canary, "errorRate", path, Bound::Percent).value_or(c.errorRate);
    c.cpu = number(*canary, "cpu", path, Bound::NonNegative).value_or(c.cpu);
    c.healthy = boolean(*canary, "healthy", path).value_or(c.healthy);
    c.startupSec = number(*canary, "startupSec", path, Bound::NonNegative).value_or(c.startupSec);
    c.crashMessage = string(*canary, "crashMessage", path, false).value_or(c.crashMessage);
}

void ScenarioParser::readChanges(const QJsonObject &root, Scenario &scenario)
{
    const QJsonValue value = root.value(QLatin1String("changes"));
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        problem(tr("changes must be a list of changes, e.g. [ { \"atSec\": 300, \"canary\": "
                   "{ \"latencyMs\": 220 } } ], not %1")
                    .arg(describe(value)));
        return;
    }
    const QJsonArray changes = value.toArray();
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString path = QStringLiteral("changes[%1]").arg(i);
        if (!changes.at(i).isObject()) {
            problem(tr("%1 must be an object, not %2").arg(path, describe(changes.at(i))));
            continue;
        }
        const QJsonObject change = changes.at(i).toObject();
        checkKeys(change, path, {"atSec", "atWeight", "rampSec", "baseline", "canary"});
        Scenario::Change c;
        c.atSec = number(change, "atSec", path, Bound::NonNegative);
        if (const auto atWeight = whole(change, "atWeight", path, 1, 100))
            c.atWeight = double(*atWeight);
        const bool hasAtSec = change.contains(QLatin1String("atSec"));
        const bool hasAtWeight = change.contains(QLatin1String("atWeight"));
        if (hasAtSec && hasAtWeight)
            problem(tr("%1 has both atSec and atWeight; give one of them").arg(path));
        else if (!hasAtSec && !hasAtWeight)
            problem(tr("%1 needs atSec (seconds since the start) or atWeight (canary weight in "
                       "percent) to say when it happens")
                        .arg(path));
        c.rampSec = number(change, "rampSec", path, Bound::NonNegative).value_or(0);
        c.baseline = readAdjustment(change, "baseline", path, true);
        c.canary = readAdjustment(change, "canary", path, false);
        auto empty = [](const Scenario::Adjustment &a) {
            return !a.latencyMs && !a.errorRate && !a.cpu && !a.rps;
        };
        if (empty(c.baseline) && empty(c.canary) && !change.contains(QLatin1String("baseline")) &&
            !change.contains(QLatin1String("canary")))
            problem(tr("%1 changes nothing; give baseline or canary values").arg(path));
        scenario.changes.append(c);
    }
}

Scenario::Adjustment ScenarioParser::readAdjustment(const QJsonObject &change, const char *key,
                                                    const QString &path, bool withRps)
{
    Scenario::Adjustment a;
    const QString sub = join(path, key);
    const auto values = object(change, key, path);
    if (!values)
        return a;
    if (withRps)
        checkKeys(*values, sub, {"latencyMs", "errorRate", "cpu", "rps"});
    else
        checkKeys(*values, sub, {"latencyMs", "errorRate", "cpu"});
    a.latencyMs = number(*values, "latencyMs", sub, Bound::Positive);
    a.errorRate = number(*values, "errorRate", sub, Bound::Percent);
    a.cpu = number(*values, "cpu", sub, Bound::NonNegative);
    if (withRps)
        a.rps = number(*values, "rps", sub, Bound::NonNegative);
    if (values->isEmpty())
        problem(tr("%1 is empty; give latencyMs, errorRate or cpu").arg(sub));
    return a;
}

void ScenarioParser::readNoise(const QJsonObject &root, Scenario &scenario)
{
    const auto noise = object(root, "noise", QString());
    if (!noise)
        return;
    const QString path = QStringLiteral("noise");
    checkKeys(*noise, path, {"latency", "errorRate", "cpu"});
    scenario.noise.latency = number(*noise, "latency", path, Bound::Relative).value_or(0);
    scenario.noise.errorRate = number(*noise, "errorRate", path, Bound::Relative).value_or(0);
    scenario.noise.cpu = number(*noise, "cpu", path, Bound::Relative).value_or(0);
}

void ScenarioParser::readHook(const QJsonObject &root, Scenario &scenario)
{
    const auto hook = object(root, "hook", QString());
    if (!hook)
        return;
    const QString path = QStringLiteral("hook");
    checkKeys(*hook, path, {"exitCode", "durationSec", "log"});
    Scenario::Hook &h = scenario.hook;
    h.exitCode = int(whole(*hook, "exitCode", path, 0, 255).value_or(h.exitCode));
    h.durationSec = number(*hook, "durationSec", path, Bound::NonNegative).value_or(h.durationSec);
    h.log = string(*hook, "log", path, true).value_or(h.log);
}

void ScenarioParser::readRouter(const QJsonObject &root, Scenario &scenario)
{
    const auto router = object(root, "router", QString());
    if (!router)
        return;
    const QString path = QStringLiteral("router");
    checkKeys(*router, path, {"applyDelaySec"});
    scenario.routerApplyDelaySec = number(*router, "applyDelaySec", path, Bound::NonNegative)
                                       .value_or(scenario.routerApplyDelaySec);
}

void ScenarioParser::problem(const QString &message)
{
    m_problems.append(QStringLiteral("%1: %2").arg(m_origin, message));
}

void ScenarioParser::checkKeys(const QJsonObject &object, const QString &path,
                               std::initializer_list<const char *> known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool found = false;
        for (const char *k : known)
            found = found || it.key() == QLatin1String(k);
        if (found)
            continue;
        QStringList names;
        for (const char *k : known)
            names << QString::fromLatin1(k);
        const QString field = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        problem(
            tr("unknown field %1 (known here: %2)").arg(field, names.join(QStringLiteral(", "))));
    }
}

std::optional<QJsonObject> ScenarioParser::object(const QJsonObject &parent, const char *key,
                                                  const QString &path)
{
    const QJsonValue value = parent.value(QLatin1String(key));
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        problem(tr("%1 must be an object, not %2").arg(join(path, key), describe(value)));
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<double> ScenarioParser::number(const QJsonObject &parent, const char *key,
                                             const QString &path, Bound bound, bool required)
{
    const QJsonValue value = parent.value(QLatin1String(key));
    const QString field = join(path, key);
    if (value.isUndefined()) {
        if (required)
            problem(tr("%1 is required").arg(field));
        return std::nullopt;
    }
    const double v = value.toDouble();
    bool good = value.isDouble() && std::isfinite(v);
    QString expected;
    switch (bound) {
    case Bound::NonNegative:
        good = good && v >= 0;
        expected = tr("%1 must be a non-negative number").arg(field);
        break;
    case Bound::Positive:
        good = good && v > 0;
        expected = tr("%1 must be a positive number").arg(field);
        break;
    case Bound::Percent:
        good = good && v >= 0 && v <= 100;
        expected = tr("%1 must be a percentage between 0 and 100").arg(field);
        break;
    case Bound::Relative:
        good = good && v >= 0 && v <= kMaxRelativeNoise;
        expected = tr("%1 must be a relative standard deviation between 0 and %2 (0.1 is 10%)")
                       .arg(field)
                       .arg(kMaxRelativeNoise);
        break;
    }
    if (!good) {
        problem(tr("%1, not %2").arg(expected, describe(value)));
        return std::nullopt;
    }
    return v;
}

std::optional<qint64> ScenarioParser::whole(const QJsonObject &parent, const char *key,
                                            const QString &path, qint64 minimum, qint64 maximum)
{
    const QJsonValue value = parent.value(QLatin1String(key));
    if (value.isUndefined())
        return std::nullopt;
    const double v = value.toDouble();
    if (!value.isDouble() || !std::isfinite(v) || v != std::floor(v) || v < double(minimum) ||
        v > double(maximum)) {
        problem(tr("%1 must be a whole number between %2 and %3, not %4")
                    .arg(join(path, key))
                    .arg(minimum)
                    .arg(maximum)
                    .arg(describe(value)));
        return std::nullopt;
    }
    return qint64(v);
}

std::optional<QString> ScenarioParser::string(const QJsonObject &parent, const char *key,
                                              const QString &path, bool allowEmpty)
{
    const QJsonValue value = parent.value(QLatin1String(key));
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isString() || (!allowEmpty && value.toString().trimmed().isEmpty())) {
        problem((allowEmpty ? tr("%1 must be a string, not %2")
                            : tr("%1 must be a non-empty string, not %2"))
                    .arg(join(path, key), describe(value)));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<bool> ScenarioParser::boolean(const QJsonObject &parent, const char *key,
                                            const QString &path)
{
    const QJsonValue value = parent.value(QLatin1String(key));
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isBool()) {
        problem(tr("%1 must be true or false, not %2").arg(join(path, key), describe(value)));
        return std::nullopt;
    }
    return value.toBool();
}

QString ScenarioParser::join(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
}

QString ScenarioParser::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

} // namespace optimist
