// The "New rollout" dialog as a release manager fills it in: a wrong step list is named next to
// the field and the start button stays disabled; a valid form gives exactly the request typed.

#include "rollout/NewRolloutDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace optimist;

namespace {

const QStringList kApps = {QStringLiteral("portal"), QStringLiteral("shop")};

template <typename T> T *find(QWidget &dialog, const char *name)
{
    T *widget = dialog.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

/// Replaces the text of a line edit or spin box by typing, as a user does.
void type(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

/// Picks the item whose text starts with @p text, with the keyboard.
void choose(QComboBox *combo, const QString &text)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && !combo->currentText().startsWith(text); ++i)
        QTest::keyClick(combo, Qt::Key_Down);
}

} // namespace

class TestNewRolloutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void defaultsAreTheEnginesPlan()
    {
        NewRolloutDialog dialog(kApps);
        QCOMPARE(find<QComboBox>(dialog, "presetCombo")->currentText(),
                 QStringLiteral("Standard (10, 25, 50, 75, 100)"));
        QCOMPARE(find<QLineEdit>(dialog, "stepsEdit")->text(),
                 QStringLiteral("10, 25, 50, 75, 100"));
        QCOMPARE(find<QSpinBox>(dialog, "initialTrafficSpin")->value(), 10);
        // No version yet: that is the only problem, and the start button waits for it.
        QVERIFY(!dialog.isValid());
        QVERIFY(!find<QPushButton>(dialog, "startButton")->isEnabled());
        QVERIFY(!find<QLabel>(dialog, "versionProblem")->isHidden());
        QVERIFY(find<QLabel>(dialog, "stepsProblem")->isHidden());
        type(find<QLineEdit>(dialog, "versionEdit"), QStringLiteral("2.0"));
        QVERIFY(dialog.isValid());
        QVERIFY(find<QPushButton>(dialog, "startButton")->isEnabled());
        QVERIFY(find<QLabel>(dialog, "versionProblem")->isHidden());
    }

    void invalidStepsAreNamed_data()
    {
        QTest::addColumn<QString>("steps");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not increasing") << QStringLiteral("10, 25, 20, 100")
                                        << QStringLiteral("step 3 (20%) is not above step 2 (25%)");
        QTest::newRow("not ending at 100")
            << QStringLiteral("10, 50") << QStringLiteral("the last step is 50%");
        QTest::newRow("above 100") << QStringLiteral("10 150") << QStringLiteral("step 2 is 150%");
        QTest::newRow("not a number")
            << QStringLiteral("10, ten, 100") << QStringLiteral("“ten” is not a whole percentage");
        QTest::newRow("empty") << QString() << QStringLiteral("the plan has no steps");
    }
    void invalidStepsAreNamed()
    {
        QFETCH(QString, steps);
        QFETCH(QString, problem);
        NewRolloutDialog dialog(kApps);
        type(find<QLineEdit>(dialog, "versionEdit"), QStringLiteral("2.0"));
        QVERIFY(dialog.isValid());
        QSignalSpy validity(&dialog, &NewRolloutDialog::validityChanged);

        type(find<QLineEdit>(dialog, "stepsEdit"), steps);
        auto *start = find<QPushButton>(dialog, "startButton");
        auto *stepsProblem = find<QLabel>(dialog, "stepsProblem");
        QVERIFY(!start->isEnabled());
        QVERIFY(!dialog.isValid());
        QVERIFY(!stepsProblem->isHidden());
        QVERIFY2(stepsProblem->text().contains(problem), qPrintable(stepsProblem->text()));
        QVERIFY(!validity.isEmpty());
        QCOMPARE(validity.last().first().toBool(), false);
        QCOMPARE(find<QComboBox>(dialog, "presetCombo")->currentText(), QStringLiteral("Custom"));
        // Pressing Enter does not start anything.
        QTest::keyClick(find<QLineEdit>(dialog, "stepsEdit"), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        // A preset repairs it.
        choose(find<QComboBox>(dialog, "presetCombo"), QStringLiteral("Quick"));
        QCOMPARE(find<QLineEdit>(dialog, "stepsEdit")->text(), QStringLiteral("25, 50, 100"));
        QCOMPARE(find<QSpinBox>(dialog, "initialTrafficSpin")->value(), 25);
        QVERIFY(stepsProblem->isHidden());
        QVERIFY(start->isEnabled());
    }

    void badVersionIsNamed()
    {
        NewRolloutDialog dialog(kApps);
        type(find<QLineEdit>(dialog, "versionEdit"), QStringLiteral("-2.0 beta"));
        QVERIFY(!find<QPushButton>(dialog, "startButton")->isEnabled());
        QVERIFY2(find<QLabel>(dialog, "versionProblem")
                     ->text()
                     .contains(QStringLiteral("not an image tag")),
                 qPrintable(find<QLabel>(dialog, "versionProblem")->text()));
    }

    void noApplicationNoStart()
    {
        NewRolloutDialog dialog({});
        type(find<QLineEdit>(dialog, "versionEdit"), QStringLiteral("2.0"));
        QVERIFY(!dialog.isValid());
        QVERIFY(!find<QLabel>(dialog, "applicationProblem")->isHidden());
    }

    void initialTrafficAndStepsFollowEachOther()
    {
        NewRolloutDialog dialog(kApps);
        choose(find<QComboBox>(dialog, "presetCombo"), QStringLiteral("Cautious"));
        QCOMPARE(find<QLineEdit>(dialog, "stepsEdit")->text(),
                 QStringLiteral("5, 10, 25, 50, 75, 100"));
        type(find<QSpinBox>(dialog, "initialTrafficSpin"), QStringLiteral("2"));
        QCOMPARE(find<QLineEdit>(dialog, "stepsEdit")->text(),
                 QStringLiteral("2, 10, 25, 50, 75, 100"));
        QCOMPARE(find<QComboBox>(dialog, "presetCombo")->currentText(), QStringLiteral("Custom"));
        // Typing a preset's steps selects it.
        type(find<QLineEdit>(dialog, "stepsEdit"), QStringLiteral("10 25 50 75 100"));
        QCOMPARE(find<QComboBox>(dialog, "presetCombo")->currentText(),
                 QStringLiteral("Standard (10, 25, 50, 75, 100)"));
        QCOMPARE(find<QSpinBox>(dialog, "initialTrafficSpin")->value(), 10);
    }

    void validFormGivesTheRequest()
    {
        NewRolloutDialog dialog(kApps);
        dialog.setEnvironment(QStringLiteral("production"));
        dialog.setOperatorName(QStringLiteral("alice"));
        RolloutPlan base;
        base.minRequestsPerCheck = 200; // not on the form: kept as given
        base.hookCommand = {QStringLiteral("migrate"), QStringLiteral("--up")};
        dialog.setPlan(base);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        choose(find<QComboBox>(dialog, "applicationCombo"), QStringLiteral("shop"));
        type(find<QLineEdit>(dialog, "versionEdit"), QStringLiteral("2.4.1"));
        choose(find<QComboBox>(dialog, "presetCombo"), QStringLiteral("Cautious"));
        type(find<QSpinBox>(dialog, "initialTrafficSpin"), QStringLiteral("2"));
        type(find<QSpinBox>(dialog, "checkIntervalSpin"), QStringLiteral("30"));
        type(find<QSpinBox>(dialog, "checksPerStepSpin"), QStringLiteral("2"));
        type(find<QDoubleSpinBox>(dialog, "thresholdSpin"), QStringLiteral("80"));
        type(find<QDoubleSpinBox>(dialog, "maxErrorRateSpin"), QStringLiteral("2.5"));
        type(find<QSpinBox>(dialog, "maxResponseTimeSpin"), QStringLiteral("300"));
        type(find<QDoubleSpinBox>(dialog, "maxCpuSpin"), QStringLiteral("150"));
        choose(find<QComboBox>(dialog, "latencyStatisticCombo"), QStringLiteral("Mean"));
        type(find<QSpinBox>(dialog, "rollbackWindowSpin"), QStringLiteral("15"));
        QTest::mouseClick(find<QCheckBox>(dialog, "dryRunCheck"), Qt::LeftButton);
        QVERIFY(dialog.isValid());
        auto *start = find<QPushButton>(dialog, "startButton");
        QCOMPARE(start->text(), QStringLiteral("Start dry r&un"));

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(start, Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);

        const RolloutRequest request = dialog.request();
        QCOMPARE(request.app, QStringLiteral("shop"));
        QCOMPARE(request.environment, QStringLiteral("production"));
        QCOMPARE(request.version, QStringLiteral("2.4.1"));
        QCOMPARE(request.operatorName, QStringLiteral("alice"));
        const RolloutPlan &plan = request.plan;
        QCOMPARE(plan.steps, QList<int>({2, 10, 25, 50, 75, 100}));
        QCOMPARE(plan.checkIntervalSec, 30);
        QCOMPARE(plan.checksPerStep, 2);
        QCOMPARE(plan.threshold, 80.0);
        QCOMPARE(plan.maxErrorRatePct, 2.5);
        QCOMPARE(plan.maxResponseTimeMs, 300.0);
        QCOMPARE(plan.maxCpuPct, 150.0);
        QCOMPARE(plan.latencyStatistic, LatencyStatistic::Mean);
        QCOMPARE(plan.rollbackWindowSec, 15 * 60);
        QCOMPARE(plan.dryRun, true);
        QCOMPARE(plan.force, false);
        QCOMPARE(plan.minRequestsPerCheck, 200);
        QCOMPARE(plan.hookCommand, base.hookCommand);
        QVERIFY(plan.validate().isEmpty());
    }

    void everyFieldHasAMnemonic()
    {
        NewRolloutDialog dialog(kApps);
        QSet<QChar> mnemonics;
        auto mnemonic = [](const QString &text) {
            const qsizetype at = text.indexOf(QLatin1Char('&'));
            return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
        };
        QHash<QWidget *, QChar> buddies;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->buddy())
                continue;
            const QChar key = mnemonic(label->text());
            QVERIFY2(!key.isNull(), qPrintable(label->text()));
            QVERIFY2(!mnemonics.contains(key), qPrintable(label->text()));
            mnemonics.insert(key);
            buddies.insert(label->buddy(), key);
        }
        for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
            const QChar key = mnemonic(button->text());
            if (key.isNull())
                continue;
            QVERIFY2(!mnemonics.contains(key), qPrintable(button->text()));
            mnemonics.insert(key);
        }
        for (const char *name :
             {"applicationCombo", "versionEdit", "presetCombo", "stepsEdit", "initialTrafficSpin",
              "checkIntervalSpin", "checksPerStepSpin", "thresholdSpin", "maxErrorRateSpin",
              "maxResponseTimeSpin", "maxCpuSpin", "latencyStatisticCombo", "rollbackWindowSpin"}) {
            QWidget *field = find<QWidget>(dialog, name);
            QVERIFY2(buddies.contains(field), name);
        }
        QVERIFY(!mnemonic(find<QCheckBox>(dialog, "forceCheck")->text()).isNull());
        QVERIFY(!mnemonic(find<QCheckBox>(dialog, "dryRunCheck")->text()).isNull());

        // Alt+S goes to the steps.
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), find<QWidget>(dialog, "stepsEdit"));
    }
};

QTEST_MAIN(TestNewRolloutDialog)
#include "tst_newrolloutdialog.moc"
