#pragma once

#include "Lease.h"

#include "core/Reply.h"

#include <chrono>
#include <optional>

namespace optimist {

/// What an acquire or renew found: @p held says whether the caller holds the lease now;
/// @p lease is then the caller's (with its new expiry), else the current holder's, or empty
/// when nobody holds it (a renewal that found the lease gone).
struct LeaseOutcome
{
    bool held = false;
    std::optional<Lease> lease;
};

/// Where rollout leases live, so that every operator's process sees the same ones. Every
/// operation answers through the event loop. An error (the place cannot be read or written)
/// is never taken for "free": callers refuse to start on it.
class LeaseStore
{
public:
    virtual ~LeaseStore() = default;

    /// Where @p app's lease lives, for messages ("Redis at host:port, key optimist/leases/…").
    virtual QString where(const QString &app) const = 0;
    /// Takes the lease @p wanted describes (its since and expiry are set here) if nobody holds
    /// it or the last holder's expired; else answers the holder.
    virtual void acquire(const Lease &wanted, std::chrono::milliseconds ttl,
                         Reply<LeaseOutcome> reply) = 0;
    /// Extends @p ours by @p ttl from now, if its token still holds the lease.
    virtual void renew(const Lease &ours, std::chrono::milliseconds ttl,
                       Reply<LeaseOutcome> reply) = 0;
    /// Deletes @p app's lease if its token is @p token (compare and delete); answers whether
    /// it was deleted.
    virtual void release(const QString &app, const QString &token, Reply<bool> reply) = 0;
    /// The lease in force for @p app, or none.
    virtual void read(const QString &app, Reply<std::optional<Lease>> reply) = 0;
};

} // namespace optimist
