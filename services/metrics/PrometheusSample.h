#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

#include <optional>

namespace optimist {

/// One sample line of the Prometheus text exposition format.
struct PrometheusSample
{
    QString name;
    /// Sorted by label name; names are unique. Values are unescaped.
    QList<QPair<QString, QString>> labels;
    double value = 0;
    /// Milliseconds since the epoch, when the line carried a timestamp.
    std::optional<qint64> timestampMs;

    /// The value of label @p labelName, or a null string when the sample has no such label.
    QString label(QStringView labelName) const
    {
        for (const auto &pair : labels) {
            if (pair.first == labelName)
                return pair.second;
        }
        return {};
    }
};

} // namespace optimist
