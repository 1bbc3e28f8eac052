#include "RedisConnection.h"

#include "HiredisQtAdapter.h"
#include "RedisLogging.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <cstdint>
#include <optional>

namespace optimist {

namespace {

RedisValue toValue(const redisReply *reply)
{
    RedisValue value;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        value.type = RedisValue::Type::String;
        value.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        value.type = RedisValue::Type::Status;
        value.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        value.type = RedisValue::Type::Error;
        value.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        value.type = RedisValue::Type::Integer;
        value.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        value.type = RedisValue::Type::Array;
        for (size_t i = 0; i < reply->elements; ++i)
            value.elements.append(toValue(reply->element[i]));
        break;
    default:
        value.type = RedisValue::Type::Nil;
        break;
    }
    return value;
}

bool isCredentialError(const QByteArray &message)
{
    return message.startsWith("WRONGPASS") || message.startsWith("NOAUTH") ||
           message.startsWith("ERR invalid password") ||
           message.startsWith("ERR invalid username-password") ||
           message.startsWith("ERR AUTH <password> called without any password") ||
           message.startsWith("ERR Client sent AUTH, but no password is set");
}

double seconds(std::chrono::milliseconds ms)
{
    return double(ms.count()) / 1000.0;
}

} // namespace

RedisConnection::RedisConnection(RedisSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    // "host:port", "[v6]:port" or "host" (6379).
    QString address = m_settings.address.trimmed();
    if (address.startsWith(QLatin1Char('['))) {
        const qsizetype close = address.indexOf(QLatin1Char(']'));
        m_host = address.mid(1, close - 1);
        address = address.mid(close + 1);
        if (address.startsWith(QLatin1Char(':')))
            m_port = quint16(address.mid(1).toUInt());
    } else if (address.count(QLatin1Char(':')) == 1) {
        m_host = address.section(QLatin1Char(':'), 0, 0);
        m_port = quint16(address.section(QLatin1Char(':'), 1).toUInt());
    } else {
        m_host = address;
    }
}

RedisConnection::~RedisConnection()
{
    // Pending callbacks are dropped: hiredis answers them with NULL, which onReply ignores once
    // the context no longer points back here.
    dropContext();
    m_spent.clear();
}

QString RedisConnection::where() const
{
    if (m_settings.database != 0)
        return tr("Redis at %1 (database %2)").arg(m_settings.address).arg(m_settings.database);
    return tr("Redis at %1").arg(m_settings.address);
}

QByteArray RedisConnection::commandName(const Arguments &args)
{
    if (args.isEmpty())
        return QByteArray();
    const QByteArray name = args.first().toUpper();
    // Never the arguments of AUTH; a key is no secret and says what failed.
    if (name == "AUTH" || args.size() < 2)
        return name;
    return name + ' ' + args.at(1);
}

void RedisConnection::command(const Arguments &args, Callback callback)
{
    Pending pending;
    pending.args = args;
    pending.callback = std::move(callback);
    if (m_state == State::Ready) {
        send(std::move(pending));
        return;
    }
    m_queue.append(std::move(pending));
    if (m_state == State::Idle)
        open();
}

