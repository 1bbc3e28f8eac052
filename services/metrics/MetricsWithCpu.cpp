#include "MetricsWithCpu.h"

#include "MetricsLogging.h"

#include <QTimer>

#include <memory>

namespace optimist {

namespace {

/// The window waiting for the CPU of its two colors.
struct CpuAssembly
{
    explicit CpuAssembly(Reply<MetricsWindow> r, MetricsWindow w)
        : reply(std::move(r))
        , window(std::move(w))
    {
    }

    Reply<MetricsWindow> reply;
    MetricsWindow window;
    int outstanding = 2;
    bool answered[2] = {false, false};
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
    m_traffic->window(
        app, from, to,
        Reply<MetricsWindow>(
            this,
            [this, app, reply](const Result<MetricsWindow> &traffic) {
                if (!traffic) {
                    reply(traffic);
                    return;
                }
                auto assembly = std::make_shared<CpuAssembly>(reply, traffic.value());
                const auto done = [this, assembly](Color color, double cpu, const QString &note) {
                    CpuAssembly &a = *assembly;
                    if (a.answered[slot(color)])
                        return;
                    a.answered[slot(color)] = true;
                    a.window.of(color).cpuPercent = cpu;
                    if (!note.isEmpty()) {
                        qCWarning(lcMetrics).noquote() << note;
                        a.notes << note;
                    }
                    if (--a.outstanding > 0)
                        return;
                    a.cpuToken.cancel();
                    m_lastNotes = a.notes;
                    a.reply(a.window);
                };
                for (const Color color : {Color::Blue, Color::Green}) {
                    m_cpu->cpuPercent(
                        app, color,
                        Reply<double>(
                            this,
                            [done, color](const Result<double> &cpu) {
                                if (cpu)
                                    done(color, cpu.value(), {});
                                else
                                    done(color, ColorMetrics::kNaN,
                                         tr("CPU of %1 unknown in this window: %2")
                                             .arg(colorName(color), cpu.error().message));
                            },
                            assembly->cpuToken));
                }
                QTimer::singleShot(m_config.cpuTimeout, this, [this, done, assembly] {
                    for (const Color color : {Color::Blue, Color::Green})
                        done(color, ColorMetrics::kNaN,
                             tr("CPU of %1 unknown in this window: the cluster did not report it "
                                "within %2 ms")
                                 .arg(colorName(color))
                                 .arg(qint64(m_config.cpuTimeout.count())));
                });
            },
            reply.token()));
}

} // namespace optimist
