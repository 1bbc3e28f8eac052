#pragma once

#include "DockerEndpoint.h"
#include "core/Reply.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>

namespace optimist {

/// One request to the Docker Engine API.
struct DockerRequest
{
    QByteArray method = "GET";
    QString path; ///< e.g. "/services/portal-blue"; the client prefixes "/vX.Y"
    QUrlQuery query;
    QByteArray body; ///< JSON; sent with Content-Type: application/json when not empty
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers, e.g. X-Registry-Auth
    /// For the whole exchange; for a stream, the time allowed without any data (0: none).
    std::chrono::milliseconds timeout{10000};
    /// Retries with backoff; -1 takes the default: 2 for GET and HEAD, never for anything else
    /// (a write is never repeated behind the caller's back).
    int retries = -1;
};

/// A 2xx answer of the Docker Engine API.
struct DockerResponse
{
    int status = 0;
    QByteArray body; ///< empty for a stream (its data went to the chunk handler)
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

/// The Docker Engine API over a unix socket or TCP with TLS client certificates, driven by
/// libcurl's multi interface on the Qt event loop (QSocketNotifier + QTimer): nothing blocks,
/// every request has a timeout, many run at once.
///
/// Errors are typed: Error::Unreachable for a refused connection or missing socket and for a
/// TLS failure (the message says which and names the endpoint); Error::Timeout; for a 4xx/5xx
/// answer the daemon's own `message`, as Error::NotFound (404), Error::Conflict (409),
/// Error::Invalid (400) or Error::Other (anything else, with the status).
/// A reply whose token is cancelled (or whose context is destroyed) aborts its transfer and is
/// never called.
class DockerClient : public QObject
{
    Q_OBJECT

public:
    /// The newest API version the product is built against (shared/reference/docker).
    static constexpr const char *kMaxApiVersion = "1.41";

    explicit DockerClient(DockerEndpoint endpoint, QObject *parent = nullptr);
    ~DockerClient() override;

    const DockerEndpoint &endpoint() const;

    /// The version prefixed to paths: kMaxApiVersion until negotiate() answered.
    QString apiVersion() const;

    /// GET /version (unprefixed); the version used from then on is the lower of the daemon's
    /// ApiVersion and kMaxApiVersion. Error::Invalid when the daemon's MinAPIVersion is newer
    /// than kMaxApiVersion.
    void negotiate(Reply<QString> reply);

    /// One request; answers with the response once it has arrived completely.
    void send(const DockerRequest &request, Reply<DockerResponse> reply);

    /// A streaming request (GET /events, logs with follow=1): @p onChunk gets the body as it
    /// arrives, in order; @p done is called once when the daemon ends the stream (with the
    /// status and headers) or it fails. Cancel it through @p done's token.
    void stream(const DockerRequest &request, std::function<void(const QByteArray &)> onChunk,
                Reply<DockerResponse> done);

    /// Transfers in flight (for tests and the benchmark).
    int activeTransfers() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace optimist
