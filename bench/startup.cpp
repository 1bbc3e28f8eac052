// startup: time from process start to the first window on screen, `optimist --sandbox` against
// an empty QMainWindow (bare_window), in one run. Run it through bench/startup.sh, which gives
// it an X server of its own (xvfb-run); see bench/README.md.
//
//     startup [--rounds 11] [--optimist PATH] [--bare PATH] [--verbose]
//
// Measured from outside, on the X server: the driver watches the root window's children
// (SubstructureNotify) and puts a DAMAGE object on every top-level window as it is created.
// For each launch it records, from just before posix_spawn():
//   mapped   the first top-level window of the child (its _NET_WM_PID) is mapped (shown);
//   painted  the first damage on that window — Qt's first frame reaching the screen.
// One unmeasured warm-up launch each, then bare, optimist, bare, optimist, …; medians and the
// ratio optimist / bare. The child is ended with SIGTERM once it has painted.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <xcb/damage.h>
#include <xcb/xcb.h>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

extern char **environ;

namespace {

double nowMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Launch
{
    double mappedMs = -1;
    double paintedMs = -1;
};

class Watcher
{
public:
    bool connect(QTextStream &err)
    {
        m_conn = xcb_connect(nullptr, nullptr);
        if (xcb_connection_has_error(m_conn)) {
            err << "startup: cannot connect to the X server (DISPLAY="
                << qEnvironmentVariable("DISPLAY") << "); run bench/startup.sh" << Qt::endl;
            return false;
        }
        const xcb_query_extension_reply_t *damage = xcb_get_extension_data(m_conn, &xcb_damage_id);
        if (!damage || !damage->present) {
            err << "startup: the X server has no DAMAGE extension" << Qt::endl;
            return false;
        }
        m_damageEvent = damage->first_event + XCB_DAMAGE_NOTIFY;
        free(xcb_damage_query_version_reply(
            m_conn,
            xcb_damage_query_version(m_conn, XCB_DAMAGE_MAJOR_VERSION, XCB_DAMAGE_MINOR_VERSION),
            nullptr));
        m_root = xcb_setup_roots_iterator(xcb_get_setup(m_conn)).data->root;
        const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        xcb_change_window_attributes(m_conn, m_root, XCB_CW_EVENT_MASK, &mask);
        const char name[] = "_NET_WM_PID";
        xcb_intern_atom_reply_t *atom = xcb_intern_atom_reply(
            m_conn, xcb_intern_atom(m_conn, 0, sizeof name - 1, name), nullptr);
        m_pidAtom = atom ? atom->atom : xcb_atom_t(XCB_ATOM_NONE);
        free(atom);
        xcb_flush(m_conn);
        return true;
    }

    ~Watcher()
    {
        if (m_conn)
            xcb_disconnect(m_conn);
    }

