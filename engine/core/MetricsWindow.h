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
    // Not ColorMetrics{Color::Blue}: GCC's -Wmissing-field-initializers rejects that under -Werror.
    ColorMetrics blue = blank(Color::Blue);
    ColorMetrics green = blank(Color::Green);

    const ColorMetrics &of(Color color) const { return color == Color::Blue ? blue : green; }
    ColorMetrics &of(Color color) { return color == Color::Blue ? blue : green; }
    double seconds() const { return double(from.msecsTo(to)) / 1000.0; }

private:
    static ColorMetrics blank(Color color)
    {
        ColorMetrics m;
        m.color = color;
        return m;
    }
};

} // namespace optimist
