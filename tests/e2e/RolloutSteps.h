#pragma once

// The weight steps of one rollout as its journal shows them — from optimist-cli's --json lines or
// from the engine's JournalEvents in the desktop application — and what the users of the load
// generator must have seen during them, so the CLI and the GUI end-to-end tests assert the same.

#include "rollout/JournalEvent.h"

#include "LoadRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTest>

#include <cmath>

namespace optimist::test {

class RolloutSteps
{
public:
    /// A weight write the router confirmed in force.
    struct Confirmed
    {
        QDateTime at;
        int blue = 0;
        int green = 0;
    };

    QList<Confirmed> confirmed;
    QList<QDateTime> writes;     ///< each weight write (before the router confirmed it)
    QList<QDateTime> removals;   ///< each service removal
    QStringList removedServices; ///< in the same order
    qint64 endedAtMs = 0;        ///< when the rollout was seen to end

    /// Takes one journal line: its time and structured data (data.op says what it was).
    void add(const QDateTime &at, const QJsonObject &data)
    {
        const QString op = data.value(QStringLiteral("op")).toString();
        if (op == QStringLiteral("confirmed")) {
            confirmed << Confirmed{at, data.value(QStringLiteral("blue")).toInt(),
                                   data.value(QStringLiteral("green")).toInt()};
        } else if (op == QStringLiteral("weights")) {
            writes << at;
        } else if (op == QStringLiteral("remove")) {
            removals << at;
            removedServices << data.value(QStringLiteral("service")).toString();
        }
    }

    static RolloutSteps fromJournal(const QList<JournalEvent> &events, qint64 endedAtMs)
    {
        RolloutSteps steps;
        for (const JournalEvent &e : events)
            steps.add(e.at, e.data);
        steps.endedAtMs = endedAtMs;
        return steps;
    }

    QList<int> greenWeights() const
    {
        QList<int> out;
        for (const Confirmed &c : confirmed)
            out << c.green;
        return out;
    }

    /// The load record second by second, for failure messages.
    static QString versionsOf(const loadgen::LoadRecord &record)
    {
        QStringList lines;
        for (const loadgen::LoadSecond &s : record.seconds())
            lines << QStringLiteral("%1 %2").arg(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC)
                                                     .toString(QStringLiteral("HH:mm:ss")),
                                                 s.describe());
        return lines.join(QLatin1Char('\n'));
    }

    /// What a successful blue (@p oldVersion) → green (@p newVersion) rollout through 10, 25,
    /// 50, 75, 100 must show: each confirmed weight's share of @p newVersion within 5 points
    /// (observed from one second after its confirmation until the next write, the last until
    /// blue's removal began), blue (@p blueService) removed only once at 0 and drained, and no
    /// failed request and no lost connection over the whole run. QTest-verifies; check
    /// QTest::currentTestFailed() afterwards.
    void verifyStepByStep(const loadgen::LoadRecord &record, const QString &blueService,
                          const QString &oldVersion, const QString &newVersion) const
    {
        QCOMPARE(greenWeights(), (QList<int>{10, 25, 50, 75, 100}));
        QCOMPARE(writes.size(), 5);
        QCOMPARE(removals.size(), 1);
        QCOMPARE(removedServices.first(), blueService);
        for (qsizetype i = 0; i < confirmed.size(); ++i) {
            const QDateTime from = confirmed.at(i).at.addSecs(1);
            const QDateTime to = i + 1 < writes.size() ? writes.at(i + 1) : removals.first();
            const loadgen::LoadSecond step = record.within(from, to);
            const double share = step.sharePct(newVersion);
            const int weight = confirmed.at(i).green;
            qInfo("step %lld at %d%%: %s served %.1f%% of %d answers (%s – %s)", i + 1, weight,
                  qPrintable(newVersion), share, step.answered(),
                  qPrintable(from.toString(QStringLiteral("HH:mm:ss.zzz"))),
                  qPrintable(to.toString(QStringLiteral("HH:mm:ss.zzz"))));
            QVERIFY2(step.answered() >= 100, qPrintable(step.describe()));
            QVERIFY2(std::abs(share - weight) <= 5.0, qPrintable(step.describe()));
        }

        // Blue was removed only once its weight was 0 in force, and it had drained: no request
        // sent after that confirmation (plus the second it takes to be sure) reached it.
        const QDateTime blueAtZero = confirmed.last().at;
        QCOMPARE(confirmed.last().blue, 0);
        QVERIFY(blueAtZero < removals.first());
        const loadgen::LoadSecond afterZero = record.within(
            blueAtZero.addSecs(1), QDateTime::fromMSecsSinceEpoch(endedAtMs + 60000, Qt::UTC));
        QVERIFY2(afterZero.version(oldVersion) == 0, qPrintable(afterZero.describe()));

        // The users over the whole run: no error, no lost connection.
        qInfo("load over the rollout: %s", qPrintable(record.totals().describe()));
        QVERIFY2(record.totals().failed() == 0, qPrintable(versionsOf(record)));
        QCOMPARE(record.totals().connectionErrors(), 0);
    }
};

} // namespace optimist::test
