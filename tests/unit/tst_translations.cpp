// The German catalogue: every message translated, finished, and carrying the placeholders of
// its source, so that QString::arg() fills the same values in German as in English.

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kTsFile = QStringLiteral(OPTIMIST_SOURCE_DIR "/translations/optimist_de.ts");

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString translationType;  ///< "unfinished", "vanished", "obsolete"; empty when finished
    QStringList translations; ///< one entry, or one per numerus form
    qint64 line = 0;
};

struct Catalogue
{
    QString language;
    QList<Message> messages;
    QString error;
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue cat;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        cat.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return cat;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                cat.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                message = Message();
                message.context = context;
                message.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                message.line = xml.lineNumber();
            } else if (name == QLatin1String("source") && inMessage) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                message.translationType = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform") && inMessage) {
                message.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            cat.messages << message;
            inMessage = false;
        }
    }
    if (xml.hasError())
        cat.error =
            QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return cat;
}

/// The arguments QString::arg() fills: %1…%99 (also as %L1), and %n in a numerus message.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression kPlaceholder(QStringLiteral("%L?([1-9][0-9]?|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : kPlaceholder.globalMatch(text))
        found.insert(QLatin1Char('%') + m.captured(1));
    return found;
}

QString sorted(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(QLatin1Char(' '));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void isGerman();
    void message_data();
    void message();
    void cliSpeaksTheCatalogue_data();
    void cliSpeaksTheCatalogue();

private:
    Catalogue m_catalogue;
};

void TestTranslations::initTestCase()
{
    m_catalogue = readCatalogue(kTsFile);
    QVERIFY2(m_catalogue.error.isEmpty(), qPrintable(m_catalogue.error));
    QVERIFY2(!m_catalogue.messages.isEmpty(), "the catalogue holds no messages");
}

void TestTranslations::isGerman()
{
    QCOMPARE(m_catalogue.language, QStringLiteral("de_DE"));
}

void TestTranslations::message_data()
{
    QTest::addColumn<Message>("message");
    for (const Message &m : std::as_const(m_catalogue.messages))
        QTest::addRow("line %lld %s: %s", m.line, qPrintable(m.context),
                      qPrintable(m.source.left(50).replace(QLatin1Char('\n'), QLatin1Char(' '))))
            << m;
}

void TestTranslations::message()
{
    QFETCH(Message, message);
    QVERIFY2(
        message.translationType.isEmpty(),
        qPrintable(QStringLiteral("the translation is marked %1").arg(message.translationType)));
    // German has a singular and a plural form.
    QCOMPARE(message.translations.size(), message.numerus ? 2 : 1);
    const QSet<QString> expected = placeholders(message.source);
    for (const QString &translation : std::as_const(message.translations)) {
        QVERIFY2(!translation.trimmed().isEmpty(), "the translation is empty");
        QCOMPARE(sorted(placeholders(translation)), sorted(expected));
        QVERIFY2(!translation.contains(QLatin1String("...")),
                 "the translation writes \"...\" where \"…\" is meant");
    }
}

void TestTranslations::cliSpeaksTheCatalogue_data()
{
    // The user's check: `optimist-cli --help` speaks German under a German locale, English
    // otherwise. The expected texts come from the catalogue, so the test follows its edits.
    QString source, german;
    for (const Message &m : std::as_const(m_catalogue.messages))
        if (m.context == QLatin1String("CliArguments") &&
            m.source.startsWith(QLatin1String("Usage: optimist-cli"))) {
            source = m.source;
            german = m.translations.value(0);
        }
    QVERIFY2(!source.isEmpty(), "the catalogue has no CliArguments usage text");

    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de_DE") << QStringLiteral("de_DE.UTF-8") << german;
    QTest::newRow("C") << QStringLiteral("C.UTF-8") << source;
}

void TestTranslations::cliSpeaksTheCatalogue()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    const QString cli = QStringLiteral(OPTIMIST_CLI);
    if (!QFile::exists(cli))
        QSKIP("optimist-cli is not built");

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), locale);
    env.insert(QStringLiteral("LC_ALL"), locale);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(cli, {QStringLiteral("--help")});
    QVERIFY(finished.wait(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), expected);
}

QTEST_GUILESS_MAIN(TestTranslations)

#include "tst_translations.moc"
