// Removing an environment's profile in Settings closes the environment in the running
// application: its tree rows and status bar entry go, its monitors stop reading, New rollout
// no longer acts on it. While a rollout runs in it the removal is refused, saying so, and
// nothing is deleted. Two sandbox profiles, staging and lab, on the real composition.

#include "EnvironmentsBinding.h"
#include "GuiApplication.h"
#include "MainWindowController.h"
#include "RolloutController.h"

#include "config/Locations.h"
#include "environments/EnvironmentTreeModel.h"
#include "environments/EnvironmentsPanel.h"
#include "main/MainWindow.h"
#include "rollout/NewRolloutDialog.h"
#include "settings/SettingsDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace optimist;

namespace {

constexpr int kTimeoutMs = 60000;
const QString kStaging = QStringLiteral("staging");
const QString kLab = QStringLiteral("lab");
const QString kPortal = QStringLiteral("portal");

} // namespace

class TestEnvironmentRemoval : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GuiApplication> m_gui;

    MainWindow *window() const { return m_gui->window(); }
    QAction *action(const QString &name) const { return window()->findChild<QAction *>(name); }
    EnvironmentTreeModel *tree() const { return m_gui->environments()->model(); }

    QString profilePath(const QString &name) const
    {
        return Locations::profilesDir(m_dir->filePath(QStringLiteral("config"))) +
               QStringLiteral("/%1.yaml").arg(name);
    }

    void writeProfile(const QString &name) const
    {
        QDir().mkpath(QFileInfo(profilePath(name)).absolutePath());
        QFile yaml(profilePath(name));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write(QStringLiteral("name: %1\n"
                                  "cluster:\n  kind: sandbox\n  scenario: healthy\n"
                                  "router:\n  kind: sandbox\nmetrics:\n  kind: sandbox\n"
                                  "applications:\n  - name: portal\n")
                       .arg(name)
                       .toUtf8());
    }

    /// The application on both profiles, as a user starts it (no --sandbox), at @p speed.
    void start(double speed)
    {
        writeProfile(kStaging);
        writeProfile(kLab);
        GuiArguments args;
        args.speed = speed;
        args.dataDir = m_dir->filePath(QStringLiteral("data"));
        args.configDir = m_dir->filePath(QStringLiteral("config"));
        m_gui = std::make_unique<GuiApplication>(args);
        m_gui->start();
        for (const QString &environment : {kStaging, kLab})
            QTRY_VERIFY_WITH_TIMEOUT(tree()->applicationIndex(environment, kPortal).isValid(),
                                     10000);
        QTRY_VERIFY(window()->findChild<QLabel *>(QStringLiteral("connection_staging")));
    }

    SettingsDialog *openSettingsOn(const QString &environment)
    {
        action(QStringLiteral("settings"))->trigger();
        if (!QTest::qWaitFor([this] { return m_gui->settingsDialog(); }, 5000))
            return nullptr;
        SettingsDialog *settings = m_gui->settingsDialog();
        return settings->selectEnvironment(environment) ? settings : nullptr;
    }

    static QString settingsStatus(SettingsDialog *settings)
    {
        return settings->findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
        QApplication::setQuitOnLastWindowClosed(false);
    }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void cleanup()
    {
        m_gui.reset();
        m_dir.reset();
    }

    void removingAProfileClosesItsEnvironment()
    {
        start(3000);
        QAbstractItemModelTester tester(tree(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // New rollout acts on staging's portal.
        m_gui->environments()->panel()->selectApplication(kStaging, kPortal);
        QCOMPARE(m_gui->windowController()->currentEnvironment(), kStaging);

        SettingsDialog *settings = openSettingsOn(kStaging);
        QVERIFY(settings);
        QSignalSpy closed(m_gui->controller(), &RolloutController::environmentClosed);
        QSignalSpy updates(m_gui->controller(), &RolloutController::applicationUpdated);
        settings->findChild<QPushButton *>(QStringLiteral("removeEnvironmentButton"))->click();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = settings->findChild<QMessageBox *>(
                         QStringLiteral("removeEnvironmentConfirm"))) &&
                    confirm->isVisible());
        confirm->button(QMessageBox::Yes)->click();

        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(closed.first().at(0).toString(), kStaging);
        QVERIFY(!QFile::exists(profilePath(kStaging)));
        // Its rows and its status bar entry are gone; lab stays.
        QVERIFY(!tree()->environmentIndex(kStaging).isValid());
        QVERIFY(tree()->applicationIndex(kLab, kPortal).isValid());
        QVERIFY(!window()->findChild<QLabel *>(QStringLiteral("connection_staging")));
        QVERIFY(window()->findChild<QLabel *>(QStringLiteral("connection_lab")));
        QVERIFY2(window()->statusBar()->currentMessage().contains(
                     QLatin1String("the environment staging is closed")),
                 qPrintable(window()->statusBar()->currentMessage()));
        QCOMPARE(m_gui->controller()->environments(), QStringList{kLab});
        // New rollout acts on an environment still open.
        QCOMPARE(m_gui->windowController()->currentEnvironment(), kLab);
        QVERIFY(action(QStringLiteral("newRollout"))->isEnabled());

        // Its monitors have stopped: asked to read both again, only lab answers, and staging's
        // row does not come back.
        updates.clear();
        m_gui->controller()->refreshEnvironment(kStaging);
        m_gui->controller()->refreshEnvironment(kLab);
        QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty(), 10000);
        m_gui->controller()->refreshEnvironment(kLab); // answered after anything staging sent
        QTRY_VERIFY_WITH_TIMEOUT(updates.size() >= 2, 10000);
        for (const QList<QVariant> &update : std::as_const(updates))
            QCOMPARE(update.at(0).toString(), kLab);
        QVERIFY(!tree()->environmentIndex(kStaging).isValid());
    }

    void removalIsRefusedWhileARolloutRunsThere()
    {
        start(5); // slow: the rollout is still running when the removal is asked for
        m_gui->environments()->panel()->selectApplication(kStaging, kPortal);
        QSignalSpy started(m_gui->controller(), &RolloutController::started);
        action(QStringLiteral("newRollout"))->trigger();
        NewRolloutDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window()->findChild<NewRolloutDialog *>(
                                      QStringLiteral("newRolloutDialog"))) &&
                                     dialog->isVisible(),
                                 10000);
        auto *startButton = dialog->findChild<QPushButton *>(QStringLiteral("startButton"));
        QTRY_VERIFY(startButton->isEnabled());
        startButton->click();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kTimeoutMs);
        QCOMPARE(m_gui->controller()->record().environment, kStaging);
        QVERIFY(m_gui->controller()->isRunning());

        SettingsDialog *settings = openSettingsOn(kStaging);
        QVERIFY(settings);
        settings->findChild<QPushButton *>(QStringLiteral("removeEnvironmentButton"))->click();
        // Refused at once, saying why; nothing asked, nothing deleted, nothing closed.
        QVERIFY2(settingsStatus(settings).contains(QLatin1String("is running in staging")),
                 qPrintable(settingsStatus(settings)));
        QVERIFY(!settings->findChild<QMessageBox *>(QStringLiteral("removeEnvironmentConfirm")));
        QVERIFY(QFile::exists(profilePath(kStaging)));
        QVERIFY(tree()->environmentIndex(kStaging).isValid());
        QVERIFY(m_gui->controller()->environments().contains(kStaging));

        // lab, where nothing runs, can be removed meanwhile.
        QVERIFY(settings->selectEnvironment(kLab));
        settings->findChild<QPushButton *>(QStringLiteral("removeEnvironmentButton"))->click();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = settings->findChild<QMessageBox *>(
                         QStringLiteral("removeEnvironmentConfirm"))) &&
                    confirm->isVisible());
        confirm->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!tree()->environmentIndex(kLab).isValid(), 10000);
        QVERIFY(!QFile::exists(profilePath(kLab)));
        QVERIFY(m_gui->controller()->isRunning());
    }
};

QTEST_MAIN(TestEnvironmentRemoval)
#include "tst_environmentremoval.moc"
