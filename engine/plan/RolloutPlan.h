#pragma once

#include "BioEnergyCoefficients.h"
#include "LatencyStatistic.h"
#include "PlanIssue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace optimist {

/// How a rollout proceeds and how each step is judged.
struct RolloutPlan
{
    Q_DECLARE_TR_FUNCTIONS(RolloutPlan)

public:
    QList<int> steps = defaultSteps(); ///< canary weights in percent, increasing, last 100
    int checkIntervalSec = 60;         ///< length of one check window
    int checksPerStep = 1;             ///< passing checks needed to leave a step
    double threshold = 70;             ///< minimum canary bio-energy (0-130)
    BioEnergyCoefficients coefficients;
    LatencyStatistic latencyStatistic = LatencyStatistic::P95;

    double maxErrorRatePct = 5;     ///< absolute limit on the canary's 5xx share
    double maxResponseTimeMs = 500; ///< absolute limit on the canary's latency
    double maxCpuPct = 90;          ///< absolute limit on the canary's CPU

    int failureLimit = 1;      ///< failed checks that roll back (1: the first one)
    int inconclusiveLimit = 3; ///< inconclusive checks in a row that fail the step
    int minRequestsPerCheck = 50;

    double confidence = 0.99;        ///< of the canary-vs-baseline comparison tests
    double errorRateMarginPct = 0.5; ///< canary error rate must exceed baseline by this (points)
    double latencyMarginPct = 10;    ///< canary latency must exceed baseline by this (relative %)

    int healthTimeoutSec = 120;
    int confirmTimeoutSec = 30;   ///< waiting for the router to show the weights in force
    int drainSec = 10;            ///< between weight 0 and removal of the old color
    int rollbackWindowSec = 0;    ///< old color kept warm after success; 0 removes it at once
    bool keepFailedColor = false; ///< on rollback scale the canary to 0 instead of removing it

    QStringList hookCommand; ///< pre-rollout job (e.g. a migration); empty: none
    int hookTimeoutSec = 300;

    bool force = false; ///< emergency: deploy, health, 100% without gradual steps
    /// One-click rollback after a success: the idle color still runs the target version (kept
    /// warm through the rollback window), so it is reused instead of deployed.
    bool reuseIdleColor = false;
    bool dryRun = false; ///< every read for real, every write only described

    static QList<int> defaultSteps();

    /// Replaces the first step by @p percent (--initial-traffic).
    void setInitialTraffic(int percent);

    /// Every problem of the plan; empty when it is valid.
    PlanIssues validate() const;

    QJsonObject toJson() const;
    /// Reads the fields present in @p json over the defaults; unknown or mistyped fields are
    /// reported in @p issues with their name.
    static RolloutPlan fromJson(const QJsonObject &json, PlanIssues *issues);
};

} // namespace optimist
