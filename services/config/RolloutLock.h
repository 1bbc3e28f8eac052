#pragma once

#include <QString>

namespace optimist {

/// The lock file that marks a rollout as running in some process (optimist-cli or a window):
/// DATA_DIR/locks/rollout-ID.lock, held with QLockFile while the rollout runs there.
class RolloutLock
{
public:
    static QString path(const QString &dataDir, qint64 id);
    /// Whether a live process holds rollout @p id's lock.
    static bool heldElsewhere(const QString &dataDir, qint64 id);
};

} // namespace optimist
