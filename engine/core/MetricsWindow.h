#pragma once

#include "ColorMetrics.h"

#include <QDateTime>
#include <QString>

namespace optimist {

/// Per-color metrics of one check window, as any metrics source delivers them.
struct MetricsWindow
{
    QDateTime from;
    QDateTime to;
    QString source; ///< "sandbox", "traefik", "prometheus"
    ColorMetrics blue{Color::Blue};
    ColorMetrics green{Color::Green};

    const ColorMetrics &of(Color color) const { return color == Color::Blue ? blue : green; }
    ColorMetrics &of(Color color) { return color == Color::Blue ? blue : green; }
    double seconds() const { return double(from.msecsTo(to)) / 1000.0; }
};

} // namespace optimist
