#pragma once

#include "Color.h"

#include <QString>

namespace optimist {

/// Traffic weights of the two colors, in percent; they add up to 100.
struct WeightSplit
{
    int blue = 100;
    int green = 0;

    int of(Color color) const { return color == Color::Blue ? blue : green; }
    static WeightSplit canaryAt(Color canary, int canaryWeight)
    {
        WeightSplit s;
        s.blue = canary == Color::Blue ? canaryWeight : 100 - canaryWeight;
        s.green = 100 - s.blue;
        return s;
    }
    bool operator==(const WeightSplit &) const = default;
    QString toString() const { return QStringLiteral("blue %1% / green %2%").arg(blue).arg(green); }
};

} // namespace optimist
