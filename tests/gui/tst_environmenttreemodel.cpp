// The environments tree as the release manager reads it, fed by EnvironmentMonitor from the
// sandbox's real cluster and router ports: a rollout step's new weights show, a removed color
// disappears, a failing or silent cluster marks the environment disconnected with the reason
// and recovery reconnects — while the selection and the expanded rows stay where they were.

#include "common/ModelRoles.h"
#include "environments/EnvironmentMonitor.h"
#include "environments/EnvironmentTreeModel.h"

#include "clock/VirtualClock.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/SandboxEnvironment.h"
#include "sandbox/SandboxRouter.h"
#include "sandbox/Scenario.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTreeView>

#include <cmath>
#include <memory>
#include <optional>

using namespace optimist;
using namespace std::chrono_literals;

namespace {

const QString kEnv = QStringLiteral("sandbox");
const QString kApp = QStringLiteral("demo");

/// The sandbox's cluster, made to fail (answering an error through the clock, as a real
/// connection does) or to stay silent (keeping the reply unanswered) on demand.
class UnreliableCluster : public ClusterPort
{
public:
    UnreliableCluster(ClusterPort *inner, Clock *clock)
        : m_inner(inner)
        , m_clock(clock)
    {
    }

    std::optional<Error> failure;
    bool silent = false;
    int reads = 0;
    QList<Reply<AppSnapshot>> unanswered;

    void readApp(const QString &app, Reply<AppSnapshot> reply) override
    {
        ++reads;
        if (silent) {
            unanswered << reply;
            return;
        }
        if (failure) {
            m_clock->schedule(
                5ms, reply.context(), [reply, error = *failure] { reply(error); }, reply.token());
            return;
        }
        m_inner->readApp(app, reply);
    }
    void createColor(const QString &app, Color from, Color to, const QString &version,
                     WriteMode mode, Reply<WriteOutcome> reply) override
    {
        m_inner->createColor(app, from, to, version, mode, reply);
    }
    void waitHealthy(const QString &app, Color color, std::chrono::milliseconds timeout,
                     Reply<ColorService> reply) override
    {
        m_inner->waitHealthy(app, color, timeout, reply);
    }
    void scale(const QString &app, Color color, int replicas, WriteMode mode,
               Reply<WriteOutcome> reply) override
    {
        m_inner->scale(app, color, replicas, mode, reply);
    }
    void removeColor(const QString &app, Color color, WriteMode mode,
                     Reply<WriteOutcome> reply) override
    {
        m_inner->removeColor(app, color, mode, reply);
    }
    void runJob(const QString &app, const QString &version, const QStringList &command,
                std::chrono::milliseconds timeout, WriteMode mode, Reply<JobOutcome> reply) override
    {
        m_inner->runJob(app, version, command, timeout, mode, reply);
    }

private:
    ClusterPort *m_inner;
    Clock *m_clock;
};

/// A sandbox environment on a virtual clock, watched by a monitor that feeds a model.
struct Fixture
{
    Fixture()
        : environment(Scenario{}, &clock)
        , sandboxCluster(&environment)
        , cluster(&sandboxCluster, &clock)
        , router(&environment)
        , monitor(kEnv, &cluster, &router, {kApp})
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        QObject::connect(&monitor, &EnvironmentMonitor::applicationUpdated, &model,
                         &EnvironmentTreeModel::updateApplication);
        QObject::connect(&monitor, &EnvironmentMonitor::connectionChanged, &model,
                         &EnvironmentTreeModel::setEnvironment);
        QObject::connect(&monitor, &EnvironmentMonitor::applicationRemoved, &model,
                         &EnvironmentTreeModel::removeApplication);
    }

    /// One poll, answered on the virtual clock.
    bool poll()
    {
        QSignalSpy finished(&monitor, &EnvironmentMonitor::pollFinished);
        monitor.refreshNow();
        clock.runUntilIdle();
        return finished.count() == 1 && !monitor.isPolling();
    }

    /// Runs a port write to its answer, as the rollout engine does.
    template <typename Call> bool write(Call call)
    {
        bool ok = false;
        call(Reply<WriteOutcome>(&context, [&ok](const Result<WriteOutcome> &r) { ok = r.ok(); }));
        clock.runUntilIdle();
        return ok;
    }

    QString cell(Color color, int column) const
    {
        return model.colorIndex(kEnv, kApp, color, column).data().toString();
    }
    QVariant role(Color color, int role) const
    {
        return model.colorIndex(kEnv, kApp, color).data(role);
    }
    QString environmentState() const
    {
        return model.environmentIndex(kEnv).data(ConnectionStateRole).toString();
    }

