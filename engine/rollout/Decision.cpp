#include "Decision.h"

namespace optimist {

QString Decision::actionName(Action action)
{
    switch (action) {
    case Action::Advance:
        return QStringLiteral("advance");
    case Action::Hold:
        return QStringLiteral("hold");
    case Action::RollBack:
        return QStringLiteral("rollback");
    case Action::Finalize:
        break;
    }
    return QStringLiteral("finalize");
}

} // namespace optimist
