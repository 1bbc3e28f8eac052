#include "SandboxEnvironment.h"

#include "SandboxLogging.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace optimist {

namespace {

constexpr int kStateFormat = 1;
constexpr qint64 kLongAgoMs = 24 * 3600 * 1000; // the initial blue has been running this long

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<qint64> parseTime(const QJsonValue &value)
{
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

double moveTowards(double from, const std::optional<double> &to, double fraction)
{
    return to ? from + (*to - from) * fraction : from;
}

} // namespace

SandboxEnvironment::SandboxEnvironment(Scenario scenario, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_scenario(std::move(scenario))
    , m_clock(clock)
{
    Q_ASSERT(m_clock);
    reset();
}

qint64 SandboxEnvironment::nowMs() const
{
    return m_clock->now().toMSecsSinceEpoch();
}

void SandboxEnvironment::reset()
{
    const qint64 now = nowMs();
    m_startedAtMs = now;
    m_blue = Service{
        Color::Blue,     m_scenario.baseline.version, false, m_scenario.replicas, now - kLongAgoMs,
        now - kLongAgoMs};
    m_green.reset();
    m_weights.clear();
    m_weights.push_back(WeightRecord{now, now, WeightSplit{100, 0}, 0});
    m_canaryRequests = 0;
    m_canaryErrors = 0;
    reseed(m_scenario.seed);
    updateDueChanges();
    Q_EMIT stateChanged();
}

void SandboxEnvironment::reseed(quint64 seed)
{
    m_seed = seed;
    m_random.seed(seed);
}

QString SandboxEnvironment::serviceName(Color color) const
{
    return m_scenario.app + QLatin1Char('-') + colorName(color);
}

QString SandboxEnvironment::image(const QString &version) const
{
    return m_scenario.app + QLatin1Char(':') + version;
}

const std::optional<SandboxEnvironment::Service> &SandboxEnvironment::service(Color color) const
{
    return color == Color::Blue ? m_blue : m_green;
}

std::optional<Color> SandboxEnvironment::canaryColor() const
{
    if (m_green && m_green->canary)
        return Color::Green;
    if (m_blue && m_blue->canary)
        return Color::Blue;
    return std::nullopt;
}

qint64 SandboxEnvironment::attemptMs() const
{
    // A crash-looping task dies half-way through its startup.
    return std::max<qint64>(500, qint64(m_scenario.canary.startupSec * 500.0));
}

qint64 SandboxEnvironment::healthyAtMs(Color color) const
{
    const std::optional<Service> &s = service(color);
    if (!s || s->replicas == 0 || (s->canary && !m_scenario.canary.healthy))
        return kNever;
    return s->startedAtMs + qint64(std::llround(m_scenario.canary.startupSec * 1000.0));
}

qint64 SandboxEnvironment::crashLoopAtMs(Color color) const
{
    const std::optional<Service> &s = service(color);
    if (!s || s->replicas == 0 || !s->canary || m_scenario.canary.healthy)
        return kNever;
    // Exit number kRestartsBeforeUnhealthy + 1: the task failed again after that many restarts.
    return s->startedAtMs + kRestartsBeforeUnhealthy * (attemptMs() + kRestartDelayMs) +
           attemptMs();
}

QString SandboxEnvironment::crashDetail(Color color, qint64 atMs) const
{
    const std::optional<Service> &s = service(color);
    if (!s || !s->canary || m_scenario.canary.healthy || atMs < s->startedAtMs + attemptMs())
        return {};
    const qint64 cycle = attemptMs() + kRestartDelayMs;
    const qint64 restarts = (atMs - s->startedAtMs) / cycle;
    const QString task = serviceName(color) + QStringLiteral(".1");
    const QString exited =
        tr("task %1 exited with code 1: %2").arg(task, m_scenario.canary.crashMessage);
    if (restarts == 0)
        return exited;
    return restarts == 1 ? tr("%1 (restarted once)").arg(exited)
                         : tr("%1 (restarted %2 times)").arg(exited).arg(restarts);
}

ColorService SandboxEnvironment::describe(Color color, qint64 atMs) const
{
    ColorService cs;
    cs.color = color;
    cs.serviceName = serviceName(color);
    const std::optional<Service> &s = service(color);
    if (!s)
        return cs;
    cs.version = s->version;
    cs.replicasDesired = s->replicas;
    if (s->replicas == 0) {
        cs.healthDetail = tr("scaled to 0 replicas");
        return cs;
    }
    if (atMs >= healthyAtMs(color)) {
        cs.replicasRunning = s->replicas;
        cs.healthy = true;
        return cs;
    }
    const QString crash = crashDetail(color, atMs);
    cs.healthDetail = !crash.isEmpty() ? crash
                                       : tr("%1 of %2 tasks starting; health check not passing yet")
                                             .arg(s->replicas)
                                             .arg(s->replicas);
    return cs;
}

void SandboxEnvironment::createService(Color color, const QString &version, int replicas)
{
    const qint64 now = nowMs();
    std::optional<Service> &other = color == Color::Blue ? m_green : m_blue;
    if (other)
        other->canary = false;
    (color == Color::Blue ? m_blue : m_green) = Service{color, version, true, replicas, now, now};
    qCDebug(lcSandbox) << "created" << serviceName(color) << "version" << version;
    updateDueChanges();
    Q_EMIT stateChanged();
}

void SandboxEnvironment::removeService(Color color)
{
    (color == Color::Blue ? m_blue : m_green).reset();
    qCDebug(lcSandbox) << "removed" << serviceName(color);
    Q_EMIT stateChanged();
}

void SandboxEnvironment::setReplicas(Color color, int replicas)
{
    std::optional<Service> &s = color == Color::Blue ? m_blue : m_green;
    if (!s)
        return;
    if (s->replicas == 0 && replicas > 0)
        s->startedAtMs = nowMs();
    s->replicas = std::max(0, replicas);
    qCDebug(lcSandbox) << "scaled" << serviceName(color) << "to" << s->replicas;
    Q_EMIT stateChanged();
}

void SandboxEnvironment::writeWeights(const WeightSplit &split)
{
    const qint64 now = nowMs();
    const qint64 inForce = now + qint64(std::llround(m_scenario.routerApplyDelaySec * 1000.0));
    const std::optional<Color> canary = canaryColor();
    // Traefik applies configurations in order; keep the history ordered by time in force.
    while (m_weights.size() > 1 && m_weights.back().inForceAtMs > inForce)
        m_weights.pop_back();
    m_weights.push_back(WeightRecord{now, inForce, split, canary ? split.of(*canary) : 0});
    qCDebug(lcSandbox) << "weights" << split.toString() << "in force at" << isoTime(inForce);
    updateDueChanges();
    Q_EMIT stateChanged();
}

WeightSplit SandboxEnvironment::weightsInForce(qint64 atMs) const
{
    auto it = std::upper_bound(m_weights.begin(), m_weights.end(), atMs,
                               [](qint64 t, const WeightRecord &r) { return t < r.inForceAtMs; });
    return it == m_weights.begin() ? m_weights.front().split : std::prev(it)->split;
}

double SandboxEnvironment::weightIntegral(Color color, qint64 fromMs, qint64 toMs) const
{
    if (toMs <= fromMs)
        return 0;
    auto it = std::upper_bound(m_weights.begin(), m_weights.end(), fromMs,
                               [](qint64 t, const WeightRecord &r) { return t < r.inForceAtMs; });
    int weight = it == m_weights.begin() ? m_weights.front().split.of(color)
                                         : std::prev(it)->split.of(color);
    double sum = 0;
    qint64 t = fromMs;
    for (; it != m_weights.end() && it->inForceAtMs < toMs; ++it) {
        sum += double(weight) * double(it->inForceAtMs - t);
        t = it->inForceAtMs;
        weight = it->split.of(color);
    }
    return sum + double(weight) * double(toMs - t);
}

int SandboxEnvironment::highestCanaryWeight() const
{
    const qint64 now = nowMs();
    int highest = 0;
    for (const WeightRecord &r : m_weights)
        if (r.inForceAtMs <= now)
            highest = std::max(highest, r.canaryWeight);
    return highest;
}

void SandboxEnvironment::updateDueChanges()
{
    m_dueChanges.clear();
    for (int i = 0; i < m_scenario.changes.size(); ++i) {
        const Scenario::Change &c = m_scenario.changes.at(i);
        qint64 due = kNever;
        if (c.atSec) {
            due = m_startedAtMs + qint64(std::llround(*c.atSec * 1000.0));
        } else if (c.atWeight) {
            for (const WeightRecord &r : m_weights) {
                if (r.canaryWeight >= *c.atWeight) {
                    due = r.inForceAtMs;
                    break;
                }
            }
        }
        if (due != kNever)
            m_dueChanges.emplace_back(due, i);
    }
    std::stable_sort(m_dueChanges.begin(), m_dueChanges.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
}

SandboxEnvironment::Behaviour SandboxEnvironment::behaviour(bool canary, qint64 atMs) const
{
    const Scenario::Baseline &base = m_scenario.baseline;
    const Scenario::Canary &can = m_scenario.canary;
    Behaviour b = canary ? Behaviour{can.latencyMs, can.errorRate, can.cpu, base.rps}
                         : Behaviour{base.latencyMs, base.errorRate, base.cpu, base.rps};
    for (const auto &[due, index] : m_dueChanges) {
        if (due > atMs)
            break;
        const Scenario::Change &c = m_scenario.changes.at(index);
        const double fraction =
            c.rampSec > 0 ? std::min(1.0, double(atMs - due) / (c.rampSec * 1000.0)) : 1.0;
        const Scenario::Adjustment &a = canary ? c.canary : c.baseline;
        b.latencyMs = moveTowards(b.latencyMs, a.latencyMs, fraction);
        b.errorRate = moveTowards(b.errorRate, a.errorRate, fraction);
        b.cpu = moveTowards(b.cpu, a.cpu, fraction);
        b.rps = moveTowards(b.rps, c.baseline.rps, fraction);
    }
    return b;
}

void SandboxEnvironment::countCanaryTraffic(qint64 requests, qint64 errors)
{
    m_canaryRequests += requests;
    m_canaryErrors += errors;
}

QJsonObject SandboxEnvironment::saveState() const
{
    QJsonObject state;
    state.insert(QStringLiteral("format"), kStateFormat);
    state.insert(QStringLiteral("scenario"), m_scenario.name);
    state.insert(QStringLiteral("savedAt"), isoTime(nowMs()));
    state.insert(QStringLiteral("startedAt"), isoTime(m_startedAtMs));
    state.insert(QStringLiteral("seed"), QString::number(m_seed));
    std::ostringstream random;
    random << m_random;
    state.insert(QStringLiteral("random"), QString::fromStdString(random.str()));
    QJsonArray services;
    for (const std::optional<Service> *s : {&m_blue, &m_green}) {
        if (!*s)
            continue;
        services.append(QJsonObject{{QStringLiteral("color"), colorName((*s)->color)},
                                    {QStringLiteral("version"), (*s)->version},
                                    {QStringLiteral("canary"), (*s)->canary},
                                    {QStringLiteral("replicas"), (*s)->replicas},
                                    {QStringLiteral("createdAt"), isoTime((*s)->createdAtMs)},
                                    {QStringLiteral("startedAt"), isoTime((*s)->startedAtMs)}});
    }
    state.insert(QStringLiteral("services"), services);
    QJsonArray weights;
    for (const WeightRecord &r : m_weights) {
        weights.append(QJsonObject{{QStringLiteral("writtenAt"), isoTime(r.writtenAtMs)},
                                   {QStringLiteral("inForceAt"), isoTime(r.inForceAtMs)},
                                   {QStringLiteral("blue"), r.split.blue},
                                   {QStringLiteral("green"), r.split.green},
                                   {QStringLiteral("canaryWeight"), r.canaryWeight}});
    }
    state.insert(QStringLiteral("weights"), weights);
    state.insert(QStringLiteral("canaryRequests"), double(m_canaryRequests));
    state.insert(QStringLiteral("canaryErrors"), double(m_canaryErrors));
    return state;
}

bool SandboxEnvironment::restoreState(const QJsonObject &state, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (state.value(QLatin1String("format")).toInt() != kStateFormat)
        return fail(tr("the sandbox state has format %1; this version reads format %2")
                        .arg(state.value(QLatin1String("format")).toInt())
                        .arg(kStateFormat));
    const QString scenarioName = state.value(QLatin1String("scenario")).toString();
    if (scenarioName != m_scenario.name)
        return fail(tr("the sandbox state belongs to scenario \"%1\", not \"%2\"")
                        .arg(scenarioName, m_scenario.name));
    const auto savedAt = parseTime(state.value(QLatin1String("savedAt")));
    const auto startedAt = parseTime(state.value(QLatin1String("startedAt")));
    if (!savedAt || !startedAt)
        return fail(tr("the sandbox state has no valid savedAt/startedAt time"));
    if (nowMs() < *savedAt)
        return fail(tr("the clock (%1) is before the time the sandbox state was saved (%2); "
                       "continue on a clock that starts at the saved time")
                        .arg(isoTime(nowMs()), isoTime(*savedAt)));
    bool seedOk = false;
    const quint64 seed = state.value(QLatin1String("seed")).toString().toULongLong(&seedOk);
    std::mt19937_64 random;
    std::istringstream randomText(state.value(QLatin1String("random")).toString().toStdString());
    randomText >> random;
    if (!seedOk || randomText.fail())
        return fail(tr("the sandbox state has no valid random generator state"));

    std::optional<Service> blue;
    std::optional<Service> green;
    const QJsonArray services = state.value(QLatin1String("services")).toArray();
    for (const QJsonValue &v : services) {
        const QJsonObject o = v.toObject();
        const auto color = parseColor(o.value(QLatin1String("color")).toString());
        const auto created = parseTime(o.value(QLatin1String("createdAt")));
        const auto started = parseTime(o.value(QLatin1String("startedAt")));
        const QString version = o.value(QLatin1String("version")).toString();
        const int replicas = o.value(QLatin1String("replicas")).toInt(-1);
        if (!color || !created || !started || version.isEmpty() || replicas < 0)
            return fail(tr("the sandbox state has an unreadable service entry"));
        (*color == Color::Blue ? blue : green) =
            Service{*color,   version,  o.value(QLatin1String("canary")).toBool(),
                    replicas, *created, *started};
    }
    std::vector<WeightRecord> weights;
    const QJsonArray weightArray = state.value(QLatin1String("weights")).toArray();
    for (const QJsonValue &v : weightArray) {
        const QJsonObject o = v.toObject();
        const auto written = parseTime(o.value(QLatin1String("writtenAt")));
        const auto inForce = parseTime(o.value(QLatin1String("inForceAt")));
        const WeightSplit split{o.value(QLatin1String("blue")).toInt(-1),
                                o.value(QLatin1String("green")).toInt(-1)};
        if (!written || !inForce || split.blue < 0 || split.green < 0 ||
            split.blue + split.green != 100 ||
            (!weights.empty() && *inForce < weights.back().inForceAtMs))
            return fail(tr("the sandbox state has an unreadable weight entry"));
        weights.push_back(WeightRecord{*written, *inForce, split,
                                       o.value(QLatin1String("canaryWeight")).toInt()});
    }
    if (weights.empty())
        return fail(tr("the sandbox state has no weights"));

    m_startedAtMs = *startedAt;
    m_seed = seed;
    m_random = random;
    m_blue = blue;
    m_green = green;
    m_weights = std::move(weights);
    m_canaryRequests = qint64(state.value(QLatin1String("canaryRequests")).toDouble());
    m_canaryErrors = qint64(state.value(QLatin1String("canaryErrors")).toDouble());
    updateDueChanges();
    Q_EMIT stateChanged();
    return true;
}

} // namespace optimist
