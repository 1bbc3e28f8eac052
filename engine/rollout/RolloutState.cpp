#include "RolloutState.h"

namespace optimist {

namespace {

constexpr RolloutState kAll[] = {
    RolloutState::Idle,        RolloutState::PreChecks,       RolloutState::Migrating,
    RolloutState::Deploying,   RolloutState::WaitingHealthy,  RolloutState::Shifting,
    RolloutState::Observing,   RolloutState::FinalValidation, RolloutState::Finalizing,
    RolloutState::RollingBack, RolloutState::Succeeded,       RolloutState::RolledBack,
    RolloutState::Failed,
};

} // namespace

QString stateName(RolloutState state)
{
    switch (state) {
    case RolloutState::Idle:
        return QStringLiteral("Idle");
    case RolloutState::PreChecks:
        return QStringLiteral("PreChecks");
    case RolloutState::Migrating:
        return QStringLiteral("Migrating");
    case RolloutState::Deploying:
        return QStringLiteral("Deploying");
    case RolloutState::WaitingHealthy:
        return QStringLiteral("WaitingHealthy");
    case RolloutState::Shifting:
        return QStringLiteral("Shifting");
    case RolloutState::Observing:
        return QStringLiteral("Observing");
    case RolloutState::FinalValidation:
        return QStringLiteral("FinalValidation");
    case RolloutState::Finalizing:
        return QStringLiteral("Finalizing");
    case RolloutState::RollingBack:
        return QStringLiteral("RollingBack");
    case RolloutState::Succeeded:
        return QStringLiteral("Succeeded");
    case RolloutState::RolledBack:
        return QStringLiteral("RolledBack");
    case RolloutState::Failed:
        break;
    }
    return QStringLiteral("Failed");
}

std::optional<RolloutState> parseState(const QString &text)
{
    for (RolloutState s : kAll)
        if (stateName(s) == text)
            return s;
    return std::nullopt;
}

bool isFinal(RolloutState state)
{
    return state == RolloutState::Succeeded || state == RolloutState::RolledBack ||
           state == RolloutState::Failed;
}

QString outcomeName(RolloutState finalState)
{
    switch (finalState) {
    case RolloutState::Succeeded:
        return QStringLiteral("succeeded");
    case RolloutState::RolledBack:
        return QStringLiteral("rolled_back");
    case RolloutState::Failed:
        return QStringLiteral("failed");
    default:
        break;
    }
    return QString();
}

} // namespace optimist
