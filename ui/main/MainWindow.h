#pragma once

#include <QMainWindow>

namespace optimist {

/// Optimist's main window: environments, the rollout with its timeline and five live charts,
/// and the history with its post-mortem (issue 5). A view over the models; it never does I/O.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
};

} // namespace optimist