void RedisConnection::transaction(const QList<Arguments> &commands, Callback callback)
{
    // MULTI, the commands and EXEC go out back to back on this one connection; their answers
    // are handled in place and only EXEC's result is delivered.
    auto queueError = std::make_shared<std::optional<Error>>();
    QList<Pending> steps;
    QList<Arguments> all;
    all.append(Arguments{QByteArrayLiteral("MULTI")});
    all.append(commands);
    for (const Arguments &args : std::as_const(all)) {
        Pending step;
        step.args = args;
        step.internal = true;
        step.onReply = [this, queueError, args](redisReply *reply) {
            if (reply && reply->type == REDIS_REPLY_ERROR && !queueError->has_value())
                *queueError = replyError(args, QByteArray(reply->str, qsizetype(reply->len)));
        };
        steps.append(std::move(step));
    }
    Pending exec;
    exec.args = Arguments{QByteArrayLiteral("EXEC")};
    exec.internal = true;
    exec.callback = callback;
    exec.onReply = [this, queueError, callback, commands](redisReply *reply) {
        if (!reply) {
            deliver(callback, Error{Error::Kind::Unreachable,
                                    tr("Lost the connection to %1 during a transaction; it "
                                       "was applied entirely or not at all")
                                        .arg(where())});
            return;
        }
        if (reply->type == REDIS_REPLY_ERROR) {
            deliver(callback, queueError->value_or(
                                  replyError(Arguments{QByteArrayLiteral("EXEC")},
                                             QByteArray(reply->str, qsizetype(reply->len)))));
            return;
        }
        if (reply->type == REDIS_REPLY_NIL) {
            deliver(callback, Error{Error::Kind::Conflict,
                                    tr("%1 changed while the transaction was prepared; nothing "
                                       "was written")
                                        .arg(where())});
            return;
        }
        const RedisValue value = toValue(reply);
        for (qsizetype i = 0; i < value.elements.size() && i < commands.size(); ++i) {
            if (value.elements.at(i).isError()) {
                deliver(callback, replyError(commands.at(i), value.elements.at(i).text));
                return;
            }
        }
        deliver(callback, value);
    };
    steps.append(std::move(exec));
    if (m_state == State::Ready) {
        for (Pending &step : steps)
            send(std::move(step));
        return;
    }
    m_queue.append(steps);
    if (m_state == State::Idle)
        open();
}

void RedisConnection::disconnectFromServer()
{
    if (m_state == State::Idle)
        return;
    fail(Error{Error::Kind::Cancelled, tr("The connection to %1 was closed").arg(where())}, false);
}

void RedisConnection::open()
{
    ++m_generation;
    const quint64 generation = m_generation;
    QTimer::singleShot(m_settings.connectTimeout, this, [this, generation] {
        if (generation != m_generation || m_state == State::Ready || m_state == State::Idle)
            return;
        fail(Error{Error::Kind::Timeout,
                   tr("%1 did not accept a connection and login within %2 s; check the "
                      "address and that the server is running")
                       .arg(where())
                       .arg(seconds(m_settings.connectTimeout))},
             false);
    });
    if (m_host.isEmpty() || m_port == 0) {
        m_state = State::Connecting;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                fail(Error{Error::Kind::Invalid,
                           tr("The Redis address \"%1\" is not host:port").arg(m_settings.address)},
                     false);
        });
        return;
    }
    QHostAddress literal;
    if (literal.setAddress(m_host)) {
        // Connect from the event loop, so even an immediate refusal answers asynchronously.
        m_state = State::Connecting;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                startConnect(m_host, m_port);
        });
        return;
    }
    // hiredis resolves with a blocking getaddrinfo: resolve first, without blocking.
    m_state = State::Resolving;
    QHostInfo::lookupHost(m_host, this, [this, generation](const QHostInfo &info) {
        if (generation != m_generation || m_state != State::Resolving)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(Error{Error::Kind::Unreachable,
                       tr("Cannot resolve the host of %1: %2").arg(where(), info.errorString())},
                 false);
            return;
        }
        startConnect(info.addresses().constFirst().toString(), m_port);
    });
}

void RedisConnection::startConnect(const QString &ip, quint16 port)
{
    m_state = State::Connecting;
    redisAsyncContext *context = redisAsyncConnect(ip.toUtf8().constData(), port);
    if (!context || context->err) {
        const QString reason = context ? QString::fromUtf8(context->errstr) : tr("out of memory");
        if (context)
            redisAsyncFree(context);
        fail(Error{Error::Kind::Unreachable,
                   tr("Cannot connect to %1: %2; check the address and that the server is "
                      "running")
                       .arg(where(), reason)},
             false);
        return;
    }
    m_context = context;
    m_context->data = this;
    m_adapter = std::make_unique<RedisQtAdapter>();
    m_adapter->setContext(m_context);
    // The connect callback arms the write notifier that detects the established connection,
    // so the adapter must be attached first.
    redisAsyncSetDisconnectCallback(m_context, &RedisConnection::onDisconnect);
    redisAsyncSetConnectCallback(m_context, &RedisConnection::onConnect);
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    if (status == REDIS_OK) {
        self->logIn();
        return;
    }
    // hiredis frees the context after this callback.
    const QString reason = QString::fromUtf8(context->errstr);
    self->m_context = nullptr;
    self->parkAdapter();
    self->fail(Error{Error::Kind::Unreachable,
                     tr("Cannot connect to %1: %2; check the address and that the server is "
                        "running")
                         .arg(self->where(), reason)},
               false);
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    // hiredis frees the context after this callback.
    const QString reason =
        status == REDIS_OK ? tr("the server closed it") : QString::fromUtf8(context->errstr);
    self->m_context = nullptr;
    self->parkAdapter();
    self->fail(Error{Error::Kind::Unreachable,
                     tr("Lost the connection to %1: %2").arg(self->where(), reason)},
               true);
}

