#pragma once

namespace optimist {

/// Whether a port write takes effect or only describes what it would do (--dry-run).
enum class WriteMode { Apply, DryRun };

} // namespace optimist
