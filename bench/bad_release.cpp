// bad_release — the same bad release under the same load, two ways: Swarm's own rolling update
// and an Optimist rollout, side by side in one run (bench/bad-release/run.sh sets both up).
//
//     build/bin/bad_release --swarm-target HOST:PORT --swarm-host NAME --swarm-release SCRIPT
//                           --optimist-target HOST:PORT --optimist-host NAME
//                           --optimist-release SCRIPT --out DIR
//                           [--rate 200] [--duration 120] [--release-at 10]
//                           [--stable v2] [--bad v3] [--check-interval 10]
//
// For each side a load generator (tests/fixtures/loadgen: a new connection per request, no
// cookie) sends `--rate` requests/s to the side's entry point with the side's Host header for
// `--duration` s; both start together. At `--release-at` s the side's release SCRIPT is started
// with bash (stdout and stderr to DIR/SIDE.out, DIR/SIDE.err); the load runs to its end whatever
// the release does, and a script still running then is ended with SIGTERM (and said so).
// From every answer (not the per-second sums, for sub-second times) it prints per side:
//   failed           requests that got a 5xx or no answer (connection error or timeout)
//   served_by_bad    answers that came from the bad version (X-Version)
//   stable_again_s   seconds from the start of the load until the stable version serves 100 %
//                    again: the sending time of the first request after the last request
//                    (sent after the release start) that was not a 200 from the stable
//                    version; "never" when that last request is within the last second
//   first_failed_s   sending time of the first failed request
//   recovery_s       first failed request → stable_again_s
// then the line `optimist_failed=N swarm_failed=M ratio=R` (R = N / M) and the goals
// (R ≤ 0.05; Optimist's recovery ≤ one check interval + 2.5 s). DIR/SIDE.json gets the load
// record (per second by version and status, as optimist-loadgen writes it).
// Exit code: 0 measured (whatever the figures), 2 bad arguments.

#include "LoadGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>

using namespace optimist::loadgen;

