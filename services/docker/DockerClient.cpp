#include "DockerClient.h"

#include "CurlMulti.h"
#include "DockerLogging.h"
#include "DockerTransfer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <cerrno>
#include <map>

namespace optimist {

namespace {

/// How often cancelled tokens, stream idle times and due retries are looked at while anything
/// is in flight.
constexpr int kSweepIntervalMs = 50;

/// The wait before retry n (1-based): 200 ms, 600 ms, then 1.8 s.
qint64 backoffMs(int retry)
{
    qint64 ms = 200;
    for (int i = 1; i < retry; ++i)
        ms *= 3;
    return std::min<qint64>(ms, 1800);
}

std::pair<int, int> versionNumbers(const QString &text, bool *ok)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    bool okMajor = false;
    bool okMinor = false;
    const int major = parts.value(0).toInt(&okMajor);
    const int minor = parts.value(1).toInt(&okMinor);
    *ok = parts.size() == 2 && okMajor && okMinor;
    return {major, minor};
}

bool isTlsCode(CURLcode code)
{
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return true;
    default:
        return false;
    }
}

/// Failures of the connection itself, after which an idempotent request may be repeated.
bool isConnectionFailure(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return true;
    default:
        return false;
    }
}

/// Answers that say "try again": a proxy or the daemon was briefly unable to serve.
bool isTransientStatus(int status)
{
    return status == 502 || status == 503 || status == 504;
}

