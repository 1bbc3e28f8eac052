#pragma once

#include "ConnectionState.h"

#include "core/AppSnapshot.h"
#include "core/CancelToken.h"
#include "core/Error.h"
#include "core/WeightSplit.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace optimist {

class ClusterPort;
class RouterPort;

/// Watches one environment for the environments panel: polls the cluster (each application's
/// colors) and the router (their weights) every interval and on demand, and reports what it
/// reads as values — never touching a model itself.
///
/// It lives on the thread that owns the environment's ports (the GUI moves it to the worker
/// thread running the runtime and engine; call start(), stop() and refreshNow() there, e.g. via
/// a queued connection) and its signals reach the GUI's EnvironmentTreeModel through queued
/// connections. Polls never overlap: a refresh asked for during a poll runs right after it. Each
/// poll has a time limit; a failed or late poll reports the environment disconnected with the
/// reason, the next successful one connected again. Destroying the monitor cancels the poll in
/// flight (no answer reaches it afterwards).
class EnvironmentMonitor : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultInterval{2000};
    static constexpr std::chrono::milliseconds kDefaultTimeout{10000};

    /// @p cluster and @p router must outlive the monitor.
    EnvironmentMonitor(const QString &environment, ClusterPort *cluster, RouterPort *router,
                       const QStringList &applications, QObject *parent = nullptr);
    ~EnvironmentMonitor() override;

    QString environment() const { return m_environment; }
    QStringList applications() const { return m_applications; }
    ConnectionState state() const { return m_state; }
    QString error() const { return m_error; }
    bool isPolling() const { return m_poll != nullptr; }

    /// Time between the end of one poll and the start of the next (default 2 s).
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    /// How long a poll may take before the environment counts as disconnected (default 10 s).
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

public Q_SLOTS:
    /// Reports the environment connecting and polls now, then every interval.
    void start();
    /// No further polls; the one in flight is cancelled.
    void stop();
    /// Polls now (or right after the poll in flight) — e.g. on a Docker event about the
    /// environment's services, or when the release manager asks.
    void refreshNow();
    /// The applications to watch; one no longer watched is reported removed.
    void setApplications(const QStringList &applications);

Q_SIGNALS:
    /// What the cluster and router show of one application after a successful poll.
    void applicationUpdated(const QString &environment, const optimist::AppSnapshot &snapshot,
                            const optimist::WeightSplit &weights);
    /// @p app is no longer watched.
    void applicationRemoved(const QString &environment, const QString &app);
    /// The connection state changed; @p error says why it is disconnected.
    void connectionChanged(const QString &environment, optimist::ConnectionState state,
                           const QString &error);
    /// A poll ended, successfully or not (after the signals above).
    void pollFinished();

private:
    struct Poll;

    void poll();
    void finishPoll(std::optional<Error> failure);
    void setState(ConnectionState state, const QString &error);

    QString m_environment;
    ClusterPort *m_cluster;
    RouterPort *m_router;
    QStringList m_applications;
    std::chrono::milliseconds m_interval = kDefaultInterval;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_error;
    bool m_running = false;
    bool m_refreshQueued = false;
    std::unique_ptr<Poll> m_poll;
    QTimer m_intervalTimer;
    QTimer m_timeoutTimer;
};

} // namespace optimist
