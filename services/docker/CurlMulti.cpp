#include "CurlMulti.h"

#include <QPointer>
#include <QSocketNotifier>

#include <mutex>

namespace optimist {

void CurlMulti::globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlMulti::CurlMulti(QObject *parent)
    : QObject(parent)
{
    globalInit();
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlMulti::socketCallback);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlMulti::timerCallback);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { socketAction(CURL_SOCKET_TIMEOUT, 0); });
}

CurlMulti::~CurlMulti()
{
    // The owner removed its easy handles; cleanup closes the cached connections and may still
    // call socketCallback (REMOVE), which only touches m_watches.
    curl_multi_cleanup(m_multi);
    for (const Watch &w : std::as_const(m_watches)) {
        delete w.read;
        delete w.write;
    }
    m_watches.clear();
}

void CurlMulti::setFinishedHandler(FinishedHandler handler)
{
    m_finished = std::move(handler);
}

void CurlMulti::setActionHandler(std::function<void()> handler)
{
    m_action = std::move(handler);
}

bool CurlMulti::add(CURL *easy, QString *error)
{
    const CURLMcode rc = curl_multi_add_handle(m_multi, easy);
    if (rc != CURLM_OK) {
        if (error)
            *error = QString::fromUtf8(curl_multi_strerror(rc));
        return false;
    }
    return true;
}

void CurlMulti::remove(CURL *easy)
{
    curl_multi_remove_handle(m_multi, easy);
}

int CurlMulti::socketCallback(CURL *, curl_socket_t socket, int what, void *self, void *)
{
    static_cast<CurlMulti *>(self)->watch(socket, what);
    return 0;
}

int CurlMulti::timerCallback(CURLM *, long timeoutMs, void *self)
{
    // Never act from inside libcurl: the timer fires from the event loop, at once for 0.
    auto *multi = static_cast<CurlMulti *>(self);
    if (timeoutMs < 0)
        multi->m_timer.stop();
    else
        multi->m_timer.start(static_cast<int>(std::min<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

void CurlMulti::watch(curl_socket_t socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        const auto it = m_watches.constFind(socket);
        if (it == m_watches.constEnd())
            return;
        // Possibly inside this notifier's own activated signal: disable now (which unregisters
        // the descriptor, so a new socket with the same number can be watched), delete later.
        for (QSocketNotifier *n : {it->read, it->write}) {
            if (n) {
                n->setEnabled(false);
                n->deleteLater();
            }
        }
        m_watches.erase(it);
        return;
    }
    Watch &w = m_watches[socket];
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (wantRead && !w.read) {
        w.read = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(w.read, &QSocketNotifier::activated, this,
                [this, socket] { socketAction(socket, CURL_CSELECT_IN); });
    }
    if (wantWrite && !w.write) {
        w.write = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(w.write, &QSocketNotifier::activated, this,
                [this, socket] { socketAction(socket, CURL_CSELECT_OUT); });
    }
    if (w.read)
        w.read->setEnabled(wantRead);
    if (w.write)
        w.write->setEnabled(wantWrite);
}

void CurlMulti::socketAction(curl_socket_t socket, int mask)
{
    QPointer<CurlMulti> self(this);
    int running = 0;
    curl_multi_socket_action(m_multi, socket, mask, &running);
    if (m_action) {
        m_action();
        if (!self)
            return;
    }
    drain();
}

void CurlMulti::drain()
{
    QPointer<CurlMulti> self(this);
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(m_multi, &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        // The message does not survive curl_multi_remove_handle: copy it first.
        CURL *easy = msg->easy_handle;
        const CURLcode result = msg->data.result;
        curl_multi_remove_handle(m_multi, easy);
        if (m_finished)
            m_finished(easy, result);
        if (!self)
            return;
    }
}

} // namespace optimist