    /// Starts @p argv with @p env and waits for its first window mapped and painted, or
    /// @p timeoutMs. Ends the child before returning.
    Launch run(const std::vector<std::string> &argv, const std::vector<std::string> &env,
               double timeoutMs, bool verbose, QTextStream &out)
    {
        drain(50); // what the previous child left (its windows being destroyed)
        m_windows.clear();

        std::vector<char *> args, envp;
        for (const std::string &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        for (const std::string &e : env)
            envp.push_back(const_cast<char *>(e.c_str()));
        envp.push_back(nullptr);

        Launch launch;
        const double t0 = nowMs();
        pid_t pid = 0;
        if (posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), envp.data()) != 0) {
            out << "startup: cannot start " << args[0] << Qt::endl;
            return launch;
        }
        m_pid = uint32_t(pid);
        while (launch.paintedMs < 0 && nowMs() - t0 < timeoutMs) {
            xcb_generic_event_t *event = next(t0 + timeoutMs - nowMs());
            if (!event)
                continue;
            const double at = nowMs() - t0;
            const uint8_t type = event->response_type & 0x7f;
            if (type == XCB_CREATE_NOTIFY) {
                const auto *e = reinterpret_cast<xcb_create_notify_event_t *>(event);
                if (e->parent == m_root) {
                    const xcb_damage_damage_t damage = xcb_generate_id(m_conn);
                    xcb_damage_create(m_conn, damage, e->window, XCB_DAMAGE_REPORT_LEVEL_NON_EMPTY);
                    xcb_flush(m_conn);
                    m_windows[e->window] = Window{damage, false};
                }
            } else if (type == XCB_MAP_NOTIFY) {
                const auto *e = reinterpret_cast<xcb_map_notify_event_t *>(event);
                auto it = m_windows.find(e->window);
                if (it != m_windows.end() && belongsToChild(e->window)) {
                    it->second.mapped = true;
                    if (launch.mappedMs < 0)
                        launch.mappedMs = at;
                    if (verbose)
                        out << "  mapped 0x" << Qt::hex << e->window << Qt::dec << " at " << at
                            << " ms" << Qt::endl;
                }
            } else if (type == m_damageEvent) {
                const auto *e = reinterpret_cast<xcb_damage_notify_event_t *>(event);
                auto it = m_windows.find(e->drawable);
                if (it != m_windows.end() && it->second.mapped) {
                    launch.paintedMs = at;
                    if (verbose)
                        out << "  damage 0x" << Qt::hex << e->drawable << Qt::dec << " "
                            << e->area.width << "x" << e->area.height << " of " << e->geometry.width
                            << "x" << e->geometry.height << " at " << at << " ms" << Qt::endl;
                }
            }
            free(event);
        }
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        return launch;
    }

private:
    struct Window
    {
        xcb_damage_damage_t damage;
        bool mapped;
    };

    /// The next event within @p waitMs, or nullptr.
    xcb_generic_event_t *next(double waitMs)
    {
        if (xcb_generic_event_t *event = xcb_poll_for_event(m_conn))
            return event;
        pollfd fd{xcb_get_file_descriptor(m_conn), POLLIN, 0};
        if (poll(&fd, 1, std::max(0, int(waitMs) + 1)) <= 0)
            return nullptr;
        return xcb_poll_for_event(m_conn);
    }

    void drain(double forMs)
    {
        const double until = nowMs() + forMs;
        while (nowMs() < until)
            free(next(until - nowMs()));
    }

    /// Whether @p window is the child's (by _NET_WM_PID; a window without it counts: only the
    /// child runs on the benchmark's own X server).
    bool belongsToChild(xcb_window_t window)
    {
        if (m_pidAtom == XCB_ATOM_NONE)
            return true;
        xcb_get_property_reply_t *reply = xcb_get_property_reply(
            m_conn, xcb_get_property(m_conn, 0, window, m_pidAtom, XCB_ATOM_CARDINAL, 0, 1),
            nullptr);
        bool ours = true;
        if (reply && xcb_get_property_value_length(reply) == 4)
            ours = *static_cast<uint32_t *>(xcb_get_property_value(reply)) == m_pid;
        free(reply);
        return ours;
    }

