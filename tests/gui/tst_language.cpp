// The window's language, chosen as the program chooses it: the command line is parsed by
// GuiArguments and the application composed by GuiApplication, whose translation comes from the
// .qm built into the program (and Qt's own, for its standard buttons). --lang de gives German
// menus, actions and buttons, an unknown language is a command-line error (exit code 2) rather
// than a silently English window, and without --lang the locale decides.

#include "GuiApplication.h"
#include "GuiArguments.h"

#include "main/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace optimist;

class TestLanguage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    GuiArguments parse(QStringList arguments) const
    {
        arguments.prepend(QStringLiteral("optimist"));
        arguments << QStringLiteral("--data-dir") << m_dir->filePath(QStringLiteral("data"))
                  << QStringLiteral("--config-dir") << m_dir->filePath(QStringLiteral("config"));
        return GuiArguments::parse(arguments);
    }

    /// What a user reads first: the menus, the toolbar's actions, the tabs and the status bar.
    static QStringList windowTexts(MainWindow *window)
    {
        QStringList texts;
        for (QAction *menu : window->menuBar()->actions())
            texts << menu->text();
        for (const char *name : {"newRollout", "oneClickRollback", "settings", "quit"})
            texts << window->findChild<QAction *>(QString::fromLatin1(name))->text();
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("centreTabs"));
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
        texts << window->findChild<QLabel *>(QStringLiteral("activeRolloutLabel"))->text();
        return texts;
    }

    static QStringList german()
    {
        return {QStringLiteral("&Datei"),         QStringLiteral("&Rollout"),
                QStringLiteral("&Hilfe"),         QStringLiteral("&Neuer Rollout…"),
                QStringLiteral("&Zurückrollen…"), QStringLiteral("&Einstellungen…"),
                QStringLiteral("&Beenden"),       QStringLiteral("&Live-Rollout"),
                QStringLiteral("&Verlauf"),       QStringLiteral("Kein Rollout aktiv"),
                QStringLiteral("Abbrechen"),      QStringLiteral("&Ja")};
    }

    static QStringList english()
    {
        return {QStringLiteral("&File"),       QStringLiteral("&Rollout"),
                QStringLiteral("&Help"),       QStringLiteral("&New rollout…"),
                QStringLiteral("&Roll back…"), QStringLiteral("&Settings…"),
                QStringLiteral("&Quit"),       QStringLiteral("&Live rollout"),
                QStringLiteral("&History"),    QStringLiteral("No rollout running"),
                QStringLiteral("Cancel"),      QStringLiteral("&Yes")};
    }

    /// The window GuiApplication composes and starts (on the sandbox) for @p arguments.
    QStringList textsFor(const QStringList &arguments)
    {
        const GuiArguments args = parse(arguments);
        if (!args.error.isEmpty())
            return {args.error};
        GuiApplication gui(args);
        gui.start();
        QStringList texts = windowTexts(gui.window());
        // Qt's own words, as on every confirmation the program asks: its standard buttons.
        QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Yes);
        texts << buttons.button(QDialogButtonBox::Cancel)->text()
              << buttons.button(QDialogButtonBox::Yes)->text();
        return texts;
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
        QLocale::setDefault(QLocale::system());
        m_dir.reset();
    }

    void theProgramOffersGermanAndEnglish()
    {
        QCOMPARE(GuiArguments::languages(),
                 QStringList({QStringLiteral("de"), QStringLiteral("en")}));
    }

    void langDeGivesAGermanWindow()
    {
        QCOMPARE(
            textsFor({QStringLiteral("--sandbox"), QStringLiteral("--lang"), QStringLiteral("de")}),
            german());
        // The translation goes with the application: the next window is English again.
        QCOMPARE(textsFor({QStringLiteral("--sandbox")}), english());
    }

    void anUnknownLanguageIsAnError()
    {
        const GuiArguments args = parse({QStringLiteral("--lang"), QStringLiteral("fr")});
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QCOMPARE(args.exitEarly(outStream, errStream), std::optional<int>(2));
        QVERIFY(out.isEmpty());
        QCOMPARE(err, QStringLiteral("optimist: --lang: \"fr\" is not offered; choose one of de, "
                                     "en\n"));
        // An empty value is no language either.
        QVERIFY(!parse({QStringLiteral("--lang"), QString()}).error.isEmpty());
        // A language that is offered starts the application.
        QCOMPARE(
            parse({QStringLiteral("--lang"), QStringLiteral("de")}).exitEarly(outStream, errStream),
            std::nullopt);
    }

    void withoutLangTheLocaleChooses()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(textsFor({QStringLiteral("--sandbox")}), german());
        // --lang en overrides a German locale.
        QCOMPARE(
            textsFor({QStringLiteral("--sandbox"), QStringLiteral("--lang"), QStringLiteral("en")}),
            english());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(textsFor({QStringLiteral("--sandbox")}), english());
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