namespace {

void out(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString seconds(std::optional<double> s, const QString &none = QStringLiteral("never"))
{
    return s ? QString::number(*s, 'f', 1) : none;
}

/// One side of the comparison: its load, its release command and what they gave.
struct Side
{
    QString name;
    LoadGenerator::Options options;
    QString script;
    std::unique_ptr<LoadGenerator> load;
    std::unique_ptr<QProcess> release;
    qint64 releaseStartedMs = 0;
    qint64 releaseEndedMs = 0;
    int releaseExit = -1;
    bool releaseEndedByUs = false;
};

/// The figures of one side, from its answers.
struct Figures
{
    int sent = 0;
    int failed = 0;
    int serverErrors = 0;
    int connectionErrors = 0;
    int servedByBad = 0;
    int servedByStable = 0;
    std::optional<double> firstFailedS;
    std::optional<double> firstBadS;
    std::optional<double> lastBadS;
    std::optional<double> stableAgainS; ///< empty: never
    bool everLeft = false;              ///< some request after the release was not stable's 200
    std::optional<double> recoveryS;
};

Figures figuresOf(const Side &side, qint64 startMs, qint64 releaseMs, qint64 endMs,
                  const QString &stable, const QString &bad)
{
    Figures f;
    const auto rel = [startMs](qint64 ms) { return double(ms - startMs) / 1000.0; };
    QList<LoadAnswer> answers = side.load->answers();
    std::sort(answers.begin(), answers.end(),
              [](const LoadAnswer &a, const LoadAnswer &b) { return a.sentAtMs < b.sentAtMs; });
    qint64 lastUnstableMs = -1;
    for (const LoadAnswer &a : answers) {
        ++f.sent;
        if (a.failed()) {
            ++f.failed;
            if (!f.firstFailedS)
                f.firstFailedS = rel(a.sentAtMs);
        }
        if (a.connectionError())
            ++f.connectionErrors;
        else if (a.status >= 500)
            ++f.serverErrors;
        if (a.version == bad) {
            ++f.servedByBad;
            if (!f.firstBadS)
                f.firstBadS = rel(a.sentAtMs);
            f.lastBadS = rel(a.sentAtMs);
        }
        const bool fromStable = a.status == 200 && a.version == stable;
        if (fromStable)
            ++f.servedByStable;
        if (!fromStable && a.sentAtMs >= releaseMs)
            lastUnstableMs = a.sentAtMs;
    }
    if (lastUnstableMs < 0) {
        f.stableAgainS = rel(releaseMs);
        return f;
    }
    f.everLeft = true;
    // The first request sent after the last unstable one; none, or too close to the end: never.
    for (const LoadAnswer &a : answers) {
        if (a.sentAtMs > lastUnstableMs) {
            if (a.sentAtMs <= endMs - 1000)
                f.stableAgainS = rel(a.sentAtMs);
            break;
        }
    }
    if (f.stableAgainS && f.firstFailedS)
        f.recoveryS = *f.stableAgainS - *f.firstFailedS;
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A bad release under fixed load: Swarm's rolling update against an "
                       "Optimist rollout, both in one run."));
    parser.addHelpOption();
    const auto option = [](const char *name, const char *help, const char *value,
                           const char *fallback = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help),
                             QString::fromLatin1(value));
        if (fallback)
            o.setDefaultValue(QString::fromLatin1(fallback));
        return o;
    };
    parser.addOptions({
        option("swarm-target", "Swarm side's entry point", "HOST:PORT"),
        option("swarm-host", "Swarm side's Host header", "NAME"),
        option("swarm-release", "script starting Swarm's rolling update", "FILE"),
        option("optimist-target", "Optimist side's entry point", "HOST:PORT"),
        option("optimist-host", "Optimist side's Host header", "NAME"),
        option("optimist-release", "script running optimist-cli rollout", "FILE"),
        option("out", "folder for the records and the scripts' output", "DIR"),
        option("rate", "requests per second on each side", "N", "200"),
        option("duration", "seconds of load", "SEC", "120"),
        option("release-at", "second at which both releases start", "SEC", "10"),
        option("stable", "the stable version (X-Version)", "V", "v2"),
        option("bad", "the bad version (X-Version)", "V", "v3"),
        option("check-interval", "Optimist's check interval, for the recovery goal", "SEC", "10"),
    });
    parser.process(app);

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "bad_release: %s\n", qPrintable(message));
        return 2;
    };
    const int rate = parser.value(QStringLiteral("rate")).toInt();
    const int duration = parser.value(QStringLiteral("duration")).toInt();
    const int releaseAt = parser.value(QStringLiteral("release-at")).toInt();
    const double checkInterval = parser.value(QStringLiteral("check-interval")).toDouble();
    const QString stable = parser.value(QStringLiteral("stable"));
    const QString bad = parser.value(QStringLiteral("bad"));
    const QString outDir = parser.value(QStringLiteral("out"));
    if (rate < 1 || duration < 1 || releaseAt < 0 || releaseAt >= duration)
        return fail(QStringLiteral("need --rate ≥ 1, --duration ≥ 1, 0 ≤ --release-at < "
                                   "--duration"));
    if (outDir.isEmpty() || !QDir().mkpath(outDir))
        return fail(QStringLiteral("--out must name a folder"));

    std::array<Side, 2> sides;
    for (int i = 0; i < 2; ++i) {
        Side &side = sides[size_t(i)];
        side.name = i == 0 ? QStringLiteral("swarm") : QStringLiteral("optimist");
        const QString target = parser.value(side.name + QStringLiteral("-target"));
        const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
        const int port = colon > 0 ? target.mid(colon + 1).toInt() : 0;
        if (port < 1 || port > 65535)
            return fail(QStringLiteral("--%1-target must be HOST:PORT").arg(side.name));
        side.options.host = target.left(colon);
        side.options.port = quint16(port);
        side.options.hostHeader = parser.value(side.name + QStringLiteral("-host")).toUtf8();
        side.options.ratePerSecond = rate;
        side.options.duration = std::chrono::seconds(duration);
        side.script = parser.value(side.name + QStringLiteral("-release"));
        if (side.options.hostHeader.isEmpty() || !QFile::exists(side.script))
            return fail(QStringLiteral("--%1-host and an existing --%1-release are required")
                            .arg(side.name));
    }

    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 releaseMs = startMs + 1000 * qint64(releaseAt);
    const qint64 endMs = startMs + 1000 * qint64(duration);
    int running = 0;
    for (Side &side : sides) {
        side.load = std::make_unique<LoadGenerator>(side.options);
        ++running;
        QObject::connect(side.load.get(), &LoadGenerator::finished, &app, [&running] {
            if (--running == 0)
                QCoreApplication::exit(0);
        });
    }
    // The driver's own stalls: both load generators live on this event loop, and a request is
    // only written and its answer only read when the loop runs (and a stall of 5 s or more
    // times the requests in flight out), so say when it did not run.
    QElapsedTimer sinceTick;
    qint64 longestStallMs = 0;
    qint64 longestStallAtMs = 0;
    int stallsOverOneSecond = 0;
    QTimer watch;
    watch.setTimerType(Qt::PreciseTimer);
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, &app, [&] {
        const qint64 gap = sinceTick.restart();
        if (gap > 1000)
            ++stallsOverOneSecond;
        if (gap > longestStallMs) {
            longestStallMs = gap;
            longestStallAtMs = QDateTime::currentMSecsSinceEpoch() - gap;
        }
    });
    sinceTick.start();
    watch.start();
    for (Side &side : sides)
        side.load->start();
    out(QStringLiteral("start=%1 rate=%2/s duration=%3s release_at=%4s")
            .arg(QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC).toString(Qt::ISODateWithMs))
            .arg(rate)
            .arg(duration)
            .arg(releaseAt));

    // A precise timer: a coarse one may fire 5 % early (half a second at 10 s).
    QTimer::singleShot(
        releaseMs - QDateTime::currentMSecsSinceEpoch(), Qt::PreciseTimer, &app, [&] {
            for (Side &side : sides) {
                side.release = std::make_unique<QProcess>();
                side.release->setStandardOutputFile(outDir + QLatin1Char('/') + side.name +
                                                    QStringLiteral(".out"));
                side.release->setStandardErrorFile(outDir + QLatin1Char('/') + side.name +
                                                   QStringLiteral(".err"));
                QObject::connect(side.release.get(), &QProcess::finished, &app,
                                 [&side](int code, QProcess::ExitStatus status) {
                                     side.releaseEndedMs = QDateTime::currentMSecsSinceEpoch();
                                     side.releaseExit = status == QProcess::NormalExit ? code : -1;
                                 });
                side.releaseStartedMs = QDateTime::currentMSecsSinceEpoch();
                side.release->start(QStringLiteral("/bin/bash"), {side.script});
            }
        });

    QCoreApplication::exec();
    watch.stop();
    out(QStringLiteral("driver: longest event-loop stall %1 s (from %2 s), %3 stall(s) over 1 s")
            .arg(double(longestStallMs) / 1000.0, 0, 'f', 2)
            .arg(double(longestStallAtMs - startMs) / 1000.0, 0, 'f', 1)
            .arg(stallsOverOneSecond));

    // The load is over: a release still running is ended (after the measurement).
    for (Side &side : sides) {
        if (side.release && side.release->state() != QProcess::NotRunning) {
            side.releaseEndedByUs = true;
            side.release->terminate();
            if (!side.release->waitForFinished(30000)) {
                side.release->kill();
                side.release->waitForFinished(5000);
            }
        }
    }

    // Connection errors by message, with when they happened: the machine's noise (a stalled
    // stand-in, timeouts) looks different from a release's own failures.
    const auto errorsOf = [startMs](const Side &side) {
        struct Seen
        {
            int count = 0;
            qint64 firstMs = 0;
            qint64 lastMs = 0;
        };
        QMap<QString, Seen> seen;
        for (const LoadAnswer &a : side.load->answers()) {
            if (!a.connectionError())
                continue;
            Seen &e = seen[a.error.isEmpty() ? QStringLiteral("(no message)") : a.error];
            if (e.count++ == 0 || a.sentAtMs < e.firstMs)
                e.firstMs = a.sentAtMs;
            e.lastMs = std::max(e.lastMs, a.sentAtMs);
        }
        QStringList lines;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            lines << QStringLiteral("%1: no answer: %2 × \"%3\", sent %4–%5 s")
                         .arg(side.name)
                         .arg(it->count)
                         .arg(it.key())
                         .arg(double(it->firstMs - startMs) / 1000.0, 0, 'f', 1)
                         .arg(double(it->lastMs - startMs) / 1000.0, 0, 'f', 1);
        return lines;
    };

    std::array<Figures, 2> figures;
    for (size_t i = 0; i < 2; ++i) {
        const Side &side = sides[i];
        QFile record(outDir + QLatin1Char('/') + side.name + QStringLiteral(".json"));
        if (record.open(QIODevice::WriteOnly))
            record.write(QJsonDocument(side.load->record().toJson()).toJson());
        const Figures &f = figures[i] = figuresOf(side, startMs, releaseMs, endMs, stable, bad);
        const QString released =
            !side.release ? QStringLiteral("never started")
            : side.releaseEndedByUs
                ? QStringLiteral("still running at the end of the load (ended then)")
                : QStringLiteral("exit %1 after %2 s")
                      .arg(side.releaseExit)
                      .arg(double(side.releaseEndedMs - side.releaseStartedMs) / 1000.0, 0, 'f', 1);
        out(QStringLiteral("%1: release started at %2 s, %3")
                .arg(side.name)
                .arg(double(side.releaseStartedMs - startMs) / 1000.0, 0, 'f', 1)
                .arg(released));
        out(QStringLiteral("%1: sent=%2 failed=%3 (5xx %4, no answer %5) served_by_%6=%7 "
                           "served_by_%8=%9")
                .arg(side.name)
                .arg(f.sent)
                .arg(f.failed)
                .arg(f.serverErrors)
                .arg(f.connectionErrors)
                .arg(bad)
                .arg(f.servedByBad)
                .arg(stable)
                .arg(f.servedByStable));
        const QString afterRelease =
            f.stableAgainS && f.everLeft
                ? QStringLiteral(" (%1 s after the release start)")
                      .arg(*f.stableAgainS - double(releaseMs - startMs) / 1000.0, 0, 'f', 1)
                : QString();
        out(QStringLiteral("%1: first_%2_s=%3 last_%2_s=%4 first_failed_s=%5 stable_again_s=%6%8 "
                           "recovery_s=%7")
                .arg(side.name, bad, seconds(f.firstBadS, QStringLiteral("-")),
                     seconds(f.lastBadS, QStringLiteral("-")),
                     seconds(f.firstFailedS, QStringLiteral("-")),
                     f.everLeft ? seconds(f.stableAgainS)
                                : seconds(f.stableAgainS) + QStringLiteral(" (never left)"),
                     f.firstFailedS ? seconds(f.recoveryS) : QStringLiteral("-"), afterRelease));
        for (const QString &line : errorsOf(side))
            out(line);
    }

    const Figures &swarm = figures[0];
    const Figures &optimist = figures[1];
    const QString ratio = swarm.failed > 0
                              ? QString::number(double(optimist.failed) / swarm.failed, 'f', 4)
                              : QStringLiteral("n/a");
    const double recoveryGoal = checkInterval + 2.5;
    out(QStringLiteral("goal ratio <= 0.05: %1")
            .arg(swarm.failed == 0 ? QStringLiteral("not measurable (Swarm side had no failure)")
                 : double(optimist.failed) / swarm.failed <= 0.05 ? QStringLiteral("met")
                                                                  : QStringLiteral("not met")));
    out(QStringLiteral("goal optimist recovery <= %1 s (one check interval + 2.5 s): %2")
            .arg(recoveryGoal, 0, 'f', 1)
            .arg(!optimist.firstFailedS ? QStringLiteral("no failed request")
                 : !optimist.recoveryS  ? QStringLiteral("not met (never recovered)")
                 : *optimist.recoveryS <= recoveryGoal
                     ? QStringLiteral("met (%1 s)").arg(*optimist.recoveryS, 0, 'f', 1)
                     : QStringLiteral("not met (%1 s)").arg(*optimist.recoveryS, 0, 'f', 1)));
    out(QStringLiteral("optimist_failed=%1 swarm_failed=%2 ratio=%3")
            .arg(optimist.failed)
            .arg(swarm.failed)
            .arg(ratio));
    return 0;
}
