#pragma once

#include "PrometheusSample.h"

#include <QDateTime>
#include <QHash>

namespace optimist {

/// A whole parsed scrape: the samples in file order and the declared type of each family.
struct PrometheusScrape
{
    enum class Type { Untyped, Counter, Gauge, Histogram, Summary };

    QList<PrometheusSample> samples;
    QHash<QString, Type> types;   ///< family name → its "# TYPE"
    QHash<QString, QString> help; ///< family name → its "# HELP" text, unescaped
    /// When the scrape was taken; set by whoever fetched it (the parser leaves it invalid).
    QDateTime takenAt;

    /// The declared type of @p family, Untyped when it has no "# TYPE" line.
    Type typeOf(const QString &family) const { return types.value(family, Type::Untyped); }

    static QString typeName(Type type)
    {
        switch (type) {
        case Type::Counter:
            return QStringLiteral("counter");
        case Type::Gauge:
            return QStringLiteral("gauge");
        case Type::Histogram:
            return QStringLiteral("histogram");
        case Type::Summary:
            return QStringLiteral("summary");
        case Type::Untyped:
            break;
        }
        return QStringLiteral("untyped");
    }
};

} // namespace optimist
