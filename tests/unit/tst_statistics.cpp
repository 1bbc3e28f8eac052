#include "analysis/Statistics.h"

#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

QList<double> range(int from, int to)
{
    QList<double> v;
    for (int i = from; i <= to; ++i)
        v << double(i);
    return v;
}

bool near(double actual, double expected, double relative)
{
    return std::abs(actual - expected) <= relative * std::abs(expected);
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalDistribution()
    {
        QCOMPARE(Statistics::normalCdf(0), 0.5);
        // Table values: Phi(1.96) = 0.9750021, Phi(-1) = 0.1586553.
        QVERIFY(near(Statistics::normalCdf(1.96), 0.9750021048517795, 1e-12));
        QVERIFY(near(Statistics::normalCdf(-1), 0.15865525393145707, 1e-12));
        QVERIFY(near(Statistics::normalSf(1.96), 0.024997895148220435, 1e-12));
        // Far tail: 1 - cdf would cancel to 0; the upper tail must not.
        QVERIFY(Statistics::normalSf(10) > 0);
        QVERIFY(near(Statistics::normalSf(10), 7.619853024160527e-24, 1e-9));
    }

    void proportionTestTextbook()
    {
        // 30/1000 vs 10/1000: pooled p = 0.02, se = sqrt(0.02*0.98*(2/1000)) = 0.0062610,
        // z = 0.02/0.0062610 = 3.19438, one-sided p = 0.00070065.
        const auto t = Statistics::twoProportionZTest(30, 1000, 10, 1000);
        QVERIFY(t.performed);
        QCOMPARE(t.p1, 0.03);
        QCOMPARE(t.p2, 0.01);
        QVERIFY2(near(t.z, 3.1943828249996993, 1e-9), qPrintable(QString::number(t.z)));
        QVERIFY2(near(t.pValue, 0.0007006507904801084, 1e-6),
                 qPrintable(QString::number(t.pValue)));
    }

    void proportionTestIsOneSided()
    {
        // The same data the other way round: the first is *better*, so no evidence it is worse.
        const auto t = Statistics::twoProportionZTest(10, 1000, 30, 1000);
        QVERIFY(near(t.z, -3.1943828249996993, 1e-9));
        QVERIFY(t.pValue > 0.999);
    }

    void proportionTestCanaryScenario()
    {
        // 10% of 200 rps x 60 s: 1200 canary requests at 1.5% errors, 10800 baseline at 0.5%.
        // pooled = 72/12000 = 0.006; se = sqrt(0.006*0.994*(1/1200 + 1/10800)) = 0.00234994;
        // z = 0.01/0.00234994 = 4.25543; p = 1.0433e-5.
        const auto t = Statistics::twoProportionZTest(18, 1200, 54, 10800);
        QVERIFY(near(t.z, 4.255426172719814, 1e-9));
        QVERIFY(near(t.pValue, 1.0432560258624917e-05, 1e-6));
        // Equal rates: z = 0, p = 0.5.
        const auto same = Statistics::twoProportionZTest(6, 1200, 54, 10800);
        QCOMPARE(same.z, 0.0);
        QCOMPARE(same.pValue, 0.5);
    }

    void proportionTestDegenerate()
    {
        const auto empty = Statistics::twoProportionZTest(0, 0, 5, 100);
        QVERIFY(!empty.performed);
        QCOMPARE(empty.pValue, 1.0);
        const auto noErrors = Statistics::twoProportionZTest(0, 100, 0, 900);
        QVERIFY(noErrors.performed);
        QCOMPARE(noErrors.z, 0.0);
        QCOMPARE(noErrors.pValue, 1.0);
        const auto allErrors = Statistics::twoProportionZTest(100, 100, 900, 900);
        QCOMPARE(allErrors.pValue, 1.0);
    }

    void mannWhitneySeparated()
    {
        // b = {11..20} vs a = {1..10}: every b above every a, U = 100; mean 50,
        // var = 10*10/12*21 = 175; z = (100 - 50 - 0.5)/sqrt(175) = 3.741848, p = 9.13359e-5
        // (scipy mannwhitneyu(b, a, alternative="greater", method="asymptotic")).
        const auto t = Statistics::mannWhitneyU(range(11, 20), range(1, 10));
        QVERIFY(t.performed);
        QCOMPARE(t.n1, 10);
        QCOMPARE(t.n2, 10);
        QCOMPARE(t.u, 100.0);
        QVERIFY2(near(t.z, 3.7418482827913495, 1e-9), qPrintable(QString::number(t.z)));
        QVERIFY2(near(t.pValue, 9.13358955547752e-05, 1e-6), qPrintable(QString::number(t.pValue)));
    }

    void mannWhitneyIsOneSided()
    {
        // a = {1..10} vs b = {11..20}: U = 0, z = (0 - 50 - 0.5)/sqrt(175) = -3.817441,
        // p = 0.99993258.
        const auto t = Statistics::mannWhitneyU(range(1, 10), range(11, 20));
        QCOMPARE(t.u, 0.0);
        QVERIFY(near(t.z, -3.817441177393195, 1e-9));
        QVERIFY(near(t.pValue, 0.9999325785388228, 1e-9));
    }

    void mannWhitneyTies()
    {
        // a = {3,4,4,5,6,6}, b = {1,2,2,3,4,5}. Pooled ranks: 1 -> 1; 2,2 -> 2.5; 3,3 -> 4.5;
        // 4,4,4 -> 7; 5,5 -> 9.5; 6,6 -> 11.5. R_a = 4.5+7+7+9.5+11.5+11.5 = 51,
        // U = 51 - 6*7/2 = 30. Ties: four pairs and one triple, sum(t^3 - t) = 4*6 + 24 = 48.
        // var = 36/12 * (13 - 48/(12*11)) = 37.90909; z = (30 - 18 - 0.5)/sqrt(37.90909)
        // = 1.867782; p = 0.0308962.
        const auto t = Statistics::mannWhitneyU({3, 4, 4, 5, 6, 6}, {1, 2, 2, 3, 4, 5});
        QCOMPARE(t.u, 30.0);
        QVERIFY2(near(t.z, 1.8677818696812087, 1e-9), qPrintable(QString::number(t.z)));
        QVERIFY2(near(t.pValue, 0.030896240792088726, 1e-6), qPrintable(QString::number(t.pValue)));
    }

    void mannWhitneySmallSamples()
    {
        // 6 vs 6 fully separated: U = 36, var = 36*13/12 = 39,
        // z = (36 - 18 - 0.5)/sqrt(39) = 2.802243, p = 0.00253743.
        const auto t =
            Statistics::mannWhitneyU({125, 120, 130, 118, 127, 122}, {80, 82, 79, 81, 83, 78});
        QCOMPARE(t.u, 36.0);
        QVERIFY(near(t.pValue, 0.0025374340489701286, 1e-6));
    }

    void mannWhitneyDegenerate()
    {
        const auto empty = Statistics::mannWhitneyU({}, {1, 2, 3});
        QVERIFY(!empty.performed);
        QCOMPARE(empty.pValue, 1.0);
        const auto otherEmpty = Statistics::mannWhitneyU({1, 2, 3}, {});
        QVERIFY(!otherEmpty.performed);
        QCOMPARE(otherEmpty.pValue, 1.0);
        // All equal: U = n1*n2/2 and zero variance; nothing to tell them apart.
        const auto equal = Statistics::mannWhitneyU({80, 80, 80, 80}, {80, 80, 80});
        QVERIFY(equal.performed);
        QCOMPARE(equal.u, 6.0);
        QCOMPARE(equal.pValue, 1.0);
        // A single value each, different: defined, and not significant.
        const auto single = Statistics::mannWhitneyU({2}, {1});
        QCOMPARE(single.u, 1.0);
        QVERIFY(single.pValue > 0.2);
    }

    void mannWhitneyDropsNaN()
    {
        const double nan = std::nan("");
        const auto t = Statistics::mannWhitneyU({11, nan, 12, 13}, {1, 2, nan});
        QCOMPARE(t.n1, 3);
        QCOMPARE(t.n2, 2);
        QCOMPARE(t.u, 6.0);
    }

    void median()
    {
        QCOMPARE(Statistics::median({5, 1, 3}), 3.0);
        QCOMPARE(Statistics::median({4, 1, 3, 2}), 2.5);
        QCOMPARE(Statistics::median({7}), 7.0);
        QCOMPARE(Statistics::median({1, std::nan(""), 9}), 5.0);
        QVERIFY(std::isnan(Statistics::median({})));
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
