// RolloutPlan: defaults, validation with precise messages, --initial-traffic, JSON round trip.

#include "plan/RolloutPlan.h"

#include <QJsonArray>
#include <QTest>

#include <limits>

using namespace optimist;

namespace {

QString issuesText(const PlanIssues &issues)
{
    QStringList lines;
    for (const PlanIssue &i : issues)
        lines << i.field + QStringLiteral(": ") + i.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestRolloutPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheSeedsPlan()
    {
        const RolloutPlan plan;
        QCOMPARE(plan.steps, (QList<int>{10, 25, 50, 75, 100}));
        QCOMPARE(plan.threshold, 70.0);
        QCOMPARE(plan.coefficients.errorFactor, 5.0);
        QCOMPARE(plan.coefficients.errorWeight, 0.5);
        QCOMPARE(plan.coefficients.latencyBase, 200.0);
        QCOMPARE(plan.coefficients.latencyWeight, 0.3);
        QCOMPARE(plan.coefficients.cpuWeight, 0.2);
        QVERIFY2(plan.validate().isEmpty(), qPrintable(issuesText(plan.validate())));
    }

    void badPlansNameFieldAndProblem_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("no steps") << 0 << "steps"
                                  << "no steps";
        QTest::newRow("not increasing") << 1 << "steps"
                                        << "step 3 (25%) is not above step 2 (50%)";
        QTest::newRow("not ending at 100") << 2 << "steps"
                                           << "the last step is 75%";
        QTest::newRow("above 100") << 3 << "steps"
                                   << "step 2 is 120%";
        QTest::newRow("zero step") << 4 << "steps"
                                   << "step 1 is 0%";
        QTest::newRow("interval zero") << 5 << "checkIntervalSec"
                                       << "at least 1";
        QTest::newRow("negative drain") << 6 << "drainSec"
                                        << "must not be negative";
        QTest::newRow("threshold NaN") << 7 << "threshold"
                                       << "not a finite number";
        QTest::newRow("threshold above 130") << 8 << "threshold"
                                             << "between 0 and 130";
        QTest::newRow("confidence 1") << 9 << "confidence"
                                      << "between";
        QTest::newRow("infinite coefficient") << 10 << "coefficients.cpuWeight"
                                              << "finite";
        QTest::newRow("checks per step 0") << 11 << "checksPerStep"
                                           << "at least 1";
        QTest::newRow("empty hook argument") << 12 << "hookCommand"
                                             << "empty argument";
    }
    void badPlansNameFieldAndProblem()
    {
        QFETCH(int, problem);
        QFETCH(QString, field);
        QFETCH(QString, message);
        RolloutPlan plan;
        const double inf = std::numeric_limits<double>::infinity();
        switch (problem) {
        case 0:
            plan.steps.clear();
            break;
        case 1:
            plan.steps = {10, 50, 25, 100};
            break;
        case 2:
            plan.steps = {10, 50, 75};
            break;
        case 3:
            plan.steps = {10, 120, 100};
            break;
        case 4:
            plan.steps = {0, 50, 100};
            break;
        case 5:
            plan.checkIntervalSec = 0;
            break;
        case 6:
            plan.drainSec = -1;
            break;
        case 7:
            plan.threshold = std::numeric_limits<double>::quiet_NaN();
            break;
        case 8:
            plan.threshold = 131;
            break;
        case 9:
            plan.confidence = 1.0;
            break;
        case 10:
            plan.coefficients.cpuWeight = inf;
            break;
        case 11:
            plan.checksPerStep = 0;
            break;
        case 12:
            plan.hookCommand = {QStringLiteral("migrate"), QString()};
            break;
        }
        const PlanIssues issues = plan.validate();
        QVERIFY(!issues.isEmpty());
        bool named = false;
        for (const PlanIssue &issue : issues) {
            QCOMPARE(issue.field, field); // nothing else is blamed
            named = named || issue.message.contains(message);
        }
        QVERIFY2(named, qPrintable(issuesText(issues)));
    }

    void initialTrafficReplacesTheFirstStep()
    {
        RolloutPlan plan;
        plan.setInitialTraffic(5);
        QCOMPARE(plan.steps, (QList<int>{5, 25, 50, 75, 100}));
        QVERIFY(plan.validate().isEmpty());
        plan.setInitialTraffic(30); // above the next step: refused with both numbers
        const PlanIssues issues = plan.validate();
        QCOMPARE(issues.size(), 1);
        QVERIFY2(issues.first().message.contains(
                     QLatin1String("step 2 (25%) is not above step 1 (30%)")),
                 qPrintable(issues.first().message));
    }

    void jsonRoundTrip()
    {
        RolloutPlan plan;
        plan.steps = {5, 20, 100};
        plan.checkIntervalSec = 30;
        plan.checksPerStep = 2;
        plan.threshold = 80.5;
        plan.coefficients.cpuWeight = 0.25;
        plan.latencyStatistic = LatencyStatistic::Mean;
        plan.maxErrorRatePct = 2;
        plan.confidence = 0.95;
        plan.rollbackWindowSec = 600;
        plan.hookCommand = {QStringLiteral("./migrate"), QStringLiteral("up")};
        plan.force = true;
        plan.reuseIdleColor = true;
        PlanIssues issues;
        const RolloutPlan back = RolloutPlan::fromJson(plan.toJson(), &issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issuesText(issues)));
        QCOMPARE(back.toJson(), plan.toJson());
        QCOMPARE(back.steps, plan.steps);
        QCOMPARE(back.latencyStatistic, LatencyStatistic::Mean);
        QCOMPARE(back.hookCommand, plan.hookCommand);
        QVERIFY(back.reuseIdleColor);
    }

    void jsonProblemsNameTheField()
    {
        PlanIssues issues;
        const QJsonObject json{
            {QStringLiteral("steps"), QJsonArray{10, QStringLiteral("x"), 100}},
            {QStringLiteral("checkIntervalSec"), 1.5},
            {QStringLiteral("force"), QStringLiteral("yes")},
            {QStringLiteral("colour"), 1},
            {QStringLiteral("coefficients"), QJsonObject{{QStringLiteral("cpuWieght"), 1}}},
            {QStringLiteral("latencyStatistic"), QStringLiteral("p99")}};
        RolloutPlan::fromJson(json, &issues);
        QStringList fields;
        for (const PlanIssue &i : issues)
            fields << i.field;
        fields.sort();
        QCOMPARE(fields, (QStringList{"checkIntervalSec", "coefficients.cpuWieght", "colour",
                                      "force", "latencyStatistic", "steps"}));
        // Fields not given keep their defaults.
        const RolloutPlan partial =
            RolloutPlan::fromJson({{QStringLiteral("threshold"), 60}}, &issues);
        QVERIFY(issues.isEmpty());
        QCOMPARE(partial.threshold, 60.0);
        QCOMPARE(partial.steps, RolloutPlan::defaultSteps());
    }
};

QTEST_GUILESS_MAIN(TestRolloutPlan)
#include "tst_rolloutplan.moc"
