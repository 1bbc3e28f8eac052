#pragma once

#include "RolloutState.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace optimist {

/// One line of a rollout's journal. Written *before* the effect it announces
/// (Kind::Intent), and again when the effect is confirmed (Kind::Done).
struct JournalEvent
{
    enum class Kind {
        State,    ///< entered a state
        Intent,   ///< about to write (weights, create, remove, scale, job)
        Done,     ///< that write took effect
        WouldDo,  ///< dry-run: what would be written
        Decision, ///< a decision with its reason
        Operator, ///< an operator control took effect
        Error,    ///< a port failed
        Info      ///< anything else worth replaying
    };

    qint64 id = 0;
    qint64 rolloutId = 0;
    QDateTime at;
    Kind kind = Kind::Info;
    RolloutState state = RolloutState::Idle;
    int step = -1;    ///< plan step index, -1 before the first shift
    int weight = 0;   ///< canary weight in force (or intended, for Intent)
    QString message;  ///< a sentence
    QJsonObject data; ///< structured details (weights, spec, numbers)

    static QString kindName(Kind kind);
    static Kind parseKind(const QString &text);
};

} // namespace optimist
