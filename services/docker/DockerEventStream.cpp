#include "DockerEventStream.h"

#include "DockerClient.h"
#include "DockerClusterLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace optimist {

DockerEventStream::DockerEventStream(DockerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DockerEventStream::connectStream);
}

DockerEventStream::~DockerEventStream()
{
    m_token.cancel();
}

void DockerEventStream::start()
{
    if (m_running)
        return;
    m_running = true;
    m_retry = kFirstRetry;
    m_retryTimer.start(0);
}

void DockerEventStream::stop()
{
    m_running = false;
    m_connected = false;
    m_retryTimer.stop();
    m_token.cancel();
}

void DockerEventStream::connectStream()
{
    if (!m_running)
        return;
    m_token.cancel();
    m_token = CancelToken();
    m_buffer.clear();

    QJsonObject filters{{QStringLiteral("type"), QJsonArray::fromStringList(m_types)}};
    if (!m_labels.isEmpty())
        filters.insert(QStringLiteral("label"), QJsonArray::fromStringList(m_labels));
    DockerRequest request;
    request.path = QStringLiteral("/events");
    request.query.addQueryItem(
        QStringLiteral("filters"),
        QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    if (m_lastNano > 0) {
        // Resume just after the last event seen: seconds.nanoseconds.
        const qint64 next = m_lastNano + 1;
        request.query.addQueryItem(QStringLiteral("since"),
                                   QStringLiteral("%1.%2")
                                       .arg(next / 1000000000LL)
                                       .arg(next % 1000000000LL, 9, 10, QLatin1Char('0')));
    }
    request.timeout = std::chrono::milliseconds(0); // a quiet daemon is not a dead one
    request.retries = 0;

    m_client->stream(
        request, [this](const QByteArray &chunk) { onChunk(chunk); },
        Reply<DockerResponse>(
            this,
            [this](const Result<DockerResponse> &r) {
                m_connected = false;
                scheduleRetry(r ? Error{Error::Kind::Unreachable,
                                        tr("the Docker daemon %1 closed its event stream")
                                            .arg(m_client->endpoint().uri())}
                                : r.error());
            },
            m_token));
}

void DockerEventStream::onChunk(const QByteArray &chunk)
{
    if (!m_connected) {
        m_connected = true;
        Q_EMIT connected();
    }
    m_buffer += chunk;
    for (const DockerEvent &event : DockerEvent::takeComplete(&m_buffer)) {
        m_retry = kFirstRetry;
        m_lastNano = std::max(m_lastNano, event.timeNano);
        Q_EMIT eventReceived(event);
    }
}

void DockerEventStream::scheduleRetry(const Error &error)
{
    if (!m_running)
        return;
    const std::chrono::milliseconds wait = m_retry;
    m_retry = std::min(m_retry * 2, kLongestRetry);
    qCDebug(lcDockerCluster) << "event stream interrupted:" << error.message << "- retrying in"
                             << wait.count() << "ms";
    Q_EMIT disconnected(error, wait);
    m_retryTimer.start(wait);
}

} // namespace optimist
