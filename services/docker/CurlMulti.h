#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

#include <curl/curl.h>

#include <functional>

class QSocketNotifier;

namespace optimist {

/// libcurl's multi interface driven by the Qt event loop: each socket libcurl wants watched
/// gets a QSocketNotifier, libcurl's timeout is one single-shot QTimer, and finished transfers
/// are reported through the finished handler.
///
/// No user code runs inside a libcurl call: write callbacks of the easy handles should only
/// buffer; the action handler runs after each curl_multi_socket_action to hand buffered data
/// on. Both handlers may destroy this object (the loop notices and stops).
class CurlMulti : public QObject
{
public:
    /// A transfer ended with @p result; @p easy was already removed from the multi handle and
    /// belongs to the caller again.
    using FinishedHandler = std::function<void(CURL *easy, CURLcode result)>;

    explicit CurlMulti(QObject *parent = nullptr);
    ~CurlMulti() override;

    void setFinishedHandler(FinishedHandler handler);
    /// Called after every round of socket actions, before finished transfers are reported.
    void setActionHandler(std::function<void()> handler);

    /// Starts @p easy; false (with libcurl's reason in @p error) when libcurl refuses it.
    bool add(CURL *easy, QString *error);
    /// Stops @p easy at once (its connection is closed when the transfer was incomplete);
    /// no finished report follows.
    void remove(CURL *easy);

    /// curl_global_init, once per process, thread-safe.
    static void globalInit();

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static int socketCallback(CURL *easy, curl_socket_t socket, int what, void *self,
                              void *socketData);
    static int timerCallback(CURLM *multi, long timeoutMs, void *self);

    void watch(curl_socket_t socket, int what);
    void socketAction(curl_socket_t socket, int mask);
    void drain();

    CURLM *m_multi = nullptr;
    QTimer m_timer;
    QHash<curl_socket_t, Watch> m_watches;
    FinishedHandler m_finished;
    std::function<void()> m_action;
};

} // namespace optimist
