// The desktop application's sandbox: one environment with several applications, each its own
// simulated cluster on one clock, each continued from its own state file.

#include "ports/ClusterPort.h"
#include "runtime/EnvironmentRuntime.h"
#include "sandbox/SandboxEnvironment.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

class TestSandboxApps : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    EnvironmentRuntime::Options options(const QString &freshScenario) const
    {
        EnvironmentRuntime::Options o;
        o.dataDir = m_dir.filePath(QStringLiteral("data"));
        o.configDir = m_dir.filePath(QStringLiteral("config"));
        o.environment = QStringLiteral("sandbox");
        o.freshScenario = freshScenario;
        o.speed = 10000;
        o.sandboxApps = {QStringLiteral("portal"), QStringLiteral("shop")};
        return o;
    }

    /// What readApp answers for @p app through the ports of @p portsOf.
    static Result<AppSnapshot> readApp(EnvironmentRuntime &rt, const QString &portsOf,
                                       const QString &app)
    {
        std::optional<Result<AppSnapshot>> answer;
        QObject context;
        rt.ports(nullptr, portsOf)
            .cluster->readApp(app, Reply<AppSnapshot>(&context, [&](const Result<AppSnapshot> &r) {
                                  answer = r;
                              }));
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 5000))
            return Error{Error::Kind::Timeout, QStringLiteral("no answer")};
        return *answer;
    }

private Q_SLOTS:
    void twoApplicationsInOneEnvironment()
    {
        auto opened = EnvironmentRuntime::open(options(QStringLiteral("healthy")));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        EnvironmentRuntime &rt = *opened.value();
        QCOMPARE(rt.name(), QStringLiteral("sandbox"));
        QCOMPARE(rt.profile().applications.size(), 2);
        QCOMPARE(rt.application(QStringLiteral("shop")).value(), QStringLiteral("shop"));
        QVERIFY(!rt.application(QString())); // two: the caller must name one

        SandboxEnvironment *portal = rt.sandbox(QStringLiteral("portal"));
        SandboxEnvironment *shop = rt.sandbox(QStringLiteral("shop"));
        QVERIFY(portal && shop && portal != shop);
        QCOMPARE(shop->scenario().app, QStringLiteral("shop"));
        QVERIFY(!rt.sandbox(QStringLiteral("demo")));
        QCOMPARE(rt.ports(nullptr, QStringLiteral("shop")).clock,
                 rt.ports(nullptr, QStringLiteral("portal")).clock);

        const auto shopApp = readApp(rt, QStringLiteral("shop"), QStringLiteral("shop"));
        QVERIFY2(shopApp, qPrintable(shopApp ? QString() : shopApp.error().message));
        QCOMPARE(shopApp.value().blue->serviceName, QStringLiteral("shop-blue"));
        // Each application's ports act on its own cluster only.
        QVERIFY(!readApp(rt, QStringLiteral("portal"), QStringLiteral("shop")));

        const QDir states(m_dir.filePath(QStringLiteral("data/sandbox")));
        QVERIFY(states.exists(QStringLiteral("sandbox-portal.json")));
        QVERIFY(states.exists(QStringLiteral("sandbox-shop.json")));
    }

    void eachApplicationContinuesFromItsOwnState()
    {
        {
            auto opened = EnvironmentRuntime::open(options(QStringLiteral("healthy")));
            QVERIFY(opened);
            opened.value()->sandbox(QStringLiteral("shop"))->writeWeights(WeightSplit{70, 30});
            QVERIFY(opened.value()->saveState());
        }
        auto reopened = EnvironmentRuntime::open(options(QString()));
        QVERIFY(reopened);
        QCOMPARE(reopened.value()->sandbox(QStringLiteral("shop"))->writtenWeights(),
                 (WeightSplit{70, 30}));
        QCOMPARE(reopened.value()->sandbox(QStringLiteral("portal"))->writtenWeights(),
                 (WeightSplit{100, 0}));
    }

    void withoutApplicationsTheSandboxIsAsBefore()
    {
        EnvironmentRuntime::Options o = options(QStringLiteral("healthy"));
        o.sandboxApps.clear();
        auto opened = EnvironmentRuntime::open(o);
        QVERIFY(opened);
        QCOMPARE(opened.value()->profile().applications.size(), 1);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/sandbox/sandbox.json"))));
    }
};

QTEST_GUILESS_MAIN(TestSandboxApps)
#include "tst_sandboxapps.moc"
