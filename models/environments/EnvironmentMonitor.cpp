#include "EnvironmentMonitor.h"

#include "ports/ClusterPort.h"
#include "ports/RouterPort.h"

namespace optimist {

/// One round of reads: readApp and readWeights for every application, answered in any order.
struct EnvironmentMonitor::Poll
{
    CancelToken token;
    int pending = 0;
    QMap<QString, AppSnapshot> snapshots;
    QMap<QString, WeightSplit> weights; ///< absent: the router does not route the app yet
    std::optional<Error> failure;       ///< the first read that failed
};

EnvironmentMonitor::EnvironmentMonitor(const QString &environment, ClusterPort *cluster,
                                       RouterPort *router, const QStringList &applications,
                                       QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_cluster(cluster)
    , m_router(router)
    , m_applications(applications)
    , m_intervalTimer(this)
    , m_timeoutTimer(this)
{
    Q_ASSERT(m_cluster && m_router);
    m_intervalTimer.setSingleShot(true);
    m_timeoutTimer.setSingleShot(true);
    connect(&m_intervalTimer, &QTimer::timeout, this, &EnvironmentMonitor::poll);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        finishPoll(Error{Error::Kind::Timeout, tr("%1 did not answer within %2 s")
                                                   .arg(m_environment)
                                                   .arg(double(m_timeout.count()) / 1000.0)});
    });
}

EnvironmentMonitor::~EnvironmentMonitor()
{
    if (m_poll)
        m_poll->token.cancel();
}

void EnvironmentMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    if (m_intervalTimer.isActive())
        m_intervalTimer.start(m_interval);
}

void EnvironmentMonitor::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void EnvironmentMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_state = ConnectionState::Connecting;
    m_error.clear();
    Q_EMIT connectionChanged(m_environment, m_state, m_error);
    refreshNow();
}

void EnvironmentMonitor::stop()
{
    m_running = false;
    m_refreshQueued = false;
    m_intervalTimer.stop();
    m_timeoutTimer.stop();
    if (m_poll) {
        m_poll->token.cancel();
        m_poll.reset();
    }
}

void EnvironmentMonitor::refreshNow()
{
    if (m_poll) {
        m_refreshQueued = true;
        return;
    }
    poll();
}

void EnvironmentMonitor::setApplications(const QStringList &applications)
{
    for (const QString &app : std::as_const(m_applications)) {
        if (!applications.contains(app))
            Q_EMIT applicationRemoved(m_environment, app);
    }
    m_applications = applications;
    if (m_running)
        refreshNow();
}

void EnvironmentMonitor::poll()
{
    Q_ASSERT(!m_poll);
    m_intervalTimer.stop();
    m_refreshQueued = false;
    if (m_applications.isEmpty()) {
        // Nothing to read, so nothing learnt about the connection either.
        finishPoll(std::nullopt);
        return;
    }

    m_poll = std::make_unique<Poll>();
    Poll *poll = m_poll.get();
    poll->pending = int(m_applications.size()) * 2;
    m_timeoutTimer.start(m_timeout);

    // A failure that only says the application is not (yet) there is an answer, not a lost
    // connection: an app not deployed has no colors, one not routed yet has its only color at 100%.
    const auto answered = [this, poll] {
        if (poll == m_poll.get() && --poll->pending == 0)
            finishPoll(poll->failure);
    };
    for (const QString &app : std::as_const(m_applications)) {
        m_cluster->readApp(app, Reply<AppSnapshot>(
                                    this,
                                    [poll, app, answered](const Result<AppSnapshot> &r) {
                                        if (r)
                                            poll->snapshots.insert(app, r.value());
                                        else if (r.error().kind == Error::Kind::NotFound)
                                            poll->snapshots.insert(app, AppSnapshot{app, {}, {}});
                                        else if (!poll->failure)
                                            poll->failure = r.error();
                                        answered();
                                    },
                                    poll->token));
        m_router->readWeights(app, Reply<WeightSplit>(
                                       this,
                                       [poll, app, answered](const Result<WeightSplit> &r) {
                                           if (r)
                                               poll->weights.insert(app, r.value());
                                           else if (r.error().kind != Error::Kind::NotFound &&
                                                    !poll->failure)
                                               poll->failure = r.error();
                                           answered();
                                       },
                                       poll->token));
    }
}

void EnvironmentMonitor::finishPoll(std::optional<Error> failure)
{
    m_timeoutTimer.stop();
    std::unique_ptr<Poll> poll = std::move(m_poll);
    if (poll)
        poll->token.cancel(); // a timed-out poll's late answers are dropped

    if (failure) {
        setState(ConnectionState::Disconnected, failure->message);
    } else if (poll) {
        setState(ConnectionState::Connected, QString());
        for (const QString &app : std::as_const(m_applications)) {
            AppSnapshot snapshot = poll->snapshots.value(app);
            snapshot.app = app;
            WeightSplit weights;
            if (poll->weights.contains(app))
                weights = poll->weights.value(app);
            else if (snapshot.green && !snapshot.blue)
                weights = WeightSplit::canaryAt(Color::Green, 100);
            Q_EMIT applicationUpdated(m_environment, snapshot, weights);
        }
    }
    Q_EMIT pollFinished();

    if (m_poll)
        return; // a receiver of the signals above already started the next poll
    if (m_refreshQueued)
        this->poll();
    else if (m_running)
        m_intervalTimer.start(m_interval);
}

void EnvironmentMonitor::setState(ConnectionState state, const QString &error)
{
    if (m_state == state && m_error == error)
        return;
    m_state = state;
    m_error = error;
    Q_EMIT connectionChanged(m_environment, state, error);
}

} // namespace optimist
