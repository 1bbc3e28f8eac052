#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace optimist {

/// The data of a successful answer of Prometheus' HTTP API (/api/v1/query, /api/v1/query_range).
struct PrometheusApiResult
{
    enum class Type { Vector, Matrix, Scalar, String };

    /// One sample: seconds since the epoch (with decimals) and the value. Prometheus sends values
    /// as strings; "NaN", "+Inf" and "-Inf" become the doubles they name.
    struct Point
    {
        double timeSec = 0;
        double value = 0;
    };

    /// One series of a vector (one point) or a matrix (its points in time order).
    struct Series
    {
        QMap<QString, QString> metric; ///< the labels, __name__ included when Prometheus sent it
        QList<Point> points;
    };

    Type type = Type::Vector;
    QList<Series> series; ///< vector and matrix
    Point scalar;         ///< scalar; for a string result its time
    QString string;       ///< string
    QStringList warnings; ///< the envelope's "warnings" (and "infos")

    static QString typeName(Type type)
    {
        switch (type) {
        case Type::Vector:
            return QStringLiteral("vector");
        case Type::Matrix:
            return QStringLiteral("matrix");
        case Type::Scalar:
            return QStringLiteral("scalar");
        case Type::String:
            break;
        }
        return QStringLiteral("string");
    }
};

} // namespace optimist
