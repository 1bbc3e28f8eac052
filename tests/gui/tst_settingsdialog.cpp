// The settings dialog over the real backend (ServicesSettingsBackend): profiles written as the
// loader reads them, secrets stored only in the keychain (a real gnome-keyring from
// ./scripts/test), nothing written at all when no keychain answers (a child process on a D-Bus
// address where nothing listens), and "Test connection" reporting what failed against things
// that exist without daemons — and succeeding against the suite's services when they run.

#include "ServicesSettingsBackend.h"
#include "docker/DockerEndpoint.h"
#include "profiles/ProfileLoader.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/SettingsDialog.h"
#include "support/IntegrationSupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace optimist;

namespace {

// Set in the child process: the config folder whose profile "staging" it edits with a secret.
const char kChildConfig[] = "OPTIMIST_SETTINGS_CHILD_CONFIG";
const char kChildSecret[] = "OPTIMIST_SETTINGS_CHILD_SECRET";

const char kStaging[] = "name: staging\n"
                        "description: Staging\n"
                        "cluster:\n"
                        "  kind: docker\n"
                        "  endpoint: unix:///nonexistent/docker.sock\n"
                        "router:\n"
                        "  kind: redis\n"
                        "  address: 127.0.0.1:6379\n"
                        "  apiUrl: http://127.0.0.1:8080\n"
                        "metrics:\n"
                        "  kind: traefik\n"
                        "  url: http://127.0.0.1:8080/metrics\n"
                        "applications:\n"
                        "  - name: portal\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
}

template <typename T> T *child(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return w;
}

void chooseData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    if (index < 0)
        qFatal("%s has no item %s", qPrintable(combo->objectName()), qPrintable(data.toString()));
    combo->setCurrentIndex(index);
}

/// Writes @p secret into @p edit as a user types it.
void type(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<ServicesSettingsBackend> backend;
    std::unique_ptr<SettingsDialog> dialog;

    QString profilesDir() const { return dir.filePath(QStringLiteral("config/environments")); }
    QString home() const { return dir.filePath(QStringLiteral("home")); }

    void open(std::chrono::milliseconds requestTimeout = std::chrono::milliseconds(3000))
    {
        ServicesSettingsBackend::Options options;
        options.profilesDir = profilesDir();
        options.docker = DockerEndpoint::Environment{home(), QProcessEnvironment()};
        options.requestTimeout = requestTimeout;
        options.testTimeout = std::chrono::milliseconds(15000);
        backend = std::make_unique<ServicesSettingsBackend>(options);
        dialog = std::make_unique<SettingsDialog>(backend.get());
        new QAbstractItemModelTester(child<QListView>(dialog.get(), "environmentList")->model(),
                                     QAbstractItemModelTester::FailureReportingMode::Warning,
                                     dialog.get());
        new QAbstractItemModelTester(child<QTableView>(dialog.get(), "applicationsView")->model(),
                                     QAbstractItemModelTester::FailureReportingMode::Warning,
                                     dialog.get());
        dialog->show();
    }

    QWidget *w() const { return dialog.get(); }
    QString status() const { return child<QLabel>(w(), "statusLabel")->text(); }
};

