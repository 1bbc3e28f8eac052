#pragma once

#include "analysis/Verdict.h"
#include "core/Color.h"
#include "rollout/RolloutState.h"

#include <QCoreApplication>
#include <QString>

namespace optimist {

/// The translated words the GUI shows for engine values (the engine's own names are the stable
/// identifiers of the history and the CLI's JSON, never shown as they are).
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    static QString state(RolloutState state);
    /// "Succeeded", "Rolled back", "Failed"; anything else (a running rollout) "Unfinished".
    static QString outcome(const QString &outcomeName);
    static QString verdict(Verdict verdict);
    static QString color(Color color);
    /// "45 s", "4 min 12 s", "2 h 5 min".
    static QString duration(qint64 seconds);
    /// The split as the release manager reads it: "blue 90 % · green 10 %".
    static QString split(int blueWeight, int greenWeight);
};

} // namespace optimist
