#include "DockerTransfer.h"

#include <QFile>

namespace optimist {

namespace {
constexpr long kDefaultConnectTimeoutMs = 10000;
} // namespace

DockerTransfer::DockerTransfer(const DockerEndpoint &endpoint, const QByteArray &url,
                               const DockerRequest &request, bool streaming, void *owner)
    : m_url(url)
    , m_requestBody(request.body)
    , m_streaming(streaming)
{
    m_idle.start();
    m_easy = curl_easy_init();
    if (!m_easy)
        return;
    CURL *e = m_easy;
    curl_easy_setopt(e, CURLOPT_PRIVATE, owner);
    curl_easy_setopt(e, CURLOPT_URL, m_url.constData());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &DockerTransfer::onWrite);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &DockerTransfer::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");

    const qint64 timeoutMs = request.timeout.count();
    // Connecting always has a limit, also for a stream without an idle timeout.
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(timeoutMs > 0 ? timeoutMs : kDefaultConnectTimeoutMs));
    // A stream's timeout is an idle time, watched by DockerClient.
    if (timeoutMs > 0 && !streaming)
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(timeoutMs));
    if (streaming)
        curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);

    if (endpoint.kind == DockerEndpoint::Kind::Unix) {
        m_unixSocket = QFile::encodeName(endpoint.socketPath);
        curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH, m_unixSocket.constData());
    } else if (endpoint.tls) {
        m_caFile = QFile::encodeName(endpoint.caFile);
        m_certFile = QFile::encodeName(endpoint.certFile);
        m_keyFile = QFile::encodeName(endpoint.keyFile);
        if (!m_caFile.isEmpty())
            curl_easy_setopt(e, CURLOPT_CAINFO, m_caFile.constData());
        if (!m_certFile.isEmpty())
            curl_easy_setopt(e, CURLOPT_SSLCERT, m_certFile.constData());
        if (!m_keyFile.isEmpty())
            curl_easy_setopt(e, CURLOPT_SSLKEY, m_keyFile.constData());
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, endpoint.tlsVerify ? 1L : 0L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, endpoint.tlsVerify ? 2L : 0L);
    }

    const QByteArray method = request.method.toUpper();
    if (method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (method != "GET" || !m_requestBody.isEmpty()) {
        if (method != "POST")
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.constData());
        // CUSTOMREQUEST copies the string; the body stays in m_requestBody.
        // A write without a body still says Content-Length: 0.
        if (!m_requestBody.isEmpty() || (method != "GET" && method != "DELETE")) {
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(m_requestBody.size()));
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, m_requestBody.constData());
        }
    }

    // No "Expect: 100-continue" round trip; curl's default POST content type is replaced.
    m_headerList = curl_slist_append(m_headerList, "Expect:");
    m_headerList = curl_slist_append(
        m_headerList, m_requestBody.isEmpty() ? "Content-Type:" : "Content-Type: application/json");
    for (const auto &[name, value] : request.headers)
        m_headerList = curl_slist_append(m_headerList, (name + ": " + value).constData());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, m_headerList);
}

DockerTransfer::~DockerTransfer()
{
    if (m_easy)
        curl_easy_cleanup(m_easy);
    curl_slist_free_all(m_headerList);
}

void *DockerTransfer::owner(CURL *easy)
{
    void *owner = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &owner);
    return owner;
}

QString DockerTransfer::errorText() const
{
    return QString::fromUtf8(m_errorBuffer).trimmed();
}

int DockerTransfer::osErrno() const
{
    long number = 0;
    curl_easy_getinfo(m_easy, CURLINFO_OS_ERRNO, &number);
    return static_cast<int>(number);
}

size_t DockerTransfer::onWrite(char *data, size_t size, size_t count, void *self)
{
    auto *t = static_cast<DockerTransfer *>(self);
    const size_t n = size * count;
    t->m_received = true;
    t->m_idle.restart();
    // An error answer's body goes to the error message, never to the chunk handler.
    if (t->m_streaming && t->m_status < 400)
        t->m_chunks.append(data, static_cast<qsizetype>(n));
    else
        t->m_body.append(data, static_cast<qsizetype>(n));
    return n;
}

size_t DockerTransfer::onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *t = static_cast<DockerTransfer *>(self);
    const size_t n = size * count;
    t->m_received = true;
    t->m_idle.restart();
    const QByteArray line = QByteArray(data, static_cast<qsizetype>(n)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new response head (after a 100 Continue, say): start over.
        const QList<QByteArray> parts = line.split(' ');
        t->m_status = parts.size() > 1 ? parts.at(1).toInt() : 0;
        t->m_headers.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        t->m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return n;
}

} // namespace optimist
