// event_loop_stall: the GUI thread's longest event-loop stalls (p99, max) while 10 sandbox
// rollouts run at once with live charts, against the same window on an idle event loop, in one
// run. See bench/README.md.
//
//     build/bin/event_loop_stall [--rounds 3] [--speed 10] [--idle 10] [--check-interval SEC]
//
// The rollouts run as in the desktop application: one EnvironmentWorker (app/gui, the
// product's class) on a thread of its own holds the sandbox environment — 10 applications
// app01…app10 on one paced virtual clock, each its own simulated cluster under the `healthy`
// scenario — the history database (SQLite, in a temporary data folder) and the 10 engines; the
// GUI thread hears its signals queued and feeds one MetricsTimeline per rollout, each drawn by
// a MetricsPanel (five charts), the 10 panels in one 2560×1440 window (offscreen unless
// QT_QPA_PLATFORM says otherwise).
//
// A 1-ms precise QTimer on the GUI thread records the gap between its ticks: on a free event
// loop ~1 ms, and a stall of the loop (a redraw, a paint, a burst of queued signals) shows as
// one long gap. Each round is an idle phase (--idle seconds, the window shown, nothing running)
// then a loaded phase (10 rollouts started at once, until all 10 have finished).

#include "BenchWorkerThread.h"
#include "EnvironmentWorker.h"
#include "RolloutController.h"
#include "StallMeter.h"

#include "charts/MetricsPanel.h"
#include "metrics/MetricsTimeline.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGridLayout>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <array>
#include <ctime>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

using namespace optimist;
using namespace optimist::bench;

namespace {

constexpr int kRollouts = 10;

QString appName(int i)
{
    return QStringLiteral("app%1").arg(i + 1, 2, 10, QLatin1Char('0'));
}

class Bench : public QObject
{
public:
    Bench(int rounds, double speed, int idleSec, int checkIntervalSec, QTextStream &out)
        : m_rounds(rounds)
        , m_speed(speed)
        , m_idleSec(idleSec)
        , m_checkIntervalSec(checkIntervalSec)
        , m_out(out)
    {
        auto *grid = new QGridLayout(&m_window);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setSpacing(2);
        for (int i = 0; i < kRollouts; ++i) {
            m_timelines[i] = std::make_unique<MetricsTimeline>();
            m_panels[i] = new MetricsPanel(&m_window);
            m_panels[i]->setTimeline(m_timelines[i].get());
            grid->addWidget(m_panels[i], i / 5, i % 5);
        }
        m_window.resize(2560, 1440);
        m_window.show();

        m_worker = m_workerThread.worker();
        connectWorker();
        EnvironmentRuntime::Options options;
        options.dataDir = m_dataDir.path();
        options.configDir = m_dataDir.filePath(QStringLiteral("config"));
        options.environment = QStringLiteral("sandbox");
        options.freshScenario = QStringLiteral("healthy");
        for (int i = 0; i < kRollouts; ++i)
            options.sandboxApps << appName(i);
        options.speed = speed;
        m_workerThread.open(options);
    }

    ~Bench() override { m_workerThread.stop(); }

    int exitCode() const { return m_failed ? 1 : 0; }

private:
    void connectWorker()
    {
        EnvironmentWorker *w = m_worker;
        connect(w, &EnvironmentWorker::storeFailed, this, [this](const QString &m) { fail(m); });
        connect(w, &EnvironmentWorker::environmentFailed, this,
                [this](const QString &, const QString &m) { fail(m); });
        connect(w, &EnvironmentWorker::rolloutRejected, this,
                [this](const QString &m) { fail(m); });
        connect(w, &EnvironmentWorker::environmentOpened, this, [this] {
            // The window's first layout and paint of its 50 charts are not part of either phase.
            QTimer::singleShot(2000, this, [this] { nextRound(); });
        });
        connect(w, &EnvironmentWorker::rolloutProposed, this, [this](RolloutRequest request) {
            request.plan.rollbackWindowSec = 0; // the next round rolls out again at once
            if (m_checkIntervalSec > 0) {
                // The same virtual length per step, in more, shorter windows: more samples.
                request.plan.checksPerStep =
                    std::max(1, request.plan.checkIntervalSec / m_checkIntervalSec);
                request.plan.checkIntervalSec = m_checkIntervalSec;
            }
            QMetaObject::invokeMethod(
                m_worker, [w = m_worker, request] { w->startRollout(request); },
                Qt::QueuedConnection);
        });
        connect(w, &EnvironmentWorker::rolloutStarted, this,
                [this](qint64 id, const RolloutRecord &record, bool) {
                    const int i = int(record.app.mid(3).toInt()) - 1;
                    m_index[id] = i;
                    m_timelines[i]->clear();
                    m_timelines[i]->setPlan(record.plan);
                });
        connect(w, &EnvironmentWorker::journaled, this,
                [this](qint64 id, const JournalEvent &event) { m_lastAt[id] = event.at; });
        connect(w, &EnvironmentWorker::weightsChanged, this,
                [this](qint64 id, const WeightSplit &split) {
                    if (MetricsTimeline *t = timeline(id))
                        t->addWeightChange(m_lastAt[id], split);
                });
        connect(w, &EnvironmentWorker::checkCompleted, this,
                [this](qint64 id, const CheckResult &check) {
                    if (MetricsTimeline *t = timeline(id)) {
                        t->checkCompleted(check);
                        ++m_checks;
                    }
                });
        connect(w, &EnvironmentWorker::decisionMade, this,
                [this](qint64 id, const Decision &decision) {
                    if (MetricsTimeline *t = timeline(id))
                        t->decisionMade(decision);
                });
        connect(w, &EnvironmentWorker::finished, this,
                [this](qint64 id, RolloutState state, const QString &) {
                    m_outcomes[outcomeName(state)] += 1;
                    m_index.erase(id);
                    if (m_index.empty() && m_started == kRollouts)
                        loadedDone();
                });
    }

