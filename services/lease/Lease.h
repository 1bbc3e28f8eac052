#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace optimist {

/// Who holds (or asks for) an application's rollout lease: the operator at the keyboard, on
/// which machine, in which process.
struct LeaseHolder
{
    QString operatorName; ///< SystemUser::name()
    QString host;         ///< QSysInfo::machineHostName()
    qint64 pid = 0;
    QString program; ///< "optimist-cli" or "optimist"

    /// This process, as @p program, for @p operatorName.
    static LeaseHolder current(const QString &operatorName, const QString &program);
};

/// The right to roll out one application of one environment, held by one process at a time
/// where every operator's process can see it (Traefik's Redis, or a shared folder). It expires
/// unless its holder renews it, so a holder that dies frees it after at most its TTL.
struct Lease
{
    Q_DECLARE_TR_FUNCTIONS(Lease)

public:
    QString environment;
    QString app;
    LeaseHolder holder;
    QDateTime since;     ///< UTC, when the holder took it
    QDateTime expiresAt; ///< UTC, unless renewed
    QString token;       ///< unique per acquisition: renew and release compare it

    QByteArray toJson() const;
    static std::optional<Lease> fromJson(const QByteArray &json);

    /// Whether the holder ran on this machine and its process no longer exists: it died for
    /// certain, so its lease need not be waited out. (A holder elsewhere is only known dead
    /// once its lease expires.)
    bool holderDiedHere() const;
    /// "alice@host (optimist-cli, pid 1234)"
    QString holderText() const;
    /// "demo is being rolled out by alice@host (optimist-cli, pid 1234) since 12:03:10 UTC;
    /// the lease expires in 25 s unless renewed."
    QString describe(const QDateTime &now) const;
};

} // namespace optimist
