#pragma once

#include "DockerEvent.h"
#include "core/CancelToken.h"
#include "core/Error.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace optimist {

class DockerClient;

/// A live feed of the daemon's service and container events (for the environment view): keeps
/// `GET /events` open, parses the newline-delimited JSON as it arrives and emits one signal per
/// event. When the stream ends or fails it reconnects with a growing pause (0.5 s doubling to
/// 30 s, back to 0.5 s once events flow), asking for the events it missed (`since`).
class DockerEventStream : public QObject
{
    Q_OBJECT

public:
    explicit DockerEventStream(DockerClient *client, QObject *parent = nullptr);
    ~DockerEventStream() override;

    /// Event types to follow (default: service, container) and label filters (e.g.
    /// "optimist.app=portal"), applied on the next (re)connection.
    void setTypes(const QStringList &types) { m_types = types; }
    void setLabels(const QStringList &labels) { m_labels = labels; }

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool isConnected() const { return m_connected; }

    static constexpr std::chrono::milliseconds kFirstRetry{500};
    static constexpr std::chrono::milliseconds kLongestRetry{30000};

Q_SIGNALS:
    void eventReceived(const optimist::DockerEvent &event);
    /// The stream is open (the daemon answered the request).
    void connected();
    /// The stream ended or failed; it is retried after @p retryIn.
    void disconnected(const optimist::Error &error, std::chrono::milliseconds retryIn);

private:
    void connectStream();
    void onChunk(const QByteArray &chunk);
    void scheduleRetry(const Error &error);

    DockerClient *m_client;
    QStringList m_types{QStringLiteral("service"), QStringLiteral("container")};
    QStringList m_labels;
    bool m_running = false;
    bool m_connected = false;
    CancelToken m_token;
    QByteArray m_buffer;
    qint64 m_lastNano = 0;
    std::chrono::milliseconds m_retry = kFirstRetry;
    QTimer m_retryTimer;
};

} // namespace optimist
