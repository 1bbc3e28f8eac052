// Ten applications rolled out at once in one desktop-application process against the real test
// environment (issue 7, "Load"): the test dockerd's Swarm, Redis as Traefik's KV provider and the
// Traefik stand-in (its /metrics as the metrics source), one environment profile holding ten
// applications, each its own demo service pair (APP-blue on v1, adopted at 100 %) and its own
// router, each under 10 requests/s of the project's load generator.
//
// The process is composed as the desktop application composes its rollouts: the product's
// EnvironmentWorker (app/gui) on a thread of its own holds the environment, the history database
// and one engine per rollout; the GUI thread hears its signals queued and draws each rollout's
// live charts (a MetricsPanel over a MetricsTimeline, ten in one window). The main window's own
// RolloutController follows one rollout at a time and refuses a second start, so the ten are
// started on the worker directly, each from the worker's own proposal (the profile's plan).
//
// The plan is short on purpose, to keep the test within about three minutes on a shared machine:
// two steps, 50 and 100 %, 5-s checks. Per application the test asserts what a release
// manager would check: the rollout succeeded, the router holds green alone at 100 % and the
// stand-in serves only v2, Swarm holds only APP-green, the history's row says v1 → v2 succeeded,
// the charts drew both colors, and the users saw no failed request and no lost connection.

#include "EnvironmentWorker.h"
#include "RolloutController.h"

#include "charts/MetricChartView.h"
#include "charts/MetricsPanel.h"
#include "config/Locations.h"
#include "metrics/MetricsTimeline.h"
#include "store/SqliteHistoryStore.h"

#include <QApplication>
#include <QGridLayout>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWidget>

#include "e2e/E2eEnvironment.h"

using namespace optimist;
using namespace optimist::loadgen;
using optimist::test::await;
using optimist::test::E2eEnvironment;
using optimist::test::RolloutSteps;

namespace {

constexpr int kApps = 10;
/// Per application: low, so ten of them stay well within what the stand-in serves on a
/// loaded two-core machine, yet 25 requests reach the canary in a 5-s check at 50 %.
constexpr int kRatePerApp = 10;
constexpr int kRolloutsTimeoutMs = 240000;
const QString kEnvironment = QStringLiteral("e2e");

/// Two steps (50, 100 %), 5-s checks; the timings generous for ten green colors starting at
/// once on two cores.
const QString kPlan = QStringLiteral("  steps: [50, 100]\n"
                                     "  checkIntervalSec: 5\n"
                                     "  minRequestsPerCheck: 10\n"
                                     "  latencyStatistic: mean\n"
                                     "  healthTimeoutSec: 90\n"
                                     "  confirmTimeoutSec: 30\n"
                                     "  drainSec: 2\n");

} // namespace

class TestE2eTenApps : public QObject
{
    Q_OBJECT

    /// One application of the ten: its ports, its panel, what its rollout and its users saw.
    struct App
    {
        QString name;
        int bluePort = 0;
        int greenPort = 0;
        std::unique_ptr<MetricsTimeline> timeline;
        MetricsPanel *panel = nullptr;
        std::unique_ptr<LoadGenerator> load;
        qint64 rolloutId = 0;
        QList<JournalEvent> journal;
        QDateTime lastJournalAt;
        bool finished = false;
        RolloutState state = RolloutState::Idle;
        QString reason;
        qint64 endedAtMs = 0;

        QString service(Color color) const { return name + QLatin1Char('-') + colorName(color); }
        QByteArray hostHeader() const { return (name + QStringLiteral(".localhost")).toUtf8(); }
    };

    /// The stand-in, the Redis root key and the folders (its own application is not used).
    E2eEnvironment m_env;
    std::vector<std::unique_ptr<App>> m_apps;
    std::unique_ptr<DockerClient> m_client;
    std::unique_ptr<RedisConnection> m_redis;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<QThread> m_thread;
    EnvironmentWorker *m_worker = nullptr;
    QStringList m_rejections;

    App *appOf(qint64 rolloutId) const
    {
        for (const auto &a : m_apps)
            if (a->rolloutId == rolloutId && rolloutId != 0)
                return a.get();
        return nullptr;
    }

    App *appNamed(const QString &name) const
    {
        for (const auto &a : m_apps)
            if (a->name == name)
                return a.get();
        return nullptr;
    }

    Result<RedisValue> redis(const RedisConnection::Arguments &args)
    {
        using namespace std::chrono_literals;
        auto r = await<RedisValue>(
            [&](Reply<RedisValue> reply) {
                m_redis->command(args, [reply](const Result<RedisValue> &v) { reply(v); });
            },
            this, 10s);
        if (!r)
            return Error{Error::Kind::Timeout, QStringLiteral("no answer from Redis")};
        return *r;
    }

