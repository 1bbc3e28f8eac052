// optimist: the desktop application.

#include "GuiApplication.h"
#include "GuiArguments.h"

#include "secrets/SecretRedaction.h"

#include <QApplication>
#include <QStringList>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication::setApplicationName(QStringLiteral("optimist"));
    QApplication::setApplicationVersion(QStringLiteral(OPTIMIST_VERSION));
    // Parsed before QApplication, so --help and a bad command line need no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const optimist::GuiArguments args = optimist::GuiArguments::parse(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const std::optional<int> exitCode = args.exitEarly(out, err))
        return *exitCode;
    QApplication app(argc, argv);
    // Before anything can log: no secret from the keychain reaches stderr.
    optimist::SecretRedaction::installLogFilter();
    QApplication::setApplicationDisplayName(QStringLiteral("Optimist"));
    optimist::GuiApplication gui(args);
    gui.start();
    return QApplication::exec();
}