QByteArray encodeQuery(const QUrlQuery &query)
{
    QByteArray out;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace

class DockerClient::Private
{
public:
    struct Record
    {
        Record(const DockerRequest &r, Reply<DockerResponse> done)
            : request(r)
            , reply(std::move(done))
        {
        }
        quint64 id = 0;
        DockerRequest request;
        Reply<DockerResponse> reply;
        std::function<void(const QByteArray &)> onChunk;
        bool streaming = false;
        bool unprefixed = false;
        int retriesLeft = 0;
        int retriesDone = 0;
        std::unique_ptr<DockerTransfer> transfer; ///< null while waiting for a retry
        QElapsedTimer retryWait;
        qint64 retryAfterMs = 0;
        bool deliveredChunks = false;
        QElapsedTimer clock;
    };

    Private(DockerClient *client, DockerEndpoint e)
        : q(client)
        , endpoint(std::move(e))
    {
        multi.setFinishedHandler([this](CURL *easy, CURLcode code) { finished(easy, code); });
        multi.setActionHandler([this] { flushChunks(); });
        sweep.setInterval(kSweepIntervalMs);
        QObject::connect(&sweep, &QTimer::timeout, q, [this] { sweepRecords(); });
    }

    ~Private()
    {
        // No callback from here on: stop every transfer, then the multi handle goes.
        for (auto &[id, record] : records)
            dropTransfer(*record);
        records.clear();
    }

    void submit(const DockerRequest &request, Reply<DockerResponse> reply,
                std::function<void(const QByteArray &)> onChunk, bool streaming, bool unprefixed);
    std::optional<Error> start(Record &r);
    void dropTransfer(Record &r);
    void finished(CURL *easy, CURLcode code);
    void flushChunks();
    void sweepRecords();
    void complete(quint64 id, const Result<DockerResponse> &result);
    void scheduleRetry(Record &r);
    void updateSweep();

    QByteArray url(const Record &r) const;
    QString target(const Record &r) const
    {
        return QString::fromLatin1(r.request.method.toUpper()) + QLatin1Char(' ') + r.request.path;
    }
    Error transportError(const Record &r, CURLcode code, const DockerTransfer &t) const;
    Error httpError(const Record &r, int status, const QByteArray &body) const;
    Error timeoutError(const Record &r) const;
    bool isTlsFailure(CURLcode code, const QString &detail, int osErrno) const;

    DockerClient *q;
    DockerEndpoint endpoint;
    QString apiVersion = QString::fromLatin1(kMaxApiVersion);
    CurlMulti multi;
    std::map<quint64, std::unique_ptr<Record>> records;
    QTimer sweep;
    quint64 nextId = 1;
};

QByteArray DockerClient::Private::url(const Record &r) const
{
    QByteArray base;
    if (endpoint.kind == DockerEndpoint::Kind::Unix) {
        base = "http://docker";
    } else {
        const QByteArray host = endpoint.host.contains(QLatin1Char(':'))
                                    ? '[' + endpoint.host.toUtf8() + ']'
                                    : QUrl::toAce(endpoint.host);
        base = (endpoint.tls ? "https://" : "http://") + host + ':' +
               QByteArray::number(endpoint.port) + QUrl::toPercentEncoding(endpoint.basePath, "/");
        while (base.endsWith('/'))
            base.chop(1);
    }
    QString path = r.request.path;
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    if (!r.unprefixed)
        path.prepend(QStringLiteral("/v") + apiVersion);
    QByteArray out = base + QUrl::toPercentEncoding(path, "/:@!$&'()*+,;=");
    const QByteArray query = encodeQuery(r.request.query);
    if (!query.isEmpty())
        out += '?' + query;
    return out;
}

void DockerClient::Private::submit(const DockerRequest &request, Reply<DockerResponse> reply,
                                   std::function<void(const QByteArray &)> onChunk, bool streaming,
                                   bool unprefixed)
{
    auto record = std::make_unique<Record>(request, std::move(reply));
    Record &r = *record;
    r.id = nextId++;
    r.onChunk = std::move(onChunk);
    r.streaming = streaming;
    r.unprefixed = unprefixed;
    const QByteArray method = request.method.toUpper();
    r.retriesLeft = request.retries >= 0                    ? request.retries
                    : (method == "GET" || method == "HEAD") ? 2
                                                            : 0;
    r.clock.start();
    if (const std::optional<Error> error = start(r)) {
        // Never from inside send(): the event loop delivers it.
        QTimer::singleShot(0, q, [done = r.reply, e = *error] { done(e); });
        return;
    }
    records.emplace(r.id, std::move(record));
    updateSweep();
}

std::optional<Error> DockerClient::Private::start(Record &r)
{
    r.transfer = std::make_unique<DockerTransfer>(endpoint, url(r), r.request, r.streaming, &r);
    QString why;
    if (!r.transfer->easy())
        why = DockerClient::tr("libcurl could not create a transfer");
    else if (multi.add(r.transfer->easy(), &why))
        return std::nullopt;
    r.transfer.reset();
    return Error{Error::Kind::Other,
                 DockerClient::tr("Could not start %1 to the Docker daemon at %2: %3.")
                     .arg(target(r), endpoint.uri(), why)};
}

void DockerClient::Private::dropTransfer(Record &r)
{
    if (!r.transfer)
        return;
    multi.remove(r.transfer->easy());
    r.transfer.reset();
}

void DockerClient::Private::updateSweep()
{
    if (records.empty())
        sweep.stop();
    else if (!sweep.isActive())
        sweep.start();
}

void DockerClient::Private::complete(quint64 id, const Result<DockerResponse> &result)
{
    const auto it = records.find(id);
    if (it == records.end())
        return;
    const Reply<DockerResponse> reply = it->second->reply;
    if (result.ok())
        qCDebug(lcDocker).noquote()
            << target(*it->second) << result.value().status << it->second->clock.elapsed() << "ms";
    else
        qCDebug(lcDocker).noquote()
            << target(*it->second) << "failed:" << Error::kindName(result.error().kind)
            << it->second->clock.elapsed() << "ms";
    dropTransfer(*it->second);
    records.erase(it);
    updateSweep();
    // Last: the handler may destroy the client.
    reply(result);
}

void DockerClient::Private::scheduleRetry(Record &r)
{
    ++r.retriesDone;
    --r.retriesLeft;
    r.transfer.reset();
    r.retryAfterMs = backoffMs(r.retriesDone);
    r.retryWait.start();
    qCDebug(lcDocker).noquote() << target(r) << "retry" << r.retriesDone << "in" << r.retryAfterMs
                                << "ms";
}

void DockerClient::Private::flushChunks()
{
    QPointer<DockerClient> guard(q);
    std::vector<quint64> ids;
    for (const auto &[id, record] : records)
        if (record->streaming && record->transfer && record->transfer->hasChunks())
            ids.push_back(id);
    for (const quint64 id : ids) {
        const auto it = records.find(id);
        if (it == records.end() || !it->second->transfer)
            continue;
        Record &r = *it->second;
        const QByteArray data = r.transfer->takeChunks();
        if (r.reply.isCancelled() || !r.onChunk)
            continue; // the sweep stops it
        r.deliveredChunks = true;
        const auto onChunk = r.onChunk; // the handler may end the record
        onChunk(data);
        if (!guard)
            return;
    }
}

void DockerClient::Private::finished(CURL *easy, CURLcode code)
{
    auto *r = static_cast<Record *>(DockerTransfer::owner(easy));
    if (!r || !r->transfer || r->transfer->easy() != easy)
        return;
    const quint64 id = r->id;
    if (r->reply.isCancelled()) {
        r->transfer.reset(); // already out of the multi handle
        records.erase(id);
        updateSweep();
        return;
    }
    if (r->streaming && r->transfer->hasChunks()) {
        QPointer<DockerClient> guard(q);
        flushChunks();
        if (!guard || !records.count(id))
            return;
    }
    DockerTransfer &t = *r->transfer;
    const bool mayRepeat = r->retriesLeft > 0 && !(r->streaming && r->deliveredChunks);
    if (code == CURLE_OK) {
        const int status = t.status();
        if (status >= 400) {
            if (mayRepeat && isTransientStatus(status)) {
                scheduleRetry(*r);
                return;
            }
            const Error error = httpError(*r, status, t.body());
            complete(id, error);
            return;
        }
        DockerResponse response;
        response.status = status;
        response.headers = t.headers();
        response.body = t.takeBody();
        complete(id, response);
        return;
    }
    // A TLS failure is the same on every attempt: not repeated.
    if (mayRepeat && isConnectionFailure(code) && !isTlsFailure(code, t.errorText(), t.osErrno())) {
        scheduleRetry(*r);
        return;
    }
    complete(id, transportError(*r, code, t));
}

void DockerClient::Private::sweepRecords()
{
    QPointer<DockerClient> guard(q);
    std::vector<quint64> ids;
    ids.reserve(records.size());
    for (const auto &[id, record] : records)
        ids.push_back(id);
    for (const quint64 id : ids) {
        const auto it = records.find(id);
        if (it == records.end())
            continue;
        Record &r = *it->second;
        if (r.reply.isCancelled()) {
            qCDebug(lcDocker).noquote() << target(r) << "cancelled";
            dropTransfer(r);
            records.erase(it);
            continue;
        }
        if (!r.transfer) {
            if (r.retryWait.elapsed() < r.retryAfterMs)
                continue;
            if (const std::optional<Error> error = start(r)) {
                complete(id, *error);
                if (!guard)
                    return;
            }
            continue;
        }
        const qint64 idleLimit = r.request.timeout.count();
        if (r.streaming && idleLimit > 0 && r.transfer->idleMs() > idleLimit) {
            complete(id, timeoutError(r));
            if (!guard)
                return;
        }
    }
    updateSweep();
}

Error DockerClient::Private::timeoutError(const Record &r) const
{
    const qint64 ms = r.request.timeout.count();
    if (r.streaming)
        return Error{Error::Kind::Timeout,
                     DockerClient::tr("The Docker daemon at %1 sent nothing on %2 for %3 ms.")
                         .arg(endpoint.uri(), target(r))
                         .arg(ms)};
    return Error{Error::Kind::Timeout,
                 DockerClient::tr("The Docker daemon at %1 did not answer %2 within %3 ms. "
                                  "Check that it is responsive, or allow more time.")
                     .arg(endpoint.uri(), target(r))
                     .arg(ms)};
}

bool DockerClient::Private::isTlsFailure(CURLcode code, const QString &detail, int osErrno) const
{
    if (endpoint.kind != DockerEndpoint::Kind::Tcp || !endpoint.tls)
        return false;
    if (isTlsCode(code))
        return true;
    // A client certificate the daemon rejects shows as an alert while receiving (with TLS 1.3
    // the client's side of the handshake is already complete), not as an SSL error code.
    // Or the daemon hangs up right after the handshake, before curl has even read the peer's
    // address (ENOTCONN from getpeername), or resets the connection: with a listener there and
    // TLS in use, a refused certificate is by far the likeliest cause.
    if (isConnectionFailure(code) &&
        (osErrno == ENOTCONN || osErrno == ECONNRESET || osErrno == EPIPE))
        return true;
    return isConnectionFailure(code) &&
           (detail.contains(QLatin1String("SSL"), Qt::CaseInsensitive) ||
            detail.contains(QLatin1String("TLS")) ||
            detail.contains(QLatin1String("alert"), Qt::CaseInsensitive) ||
            detail.contains(QLatin1String("certificate"), Qt::CaseInsensitive));
}

Error DockerClient::Private::transportError(const Record &r, CURLcode code,
                                            const DockerTransfer &t) const
{
    QString detail = t.errorText();
    if (detail.isEmpty())
        detail = QString::fromUtf8(curl_easy_strerror(code));

    if (code == CURLE_OPERATION_TIMEDOUT)
        return timeoutError(r);

    if (isTlsFailure(code, detail, t.osErrno())) {
        const auto file = [](const QString &path) {
            return path.isEmpty() ? DockerClient::tr("(none)") : path;
        };
        return Error{
            Error::Kind::Unreachable,
            DockerClient::tr("The TLS connection to the Docker daemon at %1 (from %2) failed: %3. "
                             "Files used: CA %4, client certificate %5, client key %6. Check "
                             "that the daemon's CA issued the client certificate, that the CA "
                             "file is the one that issued the daemon's certificate, and that "
                             "the files are readable.")
                .arg(endpoint.uri(), endpoint.sourceDescription(), detail, file(endpoint.caFile),
                     file(endpoint.certFile), file(endpoint.keyFile))};
    }

    if (code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST) {
        const int number = t.osErrno();
        if (endpoint.kind == DockerEndpoint::Kind::Unix &&
            (number == ENOENT || !QFileInfo::exists(endpoint.socketPath)))
            return Error{Error::Kind::Unreachable,
                         DockerClient::tr("Cannot reach the Docker daemon at %1 (from %2): the "
                                          "socket does not exist. Start dockerd, or choose "
                                          "another endpoint.")
                             .arg(endpoint.uri(), endpoint.sourceDescription())};
        if (number == EACCES || number == EPERM)
            return Error{Error::Kind::Unreachable,
                         DockerClient::tr("Cannot reach the Docker daemon at %1 (from %2): "
                                          "permission denied. Ask for access to it (on Linux, "
                                          "membership of the docker group).")
                             .arg(endpoint.uri(), endpoint.sourceDescription())};
        // curl's own text says "Couldn't connect to server"; the system's says why.
        const QString reason = number != 0 ? qt_error_string(number) : detail;
        return Error{Error::Kind::Unreachable,
                     DockerClient::tr("Cannot reach the Docker daemon at %1 (from %2): %3. Check "
                                      "that dockerd is running and listening there.")
                         .arg(endpoint.uri(), endpoint.sourceDescription(), reason)};
    }
    return Error{Error::Kind::Unreachable,
                 DockerClient::tr("The connection to the Docker daemon at %1 (from %2) failed "
                                  "during %3: %4.")
                     .arg(endpoint.uri(), endpoint.sourceDescription(), target(r), detail)};
}

Error DockerClient::Private::httpError(const Record &r, int status, const QByteArray &body) const
{
    QString message =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(500)).trimmed();
    if (message.isEmpty())
        message = DockerClient::tr("no message");
    Error::Kind kind = Error::Kind::Other;
    if (status == 404)
        kind = Error::Kind::NotFound;
    else if (status == 409)
        kind = Error::Kind::Conflict;
    else if (status == 400)
        kind = Error::Kind::Invalid;
    return Error{kind, DockerClient::tr("The Docker daemon at %1 answered %2 with HTTP %3: %4")
                           .arg(endpoint.uri(), target(r))
                           .arg(status)
                           .arg(message)};
}

