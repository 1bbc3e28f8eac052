// The words the GUI shows for engine values: every state has its own, durations read as a
// person writes them.

#include "common/DisplayText.h"

#include <QSet>
#include <QTest>

using namespace optimist;

class TestDisplayText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStateHasItsOwnName()
    {
        QSet<QString> names;
        for (int s = int(RolloutState::Idle); s <= int(RolloutState::Failed); ++s) {
            const QString name = DisplayText::state(RolloutState(s));
            QVERIFY2(!name.isEmpty(), qPrintable(stateName(RolloutState(s))));
            names.insert(name);
        }
        QCOMPARE(names.size(), int(RolloutState::Failed) + 1);
    }

    void outcomesOfTheHistory()
    {
        QCOMPARE(DisplayText::outcome(outcomeName(RolloutState::Succeeded)),
                 QStringLiteral("Succeeded"));
        QCOMPARE(DisplayText::outcome(outcomeName(RolloutState::RolledBack)),
                 QStringLiteral("Rolled back"));
        QCOMPARE(DisplayText::outcome(outcomeName(RolloutState::Failed)), QStringLiteral("Failed"));
        QCOMPARE(DisplayText::outcome(QString()), QStringLiteral("Unfinished"));
    }

    void durations_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("negative clamps") << qint64(-5) << QStringLiteral("0 s");
        QTest::newRow("seconds") << qint64(45) << QStringLiteral("45 s");
        QTest::newRow("whole minutes") << qint64(120) << QStringLiteral("2 min");
        QTest::newRow("minutes and seconds") << qint64(252) << QStringLiteral("4 min 12 s");
        QTest::newRow("whole hours") << qint64(7200) << QStringLiteral("2 h");
        QTest::newRow("hours and minutes") << qint64(7530) << QStringLiteral("2 h 5 min");
    }
    void durations()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(DisplayText::duration(seconds), text);
    }

    void splitNamesBothColors()
    {
        QCOMPARE(DisplayText::split(90, 10), QStringLiteral("blue 90 % · green 10 %"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
