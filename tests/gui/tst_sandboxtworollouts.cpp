// Two rollouts at once in the embedded sandbox (portal and shop), composed as the desktop
// application composes them: one EnvironmentWorker on its own thread, the sandbox's clock paced
// against real time, the environment monitors polling every two real seconds.
//
// A paced clock used to measure the wait for its next call from the last call it ran, and to
// start that wait again whenever a call due sooner was scheduled. The monitors' reads (answered
// 5 virtual ms later) came every two real seconds, so a check window longer than that in real
// time never ended: the rollout stayed in Observing for good. With two applications (two
// monitors) a window of 1.5 real seconds (optimist-screenshots' speed) hung depending on how
// the monitors' polls fell; at kSpeed every window did.

#include "EnvironmentWorker.h"

#include "clock/VirtualClock.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <map>

using namespace optimist;

namespace {

/// A 60 s check window lasts 2.5 real seconds: longer than the monitors' poll interval.
constexpr double kSpeed = 24;
/// Generous for a few real seconds' work; a stalled clock fails within it (qWaitFor, not QTRY_*,
/// whose failure waits twice as long again to say whether more time would have helped).
constexpr int kTimeoutMs = 15000;
const QStringList kApps{QStringLiteral("portal"), QStringLiteral("shop")};

/// What the test saw of one rollout.
struct Seen
{
    QString app;
    RolloutState state = RolloutState::Idle;
    int step = -1;
    int checks = 0;
    int passed = 0;
    WeightSplit weights;
};

} // namespace

class TestSandboxTwoRollouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pacedCallIsNotPutOffByShorterCalls();
    void twoRolloutsGetPastTheirFirstCheck();

private:
    template <typename F> void onWorker(F fn)
    {
        QMetaObject::invokeMethod(m_worker, std::move(fn), Qt::QueuedConnection);
    }
    /// Where each rollout is, for a failure message.
    QByteArray describe() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QThread m_thread;
    EnvironmentWorker *m_worker = nullptr;
    QStringList m_opened;
    QStringList m_rejected;
    std::map<qint64, Seen> m_rollouts;
};

void TestSandboxTwoRollouts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_opened.clear();
    m_rejected.clear();
    m_rollouts.clear();
    qRegisterMetaType<RolloutState>("optimist::RolloutState");
    qRegisterMetaType<WeightSplit>("optimist::WeightSplit");
    qRegisterMetaType<CheckResult>("optimist::CheckResult");
    qRegisterMetaType<RolloutRecord>("optimist::RolloutRecord");
    qRegisterMetaType<RolloutRequest>("optimist::RolloutRequest");

    // As RolloutController does: the worker on its thread, heard back through queued signals.
    m_worker = new EnvironmentWorker(m_dir->filePath(QStringLiteral("data")));
    m_worker->moveToThread(&m_thread);
    EnvironmentWorker *w = m_worker;
    connect(w, &EnvironmentWorker::environmentOpened, this,
            [this](const QString &name) { m_opened << name; });
    connect(w, &EnvironmentWorker::environmentFailed, this,
            [this](const QString &, const QString &message) { m_rejected << message; });
    connect(w, &EnvironmentWorker::rolloutRejected, this,
            [this](const QString &message) { m_rejected << message; });
    connect(w, &EnvironmentWorker::rolloutProposed, this, [this](const RolloutRequest &request) {
        onWorker([w = m_worker, request] { w->startRollout(request); });
    });
    connect(w, &EnvironmentWorker::rolloutStarted, this,
            [this](qint64 id, const RolloutRecord &record) { m_rollouts[id].app = record.app; });
    connect(w, &EnvironmentWorker::stateChanged, this,
            [this](qint64 id, RolloutState state, int step) {
                m_rollouts[id].state = state;
                m_rollouts[id].step = step;
            });
    connect(w, &EnvironmentWorker::checkCompleted, this,
            [this](qint64 id, const CheckResult &check) {
                ++m_rollouts[id].checks;
                if (check.verdict == Verdict::Pass)
                    ++m_rollouts[id].passed;
            });
    connect(w, &EnvironmentWorker::weightsChanged, this,
            [this](qint64 id, const WeightSplit &split) { m_rollouts[id].weights = split; });
    m_thread.start();
    onWorker([w] { w->openStore(); });
}