    MetricsTimeline *timeline(qint64 id)
    {
        const auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : m_timelines[it->second].get();
    }

    void nextRound()
    {
        if (m_round == m_rounds) {
            report();
            QCoreApplication::quit();
            return;
        }
        ++m_round;
        m_idle.emplace_back();
        m_phaseClock.start();
        m_meter.collectInto(&m_idle.back());
        QTimer::singleShot(m_idleSec * 1000, this, [this] {
            m_idle.back().seconds = double(m_phaseClock.elapsed()) / 1000;
            startLoaded();
        });
    }

    void startLoaded()
    {
        m_loaded.emplace_back();
        m_started = 0;
        m_checks = 0;
        m_phaseClock.start();
        m_meter.collectInto(&m_loaded.back());
        for (int i = 0; i < kRollouts; ++i) {
            QMetaObject::invokeMethod(
                m_worker,
                [w = m_worker, app = appName(i)] {
                    w->proposeRollout(QStringLiteral("sandbox"), app, QStringLiteral("bench"));
                },
                Qt::QueuedConnection);
        }
        m_started = kRollouts;
    }

    void loadedDone()
    {
        m_meter.collectInto(nullptr);
        m_loaded.back().seconds = double(m_phaseClock.elapsed()) / 1000;
        const StallPhase &idle = m_idle.back();
        const StallPhase &loaded = m_loaded.back();
        if (m_round == 1)
            m_out << "round  idle_s  idle_p99  idle_max  loaded_s  checks  loaded_p99  "
                     "loaded_p99_time  loaded_max  loaded_cpu_max  stalled%  loadavg"
                  << Qt::endl;
        m_out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9  %10  %11  %12")
                     .arg(m_round, 5)
                     .arg(idle.seconds, 6, 'f', 1)
                     .arg(idle.p(0.99), 8, 'f', 2)
                     .arg(idle.max(), 8, 'f', 1)
                     .arg(loaded.seconds, 8, 'f', 1)
                     .arg(m_checks, 6)
                     .arg(loaded.p(0.99), 10, 'f', 2)
                     .arg(loaded.pTime(0.99), 15, 'f', 2)
                     .arg(loaded.max(), 10, 'f', 1)
                     .arg(loaded.cpuMax(), 14, 'f', 1)
                     .arg(100 * loaded.shareOver(16), 8, 'f', 1)
                     .arg(loadAverage())
              << Qt::endl;
        nextRound();
    }

