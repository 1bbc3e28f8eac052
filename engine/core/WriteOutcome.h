#pragma once

#include <QString>

namespace optimist {

/// What a port write did, or with WriteMode::DryRun would do: the exact spec, keys or YAML.
struct WriteOutcome
{
    QString description;
};

} // namespace optimist
