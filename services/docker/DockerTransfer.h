#pragma once

#include "DockerClient.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>

#include <curl/curl.h>

namespace optimist {

/// One attempt of one request: a libcurl easy handle set up for the endpoint (unix socket or
/// TCP, TLS files), with the buffers its callbacks fill. The callbacks only buffer (they run
/// inside libcurl); DockerClient hands the data on.
class DockerTransfer
{
public:
    DockerTransfer(const DockerEndpoint &endpoint, const QByteArray &url,
                   const DockerRequest &request, bool streaming, void *owner);
    ~DockerTransfer();
    DockerTransfer(const DockerTransfer &) = delete;
    DockerTransfer &operator=(const DockerTransfer &) = delete;

    CURL *easy() const { return m_easy; }
    /// The owner pointer given to the constructor (CURLOPT_PRIVATE).
    static void *owner(CURL *easy);

    /// The HTTP status of the last response head, 0 before one arrived.
    int status() const { return m_status; }
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    /// The body (for a stream: only an error answer's body).
    QByteArray takeBody() { return std::exchange(m_body, {}); }
    const QByteArray &body() const { return m_body; }
    /// Stream data received since the last call.
    QByteArray takeChunks() { return std::exchange(m_chunks, {}); }
    bool hasChunks() const { return !m_chunks.isEmpty(); }
    /// Whether any byte of a response arrived.
    bool receivedAnything() const { return m_received; }
    /// Milliseconds since the last byte arrived (or since the start).
    qint64 idleMs() const { return m_idle.elapsed(); }
    /// libcurl's own description of the last failure (may be empty).
    QString errorText() const;
    /// The system's error number of the last failed connect or I/O call, 0 when none.
    int osErrno() const;

private:
    static size_t onWrite(char *data, size_t size, size_t count, void *self);
    static size_t onHeader(char *data, size_t size, size_t count, void *self);

    CURL *m_easy = nullptr;
    curl_slist *m_headerList = nullptr;
    QByteArray m_url;
    QByteArray m_requestBody;
    QByteArray m_unixSocket;
    QByteArray m_caFile, m_certFile, m_keyFile;
    bool m_streaming = false;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};

    int m_status = 0;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QByteArray m_chunks;
    bool m_received = false;
    QElapsedTimer m_idle;
};

} // namespace optimist