DockerClient::DockerClient(DockerEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(endpoint)))
{
}

DockerClient::~DockerClient() = default;

const DockerEndpoint &DockerClient::endpoint() const
{
    return d->endpoint;
}

QString DockerClient::apiVersion() const
{
    return d->apiVersion;
}

void DockerClient::negotiate(Reply<QString> reply)
{
    DockerRequest request;
    request.path = QStringLiteral("/version");
    auto handler = [this, reply](const Result<DockerResponse> &result) {
        if (!result.ok()) {
            reply(result.error());
            return;
        }
        const QJsonObject version = result.value().json().object();
        const QString daemonText = version.value(QStringLiteral("ApiVersion")).toString();
        const QString minText = version.value(QStringLiteral("MinAPIVersion")).toString();
        bool okDaemon = false;
        bool okOwn = false;
        const auto daemon = versionNumbers(daemonText, &okDaemon);
        const auto own = versionNumbers(QString::fromLatin1(kMaxApiVersion), &okOwn);
        if (!okDaemon) {
            reply(Error{Error::Kind::Invalid,
                        tr("The Docker daemon at %1 did not say which API version it speaks "
                           "(GET /version gave ApiVersion \"%2\").")
                            .arg(d->endpoint.uri(), daemonText)});
            return;
        }
        bool okMin = false;
        const auto minimum = versionNumbers(minText, &okMin);
        if (okMin && minimum > own) {
            reply(Error{Error::Kind::Invalid,
                        tr("The Docker daemon at %1 needs API version %2 or newer; Optimist "
                           "speaks up to %3. Use an older daemon or a newer Optimist.")
                            .arg(d->endpoint.uri(), minText, QString::fromLatin1(kMaxApiVersion))});
            return;
        }
        d->apiVersion = daemon < own ? daemonText : QString::fromLatin1(kMaxApiVersion);
        reply(d->apiVersion);
    };
    d->submit(request, Reply<DockerResponse>(reply.context(), handler, reply.token()), {}, false,
              true);
}

void DockerClient::send(const DockerRequest &request, Reply<DockerResponse> reply)
{
    d->submit(request, std::move(reply), {}, false, false);
}

void DockerClient::stream(const DockerRequest &request,
                          std::function<void(const QByteArray &)> onChunk,
                          Reply<DockerResponse> done)
{
    d->submit(request, std::move(done), std::move(onChunk), true, false);
}

int DockerClient::activeTransfers() const
{
    return static_cast<int>(d->records.size());
}

} // namespace optimist
