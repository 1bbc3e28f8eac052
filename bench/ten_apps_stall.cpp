// ten_apps_stall: the GUI thread's event-loop stalls (p99 and max, by ticks and by time) while
// ten real rollouts — ten applications of one environment profile, each its own Swarm service
// pair behind the Traefik stand-in — run at once with live charts, against the same process idle,
// in one run. Run through bench/ten-apps/run.sh, which sets up the real environment and the load;
// see bench/README.md.
//
//     build/bin/ten_apps_stall --config-dir DIR --data-dir DIR [--env NAME] [--version V]
//                              [--idle SEC] [--settle SEC]
//
// The process is composed as the desktop application composes its rollouts: the product's
// EnvironmentWorker (app/gui) on a thread of its own opens the environment (its profile in
// DIR/environments/NAME.yaml), the history database and one engine per rollout; the GUI thread
// hears its signals queued and feeds one MetricsTimeline per rollout, each drawn by a
// MetricsPanel (five charts), the panels in one 2560×1440 window (offscreen unless
// QT_QPA_PLATFORM says otherwise). The window's RolloutController follows one rollout at a time,
// so the rollouts are started on the worker, each from the worker's own proposal.
//
// A 1-ms precise QTimer on the GUI thread records the gap between its ticks (StallMeter). The
// run is: the window shown and settled (--settle s, not measured), idle (--idle s), loaded (every
// application of the environment rolled out at once, until all have finished), idle again (--idle
// s, the charts now full). Idle is the two idle phases together. The last line is
// `loaded_p99=… loaded_p99_time=… loaded_max=… idle_p99=… idle_max=… succeeded=N/M`.

#include "BenchWorkerThread.h"
#include "EnvironmentWorker.h"
#include "RolloutController.h"
#include "StallMeter.h"

#include "charts/MetricsPanel.h"
#include "metrics/MetricsTimeline.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <vector>

using namespace optimist;
using namespace optimist::bench;

namespace {

class Bench : public QObject
{
public:
    struct Settings
    {
        QString configDir;
        QString dataDir;
        QString environment;
        QString version; ///< empty: the worker's proposal
        int idleSec = 10;
        int settleSec = 3;
    };

    Bench(Settings settings, QTextStream &out)
        : m_settings(std::move(settings))
        , m_out(out)
    {
        m_grid = new QGridLayout(&m_window);
        m_grid->setContentsMargins(0, 0, 0, 0);
        m_grid->setSpacing(2);
        m_window.resize(2560, 1440);

        m_worker = m_workerThread.worker();
        connectWorker();
        EnvironmentRuntime::Options options;
        options.dataDir = m_settings.dataDir;
        options.configDir = m_settings.configDir;
        options.environment = m_settings.environment;
        m_workerThread.open(options);
    }

    ~Bench() override { m_workerThread.stop(); }

    int exitCode() const { return m_failed ? 1 : 0; }

private:
    /// One application's rollout and its charts.
    struct Rollout
    {
        QString app;
        std::unique_ptr<MetricsTimeline> timeline;
        MetricsPanel *panel = nullptr;
        QDateTime lastJournalAt;
        bool finished = false;
    };

    void connectWorker()
    {
        using W = EnvironmentWorker;
        connect(m_worker, &W::storeFailed, this, [this](const QString &m) { fail(m); });
        connect(m_worker, &W::environmentFailed, this,
                [this](const QString &, const QString &m) { fail(m); });
        connect(m_worker, &W::rolloutRejected, this, [this](const QString &m) { fail(m); });
        connect(m_worker, &W::environmentOpened, this,
                [this](const QString &, const QStringList &apps) { showPanels(apps); });
        connect(m_worker, &W::rolloutProposed, this, [this](RolloutRequest request) {
            if (!m_settings.version.isEmpty())
                request.version = m_settings.version;
            QMetaObject::invokeMethod(
                m_worker, [w = m_worker, request] { w->startRollout(request); },
                Qt::QueuedConnection);
        });
        connect(m_worker, &W::rolloutStarted, this,
                [this](qint64 id, const RolloutRecord &record, bool) {
                    for (Rollout &r : m_rollouts) {
                        if (r.app != record.app)
                            continue;
                        m_index[id] = &r;
                        r.timeline->clear();
                        r.timeline->setPlan(record.plan);
                        r.lastJournalAt = record.startedAt;
                        m_out << QStringLiteral("%1: rollout #%2 %3 → %4 started at %5 s")
                                     .arg(record.app)
                                     .arg(id)
                                     .arg(record.fromVersion, record.toVersion)
                                     .arg(double(m_phaseClock.elapsed()) / 1000, 0, 'f', 1)
                              << Qt::endl;
                    }
                });
        connect(m_worker, &W::journaled, this, [this](qint64 id, const JournalEvent &event) {
            if (Rollout *r = rollout(id))
                r->lastJournalAt = event.at;
        });
        connect(m_worker, &W::weightsChanged, this, [this](qint64 id, const WeightSplit &split) {
            if (Rollout *r = rollout(id))
                r->timeline->addWeightChange(r->lastJournalAt, split);
        });
        connect(m_worker, &W::checkCompleted, this, [this](qint64 id, const CheckResult &check) {
            if (Rollout *r = rollout(id)) {
                r->timeline->checkCompleted(check);
                ++m_checks;
            }
        });
        connect(m_worker, &W::decisionMade, this, [this](qint64 id, const Decision &decision) {
            if (Rollout *r = rollout(id))
                r->timeline->decisionMade(decision);
        });
        connect(m_worker, &W::finished, this,
                [this](qint64 id, RolloutState state, const QString &reason) {
                    Rollout *r = rollout(id);
                    if (!r)
                        return;
                    r->finished = true;
                    m_outcomes[outcomeName(state)] += 1;
                    if (state == RolloutState::Succeeded)
                        ++m_succeeded;
                    m_out << QStringLiteral("%1: %2 at %3 s: %4")
                                 .arg(r->app, stateName(state))
                                 .arg(double(m_phaseClock.elapsed()) / 1000, 0, 'f', 1)
                                 .arg(reason)
                          << Qt::endl;
                    if (std::all_of(m_rollouts.begin(), m_rollouts.end(),
                                    [](const Rollout &x) { return x.finished; }))
                        loadedDone();
                });
    }