    /// The children of @p app's weighted service in Redis, "NAME=WEIGHT", sorted.
    QStringList weightsInForce(const App &app)
    {
        QStringList out;
        for (int i : {0, 1}) {
            const QString base = QStringLiteral("%1/http/services/%2/weighted/services/%3/")
                                     .arg(m_env.root, app.name)
                                     .arg(i);
            const auto r = redis({"MGET", (base + QStringLiteral("name")).toUtf8(),
                                  (base + QStringLiteral("weight")).toUtf8()});
            if (!r || r.value().elements.size() != 2 || r.value().elements.at(0).isNil())
                continue;
            out << QString::fromUtf8(r.value().elements.at(0).text) + QLatin1Char('=') +
                       QString::fromUtf8(r.value().elements.at(1).text);
        }
        out.sort();
        return out;
    }

    LoadGenerator::Options loadOptions(const App &app, int rate) const
    {
        LoadGenerator::Options o = m_env.loadOptions(rate);
        o.hostHeader = app.hostHeader();
        return o;
    }

    /// Whether every application answers only 200s from @p version through the stand-in: a
    /// second of 20 requests/s each, all ten at once, retried until @p timeoutMs. The
    /// applications that did not, with what they answered, else empty.
    QStringList notServingOnly(const QString &version, int timeoutMs)
    {
        QStringList failing;
        QDeadlineTimer deadline(timeoutMs);
        do {
            std::vector<std::unique_ptr<LoadGenerator>> probes;
            for (const auto &a : m_apps) {
                probes.push_back(std::make_unique<LoadGenerator>(loadOptions(*a, 20)));
                probes.back()->start();
            }
            QTest::qWait(1000);
            for (auto &p : probes)
                p->stop();
            QDeadlineTimer drained(10000);
            while (!drained.hasExpired() &&
                   std::any_of(probes.begin(), probes.end(),
                               [](const auto &p) { return p->inFlight() > 0; }))
                QTest::qWait(20);
            failing.clear();
            for (size_t i = 0; i < probes.size(); ++i) {
                const LoadSecond totals = probes[i]->record().totals();
                if (totals.sent == 0 || totals.statuses.value(200) != totals.sent ||
                    totals.version(version) != totals.sent)
                    failing << m_apps[i]->name + QStringLiteral(": ") + totals.describe();
            }
        } while (!failing.isEmpty() && !deadline.hasExpired());
        return failing;
    }

    /// The environment profile: this Swarm, the Redis router under the environment's root key,
    /// the stand-in's API and /metrics, the ten applications and kPlan.
    void writeProfile()
    {
        QString applications;
        for (const auto &a : m_apps)
            applications += QStringLiteral("  - name: %1\n"
                                           "    ports: {blue: %2, green: %3}\n"
                                           "    rule: Host(`%1.localhost`)\n")
                                .arg(a->name)
                                .arg(a->bluePort)
                                .arg(a->greenPort);
        QVERIFY(QDir().mkpath(m_env.configDir() + QStringLiteral("/environments")));
        QFile profile(m_env.configDir() + QStringLiteral("/environments/e2e.yaml"));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        const QString text = QStringLiteral("name: e2e\n"
                                            "cluster:\n"
                                            "  kind: docker\n"
                                            "  endpoint: %1\n"
                                            "router:\n"
                                            "  kind: redis\n"
                                            "  address: %2\n"
                                            "  rootKey: %3\n"
                                            "  apiUrl: http://%4\n"
                                            "  traefikVersion: 3\n"
                                            "  entryPoints: [web]\n"
                                            "metrics:\n"
                                            "  kind: traefik\n"
                                            "  url: http://%4/metrics\n"
                                            "applications:\n"
                                            "%5"
                                            "plan:\n"
                                            "%6")
                                 .arg(qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"),
                                      qEnvironmentVariable("OPTIMIST_TEST_REDIS"), m_env.root,
                                      m_env.apiAddress(), applications, kPlan);
        QVERIFY(profile.write(text.toUtf8()) > 0);
    }

