#include "FileLeaseStore.h"

#include "LeaseLogging.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTimer>
#include <QUuid>

namespace optimist {

FileLeaseStore::FileLeaseStore(const QString &directory, const QString &prefix, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_prefix(prefix)
{
}

QString FileLeaseStore::path(const QString &app) const
{
    return QDir(m_directory).filePath(m_prefix + app + QStringLiteral(".lease"));
}

QString FileLeaseStore::where(const QString &app) const
{
    return tr("file %1").arg(QDir::toNativeSeparators(path(app)));
}

Error FileLeaseStore::failure(const QString &app, const QString &what) const
{
    return Error{Error::Kind::Storage,
                 tr("cannot check the rollout lease of %1 (%2): %3").arg(app, where(app), what)};
}

template <typename T> void FileLeaseStore::answer(Reply<T> reply, const Result<T> &result)
{
    QTimer::singleShot(0, this, [reply, result] { reply(result); });
}

Result<std::optional<Lease>> FileLeaseStore::readNow(const QString &app)
{
    QFile file(path(app));
    if (!file.exists())
        return std::optional<Lease>();
    if (!file.open(QIODevice::ReadOnly)) {
        if (!file.exists()) // released meanwhile
            return std::optional<Lease>();
        return failure(app, file.errorString());
    }
    const QByteArray data = file.readAll();
    auto lease = Lease::fromJson(data);
    if (!lease) {
        // Written but not yet complete (a taker between create and write): held, briefly.
        if (data.isEmpty() && file.fileTime(QFileDevice::FileModificationTime)
                                      .msecsTo(QDateTime::currentDateTimeUtc()) < 5000) {
            Lease pending;
            pending.app = app;
            pending.holder.operatorName = tr("(someone)");
            pending.since = QDateTime::currentDateTimeUtc();
            pending.expiresAt = pending.since.addSecs(5);
            pending.token = QStringLiteral("pending");
            return std::optional<Lease>(pending);
        }
        return failure(app, tr("the file is not an Optimist lease; remove it if nobody is "
                               "rolling %1 out")
                                .arg(app));
    }
    return lease;
}

Result<LeaseOutcome> FileLeaseStore::acquireNow(const Lease &wanted, std::chrono::milliseconds ttl)
{
    if (!QDir().mkpath(m_directory))
        return failure(wanted.app, tr("the folder cannot be created"));
    Lease lease = wanted;
    for (int attempt = 0; attempt < 3; ++attempt) {
        lease.since = QDateTime::currentDateTimeUtc();
        lease.expiresAt = lease.since.addMSecs(ttl.count());
        QFile file(path(wanted.app));
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            const QByteArray json = lease.toJson();
            if (file.write(json) != json.size() || !file.flush()) {
                const QString error = file.errorString();
                file.remove();
                return failure(wanted.app, error);
            }
            return LeaseOutcome{true, lease};
        }
        if (!file.exists())
            return failure(wanted.app, file.errorString());
        const auto current = readNow(wanted.app);
        if (!current)
            return current.error();
        if (!current.value())
            continue; // released meanwhile
        if (current.value()->expiresAt > QDateTime::currentDateTimeUtc() &&
            !current.value()->holderDiedHere())
            return LeaseOutcome{false, current.value()};
        // Expired (or its holder died on this machine): rename it aside (only one process can),
        // check it was the expired one, and try again to create it.
        const QString aside = path(wanted.app) + QStringLiteral(".expired-") +
                              QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!QFile::rename(path(wanted.app), aside))
            continue; // someone else did
        QFile moved(aside);
        const auto movedLease =
            moved.open(QIODevice::ReadOnly) ? Lease::fromJson(moved.readAll()) : std::nullopt;
        moved.close();
        if (movedLease && movedLease->token != current.value()->token) {
            // Someone took it between our read and our rename: give theirs back.
            QFile::rename(aside, path(wanted.app));
            return LeaseOutcome{false, movedLease};
        }
        qCDebug(lcLease) << "took over the expired lease of" << wanted.app << "held by"
                         << current.value()->holderText();
        QFile::remove(aside);
    }
    return failure(wanted.app, tr("the lease file kept changing; try again"));
}

Result<LeaseOutcome> FileLeaseStore::renewNow(const Lease &ours, std::chrono::milliseconds ttl)
{
    const auto current = readNow(ours.app);
    if (!current)
        return current.error();
    if (!current.value() || current.value()->token != ours.token)
        return LeaseOutcome{false, current.value()};
    Lease renewed = ours;
    renewed.expiresAt = QDateTime::currentDateTimeUtc().addMSecs(ttl.count());
    QSaveFile file(path(ours.app));
    if (!file.open(QIODevice::WriteOnly))
        return failure(ours.app, file.errorString());
    file.write(renewed.toJson());
    if (!file.commit())
        return failure(ours.app, file.errorString());
    return LeaseOutcome{true, renewed};
}

Result<bool> FileLeaseStore::releaseNow(const QString &app, const QString &token)
{
    const auto current = readNow(app);
    if (!current)
        return current.error();
    if (!current.value() || current.value()->token != token)
        return false;
    QFile file(path(app));
    if (!file.remove())
        return failure(app, file.errorString());
    return true;
}

void FileLeaseStore::acquire(const Lease &wanted, std::chrono::milliseconds ttl,
                             Reply<LeaseOutcome> reply)
{
    answer(reply, acquireNow(wanted, ttl));
}

void FileLeaseStore::renew(const Lease &ours, std::chrono::milliseconds ttl,
                           Reply<LeaseOutcome> reply)
{
    answer(reply, renewNow(ours, ttl));
}

void FileLeaseStore::release(const QString &app, const QString &token, Reply<bool> reply)
{
    answer(reply, releaseNow(app, token));
}

void FileLeaseStore::read(const QString &app, Reply<std::optional<Lease>> reply)
{
    answer(reply, readNow(app));
}

} // namespace optimist
