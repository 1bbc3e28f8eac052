#include "TraefikNaming.h"

namespace optimist {

std::optional<TraefikNaming::Version> TraefikNaming::versionFromString(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('v')) || t.startsWith(QLatin1Char('V')))
        t = t.mid(1);
    if (t.startsWith(QLatin1String("2")))
        return Version::V2;
    if (t.startsWith(QLatin1String("3")))
        return Version::V3;
    return std::nullopt;
}

QString TraefikNaming::versionName(Version version)
{
    return version == Version::V2 ? QStringLiteral("v2") : QStringLiteral("v3");
}

QString TraefikNaming::colorServiceName(const QString &app, Color color)
{
    return app + QLatin1Char('-') + colorName(color);
}

QString TraefikNaming::swarmProvider(Version version)
{
    return version == Version::V2 ? QStringLiteral("docker") : QStringLiteral("swarm");
}

QString TraefikNaming::childServiceName(const QString &app, Color color, Version version)
{
    return colorServiceName(app, color) + QLatin1Char('@') + swarmProvider(version);
}

QString TraefikNaming::weightedServiceName(const QString &app)
{
    return app;
}

QString TraefikNaming::routerName(const QString &app)
{
    return app;
}

std::optional<Color> TraefikNaming::colorOfChild(const QString &app, const QString &childName)
{
    const QString bare = childName.section(QLatin1Char('@'), 0, 0);
    for (Color color : {Color::Blue, Color::Green}) {
        if (bare == colorServiceName(app, color))
            return color;
    }
    return std::nullopt;
}

} // namespace optimist
