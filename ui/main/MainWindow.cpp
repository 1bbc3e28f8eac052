#include "MainWindow.h"

namespace optimist {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Optimist"));
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

} // namespace optimist
