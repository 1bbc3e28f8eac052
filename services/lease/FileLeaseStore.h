#pragma once

#include "LeaseStore.h"

#include <QObject>

namespace optimist {

/// Leases as files in a folder every operator's process shares: the folder of Traefik's file
/// provider (which Traefik ignores: it reads only .yaml, .yml and .toml), or, for the sandbox,
/// the data directory. One file per application, PREFIX + APP + ".lease", holding the holder as
/// JSON. Taken by creating the file exclusively (O_EXCL); an expired one is first renamed
/// aside, which only one process can do. Expiry is judged by the reader's clock against the
/// expiry the holder wrote, so the machines' clocks must agree to within a few seconds.
class FileLeaseStore : public QObject, public LeaseStore
{
    Q_OBJECT
public:
    FileLeaseStore(const QString &directory, const QString &prefix, QObject *parent = nullptr);

    QString path(const QString &app) const;

    QString where(const QString &app) const override;
    void acquire(const Lease &wanted, std::chrono::milliseconds ttl,
                 Reply<LeaseOutcome> reply) override;
    void renew(const Lease &ours, std::chrono::milliseconds ttl,
               Reply<LeaseOutcome> reply) override;
    void release(const QString &app, const QString &token, Reply<bool> reply) override;
    void read(const QString &app, Reply<std::optional<Lease>> reply) override;

    // The synchronous operations the replies above answer with.
    Result<LeaseOutcome> acquireNow(const Lease &wanted, std::chrono::milliseconds ttl);
    Result<LeaseOutcome> renewNow(const Lease &ours, std::chrono::milliseconds ttl);
    Result<bool> releaseNow(const QString &app, const QString &token);
    /// The lease in the file, expired or not; none when there is no file.
    Result<std::optional<Lease>> readNow(const QString &app);

private:
    template <typename T> void answer(Reply<T> reply, const Result<T> &result);
    Error failure(const QString &app, const QString &what) const;

    QString m_directory;
    QString m_prefix;
};

} // namespace optimist