    Rollout *rollout(qint64 id)
    {
        const auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : it->second;
    }

    void showPanels(const QStringList &apps)
    {
        if (apps.isEmpty())
            return fail(QStringLiteral("the environment has no application"));
        m_rollouts.resize(size_t(apps.size()));
        for (qsizetype i = 0; i < apps.size(); ++i) {
            Rollout &r = m_rollouts[size_t(i)];
            r.app = apps.at(i);
            r.timeline = std::make_unique<MetricsTimeline>();
            r.panel = new MetricsPanel(&m_window);
            r.panel->setTimeline(r.timeline.get());
            m_grid->addWidget(r.panel, int(i) / 5, int(i) % 5);
        }
        m_window.show();
        // The window's first layout and paint of its charts are not part of any phase.
        QTimer::singleShot(m_settings.settleSec * 1000, this,
                           [this] { idle(&m_idleBefore, [this] { startLoaded(); }); });
    }

    void idle(StallPhase *phase, std::function<void()> then)
    {
        m_phaseClock.start();
        m_meter.collectInto(phase);
        QTimer::singleShot(m_settings.idleSec * 1000, this, [this, phase, then] {
            m_meter.collectInto(nullptr);
            phase->seconds = double(m_phaseClock.elapsed()) / 1000;
            then();
        });
    }

    void startLoaded()
    {
        m_out << QStringLiteral("%1 rollouts at once, load average %2")
                     .arg(m_rollouts.size())
                     .arg(loadAverage())
              << Qt::endl;
        m_phaseClock.start();
        m_meter.collectInto(&m_loaded);
        for (const Rollout &r : m_rollouts)
            QMetaObject::invokeMethod(
                m_worker,
                [w = m_worker, environment = m_settings.environment, app = r.app] {
                    w->proposeRollout(environment, app, QStringLiteral("bench"));
                },
                Qt::QueuedConnection);
    }

    void loadedDone()
    {
        m_meter.collectInto(nullptr);
        m_loaded.seconds = double(m_phaseClock.elapsed()) / 1000;
        m_loadAverageLoaded = loadAverage();
        idle(&m_idleAfter, [this] {
            report();
            QCoreApplication::quit();
        });
    }

    void line(const char *name, const StallPhase &phase)
    {
        m_out << QStringLiteral("%1 %2 s, %3 ticks: p50 %4 ms, p99 %5 ms, p99 by time %6 ms, "
                                "max %7 ms, %8 gaps > 16 ms = %9 % of the time; GUI-thread CPU "
                                "in a gap: p99 %10 ms, max %11 ms")
                     .arg(QString::fromLatin1(name))
                     .arg(phase.seconds, 0, 'f', 1)
                     .arg(phase.gaps.size())
                     .arg(phase.p(0.5), 0, 'f', 2)
                     .arg(phase.p(0.99), 0, 'f', 2)
                     .arg(phase.pTime(0.99), 0, 'f', 2)
                     .arg(phase.max(), 0, 'f', 1)
                     .arg(phase.over(16))
                     .arg(100 * phase.shareOver(16), 0, 'f', 1)
                     .arg(phase.cpuP(0.99), 0, 'f', 2)
                     .arg(phase.cpuMax(), 0, 'f', 1)
              << Qt::endl;
    }

