// optimist-screenshots: the README's screenshots, taken from the sandbox.
//
//     optimist-screenshots [DIR]     (default docs/screenshots; run with QT_QPA_PLATFORM=offscreen)

#include "ScreenshotTour.h"

#include <QApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication::setApplicationName(QStringLiteral("optimist"));
    QApplication::setApplicationVersion(QStringLiteral(OPTIMIST_VERSION));
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Optimist"));
    QApplication::setQuitOnLastWindowClosed(false);
    const QStringList args = QApplication::arguments();
    const QString dir = args.value(1, QStringLiteral("docs/screenshots"));
    optimist::ScreenshotTour tour(dir, QSize(1440, 900));
    int status = 0;
    QObject::connect(
        &tour, &optimist::ScreenshotTour::finished, &app, [&status](const QString &error) {
            if (!error.isEmpty()) {
                QTextStream(stderr) << QStringLiteral("optimist-screenshots: %1\n").arg(error);
                status = 1;
            }
            QApplication::quit();
        });
    tour.start();
    const int code = QApplication::exec();
    return status ? status : code;
}
