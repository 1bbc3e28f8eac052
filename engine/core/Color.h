#pragma once

#include <QString>

#include <optional>

namespace optimist {

/// The two colors of a blue-green application.
enum class Color { Blue, Green };

QString colorName(Color color);
std::optional<Color> parseColor(const QString &text);
constexpr Color otherColor(Color color)
{
    return color == Color::Blue ? Color::Green : Color::Blue;
}

} // namespace optimist