void RedisConnection::onReply(redisAsyncContext *context, void *reply, void *privdata)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    self->handleReply(quint64(reinterpret_cast<std::uintptr_t>(privdata)),
                      static_cast<redisReply *>(reply));
}

void RedisConnection::handleReply(quint64 id, redisReply *reply)
{
    auto it = m_sent.find(id);
    if (it == m_sent.end())
        return;
    const Pending pending = std::move(it.value());
    m_sent.erase(it);
    if (pending.onReply) {
        pending.onReply(reply);
        return;
    }
    if (!reply) {
        deliver(pending.callback,
                Error{Error::Kind::Unreachable,
                      tr("Lost the connection to %1 while running %2")
                          .arg(where(), QString::fromUtf8(commandName(pending.args)))});
        return;
    }
    if (reply->type == REDIS_REPLY_ERROR) {
        deliver(pending.callback,
                replyError(pending.args, QByteArray(reply->str, qsizetype(reply->len))));
        return;
    }
    deliver(pending.callback, toValue(reply));
}

Error RedisConnection::replyError(const Arguments &args, const QByteArray &message) const
{
    if (isCredentialError(message)) {
        if (m_settings.password.isEmpty())
            return Error{Error::Kind::Invalid,
                         tr("%1 requires a login, and no password is configured; store its "
                            "password in the keychain and reference it as router.password")
                             .arg(where())};
        return Error{Error::Kind::Invalid,
                     tr("%1 refused the credentials of user \"%2\"; check the user name and "
                        "the password stored in the keychain")
                         .arg(where(), m_settings.username.isEmpty() ? QStringLiteral("default")
                                                                     : m_settings.username)};
    }
    if (message.startsWith("NOPERM"))
        return Error{Error::Kind::Invalid,
                     tr("%1 does not allow user \"%2\" to run %3: %4; grant the user these keys "
                        "and commands in its ACL")
                         .arg(where(),
                              m_settings.username.isEmpty() ? QStringLiteral("default")
                                                            : m_settings.username,
                              QString::fromUtf8(commandName(args)), QString::fromUtf8(message))};
    return Error{Error::Kind::Invalid, tr("%1 refused %2: %3")
                                           .arg(where(), QString::fromUtf8(commandName(args)),
                                                QString::fromUtf8(message))};
}

void RedisConnection::logIn()
{
    m_state = State::LoggingIn;
    QList<Arguments> steps;
    if (!m_settings.password.isEmpty()) {
        Arguments auth{QByteArrayLiteral("AUTH")};
        if (!m_settings.username.isEmpty())
            auth.append(m_settings.username.toUtf8());
        auth.append(m_settings.password.toUtf8());
        steps.append(auth);
    }
    if (m_settings.database != 0)
        steps.append(
            Arguments{QByteArrayLiteral("SELECT"), QByteArray::number(m_settings.database)});
    // PING last: without a password on a server that wants one, it is what says NOAUTH.
    steps.append(Arguments{QByteArrayLiteral("PING")});
    for (qsizetype i = 0; i < steps.size(); ++i) {
        Pending step;
        step.args = steps.at(i);
        step.internal = true;
        const bool last = i == steps.size() - 1;
        step.onReply = [this, last, args = steps.at(i)](redisReply *reply) {
            if (!reply || m_state != State::LoggingIn)
                return; // a lost connection is reported by onDisconnect
            if (reply->type == REDIS_REPLY_ERROR) {
                Error error = replyError(args, QByteArray(reply->str, qsizetype(reply->len)));
                if (args.first() == "SELECT")
                    error.message = tr("%1 cannot select database %2: %3")
                                        .arg(where())
                                        .arg(m_settings.database)
                                        .arg(QString::fromUtf8(reply->str));
                fail(error, false);
                return;
            }
            if (last)
                becomeReady();
        };
        send(std::move(step));
    }
}

