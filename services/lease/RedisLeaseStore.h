#pragma once

#include "LeaseStore.h"

#include "redis/RedisConnection.h"

#include <QObject>

#include <functional>

namespace optimist {

/// Leases in Traefik's Redis, next to the application's keys but outside Traefik's root:
/// optimist/leases/ROOT/APP holds the holder as JSON, with Redis' own expiry (PX), so a holder
/// that dies frees it without anyone's clock. Taken with SET NX PX; renewed and released with
/// WATCH, GET, MULTI, SET or DEL, EXEC, so only the token that holds the lease changes it.
/// Operations run one after another on a connection of their own (WATCH is per connection).
class RedisLeaseStore : public QObject, public LeaseStore
{
    Q_OBJECT
public:
    RedisLeaseStore(const RedisSettings &settings, const QString &rootKey,
                    QObject *parent = nullptr);
    ~RedisLeaseStore() override;

    QByteArray key(const QString &app) const;

    QString where(const QString &app) const override;
    void acquire(const Lease &wanted, std::chrono::milliseconds ttl,
                 Reply<LeaseOutcome> reply) override;
    void renew(const Lease &ours, std::chrono::milliseconds ttl,
               Reply<LeaseOutcome> reply) override;
    void release(const QString &app, const QString &token, Reply<bool> reply) override;
    void read(const QString &app, Reply<std::optional<Lease>> reply) override;

private:
    using Step = std::function<void(std::function<void()> done)>;
    void enqueue(Step step);
    void next();
    void tryAcquire(const Lease &wanted, std::chrono::milliseconds ttl, int attempt,
                    Reply<LeaseOutcome> reply, std::function<void()> done);
    /// SET NX found a lease: answer its holder, or replace it when its holder died here.
    void refused(const Lease &lease, std::chrono::milliseconds ttl, int attempt,
                 const Result<std::optional<Lease>> &current, Reply<LeaseOutcome> reply,
                 std::function<void()> done);
    /// GET and PTTL of @p app's key in one transaction.
    void readNow(const QString &app,
                 std::function<void(const Result<std::optional<Lease>> &)> answer);
    /// WATCH and GET, then @p change (nullopt: DEL) if the token is @p token.
    void compareAndSet(const QString &app, const QString &token,
                       std::optional<RedisConnection::Arguments> change,
                       std::function<void(const Result<bool> &)> answer);
    Error unavailable(const QString &app, const Error &error) const;

    RedisConnection m_connection;
    QString m_rootKey;
    QList<Step> m_queue;
    bool m_busy = false;
};

} // namespace optimist