/// The child process: edits "staging" with a Redis password and saves, on whatever D-Bus the
/// environment gives; prints the dialog's status line and whether it still shows the edit.
int childSave()
{
    ServicesSettingsBackend::Options options;
    options.profilesDir =
        QDir(qEnvironmentVariable(kChildConfig)).filePath(QStringLiteral("environments"));
    options.docker = DockerEndpoint::Environment{QDir::homePath(), QProcessEnvironment()};
    ServicesSettingsBackend backend(options);
    SettingsDialog dialog(&backend);
    dialog.show();
    QTextStream out(stdout);
    if (!dialog.selectEnvironment(QStringLiteral("staging"))) {
        out << "no staging\n";
        return 1;
    }
    child<QLineEdit>(&dialog, "descriptionEdit")->setText(QStringLiteral("Changed"));
    type(child<QLineEdit>(&dialog, "redisPasswordEdit"), qEnvironmentVariable(kChildSecret));
    auto *save = child<QPushButton>(&dialog, "saveButton");
    auto *status = child<QLabel>(&dialog, "statusLabel");
    save->click();
    QElapsedTimer timer;
    timer.start();
    while ((!save->isEnabled() || status->text().contains(QLatin1String("Storing"))) &&
           timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    out << "enabled:" << (save->isEnabled() ? "yes" : "no") << '\n';
    out << "description:" << child<QLineEdit>(&dialog, "descriptionEdit")->text() << '\n';
    out << "status:" << status->text().replace(QLatin1Char('\n'), QLatin1Char(' ')) << '\n';
    return 0;
}

bool requireServices()
{
    return qEnvironmentVariable("OPTIMIST_REQUIRE_SERVICES") == QLatin1String("1");
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    /// Runs "Test connection" of @p name (Docker, Traefik, Provider, Metrics) and answers the
    /// result label's text once it has left "Testing…".
    QString runTest(Fixture &f, const char *name)
    {
        const QByteArray button = QByteArray("test") + name + "Button";
        const QByteArray label = QByteArray("test") + name + "Result";
        auto *result = child<QLabel>(f.w(), label.constData());
        result->clear();
        child<QPushButton>(f.w(), button.constData())->click();
        if (result->text() != QStringLiteral("Testing…"))
            return QStringLiteral("the result did not say Testing… at once: ") + result->text();
        QElapsedTimer timer;
        timer.start();
        while (result->text() == QStringLiteral("Testing…") && timer.elapsed() < 20000)
            QTest::qWait(20);
        return result->text();
    }

private Q_SLOTS:
    void listsEditsAndSavesAProfile()
    {
        Fixture f;
        const QString path = QDir(f.profilesDir()).filePath(QStringLiteral("staging.yaml"));
        writeFile(path, kStaging);
        f.open();
        auto *list = child<QListView>(f.w(), "environmentList");
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(child<QLineEdit>(f.w(), "nameEdit")->text(), QStringLiteral("staging"));
        QCOMPARE(child<QLineEdit>(f.w(), "endpointEdit")->text(),
                 QStringLiteral("unix:///nonexistent/docker.sock"));
        QCOMPARE(child<QLineEdit>(f.w(), "redisAddressEdit")->text(),
                 QStringLiteral("127.0.0.1:6379"));

        child<QLineEdit>(f.w(), "descriptionEdit")->setText(QStringLiteral("Staging, Frankfurt"));
        chooseData(child<QComboBox>(f.w(), "traefikVersionCombo"), 3);
        child<QLineEdit>(f.w(), "entryPointsEdit")->setText(QStringLiteral("web, websecure"));
        chooseData(child<QComboBox>(f.w(), "metricsKindCombo"), QStringLiteral("prometheus"));
        child<QLineEdit>(f.w(), "metricsUrlEdit")->setText(QStringLiteral("http://127.0.0.1:9090"));
        child<QPushButton>(f.w(), "saveButton")->click();
        QVERIFY2(f.status().startsWith(QLatin1String("Saved staging")), qPrintable(f.status()));

        const auto loaded = ProfileLoader::loadFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const EnvironmentProfile &p = loaded.value();
        QCOMPARE(p.description, QStringLiteral("Staging, Frankfurt"));
        QCOMPARE(p.router.settings.value(QStringLiteral("traefikVersion")).toInt(), 3);
        QCOMPARE(p.router.settings.value(QStringLiteral("entryPoints")).toStringList(),
                 (QStringList{QStringLiteral("web"), QStringLiteral("websecure")}));
        QCOMPARE(p.metrics.kind, QStringLiteral("prometheus"));
        QCOMPARE(p.metrics.settings.value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://127.0.0.1:9090"));
        QCOMPARE(p.applications.size(), 1);
        QCOMPARE(p.applications.first().name, QStringLiteral("portal"));
        QVERIFY(!list->model()->index(0, 0).data(Qt::UserRole + 601).toBool()); // not modified
    }

    void invalidProfileIsNotSaved()
    {
        Fixture f;
        const QString path = QDir(f.profilesDir()).filePath(QStringLiteral("staging.yaml"));
        writeFile(path, kStaging);
        f.open();
        child<QLineEdit>(f.w(), "apiUrlEdit")->setText(QStringLiteral("not a url"));
        child<QPushButton>(f.w(), "saveButton")->click();
        QVERIFY2(f.status().contains(QLatin1String("router.apiUrl")), qPrintable(f.status()));
        QVERIFY2(f.status().contains(path), qPrintable(f.status()));
        QCOMPARE(readAll(path), QByteArray(kStaging));
    }

    void addDuplicateAndRemove()
    {
        Fixture f;
        f.open();
        auto *list = child<QListView>(f.w(), "environmentList");
        QCOMPARE(list->model()->rowCount(), 0);
        QVERIFY(!child<QWidget>(f.w(), "environmentEditor")->isEnabled());

        child<QPushButton>(f.w(), "addEnvironmentButton")->click();
        QCOMPARE(list->model()->rowCount(), 1);
        child<QLineEdit>(f.w(), "nameEdit")->setText(QStringLiteral("production"));
        child<QLineEdit>(f.w(), "endpointEdit")->setText(QStringLiteral("tcp://docker.prod:2376"));
        child<QPushButton>(f.w(), "saveButton")->click();
        const QString production =
            QDir(f.profilesDir()).filePath(QStringLiteral("production.yaml"));
        QVERIFY2(QFile::exists(production), qPrintable(f.status()));

        child<QPushButton>(f.w(), "duplicateEnvironmentButton")->click();
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(child<QLineEdit>(f.w(), "nameEdit")->text(), QStringLiteral("production-copy"));
        child<QPushButton>(f.w(), "saveButton")->click();
        const QString copy = QDir(f.profilesDir()).filePath(QStringLiteral("production-copy.yaml"));
        QVERIFY2(QFile::exists(copy), qPrintable(f.status()));
        const auto loaded = ProfileLoader::loadFile(copy);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().cluster.settings.value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("tcp://docker.prod:2376"));

        // A second profile of the same name is refused.
        child<QPushButton>(f.w(), "addEnvironmentButton")->click();
        child<QLineEdit>(f.w(), "nameEdit")->setText(QStringLiteral("production"));
        child<QPushButton>(f.w(), "saveButton")->click();
        QVERIFY2(f.status().contains(QLatin1String("already")), qPrintable(f.status()));

        // Remove the copy, confirming.
        QVERIFY(f.dialog->selectEnvironment(QStringLiteral("production-copy")));
        QTimer::singleShot(0, f.w(), [&f] {
            auto *box = f.w()->findChild<QMessageBox *>(QStringLiteral("removeEnvironmentConfirm"));
            if (box)
                box->button(QMessageBox::Yes)->click();
        });
        child<QPushButton>(f.w(), "removeEnvironmentButton")->click();
        QTRY_VERIFY2(!QFile::exists(copy), qPrintable(f.status()));
        QCOMPARE(list->model()->rowCount(), 2);
        QVERIFY(QFile::exists(production));
    }

    void importsADockerContext()
    {
        Fixture f;
        const QString name = QStringLiteral("remote-swarm");
        const QString contexts = QDir(f.home()).filePath(QStringLiteral(".docker/contexts"));
        const QString hash = DockerEndpoint::contextDirName(name);
        writeFile(contexts + QStringLiteral("/meta/") + hash + QStringLiteral("/meta.json"),
                  "{\"Name\":\"remote-swarm\",\"Metadata\":{\"Description\":\"prod\"},"
                  "\"Endpoints\":{\"docker\":{\"Host\":\"tcp://10.1.2.3:2376\","
                  "\"SkipTLSVerify\":false}}}");
        const QString tls = contexts + QStringLiteral("/tls/") + hash + QStringLiteral("/docker");
        for (const char *file : {"ca.pem", "cert.pem", "key.pem"})
            writeFile(tls + QLatin1Char('/') + QLatin1String(file), "pem");
        writeFile(QDir(f.profilesDir()).filePath(QStringLiteral("staging.yaml")), kStaging);
        f.open();

        QTimer::singleShot(0, f.w(), [&f, name] {
            auto *chooser =
                f.w()->findChild<QInputDialog *>(QStringLiteral("dockerContextChooser"));
            if (!chooser)
                return;
            chooser->setTextValue(name);
            chooser->accept();
        });
        child<QPushButton>(f.w(), "importContextButton")->click();
        QTRY_COMPARE(child<QLineEdit>(f.w(), "endpointEdit")->text(),
                     QStringLiteral("tcp://10.1.2.3:2376"));
        QCOMPARE(child<QLineEdit>(f.w(), "tlsCertPathEdit")->text(), tls);
        QCOMPARE(child<QComboBox>(f.w(), "tlsModeCombo")->currentData(), QVariant(true));
    }

    // (a) A password typed in the dialog lands in the real keychain; the profile holds its
    // reference and no trace of the value.
    void secretGoesToTheKeychainOnly()
    {
        if (qEnvironmentVariable("OPTIMIST_TEST_KEYRING") != QLatin1String("1")) {
            if (requireServices())
                QFAIL("OPTIMIST_TEST_KEYRING is not set: ./scripts/test runs the suite with a "
                      "keyring of its own");
            QSKIP("needs the test keyring (gnome-keyring in a private D-Bus session): run "
                  "./scripts/test");
        }
        Fixture f;
        f.open();
        const QString name =
            QStringLiteral("kr-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        const QString secret =
            QStringLiteral("pw-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        child<QPushButton>(f.w(), "addEnvironmentButton")->click();
        child<QLineEdit>(f.w(), "nameEdit")->setText(name);
        chooseData(child<QComboBox>(f.w(), "routerKindCombo"), QStringLiteral("redis"));
        type(child<QLineEdit>(f.w(), "redisPasswordEdit"), secret);
        child<QPushButton>(f.w(), "saveButton")->click();
        QTRY_VERIFY2_WITH_TIMEOUT(f.status().startsWith(QLatin1String("Saved")),
                                  qPrintable(f.status()), 20000);

        const QString reference =
            SettingsBackend::secretReference(name, QStringLiteral("router.password"));
        const QString path = QDir(f.profilesDir()).filePath(name + QStringLiteral(".yaml"));
        const QByteArray text = readAll(path);
        QVERIFY2(text.contains(("password: " + reference).toUtf8()), text.constData());
        QDirIterator files(f.dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            QVERIFY2(!readAll(file).contains(secret.toUtf8()), qPrintable(file));
        }
        QVERIFY(child<QLineEdit>(f.w(), "redisPasswordEdit")->text().isEmpty());

        // A test now reads the password from the keychain: it gets as far as connecting.
        child<QLineEdit>(f.w(), "redisAddressEdit")
            ->setText(QStringLiteral("127.0.0.1:%1").arg(test::freePort()));
        const QString tested = runTest(f, "Provider");
        QVERIFY2(tested.startsWith(QLatin1String("Failed: Cannot connect to Redis")),
                 qPrintable(tested));

        KeychainSecretStore keychain;
        QObject context;
        const auto read = test::await<QString>(
            [&](Reply<QString> reply) { keychain.read(reference, std::move(reply)); }, &context,
            std::chrono::seconds(20));
        QVERIFY(read.has_value());
        QVERIFY2(read->ok(), qPrintable(read->ok() ? QString() : read->error().message));
        QCOMPARE(read->value(), secret);
        test::await<void>([&](Reply<void> reply) { keychain.remove(reference, std::move(reply)); },
                          &context, std::chrono::seconds(20));
    }

    // (b) No Secret Service on the bus: the dialog says so and writes nothing — the profile
    // file is unchanged and the secret is in no file.
    void withoutKeychainNothingIsWritten()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString config = home.filePath(QStringLiteral("config/optimist"));
        const QString path = config + QStringLiteral("/environments/staging.yaml");
        writeFile(path, kStaging);
        const QString secret =
            QStringLiteral("plain-%1").arg(QUuid::createUuid().toString(QUuid::Id128));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildConfig), config);
        env.insert(QString::fromLatin1(kChildSecret), secret);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=%1/no-bus").arg(home.path()));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("DISPLAY"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(process.waitForFinished(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("enabled:yes")),
                 qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("status:No keychain is available, so nothing was "
                                            "saved")),
                 qPrintable(out));
        QVERIFY(!out.contains(secret));
        // The edit stays in the dialog for another try.
        QVERIFY2(out.contains(QLatin1String("description:Changed")), qPrintable(out));

        QCOMPARE(readAll(path), QByteArray(kStaging));
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            QVERIFY2(!readAll(file).contains(secret.toUtf8()), qPrintable(file));
        }
    }

    // (c) What fails is said plainly, against things that exist without any daemon.
    void testConnectionSaysWhatFailed()
    {
        Fixture f;
        writeFile(QDir(f.profilesDir()).filePath(QStringLiteral("staging.yaml")), kStaging);
        f.open();
        const QString socket = f.dir.filePath(QStringLiteral("missing/docker.sock"));
        child<QLineEdit>(f.w(), "endpointEdit")->setText(QStringLiteral("unix://") + socket);
        QString result = runTest(f, "Docker");
        QVERIFY2(result.startsWith(QLatin1String("Failed: No Docker daemon at unix://") + socket),
                 qPrintable(result));

        const int port = test::freePort();
        const QString local = QStringLiteral("127.0.0.1:%1").arg(port);
        child<QLineEdit>(f.w(), "apiUrlEdit")->setText(QStringLiteral("http://") + local);
        result = runTest(f, "Traefik");
        QVERIFY2(result.startsWith(QLatin1String("Failed: Cannot reach Traefik's API")),
                 qPrintable(result));
        QVERIFY2(result.contains(QLatin1String("refused")), qPrintable(result));

        child<QLineEdit>(f.w(), "redisAddressEdit")->setText(local);
        result = runTest(f, "Provider");
        QVERIFY2(result.startsWith(QLatin1String("Failed: Cannot connect to Redis at ") + local),
                 qPrintable(result));
        QVERIFY2(result.contains(QLatin1String("refused")), qPrintable(result));

        chooseData(child<QComboBox>(f.w(), "metricsKindCombo"), QStringLiteral("prometheus"));
        child<QLineEdit>(f.w(), "metricsUrlEdit")->setText(QStringLiteral("http://") + local);
        result = runTest(f, "Metrics");
        QVERIFY2(result.startsWith(QLatin1String("Failed: cannot reach Prometheus at")),
                 qPrintable(result));
        QVERIFY2(result.contains(QLatin1String("refused")), qPrintable(result));

        chooseData(child<QComboBox>(f.w(), "metricsKindCombo"), QStringLiteral("traefik"));
        child<QLineEdit>(f.w(), "metricsUrlEdit")
            ->setText(QStringLiteral("http://%1/metrics").arg(local));
        result = runTest(f, "Metrics");
        QVERIFY2(result.startsWith(QLatin1String("Failed: cannot reach Traefik's metrics")),
                 qPrintable(result));

        chooseData(child<QComboBox>(f.w(), "routerKindCombo"), QStringLiteral("file"));
        const QString missing = f.dir.filePath(QStringLiteral("no-such-folder"));
        child<QLineEdit>(f.w(), "filePathEdit")->setText(missing);
        result = runTest(f, "Provider");
        QVERIFY2(result.startsWith(QLatin1String("Failed: The folder ") + missing +
                                   QLatin1String(" does not exist")),
                 qPrintable(result));
        QVERIFY(QDir().mkpath(missing));
        result = runTest(f, "Provider");
        QVERIFY2(result.startsWith(QLatin1String("Connected: The folder ") + missing +
                                   QLatin1String(" is writable")),
                 qPrintable(result));
        QCOMPARE(QDir(missing).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    // Against the suite's services when ./scripts/test runs them.
    void testConnectionSucceedsAgainstServices()
    {
        const QString docker = qEnvironmentVariable("OPTIMIST_TEST_DOCKER_HOST");
        const QString redis = qEnvironmentVariable("OPTIMIST_TEST_REDIS");
        const QString prometheus = qEnvironmentVariable("OPTIMIST_TEST_PROMETHEUS");
        if (docker.isEmpty() && redis.isEmpty() && prometheus.isEmpty()) {
            if (requireServices())
                QFAIL("OPTIMIST_TEST_DOCKER_HOST, OPTIMIST_TEST_REDIS and "
                      "OPTIMIST_TEST_PROMETHEUS are not set: ./scripts/test starts them");
            QSKIP("needs the test services (dockerd, redis, prometheus): run ./scripts/test");
        }
        Fixture f;
        writeFile(QDir(f.profilesDir()).filePath(QStringLiteral("staging.yaml")), kStaging);
        f.open(std::chrono::milliseconds(10000));
        if (!docker.isEmpty()) {
            child<QLineEdit>(f.w(), "endpointEdit")->setText(docker);
            const QString result = runTest(f, "Docker");
            QVERIFY2(result.startsWith(QLatin1String("Connected: Docker ")), qPrintable(result));
            QVERIFY2(result.contains(QLatin1String("a Swarm manager")), qPrintable(result));
        }
        if (!redis.isEmpty()) {
            child<QLineEdit>(f.w(), "redisAddressEdit")->setText(redis);
            // The suite's Redis has the ACL user optimist (the default user has no password).
            child<QLineEdit>(f.w(), "redisUsernameEdit")->setText(QStringLiteral("optimist"));
            type(child<QLineEdit>(f.w(), "redisPasswordEdit"),
                 QStringLiteral("wrong-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
            QString result = runTest(f, "Provider");
            QVERIFY2(result.startsWith(QLatin1String("Failed: ")), qPrintable(result));
            type(child<QLineEdit>(f.w(), "redisPasswordEdit"),
                 qEnvironmentVariable("OPTIMIST_TEST_REDIS_PASSWORD"));
            result = runTest(f, "Provider");
            QVERIFY2(result.startsWith(QLatin1String("Connected: Redis at ") + redis),
                     qPrintable(result));
        }
        if (!prometheus.isEmpty()) {
            chooseData(child<QComboBox>(f.w(), "metricsKindCombo"), QStringLiteral("prometheus"));
            child<QLineEdit>(f.w(), "metricsUrlEdit")->setText(prometheus);
            const QString result = runTest(f, "Metrics");
            QVERIFY2(result.startsWith(QLatin1String("Connected: Prometheus at ")),
                     qPrintable(result));
        }
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildConfig))
        return childSave();
    TestSettingsDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingsdialog.moc"