    xcb_connection_t *m_conn = nullptr;
    xcb_window_t m_root = 0;
    xcb_atom_t m_pidAtom = XCB_ATOM_NONE;
    uint8_t m_damageEvent = 0;
    uint32_t m_pid = 0;
    std::map<xcb_window_t, Window> m_windows;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QString binDir = QCoreApplication::applicationDirPath();
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Measured launches of each."),
                                          QStringLiteral("n"), QStringLiteral("11"));
    const QCommandLineOption optimistOption(
        QStringLiteral("optimist"), QStringLiteral("The optimist binary."), QStringLiteral("path"),
        QDir(binDir).filePath(QStringLiteral("optimist")));
    const QCommandLineOption bareOption(
        QStringLiteral("bare"), QStringLiteral("The bare QMainWindow program."),
        QStringLiteral("path"), QDir(binDir).filePath(QStringLiteral("bare_window")));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Print every map and damage."));
    parser.addOptions({roundsOption, optimistOption, bareOption, verboseOption});
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const bool verbose = parser.isSet(verboseOption);

    QTextStream out(stdout);
    QTextStream err(stderr);
    Watcher watcher;
    if (!watcher.connect(err))
        return 2;

    // Private folders: optimist's data and configuration (a fresh sandbox, no profiles to
    // open), and XDG folders for both programs, so nothing of the user's is read or written.
    QTemporaryDir dir;
    for (const char *sub : {"data", "config", "xdg-config", "xdg-data", "xdg-cache", "xdg-runtime"})
        QDir(dir.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(dir.filePath(QStringLiteral("xdg-runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    std::vector<std::string> env;
    for (char **e = environ; *e; ++e) {
        const std::string entry(*e);
        if (entry.rfind("QT_QPA_PLATFORM=", 0) != 0 && entry.rfind("XDG_CONFIG_HOME=", 0) != 0 &&
            entry.rfind("XDG_DATA_HOME=", 0) != 0 && entry.rfind("XDG_CACHE_HOME=", 0) != 0 &&
            entry.rfind("XDG_RUNTIME_DIR=", 0) != 0)
            env.push_back(entry);
    }
    const auto path = [&dir](const char *sub) {
        return QDir(dir.path()).filePath(QString::fromLatin1(sub)).toStdString();
    };
    env.push_back("QT_QPA_PLATFORM=xcb");
    env.push_back("XDG_CONFIG_HOME=" + path("xdg-config"));
    env.push_back("XDG_DATA_HOME=" + path("xdg-data"));
    env.push_back("XDG_CACHE_HOME=" + path("xdg-cache"));
    env.push_back("XDG_RUNTIME_DIR=" + path("xdg-runtime"));

    const std::vector<std::string> bare{parser.value(bareOption).toStdString()};
    const std::vector<std::string> optimist{parser.value(optimistOption).toStdString(),
                                            "--sandbox",
                                            "--data-dir",
                                            path("data"),
                                            "--config-dir",
                                            path("config")};
    constexpr double kTimeoutMs = 30'000;

    const auto once = [&](const std::vector<std::string> &command, const char *name) {
        if (verbose)
            out << name << ":" << Qt::endl;
        const Launch l = watcher.run(command, env, kTimeoutMs, verbose, out);
        if (l.paintedMs < 0) {
            err << "startup: " << QString::fromStdString(command[0])
                << " showed no painted window within " << kTimeoutMs / 1000 << " s" << Qt::endl;
            std::exit(1);
        }
        return l;
    };
    once(bare, "warm-up bare"); // page cache, font cache, the sandbox's first database
    once(optimist, "warm-up optimist");

    std::vector<double> bareMapped, barePainted, optMapped, optPainted;
    out << "round  bare_mapped_ms  bare_painted_ms  optimist_mapped_ms  optimist_painted_ms"
        << Qt::endl;
    for (int round = 1; round <= rounds; ++round) {
        const Launch b = once(bare, "bare");
        const Launch o = once(optimist, "optimist");
        bareMapped.push_back(b.mappedMs);
        barePainted.push_back(b.paintedMs);
        optMapped.push_back(o.mappedMs);
        optPainted.push_back(o.paintedMs);
        out << QStringLiteral("%1  %2  %3  %4  %5")
                   .arg(round, 5)
                   .arg(b.mappedMs, 14, 'f', 1)
                   .arg(b.paintedMs, 15, 'f', 1)
                   .arg(o.mappedMs, 18, 'f', 1)
                   .arg(o.paintedMs, 19, 'f', 1)
            << Qt::endl;
    }
    const double bm = median(bareMapped), bp = median(barePainted);
    const double om = median(optMapped), op = median(optPainted);
    out << QStringLiteral("rounds=%1 (medians)").arg(rounds) << Qt::endl;
    out << QStringLiteral("bare_window: mapped %1 ms, painted %2 ms")
               .arg(bm, 0, 'f', 1)
               .arg(bp, 0, 'f', 1)
        << Qt::endl;
    out << QStringLiteral("optimist --sandbox: mapped %1 ms, painted %2 ms")
               .arg(om, 0, 'f', 1)
               .arg(op, 0, 'f', 1)
        << Qt::endl;
    out << QStringLiteral(
               "ratio optimist/bare: painted %1x, mapped %2x (goal <= 2x on painted: %3)")
               .arg(op / bp, 0, 'f', 2)
               .arg(om / bm, 0, 'f', 2)
               .arg(op / bp <= 2 ? QStringLiteral("met") : QStringLiteral("not met"))
        << Qt::endl;
    return 0;
}