void RedisConnection::becomeReady()
{
    m_state = State::Ready;
    qCDebug(lcRedis) << "connected to" << m_settings.address << "database" << m_settings.database;
    flushQueue();
}

void RedisConnection::flushQueue()
{
    const QList<Pending> queue = std::exchange(m_queue, {});
    for (const Pending &pending : queue)
        send(pending);
}

void RedisConnection::send(Pending pending)
{
    if (!m_context) {
        deliver(pending.callback,
                Error{Error::Kind::Unreachable, tr("Not connected to %1").arg(where())});
        return;
    }
    const quint64 id = m_nextId++;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &arg : std::as_const(pending.args)) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    const QByteArray name = commandName(pending.args);
    // hiredis formats (copies) the command before returning.
    if (redisAsyncCommandArgv(m_context, &RedisConnection::onReply,
                              reinterpret_cast<void *>(std::uintptr_t(id)), int(argv.size()),
                              argv.data(), lengths.data()) != REDIS_OK) {
        fail(Error{Error::Kind::Unreachable,
                   tr("Cannot send %1 to %2").arg(QString::fromUtf8(name), where())},
             false);
        deliver(pending.callback,
                Error{Error::Kind::Unreachable,
                      tr("Cannot send %1 to %2").arg(QString::fromUtf8(name), where())});
        return;
    }
    m_sent.insert(id, std::move(pending));
    const quint64 generation = m_generation;
    QTimer::singleShot(m_settings.commandTimeout, this, [this, id, generation, name] {
        if (generation != m_generation || !m_sent.contains(id))
            return;
        fail(Error{Error::Kind::Timeout,
                   tr("%1 did not answer %2 within %3 s; the connection was dropped")
                       .arg(where(), QString::fromUtf8(name))
                       .arg(seconds(m_settings.commandTimeout))},
             true);
    });
}

void RedisConnection::fail(const Error &error, bool emitDisconnected)
{
    ++m_generation;
    m_state = State::Idle;
    dropContext();
    QList<Pending> failed = m_sent.values();
    m_sent.clear();
    failed.append(std::exchange(m_queue, {}));
    for (const Pending &pending : std::as_const(failed))
        deliver(pending.callback, error);
    qCDebug(lcRedis) << "connection dropped:" << error.message;
    if (emitDisconnected)
        QTimer::singleShot(0, this, [this, error] { Q_EMIT disconnected(error); });
}

void RedisConnection::deliver(const Callback &callback, const Result<RedisValue> &result)
{
    if (!callback)
        return;
    QTimer::singleShot(0, this, [callback, result] { callback(result); });
}

void RedisConnection::dropContext()
{
    if (!m_context)
        return;
    redisAsyncContext *context = std::exchange(m_context, nullptr);
    context->data = nullptr; // callbacks hiredis still makes find nobody
    parkAdapter();
    // Inside a hiredis callback this only marks the context; hiredis frees it on return.
    redisAsyncFree(context);
}

void RedisConnection::parkAdapter()
{
    if (!m_adapter)
        return;
    SpentAdapter spent;
    spent.parked = std::make_unique<redisAsyncContext>();
    spent.adapter = std::move(m_adapter);
    spent.adapter->setContext(spent.parked.get());
    m_spent.push_back(std::move(spent));
    // Delete from the event loop: we may be inside the adapter's own notifier slot.
    QTimer::singleShot(0, this, [this] { m_spent.clear(); });
}

} // namespace optimist
