#pragma once

#include "LeaseStore.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace optimist {

/// Holds one application's lease for a process that rolls it out: takes it, renews it every
/// TTL/3, and releases it (compare and delete) when told to. When a renewal finds the lease
/// broken or taken over, or the lease expired while renewals failed, lost() says so once and
/// renewing stops: from then on the holder must write nothing more.
class LeaseKeeper : public QObject
{
    Q_OBJECT
public:
    LeaseKeeper(LeaseStore *store, const Lease &wanted, std::chrono::milliseconds ttl,
                QObject *parent = nullptr);
    ~LeaseKeeper() override;

    /// Takes the lease: held → true and renewing from now on; else false with the holder's
    /// lease in refusal(). An error means the lease could not be checked (never "free").
    void acquire(Reply<bool> reply);
    /// Stops renewing and deletes the lease if it is still ours; @p done follows either way.
    void release(Reply<bool> reply);

    bool isHeld() const { return m_held; }
    const Lease &lease() const { return m_lease; }
    /// After a refused acquire: the holder's lease.
    const std::optional<Lease> &refusal() const { return m_refusal; }
    std::chrono::milliseconds ttl() const { return m_ttl; }

    /// The message for a refused start, naming holder, since and how to take over.
    static QString refusalText(const Lease &holder, const QString &environment);

Q_SIGNALS:
    /// The lease is no longer ours; @p reason says why (taken over by whom, or expired).
    void lost(const QString &reason);

private:
    void renew();

    LeaseStore *m_store;
    Lease m_lease;
    std::chrono::milliseconds m_ttl;
    QTimer m_renewal;
    bool m_held = false;
    bool m_renewing = false;
    std::optional<Lease> m_refusal;
    QString m_lastError;
};

} // namespace optimist
