#pragma once

#include <QDateTime>
#include <QString>

namespace optimist {

/// A vertical marker on the metric charts: a weight change or a decision, at its moment.
struct MetricsMarker
{
    enum class Kind { WeightChange, Decision, RollBack };

    QDateTime at;
    Kind kind = Kind::WeightChange;
    QString label;   ///< short, translated: "blue 75 % · green 25 %", "Advance"
    QString toolTip; ///< the whole story, e.g. the decision's reason with its numbers
};

} // namespace optimist