void TestSandboxTwoRollouts::cleanup()
{
    // The worker, its engines, runtimes and clock go on their own thread.
    onWorker([w = m_worker] {
        delete w;
        QThread::currentThread()->quit();
    });
    QVERIFY(m_thread.wait(kTimeoutMs));
    m_worker = nullptr;
    m_dir.reset();
}

void TestSandboxTwoRollouts::pacedCallIsNotPutOffByShorterCalls()
{
    // The clock alone, on this thread: a call 60 virtual s away at kSpeed, while a call 5 ms
    // away is scheduled every 100 real ms (as often as a busy monitor reads).
    VirtualClock clock;
    clock.setPaced(kSpeed);
    const QDateTime start = clock.now();
    QDateTime ranAt;
    clock.schedule(std::chrono::seconds(60), this, [&] { ranAt = clock.now(); });
    QTimer poller;
    connect(&poller, &QTimer::timeout, this,
            [&] { clock.schedule(std::chrono::milliseconds(5), this, [] {}); });
    poller.start(100);
    QElapsedTimer real;
    real.start();
    QVERIFY(QTest::qWaitFor([&] { return ranAt.isValid(); }, kTimeoutMs));
    // At its time (the clock moves on with real time between the two reads), and not before
    // 60 / kSpeed real seconds had passed.
    const qint64 virtualMs = start.msecsTo(ranAt);
    QVERIFY2(virtualMs >= 60000 && virtualMs < 61000, qPrintable(QString::number(virtualMs)));
    QVERIFY2(real.elapsed() >= qint64(60000 / kSpeed) - 100,
             qPrintable(QString::number(real.elapsed())));
}

void TestSandboxTwoRollouts::twoRolloutsGetPastTheirFirstCheck()
{
    EnvironmentRuntime::Options options;
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.configDir = m_dir->filePath(QStringLiteral("config"));
    options.environment = QStringLiteral("sandbox");
    options.freshScenario = QStringLiteral("healthy");
    options.sandboxApps = kApps;
    options.speed = kSpeed;
    onWorker([w = m_worker, options] { w->openEnvironment(options); });
    QVERIFY(QTest::qWaitFor(
        [this] { return m_opened.contains(QStringLiteral("sandbox")) || !m_rejected.isEmpty(); },
        kTimeoutMs));
    QVERIFY2(m_rejected.isEmpty(), qPrintable(m_rejected.join(QLatin1Char('\n'))));

    // Both at once, as a release manager would start them from the New rollout dialog.
    for (const QString &app : kApps)
        onWorker([w = m_worker, app] {
            w->proposeRollout(QStringLiteral("sandbox"), app, QStringLiteral("tester"));
        });

    // Each one's first check is judged and passes, and its canary goes on to 25 %.
    auto pastFirstCheck = [this] {
        int past = 0;
        for (const auto &[id, seen] : m_rollouts)
            if (seen.passed >= 1 && seen.step >= 1 && seen.weights.green >= 25)
                ++past;
        return past == kApps.size();
    };
    QVERIFY2(QTest::qWaitFor(pastFirstCheck, kTimeoutMs), describe().constData());
    QCOMPARE(int(m_rollouts.size()), int(kApps.size()));
    QStringList apps;
    for (const auto &[id, seen] : m_rollouts) {
        apps << seen.app;
        QVERIFY(!isFinal(seen.state)); // still going, not rolled back
    }
    apps.sort();
    QCOMPARE(apps, QStringList({QStringLiteral("portal"), QStringLiteral("shop")}));
}

QByteArray TestSandboxTwoRollouts::describe() const
{
    QStringList lines = m_rejected;
    for (const auto &[id, seen] : m_rollouts)
        lines << QStringLiteral("#%1 %2: %3 at step %4, %5 check(s), weights %6")
                     .arg(id)
                     .arg(seen.app, stateName(seen.state))
                     .arg(seen.step + 1)
                     .arg(seen.checks)
                     .arg(seen.weights.toString());
    return lines.join(QLatin1Char('\n')).toUtf8();
}

QTEST_GUILESS_MAIN(TestSandboxTwoRollouts)
#include "tst_sandboxtworollouts.moc"
