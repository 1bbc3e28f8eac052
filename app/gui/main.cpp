// optimist: the desktop application.

#include "main/MainWindow.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("optimist"));
    QApplication::setApplicationDisplayName(QStringLiteral("Optimist"));
    QApplication::setApplicationVersion(QStringLiteral(OPTIMIST_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("optimist"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    optimist::MainWindow window;
    window.show();
    return QApplication::exec();
}