    void report()
    {
        StallPhase idle, loaded;
        std::vector<double> idleP99, loadedP99;
        for (const auto &[all, phases, p99s] :
             {std::tuple{&idle, &m_idle, &idleP99}, std::tuple{&loaded, &m_loaded, &loadedP99}}) {
            for (const StallPhase &p : *phases) {
                all->gaps.insert(all->gaps.end(), p.gaps.begin(), p.gaps.end());
                all->cpu.insert(all->cpu.end(), p.cpu.begin(), p.cpu.end());
                all->seconds += p.seconds;
                p99s->push_back(p.p(0.99));
            }
        }
        QStringList outcomes;
        for (const auto &[name, count] : m_outcomes)
            outcomes << QStringLiteral("%1 %2").arg(count).arg(name);
        m_out << QStringLiteral("platform=%1 window=2560x1440 panels=10 speed=%2 rounds=%3, "
                                "rollouts: %4")
                     .arg(QGuiApplication::platformName())
                     .arg(m_speed)
                     .arg(m_rounds)
                     .arg(outcomes.join(QStringLiteral(", ")))
              << Qt::endl;
        for (const auto &[name, phase] : {std::pair{"idle  ", &idle}, {"loaded", &loaded}}) {
            m_out << QStringLiteral("%1 %2 s, %3 ticks: p50 %4 ms, p99 %5 ms, p99 by time %6 ms, "
                                    "max %7 ms, %8 gaps > 16 ms = %9 % of the time; GUI-thread CPU "
                                    "in a gap: p99 "
                                    "%10 ms, max %11 ms")
                         .arg(QString::fromLatin1(name))
                         .arg(phase->seconds, 0, 'f', 1)
                         .arg(phase->gaps.size())
                         .arg(phase->p(0.5), 0, 'f', 2)
                         .arg(phase->p(0.99), 0, 'f', 2)
                         .arg(phase->pTime(0.99), 0, 'f', 2)
                         .arg(phase->max(), 0, 'f', 1)
                         .arg(phase->over(16))
                         .arg(100 * phase->shareOver(16), 0, 'f', 1)
                         .arg(phase->cpuP(0.99), 0, 'f', 2)
                         .arg(phase->cpuMax(), 0, 'f', 1)
                  << Qt::endl;
        }
        m_out << QStringLiteral("ratio loaded/idle: p99 %1x (median of the rounds' p99: %2 / %3 "
                                "ms = %4x), p99 by time %5x, max %6x")
                     .arg(loaded.p(0.99) / idle.p(0.99), 0, 'f', 2)
                     .arg(median(loadedP99), 0, 'f', 2)
                     .arg(median(idleP99), 0, 'f', 2)
                     .arg(median(loadedP99) / median(idleP99), 0, 'f', 2)
                     .arg(loaded.pTime(0.99) / idle.pTime(0.99), 0, 'f', 2)
                     .arg(loaded.max() / idle.max(), 0, 'f', 2)
              << Qt::endl;
        const auto verdict = [](double ms) {
            return ms < 16 ? QStringLiteral("met") : QStringLiteral("not met");
        };
        m_out << QStringLiteral("goal loaded p99 < 16 ms: by ticks %1 ms %2, by time %3 ms %4; "
                                "longest stall %5 ms, of it GUI-thread CPU at most %6 ms")
                     .arg(loaded.p(0.99), 0, 'f', 2)
                     .arg(verdict(loaded.p(0.99)))
                     .arg(loaded.pTime(0.99), 0, 'f', 2)
                     .arg(verdict(loaded.pTime(0.99)))
                     .arg(loaded.max(), 0, 'f', 1)
                     .arg(loaded.cpuMax(), 0, 'f', 1)
              << Qt::endl;
    }

    void fail(const QString &message)
    {
        m_out << "event_loop_stall: " << message << Qt::endl;
        m_failed = true;
        QCoreApplication::exit(1);
    }

    const int m_rounds;
    const double m_speed;
    const int m_idleSec;
    const int m_checkIntervalSec;
    QTextStream &m_out;

    QTemporaryDir m_dataDir;
    QWidget m_window;
    std::array<std::unique_ptr<MetricsTimeline>, kRollouts> m_timelines;
    std::array<MetricsPanel *, kRollouts> m_panels{};
    BenchWorkerThread m_workerThread{m_dataDir.path()};
    EnvironmentWorker *m_worker = nullptr; ///< m_workerThread's, for connecting and invoking

    StallMeter m_meter;
    QElapsedTimer m_phaseClock;
    std::vector<StallPhase> m_idle, m_loaded;
    int m_round = 0;
    int m_started = 0;
    int m_checks = 0;
    std::map<qint64, int> m_index; ///< running rollout id → its panel
    std::map<qint64, QDateTime> m_lastAt;
    std::map<QString, int> m_outcomes;
    bool m_failed = false;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Idle + loaded rounds."),
                                          QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
                                         QStringLiteral("Virtual seconds per real second."),
                                         QStringLiteral("x"), QStringLiteral("10"));
    const QCommandLineOption idleOption(QStringLiteral("idle"),
                                        QStringLiteral("Seconds of the idle phase per round."),
                                        QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption intervalOption(
        QStringLiteral("check-interval"),
        QStringLiteral("Check window in virtual seconds (default: the scenario's, 60); the "
                       "steps keep their length in more checks."),
        QStringLiteral("s"), QStringLiteral("0"));
    parser.addOptions({roundsOption, speedOption, idleOption, intervalOption});
    parser.process(app);

    QTextStream out(stdout);
    Bench bench(std::max(1, parser.value(roundsOption).toInt()),
                parser.value(speedOption).toDouble(), std::max(1, parser.value(idleOption).toInt()),
                parser.value(intervalOption).toInt(), out);
    const int code = QApplication::exec();
    return code ? code : bench.exitCode();
}
