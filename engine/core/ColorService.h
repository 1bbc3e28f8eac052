#pragma once

#include "Color.h"

#include <QString>

namespace optimist {

/// One color of an application as the cluster shows it.
struct ColorService
{
    Color color = Color::Blue;
    QString serviceName; ///< e.g. "portal-blue"
    QString version;     ///< image tag
    int replicasRunning = 0;
    int replicasDesired = 0;
    bool healthy = false; ///< every desired task running (and healthy where checked)
    QString healthDetail; ///< why not healthy, in words (task error, crash loop)
};

} // namespace optimist
