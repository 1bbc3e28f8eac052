// KeychainSecretStore against a real Secret Service: the gnome-keyring that ./scripts/test starts
// in a private D-Bus session (OPTIMIST_TEST_KEYRING=1). Each run uses a service name of its own
// and removes its entries. A child process of this test, on a D-Bus address where nothing
// listens, shows that a write without a keychain fails as Unreachable and stores nothing.

#include "secrets/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

#include <functional>
#include <optional>

using namespace optimist;

namespace {

// Set in the child process's environment: write this reference and exit.
const char kChildWrite[] = "OPTIMIST_KEYCHAIN_CHILD_WRITE";
const char kChildSecret[] = "OPTIMIST_KEYCHAIN_CHILD_SECRET";

// Runs @p call and waits for its answer; a missing, synchronous or repeated answer is an error
// of kind Other saying so.
template <typename T> Result<T> await(const std::function<void(Reply<T>)> &call)
{
    QObject context;
    std::optional<Result<T>> result;
    int calls = 0;
    call(Reply<T>(&context, [&](const Result<T> &r) {
        result = r;
        ++calls;
    }));
    if (calls != 0)
        return Error{Error::Kind::Other, QStringLiteral("answered inside the call")};
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < 20000)
        QTest::qWait(10);
    QTest::qWait(20);
    if (!result)
        return Error{Error::Kind::Other, QStringLiteral("no answer within 20 s")};
    if (calls > 1)
        return Error{Error::Kind::Other, QStringLiteral("answered twice")};
    return *result;
}

// "ok", or the error's kind and message, to compare and print.
template <typename T> QString outcome(const Result<T> &r)
{
    return r.ok() ? QStringLiteral("ok")
                  : Error::kindName(r.error().kind) + QStringLiteral(": ") + r.error().message;
}

template <typename T> bool failedAs(const Result<T> &r, Error::Kind kind)
{
    return !r.ok() && r.error().kind == kind;
}

