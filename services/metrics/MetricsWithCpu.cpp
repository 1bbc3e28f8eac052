#include "MetricsWithCpu.h"

#include "MetricsLogging.h"

#include <QTimer>

#include <memory>
#include <optional>

namespace optimist {

namespace {

/// The window being assembled: the traffic and the CPU of its two colors, asked at once.
struct CpuAssembly
{
    explicit CpuAssembly(Reply<MetricsWindow> r)
        : reply(std::move(r))
    {
    }

    Reply<MetricsWindow> reply;
    std::optional<MetricsWindow> window; ///< the traffic, once answered
    double cpu[2] = {ColorMetrics::kNaN, ColorMetrics::kNaN};
    bool cpuAnswered[2] = {false, false};
    int outstanding = 3; ///< the traffic and two CPU figures
    bool replied = false;
    QStringList notes;
    CancelToken cpuToken; ///< cancels the CPU requests once the window is answered
};

int slot(Color color)
{
    return color == Color::Blue ? 0 : 1;
}

} // namespace

MetricsWithCpu::MetricsWithCpu(MetricsPort *traffic, CpuPort *cpu, Config config, QObject *parent)
    : QObject(parent)
    , m_traffic(traffic)
    , m_cpu(cpu)
    , m_config(config)
{
    Q_ASSERT(m_traffic && m_cpu);
}

void MetricsWithCpu::window(const QString &app, const QDateTime &from, const QDateTime &to,
                            Reply<MetricsWindow> reply)
{
    // The traffic source usually waits for a scrape after the window's end, and the cluster
    // takes about a second to report CPU: both are asked at once, so the decision waits for
    // the slower of the two instead of their sum.
    auto assembly = std::make_shared<CpuAssembly>(reply);
    const auto finish = [this, assembly] {
        CpuAssembly &a = *assembly;
        if (a.replied || --a.outstanding > 0)
            return;
        a.replied = true;
        a.cpuToken.cancel();
        MetricsWindow w = *a.window;
        for (const Color color : {Color::Blue, Color::Green})
            w.of(color).cpuPercent = a.cpu[slot(color)];
        m_lastNotes = a.notes;
        a.reply(w);
    };
    const auto cpuDone = [assembly, finish](Color color, double cpu, const QString &note) {
        CpuAssembly &a = *assembly;
        if (a.replied || a.cpuAnswered[slot(color)])
            return;
        a.cpuAnswered[slot(color)] = true;
        a.cpu[slot(color)] = cpu;
        if (!note.isEmpty()) {
            qCWarning(lcMetrics).noquote() << note;
            a.notes << note;
        }
        finish();
    };

    m_traffic->window(app, from, to,
                      Reply<MetricsWindow>(
                          this,
                          [assembly, finish](const Result<MetricsWindow> &traffic) {
                              CpuAssembly &a = *assembly;
                              if (a.replied)
                                  return;
                              if (!traffic) {
                                  a.replied = true;
                                  a.cpuToken.cancel();
                                  a.reply(traffic);
                                  return;
                              }
                              a.window = traffic.value();
                              finish();
                          },
                          reply.token()));
    if (assembly->replied)
        return; // the traffic failed at once
    for (const Color color : {Color::Blue, Color::Green}) {
        m_cpu->cpuPercent(app, color,
                          Reply<double>(
                              this,
                              [cpuDone, color](const Result<double> &cpu) {
                                  if (cpu)
                                      cpuDone(color, cpu.value(), {});
                                  else
                                      cpuDone(color, ColorMetrics::kNaN,
                                              tr("CPU of %1 unknown in this window: %2")
                                                  .arg(colorName(color), cpu.error().message));
                              },
                              assembly->cpuToken));
    }
    QTimer::singleShot(m_config.cpuTimeout, this, [this, cpuDone] {
        for (const Color color : {Color::Blue, Color::Green})
            cpuDone(color, ColorMetrics::kNaN,
                    tr("CPU of %1 unknown in this window: the cluster did not report it within "
                       "%2 ms")
                        .arg(colorName(color))
                        .arg(qint64(m_config.cpuTimeout.count())));
    });
}

} // namespace optimist
