// optimist-cli: the rollout engine, headless, for scripts and CI.

#include "CliApp.h"
#include "CliArguments.h"
#include "ExitCode.h"
#include "SimulateCommand.h"

#include "secrets/SecretRedaction.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Before anything can log: no secret from the keychain reaches stderr.
    optimist::SecretRedaction::installLogFilter();
    QCoreApplication::setApplicationName(QStringLiteral("optimist"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPTIMIST_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("optimist"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    const optimist::CliArguments args = optimist::CliArguments::parse(app.arguments());
    if (!args.output.isEmpty()) {
        QTextStream(stdout) << args.output;
        return optimist::ExitSucceeded;
    }
    if (!args.error.isEmpty()) {
        QTextStream(stderr)
            << QCoreApplication::translate("main", "optimist-cli: %1").arg(args.error) << Qt::endl;
        return optimist::ExitBadInput;
    }
    optimist::CliPrinter printer(args.json);
    if (args.command == QLatin1String("simulate"))
        return optimist::SimulateCommand::run(args, printer);

    optimist::CliApp cli(args);
    const int code = cli.start();
    if (code >= 0)
        return code;
    return QCoreApplication::exec();
}
