#include "docker/DockerStatsCpu.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace optimist;

namespace {

/// The example answer of GET /containers/{id}/stats in the v1.41 swagger (CPU part).
const char kSwaggerExample[] = R"({
  "read": "2015-01-08T22:57:31.547920715Z",
  "pids_stats": {"current": 3},
  "memory_stats": {"usage": 6537216, "limit": 67108864, "stats": {"cache": 0}},
  "blkio_stats": {},
  "cpu_stats": {
    "cpu_usage": {
      "percpu_usage": [8646879, 24472255, 36438778, 30657443],
      "usage_in_usermode": 50000000,
      "total_usage": 100215355,
      "usage_in_kernelmode": 30000000
    },
    "system_cpu_usage": 739306590000000,
    "online_cpus": 4,
    "throttling_data": {"periods": 0, "throttled_periods": 0, "throttled_time": 0}
  },
  "precpu_stats": {
    "cpu_usage": {
      "percpu_usage": [8646879, 24350896, 36438778, 30657443],
      "usage_in_usermode": 50000000,
      "total_usage": 100093996,
      "usage_in_kernelmode": 30000000
    },
    "system_cpu_usage": 9492140000000,
    "online_cpus": 4,
    "throttling_data": {"periods": 0, "throttled_periods": 0, "throttled_time": 0}
  }
})";

