#pragma once

#include <QList>
#include <QString>

namespace optimist {

/// One problem found while validating or reading a plan: the field and what is wrong with it.
struct PlanIssue
{
    QString field;   ///< e.g. "steps", "checkIntervalSec"
    QString message; ///< a sentence naming the fix
};

using PlanIssues = QList<PlanIssue>;

} // namespace optimist
