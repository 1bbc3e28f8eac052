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
    // Queued: a tour that fails at once does so before exec() runs, where exit() does nothing.
    QObject::connect(
        &tour, &optimist::ScreenshotTour::finished, &app,
        [](const QString &error) {
            if (!error.isEmpty())
                QTextStream(stderr) << QStringLiteral("optimist-screenshots: %1\n").arg(error);
            // Not quit(): that asks the windows first, and the main window declines to close
            // while a rollout runs, which left a failed tour waiting forever.
            QApplication::exit(error.isEmpty() ? 0 : 1);
        },
        Qt::QueuedConnection);
    tour.start();
    return QApplication::exec();
}
