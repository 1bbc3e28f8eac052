#pragma once

#include "analysis/CheckResult.h"
#include "plan/RolloutPlan.h"
#include "rollout/JournalEvent.h"
#include "rollout/OperatorAction.h"
#include "rollout/RolloutRecord.h"

#include <QCoreApplication>
#include <QString>

namespace optimist {

/// The words and numbers of a post-mortem, shared by the decision log and the exports (the
/// same content as `optimist-cli show`, phrased for the GUI).
class PostMortemText
{
    Q_DECLARE_TR_FUNCTIONS(PostMortemText)

public:
    /// "12.3"; "–" when unknown (NaN).
    static QString figure(double value, int decimals = 1);
    /// "Rolled back after 1 min 22 s: <reason>" — how it ended and why.
    static QString outcomeSentence(const RolloutRecord &record);
    /// "steps 10/25/50/75/100 %; 1 check of 60 s per step; …".
    static QString plan(const RolloutPlan &plan);
    /// "Step 2 · 25 %"; empty before the first step.
    static QString step(int step, int weight);
    /// "Fail: <every failed criterion>", or the verdict and the reason.
    static QString checkVerdict(const CheckResult &check);
    /// Both colors' figures: "canary green: bio-energy 52.1, errors 20.31 %, p95 61 ms, …;
    /// baseline blue: …", and the comparison tests when they ran.
    static QString checkNumbers(const CheckResult &check, LatencyStatistic statistic);
    /// "Roll back", "Advance", … for a Decision::actionName().
    static QString decisionAction(const QString &actionName);
    /// "State", "Decision", "About to write", …
    static QString eventKind(JournalEvent::Kind kind);
    /// "alice asked to pause — applied".
    static QString operatorAction(const OperatorAction &action);
    /// "12:04:31" in local time.
    static QString time(const QDateTime &at);
};

} // namespace optimist