    void report()
    {
        StallPhase idle;
        for (const StallPhase *p : {&m_idleBefore, &m_idleAfter}) {
            idle.gaps.insert(idle.gaps.end(), p->gaps.begin(), p->gaps.end());
            idle.cpu.insert(idle.cpu.end(), p->cpu.begin(), p->cpu.end());
            idle.seconds += p->seconds;
        }
        QStringList outcomes;
        for (const auto &[name, count] : m_outcomes)
            outcomes << QStringLiteral("%1 %2").arg(count).arg(name);
        m_out << QStringLiteral("platform=%1 window=2560x1440 panels=%2 checks=%3, rollouts: %4; "
                                "load average at the loaded phase's end %5, now %6")
                     .arg(QGuiApplication::platformName())
                     .arg(m_rollouts.size())
                     .arg(m_checks)
                     .arg(outcomes.join(QStringLiteral(", ")), m_loadAverageLoaded, loadAverage())
              << Qt::endl;
        line("idle before", m_idleBefore);
        line("idle after ", m_idleAfter);
        line("idle       ", idle);
        line("loaded     ", m_loaded);
        m_out << QStringLiteral("ratio loaded/idle: p99 %1x, p99 by time %2x, max %3x")
                     .arg(m_loaded.p(0.99) / idle.p(0.99), 0, 'f', 2)
                     .arg(m_loaded.pTime(0.99) / idle.pTime(0.99), 0, 'f', 2)
                     .arg(m_loaded.max() / idle.max(), 0, 'f', 2)
              << Qt::endl;
        const auto verdict = [](double ms) {
            return ms < 16 ? QStringLiteral("met") : QStringLiteral("not met");
        };
        m_out << QStringLiteral("goal loaded p99 < 16 ms: by ticks %1 ms %2, by time %3 ms %4; "
                                "longest stall %5 ms, of it GUI-thread CPU at most %6 ms")
                     .arg(m_loaded.p(0.99), 0, 'f', 2)
                     .arg(verdict(m_loaded.p(0.99)))
                     .arg(m_loaded.pTime(0.99), 0, 'f', 2)
                     .arg(verdict(m_loaded.pTime(0.99)))
                     .arg(m_loaded.max(), 0, 'f', 1)
                     .arg(m_loaded.cpuMax(), 0, 'f', 1)
              << Qt::endl;
        m_out << QStringLiteral("loaded_p99=%1 loaded_p99_time=%2 loaded_max=%3 idle_p99=%4 "
                                "idle_max=%5 succeeded=%6/%7")
                     .arg(m_loaded.p(0.99), 0, 'f', 2)
                     .arg(m_loaded.pTime(0.99), 0, 'f', 2)
                     .arg(m_loaded.max(), 0, 'f', 1)
                     .arg(idle.p(0.99), 0, 'f', 2)
                     .arg(idle.max(), 0, 'f', 1)
                     .arg(m_succeeded)
                     .arg(m_rollouts.size())
              << Qt::endl;
        m_failed = m_succeeded != int(m_rollouts.size());
    }

    void fail(const QString &message)
    {
        m_out << "ten_apps_stall: " << message << Qt::endl;
        m_failed = true;
        QCoreApplication::exit(1);
    }

    const Settings m_settings;
    QTextStream &m_out;

    QWidget m_window;
    QGridLayout *m_grid = nullptr;
    std::vector<Rollout> m_rollouts;
    std::map<qint64, Rollout *> m_index; ///< rollout id → its application
    BenchWorkerThread m_workerThread{m_settings.dataDir};
    EnvironmentWorker *m_worker = nullptr; ///< m_workerThread's, for connecting and invoking

    StallMeter m_meter;
    QElapsedTimer m_phaseClock;
    StallPhase m_idleBefore, m_loaded, m_idleAfter;
    QString m_loadAverageLoaded;
    int m_checks = 0;
    int m_succeeded = 0;
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
    const QCommandLineOption configOption(QStringLiteral("config-dir"),
                                          QStringLiteral("Folder of environments/NAME.yaml."),
                                          QStringLiteral("dir"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("Folder of the history database."),
                                        QStringLiteral("dir"));
    const QCommandLineOption envOption(QStringLiteral("env"), QStringLiteral("Environment."),
                                       QStringLiteral("name"), QStringLiteral("bench"));
    const QCommandLineOption versionOption(
        QStringLiteral("version"),
        QStringLiteral("Version to roll out (default: the next after the running one)."),
        QStringLiteral("v"));
    const QCommandLineOption idleOption(QStringLiteral("idle"),
                                        QStringLiteral("Seconds of each idle phase."),
                                        QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption settleOption(
        QStringLiteral("settle"),
        QStringLiteral("Seconds after the window is shown before measuring."), QStringLiteral("s"),
        QStringLiteral("3"));
    parser.addOptions(
        {configOption, dataOption, envOption, versionOption, idleOption, settleOption});
    parser.process(app);
    if (!parser.isSet(configOption) || !parser.isSet(dataOption)) {
        QTextStream(stderr) << "ten_apps_stall: --config-dir and --data-dir are required\n";
        return 2;
    }

    QTextStream out(stdout);
    Bench bench({parser.value(configOption), parser.value(dataOption), parser.value(envOption),
                 parser.value(versionOption), std::max(1, parser.value(idleOption).toInt()),
                 std::max(0, parser.value(settleOption).toInt())},
                out);
    const int code = QApplication::exec();
    return code ? code : bench.exitCode();
}
