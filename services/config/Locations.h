#pragma once

#include <QString>

namespace optimist {

/// Where Optimist keeps its files. Each location is chosen by the first of: the command-line
/// override (--data-dir, --config-dir), the environment (OPTIMIST_DATA_DIR, OPTIMIST_CONFIG_DIR),
/// the XDG base directory ($XDG_DATA_HOME/optimist, $XDG_CONFIG_HOME/optimist). Paths are
/// returned absolute and clean; nothing is created here.
class Locations
{
public:
    /// History and other state Optimist writes. Empty @p override means "not given".
    static QString dataDir(const QString &override = {});
    /// Environment profiles and settings the user writes.
    static QString configDir(const QString &override = {});

    /// The SQLite history database inside @p dataDir.
    static QString historyDatabasePath(const QString &dataDir);
    /// The folder of environment profiles (*.yaml) inside @p configDir.
    static QString profilesDir(const QString &configDir);
};

} // namespace optimist
