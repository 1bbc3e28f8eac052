#pragma once

#include "ColorService.h"

#include <QString>

#include <optional>

namespace optimist {

/// What the cluster shows of one application: zero, one or two colors.
struct AppSnapshot
{
    QString app;
    std::optional<ColorService> blue;
    std::optional<ColorService> green;

    const std::optional<ColorService> &of(Color color) const
    {
        return color == Color::Blue ? blue : green;
    }
    std::optional<ColorService> &of(Color color) { return color == Color::Blue ? blue : green; }
};

} // namespace optimist