    VirtualClock clock;
    SandboxEnvironment environment;
    SandboxCluster sandboxCluster;
    UnreliableCluster cluster;
    SandboxRouter router;
    EnvironmentMonitor monitor;
    EnvironmentTreeModel model;
    QAbstractItemModelTester tester;
    QObject context;
};

} // namespace

class TestEnvironmentTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheSandboxAsTheClusterHasIt()
    {
        Fixture f;
        QVERIFY(f.poll());

        QCOMPARE(f.model.rowCount(), 1);
        const QModelIndex env = f.model.environmentIndex(kEnv);
        QCOMPARE(env.data().toString(), kEnv);
        QCOMPARE(f.environmentState(), QStringLiteral("connected"));
        QCOMPARE(f.model.rowCount(env), 1);
        const QModelIndex app = f.model.applicationIndex(kEnv, kApp);
        QCOMPARE(app.data().toString(), kApp);
        QCOMPARE(f.model.rowCount(app), 1); // green does not exist before a rollout

        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::NameColumn), QStringLiteral("blue"));
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::VersionColumn), QStringLiteral("v1"));
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::ReplicasColumn),
                 QStringLiteral("2 / 2"));
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::WeightColumn), QStringLiteral("100 %"));
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::HealthColumn),
                 QStringLiteral("Healthy"));
        QCOMPARE(f.role(Color::Blue, WeightRole).toInt(), 100);
        QCOMPARE(f.role(Color::Blue, HealthRole).toString(), QStringLiteral("healthy"));
        QVERIFY(std::isnan(f.role(Color::Blue, BioEnergyRole).toDouble()));
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::BioEnergyColumn), QString());
        QCOMPARE(f.model.colorIndex(kEnv, kApp, Color::Blue)
                     .data(Qt::DecorationRole)
                     .value<QColor>()
                     .blue(),
                 0xe5); // the blue swatch
    }

    void aRolloutStepShowsItsNewWeights()
    {
        Fixture f;
        QVERIFY(f.poll());

        // The rollout deploys green: it appears as one new row, starting.
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QVERIFY(f.write([&](Reply<WriteOutcome> r) {
            f.cluster.createColor(kApp, Color::Blue, Color::Green, QStringLiteral("v2"),
                                  WriteMode::Apply, r);
        }));
        QVERIFY(f.poll());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(0).value<QModelIndex>(), f.model.applicationIndex(kEnv, kApp));
        QCOMPARE(f.cell(Color::Green, EnvironmentTreeModel::VersionColumn), QStringLiteral("v2"));
        QCOMPARE(f.cell(Color::Green, EnvironmentTreeModel::HealthColumn),
                 QStringLiteral("Starting"));
        QCOMPARE(f.cell(Color::Green, EnvironmentTreeModel::WeightColumn), QStringLiteral("0 %"));

        f.clock.advance(20s); // past the canary's start-up
        QVERIFY(f.poll());
        QCOMPARE(f.cell(Color::Green, EnvironmentTreeModel::HealthColumn),
                 QStringLiteral("Healthy"));

        // The first step: 10 % to green. Only the weight cells change.
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QVERIFY(f.write([&](Reply<WriteOutcome> r) {
            f.router.writeWeights(kApp, WeightSplit::canaryAt(Color::Green, 10), WriteMode::Apply,
                                  r);
        }));
        QVERIFY(f.poll());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::WeightColumn), QStringLiteral("90 %"));
        QCOMPARE(f.cell(Color::Green, EnvironmentTreeModel::WeightColumn), QStringLiteral("10 %"));
        QCOMPARE(f.role(Color::Green, WeightRole).toInt(), 10);
        QCOMPARE(f.model.applicationIndex(kEnv, kApp, EnvironmentTreeModel::WeightColumn)
                     .data()
                     .toString(),
                 QStringLiteral("blue 90 % · green 10 %"));
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).value<QModelIndex>();
            const auto to = args.at(1).value<QModelIndex>();
            QCOMPARE(from.column(), int(EnvironmentTreeModel::WeightColumn));
            QCOMPARE(to.column(), int(EnvironmentTreeModel::WeightColumn));
        }
        QCOMPARE(changed.count(), 3); // blue, green, the application's split

        // Nothing changed: nothing is signalled.
        changed.clear();
        QVERIFY(f.poll());
        QCOMPARE(changed.count(), 0);
    }

    void aRemovedColorDisappears()
    {
        Fixture f;
        QVERIFY(f.write([&](Reply<WriteOutcome> r) {
            f.cluster.createColor(kApp, Color::Blue, Color::Green, QStringLiteral("v2"),
                                  WriteMode::Apply, r);
        }));
        QVERIFY(f.poll());
        f.model.setBioEnergy(kEnv, kApp, Color::Green, 64.25);
        QCOMPARE(f.model.rowCount(f.model.applicationIndex(kEnv, kApp)), 2);

        // Rolled back: green is removed.
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(f.write([&](Reply<WriteOutcome> r) {
            f.cluster.removeColor(kApp, Color::Green, WriteMode::Apply, r);
        }));
        QVERIFY(f.poll());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(f.model.rowCount(f.model.applicationIndex(kEnv, kApp)), 1);
        QVERIFY(!f.model.colorIndex(kEnv, kApp, Color::Green).isValid());
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::VersionColumn), QStringLiteral("v1"));

        // A green deployed again is another release: the old score is not shown for it.
        QVERIFY(f.write([&](Reply<WriteOutcome> r) {
            f.cluster.createColor(kApp, Color::Blue, Color::Green, QStringLiteral("v3"),
                                  WriteMode::Apply, r);
        }));
        QVERIFY(f.poll());
        QCOMPARE(f.cell(Color::Green, EnvironmentTreeModel::BioEnergyColumn), QString());
    }

    void showsTheLatestBioEnergyWithOneDecimal()
    {
        Fixture f;
        QVERIFY(f.poll());
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.model.setBioEnergy(kEnv, kApp, Color::Blue, 87.26);
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::BioEnergyColumn),
                 QStringLiteral("87.3"));
        QCOMPARE(f.role(Color::Blue, BioEnergyRole).toDouble(), 87.26);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().column(),
                 int(EnvironmentTreeModel::BioEnergyColumn));

        // It stays through the next polls.
        QVERIFY(f.poll());
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::BioEnergyColumn),
                 QStringLiteral("87.3"));
    }

    void aFailingClusterDisconnectsWithTheReasonAndRecoveryReconnects()
    {
        Fixture f;
        QSignalSpy states(&f.monitor, &EnvironmentMonitor::connectionChanged);
        QVERIFY(f.poll());
        QCOMPARE(f.environmentState(), QStringLiteral("connected"));

        const QString reason = QStringLiteral("cannot connect to unix:///var/run/docker.sock: "
                                              "connection refused");
        f.cluster.failure = Error{Error::Kind::Unreachable, reason};
        QVERIFY(f.poll());
        QCOMPARE(f.environmentState(), QStringLiteral("disconnected"));
        const QModelIndex env = f.model.environmentIndex(kEnv);
        QCOMPARE(env.data(ConnectionErrorRole).toString(), reason);
        QVERIFY2(env.data(Qt::ToolTipRole).toString().contains(reason),
                 qPrintable(env.data(Qt::ToolTipRole).toString()));
        QCOMPARE(
            f.model.environmentIndex(kEnv, EnvironmentTreeModel::HealthColumn).data().toString(),
            QStringLiteral("Disconnected: ") + reason);
        // The last known state stays shown, greyed.
        QCOMPARE(f.cell(Color::Blue, EnvironmentTreeModel::VersionColumn), QStringLiteral("v1"));
        QVERIFY(f.role(Color::Blue, Qt::ForegroundRole).isValid());

        // Still failing: reported once, not at every poll.
        QVERIFY(f.poll());
        QCOMPARE(states.count(), 2);

        f.cluster.failure.reset();
        QVERIFY(f.poll());
        QCOMPARE(f.environmentState(), QStringLiteral("connected"));
        QCOMPARE(f.model.environmentIndex(kEnv).data(ConnectionErrorRole).toString(), QString());
        QVERIFY(!f.role(Color::Blue, Qt::ForegroundRole).isValid());
        QCOMPARE(states.count(), 3);
    }

    void aSilentClusterTimesOutAndPollsNeverOverlap()
    {
        Fixture f;
        QVERIFY(f.poll());
        f.cluster.silent = true;
        f.monitor.setTimeout(200ms);
        QSignalSpy states(&f.monitor, &EnvironmentMonitor::connectionChanged);
        const int readsBefore = f.cluster.reads;

        f.monitor.refreshNow();
        QVERIFY(f.monitor.isPolling());
        f.monitor.refreshNow(); // asked twice during the poll: one more poll afterwards
        f.monitor.refreshNow();
        QCOMPARE(f.cluster.reads, readsBefore + 1);

        QVERIFY(states.wait());
        QCOMPARE(f.environmentState(), QStringLiteral("disconnected"));
        QVERIFY2(f.model.environmentIndex(kEnv)
                     .data(ConnectionErrorRole)
                     .toString()
                     .contains(QStringLiteral("did not answer within 0.2 s")),
                 qPrintable(f.model.environmentIndex(kEnv).data(ConnectionErrorRole).toString()));
        // The queued refresh started right after the timed-out poll, and only one.
        QCOMPARE(f.cluster.reads, readsBefore + 2);
        QVERIFY(f.monitor.isPolling());

        // A late answer to the abandoned poll is dropped.
        QVERIFY(f.cluster.unanswered.first().isCancelled());

        f.cluster.silent = false;
        QTRY_VERIFY(!f.monitor.isPolling()); // the second poll times out too
        QVERIFY(f.poll());
        QCOMPARE(f.environmentState(), QStringLiteral("connected"));
    }

    void destroyingTheMonitorCancelsItsPoll()
    {
        Fixture f;
        f.cluster.silent = true;
        auto monitor =
            std::make_unique<EnvironmentMonitor>(kEnv, &f.cluster, &f.router, QStringList{kApp});
        monitor->refreshNow();
        QCOMPARE(f.cluster.unanswered.size(), 1);
        QVERIFY(!f.cluster.unanswered.first().isCancelled());
        monitor.reset();
        QVERIFY(f.cluster.unanswered.first().isCancelled());
    }

    void pollsEveryIntervalOnceStarted()
    {
        Fixture f;
        f.clock.setPaced(1000); // the sandbox answers on real timers
        f.monitor.setInterval(30ms);
        QSignalSpy states(&f.monitor, &EnvironmentMonitor::connectionChanged);
        f.monitor.start();
        QCOMPARE(states.count(), 1);
        QCOMPARE(states.first().at(1).value<ConnectionState>(), ConnectionState::Connecting);
        QTRY_COMPARE(f.environmentState(), QStringLiteral("connected"));

        // A change the monitor was not told about shows on a later poll by itself.
        f.environment.writeWeights(WeightSplit{75, 25});
        QTRY_COMPARE(f.cell(Color::Blue, EnvironmentTreeModel::WeightColumn),
                     QStringLiteral("75 %"));

        f.monitor.stop();
        QVERIFY(!f.monitor.isPolling());
        QSignalSpy polls(&f.monitor, &EnvironmentMonitor::pollFinished);
        QVERIFY(!polls.wait(100)); // stopped: no poll in three intervals
    }

    void selectionAndExpansionSurviveUpdates()
    {
        Fixture f;
        QVERIFY(f.write([&](Reply<WriteOutcome> r) {
            f.cluster.createColor(kApp, Color::Blue, Color::Green, QStringLiteral("v2"),
                                  WriteMode::Apply, r);
        }));
        QVERIFY(f.poll());

        QTreeView view;
        view.setModel(&f.model);
        view.expandAll();
        const QModelIndex app = f.model.applicationIndex(kEnv, kApp);
        QVERIFY(view.isExpanded(app));
        view.selectionModel()->setCurrentIndex(f.model.colorIndex(kEnv, kApp, Color::Green),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);

        // Steps, a promotion to 100 %, then the old color is removed.
        for (int weight : {10, 25, 50, 100}) {
            QVERIFY(f.write([&](Reply<WriteOutcome> r) {
                f.router.writeWeights(kApp, WeightSplit::canaryAt(Color::Green, weight),
                                      WriteMode::Apply, r);
            }));
            QVERIFY(f.poll());
            QCOMPARE(view.selectionModel()->currentIndex().data(ColorRole).toInt(),
                     int(Color::Green));
        }
        QVERIFY(f.write([&](Reply<WriteOutcome> r) {
            f.cluster.removeColor(kApp, Color::Blue, WriteMode::Apply, r);
        }));
        QVERIFY(f.poll());

        // Green moved up to the first row and is still the one selected.
        const QModelIndexList selected = view.selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), 0);
        QCOMPARE(selected.first().data(ColorRole).toInt(), int(Color::Green));
        QCOMPARE(
            selected.first().siblingAtColumn(EnvironmentTreeModel::WeightColumn).data().toString(),
            QStringLiteral("100 %"));
        QVERIFY(view.isExpanded(f.model.applicationIndex(kEnv, kApp)));
        QVERIFY(view.isExpanded(f.model.environmentIndex(kEnv)));
    }

    void applicationsComeAndGoWithTheMonitorsList()
    {
        Fixture f;
        f.monitor.setApplications({kApp, QStringLiteral("portal")});
        QVERIFY(f.poll());
        // The sandbox has no "portal": it shows as not deployed, and the environment is fine.
        const QModelIndex env = f.model.environmentIndex(kEnv);
        QCOMPARE(f.model.rowCount(env), 2);
        const QModelIndex portal = f.model.applicationIndex(kEnv, QStringLiteral("portal"));
        QCOMPARE(portal.row(), 1); // by name
        QCOMPARE(f.model.rowCount(portal), 0);
        QCOMPARE(f.model
                     .applicationIndex(kEnv, QStringLiteral("portal"),
                                       EnvironmentTreeModel::HealthColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Not deployed"));
        QCOMPARE(f.environmentState(), QStringLiteral("connected"));

        f.monitor.setApplications({kApp});
        QCOMPARE(f.model.rowCount(env), 1);
        QVERIFY(!f.model.applicationIndex(kEnv, QStringLiteral("portal")).isValid());
    }

    void anInsecureEnvironmentIsMarked()
    {
        EnvironmentTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEnvironment(QStringLiteral("prod"), ConnectionState::Connected);
        model.setEnvironment(QStringLiteral("lab"), ConnectionState::Connected);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setInsecureHttp(QStringLiteral("lab"), true);
        QCOMPARE(changed.count(), 1);
        const QModelIndex lab = model.environmentIndex(QStringLiteral("lab"));
        const QModelIndex prod = model.environmentIndex(QStringLiteral("prod"));
        QVERIFY(lab.data(InsecureHttpRole).toBool());
        QVERIFY(!prod.data(InsecureHttpRole).toBool());
        QCOMPARE(lab.data(Qt::DisplayRole).toString(), QStringLiteral("lab (insecure HTTP)"));
        QCOMPARE(lab.data(SortRole).toString(), QStringLiteral("lab"));
        QVERIFY(lab.data(Qt::ToolTipRole).toString().contains(QStringLiteral("allowInsecureHttp")));
        QCOMPARE(prod.data(Qt::DisplayRole).toString(), QStringLiteral("prod"));
        model.setInsecureHttp(QStringLiteral("lab"), false);
        QCOMPARE(lab.data(Qt::DisplayRole).toString(), QStringLiteral("lab"));
    }

    void theMonitorWorksFromTheEnginesThread()
    {
        // As in the application: ports, clock and monitor live on the engine's worker thread
        // (created there), the model here; the monitor's values cross by queued connections.
        struct Worker : QThread
        {
            ~Worker() override
            {
                quit();
                wait();
            }
        } worker;
        QObject anchor;
        anchor.moveToThread(&worker);
        worker.start();

        struct Engine
        {
            VirtualClock clock;
            SandboxEnvironment environment{Scenario{}, &clock};
            SandboxCluster cluster{&environment};
            SandboxRouter router{&environment};
            EnvironmentMonitor monitor{kEnv, &cluster, &router, {kApp}};
        };
        std::unique_ptr<Engine> engine;
        const auto onWorker = [&anchor](auto fn) {
            QMetaObject::invokeMethod(&anchor, fn, Qt::BlockingQueuedConnection);
        };
        onWorker([&engine] {
            engine = std::make_unique<Engine>();
            engine->clock.setPaced(1000);
            engine->monitor.setInterval(20ms);
        });
        QCOMPARE(engine->monitor.thread(), &worker);

        EnvironmentTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(&engine->monitor, &EnvironmentMonitor::applicationUpdated, &model,
                &EnvironmentTreeModel::updateApplication, Qt::QueuedConnection);
        connect(&engine->monitor, &EnvironmentMonitor::connectionChanged, &model,
                &EnvironmentTreeModel::setEnvironment, Qt::QueuedConnection);
        QMetaObject::invokeMethod(&engine->monitor, &EnvironmentMonitor::start,
                                  Qt::QueuedConnection);

        const auto blueWeight = [&model] {
            return model.colorIndex(kEnv, kApp, Color::Blue, EnvironmentTreeModel::WeightColumn)
                .data()
                .toString();
        };
        QTRY_COMPARE(model.environmentIndex(kEnv).data(ConnectionStateRole).toString(),
                     QStringLiteral("connected"));
        QTRY_COMPARE(blueWeight(), QStringLiteral("100 %"));
        onWorker([&engine] { engine->environment.writeWeights(WeightSplit{60, 40}); });
        QTRY_COMPARE(blueWeight(), QStringLiteral("60 %"));

        onWorker([&engine] { engine.reset(); });
    }
};

QTEST_MAIN(TestEnvironmentTreeModel)
#include "tst_environmenttreemodel.moc"