/// A stats answer of the swagger's shape with chosen counters. @p percpu < 0 leaves the list
/// out (cgroup v2); @p online < 0 leaves online_cpus out.
QByteArray stats(double total, double system, int online, int percpu, double preTotal,
                 double preSystem, const char *read = "2026-11-28T10:00:01.000000000Z")
{
    auto reading = [](double t, double s, int o, int p) {
        QJsonObject usage{{QStringLiteral("total_usage"), t},
                          {QStringLiteral("usage_in_usermode"), t / 2},
                          {QStringLiteral("usage_in_kernelmode"), t / 2}};
        if (p >= 0) {
            QJsonArray list;
            for (int i = 0; i < p; ++i)
                list.append(t / p);
            usage.insert(QStringLiteral("percpu_usage"), list);
        }
        QJsonObject object{{QStringLiteral("cpu_usage"), usage}};
        if (s > 0)
            object.insert(QStringLiteral("system_cpu_usage"), s);
        if (o >= 0)
            object.insert(QStringLiteral("online_cpus"), o);
        return object;
    };
    QJsonObject root{{QStringLiteral("read"), QString::fromLatin1(read)},
                     {QStringLiteral("id"), QStringLiteral("c0ffee")},
                     {QStringLiteral("name"), QStringLiteral("/demo-blue.1.x")},
                     {QStringLiteral("cpu_stats"), reading(total, system, online, percpu)}};
    // One-shot answers carry an empty precpu_stats (zeros, no system counter).
    root.insert(QStringLiteral("precpu_stats"), reading(preTotal, preSystem, online, percpu));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

class TestDockerStatsCpu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void swaggerExampleAsTheCliComputesIt()
    {
        const auto sample = DockerStatsCpu::parse(QByteArray(kSwaggerExample));
        QVERIFY2(sample.ok(), qPrintable(sample.ok() ? QString() : sample.error().message));
        QCOMPARE(sample.value().cpu.onlineCpus, 4);
        QCOMPARE(sample.value().cpu.percpuCount, 4);
        const auto percent = DockerStatsCpu::percent(sample.value());
        QVERIFY(percent.has_value());
        // (100215355 - 100093996) / (739306590000000 - 9492140000000) * 4 * 100
        const double expected = 121359.0 / 729814450000000.0 * 4.0 * 100.0;
        QVERIFY(std::abs(*percent - expected) < 1e-15);
    }

    void oneBusyCoreIsHundred()
    {
        // 1 s of CPU time while the host's 4 CPUs ran 4 s.
        const auto sample = DockerStatsCpu::parse(stats(2e9, 8e9 + 4e9, 4, 4, 1e9, 8e9));
        QVERIFY(sample.ok());
        QCOMPARE(*DockerStatsCpu::percent(sample.value()), 100.0);
    }

    void onlineCpusFallsBackToPercpuLength()
    {
        // online_cpus missing: the length of percpu_usage (2) counts.
        const auto sample = DockerStatsCpu::parse(stats(2e9, 8e9 + 2e9, -1, 2, 1e9, 8e9));
        QVERIFY(sample.ok());
        QCOMPARE(sample.value().cpu.cpuCount(), 2);
        QCOMPARE(*DockerStatsCpu::percent(sample.value()), 100.0);

        // online_cpus 0 counts as missing too.
        const auto zero = DockerStatsCpu::parse(stats(2e9, 8e9 + 2e9, 0, 2, 1e9, 8e9));
        QVERIFY(zero.ok());
        QCOMPARE(*DockerStatsCpu::percent(zero.value()), 100.0);
    }

    void cgroupV2WithoutPercpuUsesOnlineCpus()
    {
        const auto sample = DockerStatsCpu::parse(stats(1.5e9, 8e9 + 2e9, 2, -1, 1e9, 8e9));
        QVERIFY(sample.ok());
        QCOMPARE(sample.value().cpu.percpuCount, 0);
        QCOMPARE(*DockerStatsCpu::percent(sample.value()), 50.0);
    }

    void zeroDeltasReadZero_data()
    {
        QTest::addColumn<double>("total");
        QTest::addColumn<double>("system");
        QTest::newRow("idle container") << 1e9 << 9e9;
        QTest::newRow("no system progress") << 2e9 << 8e9;
        QTest::newRow("counter went back (restart)") << 0.5e9 << 9e9;
    }

    void zeroDeltasReadZero()
    {
        QFETCH(double, total);
        QFETCH(double, system);
        const auto sample = DockerStatsCpu::parse(stats(total, system, 4, 4, 1e9, 8e9));
        QVERIFY(sample.ok());
        QCOMPARE(*DockerStatsCpu::percent(sample.value()), 0.0);
    }

    void oneShotAnswerHasNoFigureOfItsOwn()
    {
        // one-shot=true: precpu_stats all zeros. The raw formula would give
        // 5e9 / 1e13 * 4 * 100 = 0.2 % — lifetime usage over the host's uptime, not a rate.
        const auto sample = DockerStatsCpu::parse(stats(5e9, 1e13, 4, 4, 0, 0));
        QVERIFY(sample.ok());
        QVERIFY(sample.value().precpu.isEmpty());
        QVERIFY(!DockerStatsCpu::percent(sample.value()).has_value());
    }

    void twoOneShotAnswersGiveTheRate()
    {
        const auto first =
            DockerStatsCpu::parse(stats(5e9, 1e13, 4, 4, 0, 0, "2026-11-28T10:00:00.000Z"));
        // 60 s later: 4 CPUs ran 240 s, the container 30 s → 50 % of one core.
        const auto second = DockerStatsCpu::parse(
            stats(5e9 + 30e9, 1e13 + 240e9, 4, 4, 0, 0, "2026-11-28T10:01:00.000Z"));
        QVERIFY(first.ok() && second.ok());
        const auto percent = DockerStatsCpu::percent(first.value(), second.value());
        QVERIFY(percent.has_value());
        QCOMPARE(*percent, 50.0);
        // Out of order: no figure.
        QVERIFY(!DockerStatsCpu::percent(second.value(), first.value()).has_value());
    }

    void colorFigureIsTheMeanOfItsTasks()
    {
        QCOMPARE(DockerStatsCpu::colorPercent({40.0, 60.0}), 50.0);
        // A task without a figure yet (first one-shot sample) does not pull the mean down.
        QCOMPARE(DockerStatsCpu::colorPercent({30.0, std::nullopt, 50.0}), 40.0);
        QVERIFY(std::isnan(DockerStatsCpu::colorPercent({})));
        QVERIFY(std::isnan(DockerStatsCpu::colorPercent({std::nullopt})));
    }

    void malformedAnswersNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("JSON");
        QTest::newRow("no cpu_stats")
            << QByteArray(R"({"read":"x"})") << QStringLiteral("cpu_stats");
        QTest::newRow("no cpu_usage") << QByteArray(R"({"cpu_stats":{"system_cpu_usage":1}})")
                                      << QStringLiteral("cpu_stats.cpu_usage");
        QTest::newRow("no total_usage")
            << QByteArray(R"({"cpu_stats":{"cpu_usage":{},"system_cpu_usage":1}})")
            << QStringLiteral("cpu_stats.cpu_usage.total_usage");
        QTest::newRow("text counter")
            << QByteArray(R"({"cpu_stats":{"cpu_usage":{"total_usage":1},"system_cpu_usage":"x"}})")
            << QStringLiteral("cpu_stats.system_cpu_usage");
        QTest::newRow("bad precpu")
            << QByteArray(R"({"cpu_stats":{"cpu_usage":{"total_usage":1}},"precpu_stats":[]})")
            << QStringLiteral("precpu_stats");
        QTest::newRow("percpu not a list")
            << QByteArray(R"({"cpu_stats":{"cpu_usage":{"total_usage":1,"percpu_usage":3}}})")
            << QStringLiteral("cpu_stats.cpu_usage.percpu_usage");
        // Found by fuzzing (tests/fuzz/corpus/docker_stats/regression-online-cpus-overflow):
        // a count beyond int was converted regardless (undefined behaviour).
        QTest::newRow("online_cpus beyond int")
            << QByteArray(R"({"cpu_stats":{"cpu_usage":{"total_usage":1},"online_cpus":3.3e117}})")
            << QStringLiteral("cpu_stats.online_cpus");
        QTest::newRow("fractional online_cpus")
            << QByteArray(R"({"cpu_stats":{"cpu_usage":{"total_usage":1}},)"
                          R"("precpu_stats":{"online_cpus":1.5}})")
            << QStringLiteral("precpu_stats.online_cpus");
    }

    void malformedAnswersNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto sample = DockerStatsCpu::parse(json);
        QVERIFY(!sample.ok());
        QCOMPARE(sample.error().kind, Error::Kind::Invalid);
        QVERIFY2(sample.error().message.contains(field), qPrintable(sample.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDockerStatsCpu)
#include "tst_dockerstatscpu.moc"