    /// Every APP-blue on v1, healthy, adopted in Redis at 100 % and served through the stand-in.
    void adoptTenBlues()
    {
        for (const auto &a : m_apps) {
            const auto created = m_env.swarm().createService(
                a->name, Color::Blue, m_env.image + QStringLiteral(":v1"), a->bluePort);
            QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        }
        // All ten start at once; each is waited for in turn.
        DockerCluster cluster(m_client.get(), DockerCluster::Options{});
        using namespace std::chrono_literals;
        for (const auto &a : m_apps) {
            auto healthy = await<ColorService>(
                [&](Reply<ColorService> reply) {
                    cluster.waitHealthy(a->name, Color::Blue, 90s, reply);
                },
                this, 100s);
            const bool ok = healthy && healthy->ok();
            QVERIFY2(ok, qPrintable(a->name + QStringLiteral(": ") +
                                    (ok        ? QString()
                                     : healthy ? healthy->error().message
                                               : QStringLiteral("waitHealthy never answered"))));
        }

        RedisConnection::Arguments mset{"MSET"};
        for (const auto &a : m_apps) {
            const QString router = m_env.root + QStringLiteral("/http/routers/") + a->name;
            const QString weighted = m_env.root + QStringLiteral("/http/services/") + a->name +
                                     QStringLiteral("/weighted/");
            const QList<std::pair<QString, QString>> keys{
                {router + QStringLiteral("/rule"),
                 QStringLiteral("Host(`%1.localhost`)").arg(a->name)},
                {router + QStringLiteral("/service"), a->name},
                {router + QStringLiteral("/entrypoints/0"), QStringLiteral("web")},
                {weighted + QStringLiteral("services/0/name"),
                 a->service(Color::Blue) + QStringLiteral("@swarm")},
                {weighted + QStringLiteral("services/0/weight"), QStringLiteral("100")},
                {weighted + QStringLiteral("sticky/cookie/name"),
                 a->name + QStringLiteral("_color")},
                {weighted + QStringLiteral("sticky/cookie/httpOnly"), QStringLiteral("true")},
            };
            for (const auto &[key, value] : keys)
                mset << key.toUtf8() << value.toUtf8();
        }
        QVERIFY(redis(mset).ok());
        const QStringList notServing = notServingOnly(QStringLiteral("v1"), 30000);
        QVERIFY2(notServing.isEmpty(), qPrintable(notServing.join(QLatin1Char('\n'))));
        writeProfile();
    }

    /// The window of ten metric panels and the product's EnvironmentWorker on its thread, with
    /// the worker's signals feeding each rollout's timeline, as the desktop application does.
    void composeProcess()
    {
        m_window = std::make_unique<QWidget>();
        m_window->setObjectName(QStringLiteral("tenRolloutsWindow"));
        auto *grid = new QGridLayout(m_window.get());
        for (size_t i = 0; i < m_apps.size(); ++i) {
            App &a = *m_apps[i];
            a.timeline = std::make_unique<MetricsTimeline>();
            a.panel = new MetricsPanel(m_window.get());
            a.panel->setObjectName(QStringLiteral("metrics_") + a.name);
            a.panel->setTimeline(a.timeline.get());
            grid->addWidget(a.panel, int(i) / 5, int(i) % 5);
        }
        m_window->resize(1920, 1080);
        m_window->show();

        RolloutController::registerMetaTypes();
        m_thread = std::make_unique<QThread>();
        m_thread->setObjectName(QStringLiteral("optimist-environments"));
        m_worker = new EnvironmentWorker(m_env.dataDir());
        m_worker->moveToThread(m_thread.get());
        using W = EnvironmentWorker;
        connect(m_worker, &W::rolloutRejected, this,
                [this](const QString &message) { m_rejections << message; });
        connect(m_worker, &W::rolloutProposed, this, [this](RolloutRequest request) {
            request.version = QStringLiteral("v2");
            QMetaObject::invokeMethod(
                m_worker, [w = m_worker, request] { w->startRollout(request); },
                Qt::QueuedConnection);
        });
        connect(m_worker, &W::rolloutStarted, this,
                [this](qint64 id, const RolloutRecord &record, bool) {
                    if (App *a = appNamed(record.app)) {
                        a->rolloutId = id;
                        a->timeline->clear();
                        a->timeline->setPlan(record.plan);
                        a->lastJournalAt = record.startedAt;
                    }
                });
        connect(m_worker, &W::journaled, this, [this](qint64 id, const JournalEvent &event) {
            if (App *a = appOf(id)) {
                a->journal << event;
                a->lastJournalAt = event.at;
            }
        });
        connect(m_worker, &W::weightsChanged, this, [this](qint64 id, const WeightSplit &split) {
            if (App *a = appOf(id))
                a->timeline->addWeightChange(a->lastJournalAt, split);
        });
        connect(m_worker, &W::checkCompleted, this, [this](qint64 id, const CheckResult &check) {
            if (App *a = appOf(id))
                a->timeline->checkCompleted(check);
        });
        connect(m_worker, &W::decisionMade, this, [this](qint64 id, const Decision &decision) {
            if (App *a = appOf(id))
                a->timeline->decisionMade(decision);
        });
        connect(m_worker, &W::finished, this,
                [this](qint64 id, RolloutState state, const QString &reason) {
                    if (App *a = appOf(id)) {
                        a->finished = true;
                        a->state = state;
                        a->reason = reason;
                        a->endedAtMs = QDateTime::currentMSecsSinceEpoch();
                    }
                });
        m_thread->start();
    }

