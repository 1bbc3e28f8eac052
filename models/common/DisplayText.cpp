#include "DisplayText.h"

namespace optimist {

QString DisplayText::state(RolloutState state)
{
    switch (state) {
    case RolloutState::Idle:
        return tr("Idle");
    case RolloutState::PreChecks:
        return tr("Pre-checks");
    case RolloutState::Migrating:
        return tr("Migrating");
    case RolloutState::Deploying:
        return tr("Deploying");
    case RolloutState::WaitingHealthy:
        return tr("Waiting until healthy");
    case RolloutState::Shifting:
        return tr("Shifting traffic");
    case RolloutState::Observing:
        return tr("Observing");
    case RolloutState::FinalValidation:
        return tr("Final validation");
    case RolloutState::Finalizing:
        return tr("Finalizing");
    case RolloutState::RollingBack:
        return tr("Rolling back");
    case RolloutState::Succeeded:
        return tr("Succeeded");
    case RolloutState::RolledBack:
        return tr("Rolled back");
    case RolloutState::Failed:
        return tr("Failed");
    }
    return {};
}

QString DisplayText::outcome(const QString &outcomeName)
{
    if (outcomeName == QLatin1String("succeeded"))
        return tr("Succeeded");
    if (outcomeName == QLatin1String("rolled_back"))
        return tr("Rolled back");
    if (outcomeName == QLatin1String("failed"))
        return tr("Failed");
    return tr("Unfinished");
}

QString DisplayText::verdict(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return tr("Pass");
    case Verdict::Inconclusive:
        return tr("Inconclusive");
    case Verdict::Fail:
        return tr("Fail");
    }
    return {};
}

QString DisplayText::color(Color color)
{
    return color == Color::Blue ? tr("blue") : tr("green");
}

QString DisplayText::duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return seconds % 60 == 0 ? tr("%1 min").arg(seconds / 60)
                                 : tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    const qint64 minutes = (seconds % 3600) / 60;
    return minutes == 0 ? tr("%1 h").arg(seconds / 3600)
                        : tr("%1 h %2 min").arg(seconds / 3600).arg(minutes);
}

QString DisplayText::split(int blueWeight, int greenWeight)
{
    return tr("blue %1 % · green %2 %").arg(blueWeight).arg(greenWeight);
}

} // namespace optimist
