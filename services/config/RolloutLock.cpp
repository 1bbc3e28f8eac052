#include "RolloutLock.h"

#include <QDir>
#include <QFile>
#include <QLockFile>

namespace optimist {

QString RolloutLock::path(const QString &dataDir, qint64 id)
{
    return QDir(dataDir).filePath(QStringLiteral("locks/rollout-%1.lock").arg(id));
}

bool RolloutLock::heldElsewhere(const QString &dataDir, qint64 id)
{
    const QString file = path(dataDir, id);
    if (!QFile::exists(file))
        return false;
    QLockFile lock(file);
    lock.setStaleLockTime(0);
    if (lock.tryLock(0)) {
        lock.unlock();
        return false;
    }
    return lock.error() == QLockFile::LockFailedError;
}

} // namespace optimist
