#include "RedisLeaseStore.h"

#include <QTimer>

namespace optimist {

RedisLeaseStore::RedisLeaseStore(const RedisSettings &settings, const QString &rootKey,
                                 QObject *parent)
    : QObject(parent)
    , m_connection(settings)
    , m_rootKey(rootKey)
{
}

RedisLeaseStore::~RedisLeaseStore() = default;

QByteArray RedisLeaseStore::key(const QString &app) const
{
    return QStringLiteral("optimist/leases/%1/%2").arg(m_rootKey, app).toUtf8();
}

QString RedisLeaseStore::where(const QString &app) const
{
    return tr("%1, key %2").arg(m_connection.where(), QString::fromUtf8(key(app)));
}

Error RedisLeaseStore::unavailable(const QString &app, const Error &error) const
{
    return Error{
        error.kind,
        tr("cannot check the rollout lease of %1 (%2): %3").arg(app, where(app), error.message)};
}

void RedisLeaseStore::enqueue(Step step)
{
    m_queue.append(std::move(step));
    if (!m_busy)
        next();
}

void RedisLeaseStore::next()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    Step step = m_queue.takeFirst();
    step([this] { QTimer::singleShot(0, this, [this] { next(); }); });
}

void RedisLeaseStore::acquire(const Lease &wanted, std::chrono::milliseconds ttl,
                              Reply<LeaseOutcome> reply)
{
    enqueue([this, wanted, ttl, reply](std::function<void()> done) {
        tryAcquire(wanted, ttl, 0, reply, std::move(done));
    });
}

void RedisLeaseStore::tryAcquire(const Lease &wanted, std::chrono::milliseconds ttl, int attempt,
                                 Reply<LeaseOutcome> reply, std::function<void()> done)
{
    Lease lease = wanted;
    lease.since = QDateTime::currentDateTimeUtc();
    lease.expiresAt = lease.since.addMSecs(ttl.count());
    const QByteArray px = QByteArray::number(qint64(ttl.count()));
    m_connection.command({"SET", key(lease.app), lease.toJson(), "NX", "PX", px},
                         [this, lease, ttl, attempt, reply, done](const Result<RedisValue> &r) {
                             if (!r) {
                                 reply(unavailable(lease.app, r.error()));
                                 return done();
                             }
                             if (!r.value().isNil()) {
                                 reply(LeaseOutcome{true, lease});
                                 return done();
                             }
                             readNow(lease.app, [this, lease, ttl, attempt, reply, done](
                                                    const Result<std::optional<Lease>> &current) {
                                 refused(lease, ttl, attempt, current, reply, done);
                             });
                         });
}

void RedisLeaseStore::refused(const Lease &lease, std::chrono::milliseconds ttl, int attempt,
                              const Result<std::optional<Lease>> &current,
                              Reply<LeaseOutcome> reply, std::function<void()> done)
{
    if (!current) {
        reply(current.error());
        return done();
    }
    // It expired between SET and GET: try once more.
    if (!current.value() && attempt < 2)
        return tryAcquire(lease, ttl, attempt + 1, reply, done);
    if (!current.value()->holderDiedHere() || attempt >= 2) {
        reply(LeaseOutcome{false, current.value()});
        return done();
    }
    // Its holder died on this machine: replace its lease, if it is still that one.
    compareAndSet(lease.app, current.value()->token,
                  RedisConnection::Arguments{"SET", key(lease.app), lease.toJson(), "PX",
                                             QByteArray::number(qint64(ttl.count()))},
                  [this, lease, ttl, attempt, reply, done](const Result<bool> &r) {
                      if (!r) {
                          reply(r.error());
                          return done();
                      }
                      if (r.value()) {
                          reply(LeaseOutcome{true, lease});
                          return done();
                      }
                      tryAcquire(lease, ttl, attempt + 1, reply, done);
                  });
}