// The child: one write with whatever D-Bus the environment gives, the outcome on stdout.
int childWrite()
{
    KeychainSecretStore store;
    const auto result = await<void>([&](Reply<void> reply) {
        store.write(qEnvironmentVariable(kChildWrite), qEnvironmentVariable(kChildSecret),
                    std::move(reply));
    });
    QTextStream out(stdout);
    if (result.ok())
        out << "ok\n";
    else
        out << Error::kindName(result.error().kind) << '\n' << result.error().message << '\n';
    return 0;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

    KeychainSecretStore m_store;
    QString m_service;
    QStringList m_written;

    QString reference(const QString &account)
    {
        const QString ref = QStringLiteral("keychain:%1/%2").arg(m_service, account);
        if (!m_written.contains(ref))
            m_written << ref;
        return ref;
    }
    Result<QString> read(const QString &ref)
    {
        return await<QString>([&](Reply<QString> reply) { m_store.read(ref, std::move(reply)); });
    }
    Result<void> write(const QString &ref, const QString &secret)
    {
        return await<void>(
            [&](Reply<void> reply) { m_store.write(ref, secret, std::move(reply)); });
    }
    Result<void> remove(const QString &ref)
    {
        return await<void>([&](Reply<void> reply) { m_store.remove(ref, std::move(reply)); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("OPTIMIST_TEST_KEYRING") != QLatin1String("1")) {
            if (qEnvironmentVariableIsSet("OPTIMIST_REQUIRE_SERVICES"))
                QFAIL("OPTIMIST_TEST_KEYRING is not set: ./scripts/test runs the suite with a "
                      "keyring of its own");
            QSKIP("needs the test keyring (gnome-keyring in a private D-Bus session): run "
                  "./scripts/test");
        }
        m_service = QStringLiteral("optimist-test-%1")
                        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    void cleanupTestCase()
    {
        for (const QString &ref : std::as_const(m_written))
            remove(ref);
    }

    void writeReadOverwriteRemove()
    {
        const QString ref = reference(QStringLiteral("redis.internal"));
        const QString first = QStringLiteral("first-%1").arg(QUuid::createUuid().toString());
        const QString second = QStringLiteral("second ✓ %1").arg(QUuid::createUuid().toString());

        auto written = write(ref, first);
        QCOMPARE(outcome(written), QStringLiteral("ok"));
        auto got = read(ref);
        QCOMPARE(outcome(got), QStringLiteral("ok"));
        QCOMPARE(got.value(), first);

        written = write(ref, second);
        QCOMPARE(outcome(written), QStringLiteral("ok"));
        got = read(ref);
        QCOMPARE(outcome(got), QStringLiteral("ok"));
        QCOMPARE(got.value(), second);

        auto removed = remove(ref);
        QCOMPARE(outcome(removed), QStringLiteral("ok"));
        got = read(ref);
        QVERIFY2(failedAs(got, Error::Kind::NotFound), qPrintable(outcome(got)));
        QVERIFY2(got.error().message.contains(ref), qPrintable(got.error().message));
        QVERIFY(!got.error().message.contains(second));

        // Removing again is no error.
        removed = remove(ref);
        QCOMPARE(outcome(removed), QStringLiteral("ok"));
    }

    void accountsAreSeparate()
    {
        const QString a = reference(QStringLiteral("a/with/slashes"));
        const QString b = reference(QStringLiteral("b"));
        QCOMPARE(outcome(write(a, QStringLiteral("secret-a"))), QStringLiteral("ok"));
        QCOMPARE(outcome(write(b, QStringLiteral("secret-b"))), QStringLiteral("ok"));
        auto got = read(a);
        QVERIFY2(got.ok() && got.value() == QLatin1String("secret-a"), qPrintable(outcome(got)));
        QCOMPARE(outcome(remove(a)), QStringLiteral("ok"));
        got = read(a);
        QVERIFY2(failedAs(got, Error::Kind::NotFound), qPrintable(outcome(got)));
        got = read(b);
        QVERIFY2(got.ok() && got.value() == QLatin1String("secret-b"), qPrintable(outcome(got)));
        QCOMPARE(outcome(remove(b)), QStringLiteral("ok"));
    }

    void readMissing()
    {
        const QString ref = reference(QStringLiteral("never-written"));
        const auto got = read(ref);
        QVERIFY2(failedAs(got, Error::Kind::NotFound), qPrintable(outcome(got)));
        QVERIFY2(got.error().message.contains(ref), qPrintable(got.error().message));
    }

    void invalidReference_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::newRow("empty") << QString();
        QTest::newRow("no prefix") << QStringLiteral("optimist/redis");
        QTest::newRow("prefix only") << QStringLiteral("keychain:");
        QTest::newRow("no account") << QStringLiteral("keychain:optimist");
        QTest::newRow("empty account") << QStringLiteral("keychain:optimist/");
        QTest::newRow("empty service") << QStringLiteral("keychain:/redis");
        QTest::newRow("blank in service") << QStringLiteral("keychain:opti mist/redis");
    }

    void invalidReference()
    {
        QFETCH(QString, reference);
        const auto got = read(reference);
        QVERIFY2(failedAs(got, Error::Kind::Invalid), qPrintable(outcome(got)));
        QVERIFY2(got.error().message.contains(QLatin1String("keychain:SERVICE/ACCOUNT")),
                 qPrintable(got.error().message));
        const auto written = write(reference, QStringLiteral("x"));
        QVERIFY2(failedAs(written, Error::Kind::Invalid), qPrintable(outcome(written)));
        const auto removed = remove(reference);
        QVERIFY2(failedAs(removed, Error::Kind::Invalid), qPrintable(outcome(removed)));
    }

    void parseReference()
    {
        const auto parts = KeychainSecretStore::parseReference(
            QStringLiteral("keychain:optimist/registry.example.com/team"));
        QVERIFY(parts.ok());
        QCOMPARE(parts.value().service, QStringLiteral("optimist"));
        QCOMPARE(parts.value().account, QStringLiteral("registry.example.com/team"));
    }

    // A write with no Secret Service on the bus fails as Unreachable, says so, and leaves the
    // secret nowhere: not in the real keychain, not in any file under the child's home.
    void withoutSecretServiceNothingIsStored()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString ref = reference(QStringLiteral("no-keychain"));
        const QString secret = QStringLiteral("plain-%1").arg(QUuid::createUuid().toString());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildWrite), ref);
        env.insert(QString::fromLatin1(kChildSecret), secret);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=%1/no-bus").arg(home.path()));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DISPLAY"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        const QStringList lines = QString::fromUtf8(child.readAllStandardOutput())
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty(), child.readAllStandardError().constData());
        QCOMPARE(lines.first(), Error::kindName(Error::Kind::Unreachable));
        const QString message = lines.mid(1).join(QLatin1Char('\n'));
        QVERIFY2(message.contains(QLatin1String("No keychain is available")), qPrintable(message));
        QVERIFY2(message.contains(ref), qPrintable(message));
        QVERIFY(!message.contains(secret));

        const auto got = read(ref);
        QVERIFY2(failedAs(got, Error::Kind::NotFound), qPrintable(outcome(got)));
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildWrite))
        return childWrite();
    TestKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
