#pragma once

// A history database filled with generated finished rollouts, for the history model's tests and
// the history-open benchmark. Deterministic: rollout i (0-based) is fully described by i.

#include "rollout/RolloutRecord.h"
#include "store/SqliteHistoryStore.h"

#include <QDateTime>
#include <QStringList>

namespace optimist::generated {

inline const QStringList &apps()
{
    static const QStringList names{QStringLiteral("billing"), QStringLiteral("portal"),
                                   QStringLiteral("search")};
    return names;
}

inline const QStringList &operators()
{
    static const QStringList names{QStringLiteral("alice"), QStringLiteral("bob"),
                                   QStringLiteral("carol"), QStringLiteral("dave")};
    return names;
}

inline QDateTime firstStart()
{
    return QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
}

inline qint64 durationSec(int i)
{
    return 60 + (qint64(i) * 7919) % 3600;
}

/// Rollout i: app apps()[i % 3], operator operators()[i % 4], started i minutes after
/// firstStart(); every 5th rolled back, every 7th (not 5th) failed, the others succeeded; lasting
/// 60 + (i * 7919) % 3600 seconds.
inline RolloutRecord rollout(int i)
{
    RolloutRecord r;
    r.app = apps().at(i % apps().size());
    r.environment = i % 2 ? QStringLiteral("production") : QStringLiteral("staging");
    r.fromVersion = QStringLiteral("1.%1").arg(i);
    r.toVersion = QStringLiteral("1.%1").arg(i + 1);
    r.operatorName = operators().at(i % operators().size());
    r.startedAt = firstStart().addSecs(qint64(i) * 60);
    r.endedAt = r.startedAt.addSecs(durationSec(i));
    if (i % 5 == 0) {
        r.state = RolloutState::RolledBack;
        r.reason = QStringLiteral("error rate 12.5% above the 5% limit");
    } else if (i % 7 == 0) {
        r.state = RolloutState::Failed;
        r.reason = QStringLiteral("the canary never became healthy");
    } else {
        r.state = RolloutState::Succeeded;
        r.reason = QStringLiteral("every check passed");
    }
    r.step = 4;
    r.weight = 100;
    r.maxWeight = 100;
    return r;
}

/// Writes rollouts 0 … count-1 into a new database at @p path; false with @p error on failure.
inline bool writeHistory(const QString &path, int count, QString *error)
{
    auto opened = SqliteHistoryStore::open(path);
    if (!opened) {
        *error = opened.error().message;
        return false;
    }
    SqliteHistoryStore &store = *opened.value();
    for (int i = 0; i < count; ++i) {
        const Result<qint64> created = store.createRollout(rollout(i));
        if (!created) {
            *error = created.error().message;
            return false;
        }
    }
    return true;
}

} // namespace optimist::generated