void RedisLeaseStore::readNow(const QString &app,
                              std::function<void(const Result<std::optional<Lease>> &)> answer)
{
    m_connection.transaction(
        {{"GET", key(app)}, {"PTTL", key(app)}}, [this, app, answer](const Result<RedisValue> &r) {
            if (!r)
                return answer(unavailable(app, r.error()));
            const QList<RedisValue> &values = r.value().elements;
            if (values.size() != 2 || values.first().isNil())
                return answer(std::optional<Lease>());
            auto lease = Lease::fromJson(values.first().text);
            if (!lease)
                return answer(Error{
                    Error::Kind::Invalid,
                    tr("the rollout lease of %1 (%2) is not Optimist's: %3")
                        .arg(app, where(app), QString::fromUtf8(values.first().text.left(200)))});
            // Redis' expiry is the one in force, whatever the holder's clock said.
            if (values.at(1).integer >= 0)
                lease->expiresAt = QDateTime::currentDateTimeUtc().addMSecs(values.at(1).integer);
            answer(lease);
        });
}

void RedisLeaseStore::compareAndSet(const QString &app, const QString &token,
                                    std::optional<RedisConnection::Arguments> change,
                                    std::function<void(const Result<bool> &)> answer)
{
    const QByteArray k = key(app);
    m_connection.command({"WATCH", k}, [](const Result<RedisValue> &) {});
    m_connection.command(
        {"GET", k}, [this, app, k, token, change, answer](const Result<RedisValue> &r) {
            if (!r)
                return answer(unavailable(app, r.error()));
            const auto current = r.value().isNil() ? std::nullopt : Lease::fromJson(r.value().text);
            if (!current || current->token != token) {
                m_connection.command({"UNWATCH"},
                                     [answer](const Result<RedisValue> &) { answer(false); });
                return;
            }
            m_connection.transaction({change.value_or(RedisConnection::Arguments{"DEL", k})},
                                     [this, app, answer](const Result<RedisValue> &t) {
                                         if (!t) {
                                             if (t.error().kind == Error::Kind::Conflict)
                                                 return answer(
                                                     false); // changed meanwhile: no longer ours
                                             return answer(unavailable(app, t.error()));
                                         }
                                         answer(true);
                                     });
        });
}

void RedisLeaseStore::renew(const Lease &ours, std::chrono::milliseconds ttl,
                            Reply<LeaseOutcome> reply)
{
    enqueue([this, ours, ttl, reply](std::function<void()> done) {
        Lease renewed = ours;
        renewed.expiresAt = QDateTime::currentDateTimeUtc().addMSecs(ttl.count());
        compareAndSet(ours.app, ours.token,
                      RedisConnection::Arguments{"SET", key(ours.app), renewed.toJson(), "PX",
                                                 QByteArray::number(qint64(ttl.count()))},
                      [this, renewed, reply, done](const Result<bool> &r) {
                          if (!r) {
                              reply(r.error());
                              return done();
                          }
                          if (r.value()) {
                              reply(LeaseOutcome{true, renewed});
                              return done();
                          }
                          readNow(renewed.app,
                                  [reply, done](const Result<std::optional<Lease>> &current) {
                                      if (!current)
                                          reply(current.error());
                                      else
                                          reply(LeaseOutcome{false, current.value()});
                                      done();
                                  });
                      });
    });
}

void RedisLeaseStore::release(const QString &app, const QString &token, Reply<bool> reply)
{
    enqueue([this, app, token, reply](std::function<void()> done) {
        compareAndSet(app, token, std::nullopt, [reply, done](const Result<bool> &r) {
            reply(r);
            done();
        });
    });
}

void RedisLeaseStore::read(const QString &app, Reply<std::optional<Lease>> reply)
{
    enqueue([this, app, reply](std::function<void()> done) {
        readNow(app, [reply, done](const Result<std::optional<Lease>> &r) {
            reply(r);
            done();
        });
    });
}

} // namespace optimist
