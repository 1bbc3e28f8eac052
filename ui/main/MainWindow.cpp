#include "MainWindow.h"

#include "MessageBox.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace optimist {

namespace {

/// An empty slot until its panel is put in: says what will be there.
QWidget *makeSlot(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *slot = new QWidget(parent);
    slot->setObjectName(objectName);
    auto *layout = new QVBoxLayout(slot);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(placeholder, slot);
    label->setObjectName(QStringLiteral("placeholder"));
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    layout->addWidget(label);
    return slot;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Optimist"));
    resize(1440, 900);
    createActions();
    createMenus();
    createToolBar();
    createPanels();

    m_activeRollout = new QLabel(this);
    m_activeRollout->setObjectName(QStringLiteral("activeRolloutLabel"));
    m_activeRollout->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_activeRollout);
    setActiveRollout({});

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_ComputerIcon), this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setToolTip(tr("Optimist"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            m_keptRunning = false;
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    setControls({});
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    struct Spec
    {
        Action action;
        const char *objectName;
        QString text;
        QKeySequence shortcut;
        QStyle::StandardPixmap icon;
        QString toolTip;
    };
    const QList<Spec> specs{
        {Action::NewRollout, "newRollout", tr("&New rollout…"), QKeySequence::New,
         QStyle::SP_FileDialogNewFolder, tr("Roll a new version of the selected application out")},
        {Action::PauseResume, "pauseResume", tr("&Pause"), QKeySequence(Qt::CTRL | Qt::Key_P),
         QStyle::SP_MediaPause,
         tr("Hold the rollout before its next weight change, or continue it")},
        {Action::Promote, "promote", tr("P&romote"), QKeySequence(Qt::CTRL | Qt::Key_Right),
         QStyle::SP_MediaSeekForward, tr("Go to the next step now")},
        {Action::PromoteFully, "promoteFully", tr("Promote &fully…"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right), QStyle::SP_MediaSkipForward,
         tr("Shift all traffic to the new version now")},
        {Action::Abort, "abort", tr("&Abort…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
         QStyle::SP_MediaStop, tr("Stop the rollout and send all traffic back to the old version")},
        {Action::Rollback, "oneClickRollback", tr("&Roll back…"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QStyle::SP_ArrowBack,
         tr("Bring the previous version back to 100%")},
        {Action::Settings, "settings", tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
         QStyle::SP_FileDialogDetailedView, tr("Environments, connections and credentials")},
        {Action::Quit, "quit", tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q),
         QStyle::SP_DialogCloseButton, tr("Close Optimist")},
        {Action::Shortcuts, "shortcuts", tr("&Keyboard shortcuts"), QKeySequence::HelpContents,
         QStyle::SP_DialogHelpButton, tr("List the keyboard shortcuts")},
        {Action::About, "about", tr("&About Optimist"), QKeySequence(),
         QStyle::SP_MessageBoxInformation, tr("Version and licence")},
    };
    for (const Spec &s : specs) {
        auto *a = new QAction(style()->standardIcon(s.icon), s.text, this);
        a->setObjectName(QString::fromLatin1(s.objectName));
        a->setShortcut(s.shortcut);
        a->setToolTip(
            s.shortcut.isEmpty()
                ? s.toolTip
                : tr("%1 (%2)").arg(s.toolTip, s.shortcut.toString(QKeySequence::NativeText)));
        a->setStatusTip(s.toolTip);
        m_actions.insert(s.action, a);
    }
    action(Action::Quit)->setMenuRole(QAction::QuitRole);
    action(Action::About)->setMenuRole(QAction::AboutRole);
    action(Action::Settings)->setMenuRole(QAction::PreferencesRole);
    connect(action(Action::Quit), &QAction::triggered, this, &QWidget::close);
    connect(action(Action::Shortcuts), &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(action(Action::About), &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(Action::NewRollout));
    file->addSeparator();
    file->addAction(action(Action::Settings));
    file->addSeparator();
    file->addAction(action(Action::Quit));

    QMenu *rollout = menuBar()->addMenu(tr("&Rollout"));
    rollout->addAction(action(Action::PauseResume));
    rollout->addAction(action(Action::Promote));
    rollout->addAction(action(Action::PromoteFully));
    rollout->addSeparator();
    rollout->addAction(action(Action::Abort));
    rollout->addAction(action(Action::Rollback));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(Action::Shortcuts));
    help->addAction(action(Action::About));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Rollout"));
    bar->setObjectName(QStringLiteral("rolloutToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(action(Action::NewRollout));
    bar->addSeparator();
    bar->addAction(action(Action::PauseResume));
    bar->addAction(action(Action::Promote));
    bar->addAction(action(Action::PromoteFully));
    bar->addAction(action(Action::Abort));
    bar->addSeparator();
    bar->addAction(action(Action::Rollback));
    // One-click rollback is the button a release manager must find without looking.
    if (auto *button =
            qobject_cast<QToolButton *>(bar->widgetForAction(action(Action::Rollback)))) {
        button->setObjectName(QStringLiteral("oneClickRollbackButton"));
        QFont bold = button->font();
        bold.setBold(true);
        button->setFont(bold);
    }
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(action(Action::Settings));
}

void MainWindow::createPanels()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_slots.insert(PanelSlot::Environments,
                   makeSlot(QStringLiteral("environmentsPanelSlot"), tr("Environments"), splitter));

    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("centreTabs"));
    m_tabs->setDocumentMode(true);
    // The live rollout: its timeline and controls beside the five charts.
    auto *rolloutPage = new QSplitter(Qt::Horizontal, m_tabs);
    rolloutPage->setObjectName(QStringLiteral("rolloutPage"));
    m_slots.insert(PanelSlot::Rollout,
                   makeSlot(QStringLiteral("rolloutPanelSlot"), tr("Rollout"), rolloutPage));
    m_slots.insert(PanelSlot::Metrics,
                   makeSlot(QStringLiteral("metricsPanelSlot"), tr("Metrics"), rolloutPage));
    rolloutPage->setStretchFactor(0, 2);
    rolloutPage->setStretchFactor(1, 3);
    m_tabs->addTab(rolloutPage, tr("&Live rollout"));
    m_slots.insert(PanelSlot::History,
                   makeSlot(QStringLiteral("historyPanelSlot"), tr("History"), m_tabs));
    m_tabs->addTab(m_slots.value(PanelSlot::History), tr("&History"));

    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({480, 960});
    setCentralWidget(splitter);
}

void MainWindow::setPanel(PanelSlot slot, QWidget *panel)
{
    QWidget *container = m_slots.value(slot);
    QLayout *layout = container->layout();
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    layout->addWidget(panel);
}

QWidget *MainWindow::panelSlot(PanelSlot slot) const
{
    return m_slots.value(slot);
}

void MainWindow::showPanel(PanelSlot slot)
{
    if (slot == PanelSlot::History)
        m_tabs->setCurrentIndex(1);
    else if (slot != PanelSlot::Environments)
        m_tabs->setCurrentIndex(0);
}

QAction *MainWindow::action(Action action) const
{
    return m_actions.value(action);
}

void MainWindow::setControls(const RolloutControls &controls)
{
    m_controls = controls;
    action(Action::NewRollout)->setEnabled(controls.canStart);
    QAction *pause = action(Action::PauseResume);
    pause->setEnabled(controls.canPause);
    pause->setText(controls.paused ? tr("Res&ume") : tr("&Pause"));
    pause->setIcon(
        style()->standardIcon(controls.paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    action(Action::Promote)->setEnabled(controls.canPromote);
    action(Action::PromoteFully)->setEnabled(controls.canPromote);
    action(Action::Abort)->setEnabled(controls.canAbort);
    QAction *rollback = action(Action::Rollback);
    rollback->setEnabled(controls.canRollBack);
    const QString shortcut = rollback->shortcut().toString(QKeySequence::NativeText);
    rollback->setToolTip(controls.rollbackDescription.isEmpty()
                             ? tr("Nothing to roll back: no rollout runs and no previous version "
                                  "is kept warm (%1)")
                                   .arg(shortcut)
                             : tr("%1 (%2)").arg(controls.rollbackDescription, shortcut));
}

void MainWindow::setConnectionState(const QString &environment, const QString &state,
                                    const QString &detail)
{
    QLabel *label = m_connectionLabels.value(environment);
    if (!label) {
        label = new QLabel(this);
        label->setObjectName(QStringLiteral("connection_%1").arg(environment));
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->insertPermanentWidget(int(m_connectionLabels.size()), label);
        m_connectionLabels.insert(environment, label);
    }
    label->setText(tr("%1: %2").arg(environment, state));
    label->setToolTip(detail);
}

void MainWindow::removeConnectionState(const QString &environment)
{
    QLabel *label = m_connectionLabels.take(environment);
    if (!label)
        return;
    statusBar()->removeWidget(label);
    delete label;
}

void MainWindow::setActiveRollout(const QString &text)
{
    m_activeRollout->setText(text.isEmpty() ? tr("No rollout running") : text);
}

void MainWindow::notify(const QString &title, const QString &message)
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(title, message, QSystemTrayIcon::Information);
        return;
    }
    statusBar()->showMessage(tr("%1 — %2").arg(title, message));
}

void MainWindow::closeWithoutAsking()
{
    m_closeApproved = true;
    close();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeApproved || !m_controls.running) {
        event->accept();
        return;
    }
    event->ignore();
    askBeforeClosing();
}

void MainWindow::askBeforeClosing()
{
    if (m_asking)
        return;
    m_asking = true;
    constexpr int keep = int(CloseChoice::KeepRunning);
    constexpr int pause = int(CloseChoice::Pause);
    constexpr int rollBack = int(CloseChoice::RollBack);
    const QString keepText = m_tray ? tr("Keep running in the tray") : tr("Keep running minimized");
    MessageBox::ask(
        this, QMessageBox::Question, tr("A rollout is running"),
        tr("A rollout is running. What should happen to it?\n\n%1").arg(m_activeRollout->text()),
        {{keep, keepText, QMessageBox::AcceptRole},
         {pause, tr("Pause at the current weights and quit"), QMessageBox::DestructiveRole},
         {rollBack, tr("Roll back now and quit"), QMessageBox::DestructiveRole},
         {MessageBox::kCancelled, tr("Cancel"), QMessageBox::RejectRole}},
        [this](int id) {
            m_asking = false;
            if (id == keep)
                keepRunning();
            else if (id == pause || id == rollBack)
                Q_EMIT closeChosen(CloseChoice(id));
        });
}

void MainWindow::keepRunning()
{
    m_keptRunning = true;
    if (m_tray) {
        hide();
        notify(tr("Optimist keeps running"),
               tr("The rollout continues; click the tray icon to open the window."));
    } else {
        showMinimized();
    }
}

void MainWindow::showShortcuts()
{
    QStringList lines;
    for (Action a : {Action::NewRollout, Action::PauseResume, Action::Promote, Action::PromoteFully,
                     Action::Abort, Action::Rollback, Action::Settings, Action::Quit}) {
        QAction *qa = action(a);
        lines << tr("%1\t%2").arg(qa->shortcut().toString(QKeySequence::NativeText),
                                  qa->text().remove(QLatin1Char('&')));
    }
    MessageBox::ask(this, QMessageBox::Information, tr("Keyboard shortcuts"),
                    lines.join(QLatin1Char('\n')), {{0, tr("Close"), QMessageBox::AcceptRole}},
                    [](int) {});
}

void MainWindow::showAbout()
{
    MessageBox::ask(this, QMessageBox::Information, tr("About Optimist"),
                    tr("Optimist %1\n\nOptimistic rollouts — blue-green deployments with gradual "
                       "canary traffic shifting and automatic rollback — of Docker Swarm services "
                       "routed by Traefik.")
                        .arg(QApplication::applicationVersion()),
                    {{0, tr("Close"), QMessageBox::AcceptRole}}, [](int) {});
}

} // namespace optimist
