#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace optimist {

/// The desktop application's command line:
///
///     optimist [--sandbox [SCENARIO]] [--lang de|en] [--speed X] [--data-dir DIR]
///              [--config-dir DIR]
struct GuiArguments
{
    Q_DECLARE_TR_FUNCTIONS(GuiArguments)

public:
    bool sandbox = false; ///< open on the sandbox (of SCENARIO, started afresh, when given)
    QString scenario;
    QString lang;      ///< empty: the system locale
    double speed = 0;  ///< sandbox: virtual seconds per real second; 0: the default
    QString dataDir;   ///< empty: as the CLI resolves it (services/config/Locations)
    QString configDir; ///< empty: as the CLI resolves it
    QString output;    ///< --help / --version text: print it and exit 0
    QString error;     ///< a bad command line: print it and exit 2

    static GuiArguments parse(const QStringList &arguments);
};

} // namespace optimist