    /// Destroys the worker (its engines, environment and store) on its own thread.
    void stopWorker()
    {
        if (!m_worker)
            return;
        QMetaObject::invokeMethod(
            m_worker,
            [w = m_worker] {
                delete w;
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
        m_thread->wait();
        m_worker = nullptr;
        m_thread.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
        // The profile names the test dockerd; nothing may redirect the application elsewhere.
        qunsetenv("DOCKER_HOST");
        QApplication::setQuitOnLastWindowClosed(false);
    }

    void init()
    {
        m_env.init(this);
        // Skipped (no servers) or failed: there is nothing to set up.
        if (QTest::currentTestFailed() || m_env.apiAddress().isEmpty())
            return;
        auto endpoint = DockerEndpoint::parseHost(qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST"),
                                                  false, QStringLiteral("test"));
        QVERIFY(endpoint);
        m_client = std::make_unique<DockerClient>(endpoint.value());
        RedisSettings settings;
        settings.address = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
        m_redis = std::make_unique<RedisConnection>(settings);
        m_apps.clear();
        for (int i = 0; i < kApps; ++i) {
            auto a = std::make_unique<App>();
            a->name = QStringLiteral("%1t%2").arg(m_env.app).arg(i + 1, 2, 10, QLatin1Char('0'));
            a->bluePort = optimist::test::freePort();
            a->greenPort = optimist::test::freePort();
            m_apps.push_back(std::move(a));
        }
    }

    void cleanup()
    {
        // The worker and the window go before the servers' state is removed.
        stopWorker();
        // A load generator goes only once its requests in flight have ended.
        for (const auto &a : m_apps)
            if (a->load)
                a->load->stop();
        for (const auto &a : m_apps)
            if (a->load)
                E2eEnvironment::drain(*a->load);
        for (const auto &a : m_apps)
            a->load.reset();
        m_window.reset();
        if (m_client) {
            for (const auto &a : m_apps)
                m_env.swarm().removeServicesOf(a->name);
            for (const auto &a : m_apps)
                QTRY_VERIFY_WITH_TIMEOUT(m_env.swarm().servicesOf(a->name).isEmpty(), 30000);
        }
        m_apps.clear();
        m_redis.reset();
        m_client.reset();
        m_rejections.clear();
        m_env.cleanup();
    }

    /// Ten v1 → v2 rollouts at once in one process, each to success, under load.
    void tenApplicationsRolledOutAtOnce()
    {
        adoptTenBlues();
        if (QTest::currentTestFailed())
            return;
        composeProcess();

        QSignalSpy opened(m_worker, &EnvironmentWorker::environmentOpened);
        QSignalSpy failed(m_worker, &EnvironmentWorker::environmentFailed);
        EnvironmentRuntime::Options options;
        options.dataDir = m_env.dataDir();
        options.configDir = m_env.configDir();
        options.environment = kEnvironment;
        QMetaObject::invokeMethod(
            m_worker,
            [w = m_worker, options] {
                w->openStore();
                w->openEnvironment(options);
            },
            Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
        QCOMPARE(opened.first().at(1).toStringList().size(), kApps);

        for (const auto &a : m_apps) {
            a->load = std::make_unique<LoadGenerator>(loadOptions(*a, kRatePerApp));
            a->load->start();
        }
        // All ten asked for at once, each on the plan the worker proposes.
        for (const auto &a : m_apps)
            QMetaObject::invokeMethod(
                m_worker,
                [w = m_worker, app = a->name] {
                    w->proposeRollout(kEnvironment, app, RolloutController::operatorName());
                },
                Qt::QueuedConnection);

        const auto allFinished = [this] {
            return std::all_of(m_apps.begin(), m_apps.end(),
                               [](const auto &a) { return a->finished; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allFinished() || !m_rejections.isEmpty(), kRolloutsTimeoutMs);
        QVERIFY2(m_rejections.isEmpty(), qPrintable(m_rejections.join(QLatin1Char('\n'))));

        for (const auto &a : m_apps) {
            qInfo("%s: %s: %s", qPrintable(a->name), qPrintable(stateName(a->state)),
                  qPrintable(a->reason));
            QVERIFY2(a->state == RolloutState::Succeeded,
                     qPrintable(a->name + QStringLiteral(": ") + stateName(a->state) +
                                QStringLiteral(" – ") + a->reason));
        }

        // The live charts drew both colors of every rollout from the router's metrics. The
        // bio-energy and CPU charts also need Docker's stats, which a loaded daemon may not
        // give within a window (the check then says so): their points are only reported.
        const QStringList fromRouter{QStringLiteral("responseTimeChart"),
                                     QStringLiteral("errorRateChart"),
                                     QStringLiteral("requestVolumeChart")};
        for (const auto &a : m_apps) {
            a->panel->redrawNow();
            QStringList points;
            for (MetricChartView *chart : a->panel->charts()) {
                points << QStringLiteral("%1 %2/%3")
                              .arg(chart->objectName())
                              .arg(chart->pointCount(Color::Blue))
                              .arg(chart->pointCount(Color::Green));
                if (!fromRouter.contains(chart->objectName()))
                    continue;
                QVERIFY2(chart->pointCount(Color::Blue) > 0,
                         qPrintable(a->name + QLatin1Char(' ') + chart->objectName()));
                QVERIFY2(chart->pointCount(Color::Green) > 0,
                         qPrintable(a->name + QLatin1Char(' ') + chart->objectName()));
            }
            qInfo("%s charts, points blue/green: %s", qPrintable(a->name),
                  qPrintable(points.join(QStringLiteral(", "))));
        }

        for (const auto &a : m_apps)
            a->load->stop();
        for (const auto &a : m_apps)
            E2eEnvironment::drain(*a->load);
        stopWorker();

        auto store = SqliteHistoryStore::open(Locations::historyDatabasePath(m_env.dataDir()));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        for (const auto &a : m_apps) {
            // The steps the journal shows: 50, then 100 in force, blue removed once at 0.
            const RolloutSteps steps = RolloutSteps::fromJournal(a->journal, a->endedAtMs);
            QCOMPARE(steps.greenWeights(), (QList<int>{50, 100}));
            QCOMPARE(steps.removedServices, QStringList{a->service(Color::Blue)});
            QCOMPARE(steps.confirmed.last().blue, 0);
            QVERIFY(steps.confirmed.last().at < steps.removals.first());

            // The router: green alone at 100; Swarm: green alone.
            QCOMPARE(weightsInForce(*a),
                     QStringList{a->service(Color::Green) + QStringLiteral("@swarm=100")});
            QTRY_COMPARE_WITH_TIMEOUT(m_env.swarm().servicesOf(a->name),
                                      QStringList{a->service(Color::Green)}, 20000);

            // The history's row: v1 → v2, succeeded.
            RolloutQuery query;
            query.app = a->name;
            const auto rows = store.value()->rollouts(query);
            QVERIFY(rows);
            QCOMPARE(rows.value().size(), 1);
            const RolloutRecord &row = rows.value().first();
            QCOMPARE(row.id, a->rolloutId);
            QCOMPARE(row.environment, kEnvironment);
            QCOMPARE(row.fromVersion, QStringLiteral("v1"));
            QCOMPARE(row.toVersion, QStringLiteral("v2"));
            QCOMPARE(row.state, RolloutState::Succeeded);
            QVERIFY(row.endedAt.isValid());

            // The users: both versions served, no error, no lost connection; no request reached
            // blue once its weight 0 was in force (plus the second it takes to be sure).
            const LoadRecord record = a->load->record();
            const LoadSecond &totals = record.totals();
            qInfo("%s load: %s", qPrintable(a->name), qPrintable(totals.describe()));
            QVERIFY2(totals.version(QStringLiteral("v1")) > 0 &&
                         totals.version(QStringLiteral("v2")) > 0,
                     qPrintable(totals.describe()));
            QVERIFY2(totals.failed() == 0, qPrintable(RolloutSteps::versionsOf(record)));
            QCOMPARE(totals.connectionErrors(), 0);
            const LoadSecond afterZero =
                record.within(steps.confirmed.last().at.addSecs(1),
                              QDateTime::fromMSecsSinceEpoch(a->endedAtMs + 60000, Qt::UTC));
            QVERIFY2(afterZero.version(QStringLiteral("v1")) == 0,
                     qPrintable(a->name + QStringLiteral(": ") + afterZero.describe()));
        }

        // At the end every application serves v2 alone through the router.
        const QStringList notServing = notServingOnly(QStringLiteral("v2"), 15000);
        QVERIFY2(notServing.isEmpty(), qPrintable(notServing.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestE2eTenApps)
#include "tst_e2etenapps.moc"
