#include "LeaseKeeper.h"

#include "LeaseLogging.h"

#include <QUuid>

namespace optimist {

LeaseKeeper::LeaseKeeper(LeaseStore *store, const Lease &wanted, std::chrono::milliseconds ttl,
                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_lease(wanted)
    , m_ttl(ttl)
{
    if (m_lease.token.isEmpty())
        m_lease.token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_renewal.setInterval(
        std::max<std::chrono::milliseconds>(m_ttl / 3, std::chrono::milliseconds(100)));
    connect(&m_renewal, &QTimer::timeout, this, &LeaseKeeper::renew);
}

LeaseKeeper::~LeaseKeeper() = default;

QString LeaseKeeper::refusalText(const Lease &holder, const QString &environment)
{
    return tr("%1 To take over: optimist-cli lease break %2 --env %3")
        .arg(holder.describe(QDateTime::currentDateTimeUtc()), holder.app, environment);
}

void LeaseKeeper::acquire(Reply<bool> reply)
{
    m_store->acquire(m_lease, m_ttl,
                     Reply<LeaseOutcome>(this, [this, reply](const Result<LeaseOutcome> &r) {
                         if (!r)
                             return reply(r.error());
                         if (!r.value().held) {
                             m_refusal = r.value().lease;
                             return reply(false);
                         }
                         m_lease = *r.value().lease;
                         m_held = true;
                         m_renewal.start();
                         qCDebug(lcLease) << "holding the lease of" << m_lease.app << "until"
                                          << m_lease.expiresAt;
                         reply(true);
                     }));
}

void LeaseKeeper::renew()
{
    if (!m_held || m_renewing)
        return;
    m_renewing = true;
    m_store->renew(
        m_lease, m_ttl, Reply<LeaseOutcome>(this, [this](const Result<LeaseOutcome> &r) {
            m_renewing = false;
            if (!m_held)
                return;
            if (r && r.value().held) {
                m_lease = *r.value().lease;
                m_lastError.clear();
                return;
            }
            QString reason;
            if (r) {
                const auto &other = r.value().lease;
                reason =
                    other ? tr("the lease of %1 was taken over by %2 at %3 UTC (someone broke it "
                               "or it expired)")
                                .arg(m_lease.app, other->holderText(),
                                     other->since.toUTC().toString(QStringLiteral("HH:mm:ss")))
                          : tr("the lease of %1 was broken: it is no longer held by this "
                               "process")
                                .arg(m_lease.app);
            } else {
                m_lastError = r.error().message;
                // The store cannot be reached: ours until it expires, unless the next attempt
                // would come too late.
                const QDateTime next =
                    QDateTime::currentDateTimeUtc().addMSecs(m_renewal.interval());
                if (next < m_lease.expiresAt) {
                    qCWarning(lcLease)
                        << "cannot renew the lease of" << m_lease.app << ":" << m_lastError;
                    return;
                }
                reason = tr("the lease of %1 could not be renewed before it expired at %2 UTC: %3")
                             .arg(m_lease.app,
                                  m_lease.expiresAt.toUTC().toString(QStringLiteral("HH:mm:ss")),
                                  m_lastError);
            }
            m_held = false;
            m_renewal.stop();
            qCWarning(lcLease).noquote() << reason;
            Q_EMIT lost(reason);
        }));
}

void LeaseKeeper::release(Reply<bool> reply)
{
    m_renewal.stop();
    if (!m_held)
        return QTimer::singleShot(0, this, [reply] { reply(false); });
    m_held = false;
    m_store->release(m_lease.app, m_lease.token, reply);
}

} // namespace optimist
