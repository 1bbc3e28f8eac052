#include "metrics/MetricsWithCpu.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <optional>

using namespace optimist;

namespace {

/// Answers a fixed window (or error) on the next turn of the event loop.
class StubTraffic : public MetricsPort
{
public:
    std::optional<Error> error;
    int calls = 0;
    int delayMs = 0;

    void window(const QString &, const QDateTime &from, const QDateTime &to,
                Reply<MetricsWindow> reply) override
    {
        ++calls;
        MetricsWindow w;
        w.from = from;
        w.to = to;
        w.source = QStringLiteral("traefik");
        w.blue.requests = 100;
        w.green.requests = 40;
        const std::optional<Error> e = error;
        QTimer::singleShot(delayMs, reply.context(), [reply, w, e] {
            if (e)
                reply(*e);
            else
                reply(w);
        });
    }
};

/// Per color: a CPU figure, an error, or silence; answers after a delay.
class StubCpu : public CpuPort
{
public:
    std::optional<double> blue = 30;
    std::optional<double> green = 55;
    bool greenSilent = false;
    QStringList asked;

    void cpuPercent(const QString &app, Color color, Reply<double> reply) override
    {
        asked << app + QLatin1Char(' ') + colorName(color);
        if (color == Color::Green && greenSilent)
            return;
        const std::optional<double> v = color == Color::Blue ? blue : green;
        QTimer::singleShot(color == Color::Blue ? 30 : 10, reply.context(), [reply, v] {
            if (v)
                reply(*v);
            else
                reply(Error{Error::Kind::NotFound, QStringLiteral("no tasks of demo-green")});
        });
    }
};

struct Answer
{
    QObject context;
    std::optional<Result<MetricsWindow>> result;
    int calls = 0;

    Reply<MetricsWindow> reply()
    {
        return Reply<MetricsWindow>(&context, [this](const Result<MetricsWindow> &r) {
            ++calls;
            result = r;
        });
    }
};

const QDateTime kFrom = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

} // namespace

class TestMetricsWithCpu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsBothColors()
    {
        StubTraffic traffic;
        StubCpu cpu;
        MetricsWithCpu metrics(&traffic, &cpu);
        Answer answer;
        metrics.window(QStringLiteral("demo"), kFrom, kFrom.addSecs(60), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().blue.cpuPercent, 30.0);
        QCOMPARE(answer.result->value().green.cpuPercent, 55.0);
        QCOMPARE(answer.result->value().blue.requests, 100); // the traffic is kept
        QCOMPARE(answer.result->value().source, QStringLiteral("traefik"));
        QCOMPARE(cpu.asked,
                 QStringList({QStringLiteral("demo blue"), QStringLiteral("demo green")}));
        QVERIFY(metrics.lastNotes().isEmpty());
        QTest::qWait(50);
        QCOMPARE(answer.calls, 1);
    }

    void cpuFailureLeavesItMissing()
    {
        StubTraffic traffic;
        StubCpu cpu;
        cpu.green.reset();
        MetricsWithCpu metrics(&traffic, &cpu);
        Answer answer;
        metrics.window(QStringLiteral("demo"), kFrom, kFrom.addSecs(60), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().blue.cpuPercent, 30.0);
        QVERIFY(std::isnan(answer.result->value().green.cpuPercent));
        QCOMPARE(answer.result->value().green.requests, 40);
        QVERIFY(metrics.lastNotes().join(u'\n').contains(QLatin1String("no tasks of demo-green")));
    }

    void silentCpuTimesOut()
    {
        StubTraffic traffic;
        StubCpu cpu;
        cpu.greenSilent = true;
        MetricsWithCpu metrics(&traffic, &cpu,
                               MetricsWithCpu::Config{std::chrono::milliseconds(200)});
        Answer answer;
        metrics.window(QStringLiteral("demo"), kFrom, kFrom.addSecs(60), answer.reply());
        QTest::qWait(100);
        QCOMPARE(answer.calls, 0);
        QTRY_COMPARE(answer.calls, 1);
        QCOMPARE(answer.result->value().blue.cpuPercent, 30.0);
        QVERIFY(std::isnan(answer.result->value().green.cpuPercent));
        QTest::qWait(300);
        QCOMPARE(answer.calls, 1);
    }

    void trafficErrorPassesThrough()
    {
        StubTraffic traffic;
        traffic.error = Error{Error::Kind::Unreachable, QStringLiteral("Prometheus is down")};
        StubCpu cpu;
        MetricsWithCpu metrics(&traffic, &cpu);
        Answer answer;
        metrics.window(QStringLiteral("demo"), kFrom, kFrom.addSecs(60), answer.reply());
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(!answer.result->ok());
        QCOMPARE(answer.result->error().kind, Error::Kind::Unreachable);
        QTest::qWait(100); // the CPU answers (10 and 30 ms) come after the error: ignored
        QCOMPARE(answer.calls, 1);
    }

    // The decision waits for the slower of traffic and CPU, not their sum: the CPU is asked
    // when the window is, while the traffic source still waits for its scrape.
    void cpuIsAskedAlongsideTheTraffic()
    {
        StubTraffic traffic;
        traffic.delayMs = 400;
        StubCpu cpu;
        MetricsWithCpu metrics(&traffic, &cpu);
        Answer answer;
        QElapsedTimer elapsed;
        elapsed.start();
        metrics.window(QStringLiteral("demo"), kFrom, kFrom.addSecs(60), answer.reply());
        QCOMPARE(cpu.asked.size(), 2); // before the traffic answered
        QTRY_COMPARE(answer.calls, 1);
        QVERIFY(answer.result->ok());
        QCOMPARE(answer.result->value().green.cpuPercent, 55.0);
        QCOMPARE(answer.result->value().green.requests, 40);
        QVERIFY2(elapsed.elapsed() < 400 + 30 + 200,
                 qPrintable(QString::number(elapsed.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestMetricsWithCpu)
#include "tst_metricswithcpu.moc"
