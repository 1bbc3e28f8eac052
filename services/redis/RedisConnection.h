#pragma once

#include "RedisSettings.h"
#include "RedisValue.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

struct redisAsyncContext;
struct redisReply;
class RedisQtAdapter;

namespace optimist {

/// One asynchronous connection to a Redis server, over hiredis on the Qt event loop.
///
/// The first command connects (resolving the host without blocking, then AUTH and SELECT);
/// commands given meanwhile wait for the login. Every answer arrives through the event loop,
/// never inside the call. A command that gets no answer within the command timeout fails with
/// Error::Timeout and drops the connection (the next command connects again), as does a lost
/// connection, which also emits disconnected(). Destroying the connection drops every pending
/// callback without calling it.
class RedisConnection : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Result<RedisValue> &)>;
    using Arguments = QList<QByteArray>;

    explicit RedisConnection(RedisSettings settings, QObject *parent = nullptr);
    ~RedisConnection() override;

    const RedisSettings &settings() const { return m_settings; }
    /// "redis host:port" (db N) for messages.
    QString where() const;
    bool isConnected() const { return m_state == State::Ready; }

    /// Runs one command. A Redis error reply is an Error (Kind::Invalid, also for refused
    /// credentials or missing ACL rights), so a value is always a real answer.
    void command(const Arguments &args, Callback callback);
    /// Runs @p commands between MULTI and EXEC: Redis applies all or none, and no client sees
    /// a state in between. The value is EXEC's array of answers; a nil EXEC (a WATCHed key
    /// changed) is Error::Conflict. Commands before it on this connection (WATCH) stay in force.
    void transaction(const QList<Arguments> &commands, Callback callback);

    /// Closes the connection; pending commands fail with Error::Cancelled.
    void disconnectFromServer();

Q_SIGNALS:
    /// The server closed the connection or stopped answering; @p error says which.
    void disconnected(const optimist::Error &error);

private:
    enum class State { Idle, Resolving, Connecting, LoggingIn, Ready };
    struct Pending
    {
        Arguments args;
        Callback callback;
        bool internal = false; ///< login steps: answered in place, not through the event loop
        std::function<void(redisReply *)> onReply;
    };

    void open();
    void startConnect(const QString &ip, quint16 port);
    void logIn();
    void becomeReady();
    void send(Pending pending);
    void flushQueue();
    void fail(const Error &error, bool emitDisconnected);
    void deliver(const Callback &callback, const Result<RedisValue> &result);
    void dropContext();
    void parkAdapter();
    Error replyError(const Arguments &args, const QByteArray &message) const;
    static QByteArray commandName(const Arguments &args);

    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *privdata);
    void handleReply(quint64 id, redisReply *reply);

    RedisSettings m_settings;
    QString m_host;
    quint16 m_port = 6379;
    State m_state = State::Idle;
    redisAsyncContext *m_context = nullptr;
    std::unique_ptr<RedisQtAdapter> m_adapter;
    /// hiredis frees a context on its own (lost connection, failed connect) while its adapter
    /// still points at it, and the adapter's destructor writes through that pointer. So a spent
    /// adapter is pointed at a zeroed stand-in context and deleted later, adapter first.
    struct SpentAdapter
    {
        std::unique_ptr<redisAsyncContext> parked;
        std::unique_ptr<RedisQtAdapter> adapter;
    };
    std::vector<SpentAdapter> m_spent;
    quint64 m_nextId = 1;
    quint64 m_generation = 0;       ///< bumps on every new connection; stale timers check it
    QHash<quint64, Pending> m_sent; ///< by id, handed to hiredis
    QList<Pending> m_queue;         ///< waiting for the login
};

} // namespace optimist
