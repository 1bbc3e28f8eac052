// bare_window: the reference of bench/startup — an empty QMainWindow of the main window's size,
// shown, on the same Qt as optimist, and nothing else. See bench/README.md.

#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800); // MainWindow's own size, so both paint as many pixels
    window.show();
    return QApplication::exec();
}
