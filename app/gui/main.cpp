// optimist: the desktop application.

#include "GuiApplication.h"
#include "GuiArguments.h"

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
    if (!args.output.isEmpty()) {
        QTextStream(stdout) << args.output;
        return 0;
    }
    if (!args.error.isEmpty()) {
        QTextStream(stderr) << QStringLiteral("optimist: %1\n").arg(args.error);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Optimist"));
    optimist::GuiApplication gui(args);
    gui.start();
    return QApplication::exec();
}
