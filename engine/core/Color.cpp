#include "Color.h"

namespace optimist {

QString colorName(Color color)
{
    return color == Color::Blue ? QStringLiteral("blue") : QStringLiteral("green");
}

std::optional<Color> parseColor(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("blue"))
        return Color::Blue;
    if (t == QLatin1String("green"))
        return Color::Green;
    return std::nullopt;
}

} // namespace optimist
