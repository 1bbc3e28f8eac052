#pragma once

#include "Comparison.h"
#include "Verdict.h"

#include "core/MetricsWindow.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace optimist {

/// The judgement of one check window, with every number that made it.
struct CheckResult
{
    int step = 0;   ///< index into the plan's steps
    int weight = 0; ///< canary weight during the window
    int index = 0;  ///< check number within the step, from 0
    QDateTime at;   ///< end of the window
    Color canaryColor = Color::Green;
    Verdict verdict = Verdict::Inconclusive;
    QString reason;       ///< one line a person can read
    QStringList failures; ///< every criterion that failed, in words

    MetricsWindow window;
    double canaryBioEnergy = 0;
    double baselineBioEnergy = 0;
    double canaryLatencyMs = 0; ///< the judged latency statistic (p95 or mean)
    double baselineLatencyMs = 0;
    Comparison errorRate;
    Comparison latency;

    const ColorMetrics &canary() const { return window.of(canaryColor); }
    const ColorMetrics &baseline() const { return window.of(otherColor(canaryColor)); }

    QJsonObject toJson() const;
    static CheckResult fromJson(const QJsonObject &json);
};

} // namespace optimist
