#pragma once

#include <QDateTime>
#include <QString>

namespace optimist {

/// What the engine decided after a check or an operator action, and why.
struct Decision
{
    enum class Action { Advance, Hold, RollBack, Finalize };

    QDateTime at;
    int step = 0;
    int weight = 0;
    Action action = Action::Hold;
    QString reason; ///< one line a person can read, with the numbers

    static QString actionName(Action action);
};

} // namespace optimist
