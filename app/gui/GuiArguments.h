#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QTextStream;

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
    /// The languages --lang offers: en (the source language) and each translation built into
    /// the program (:/i18n/optimist_<lang>.qm).
    static QStringList languages();
    /// Before the application starts: prints --help / --version to @p out (exit code 0) or the
    /// command line's error to @p err (exit code 2); nothing when the application is to start.
    std::optional<int> exitEarly(QTextStream &out, QTextStream &err) const;
};

} // namespace optimist
