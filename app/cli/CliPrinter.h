#pragma once

#include "analysis/CheckResult.h"
#include "rollout/Decision.h"
#include "rollout/JournalEvent.h"
#include "rollout/OperatorAction.h"
#include "rollout/RolloutRecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

namespace optimist {

/// Everything optimist-cli prints: human lines, or with --json one JSON object per line.
class CliPrinter
{
    Q_DECLARE_TR_FUNCTIONS(CliPrinter)

public:
    CliPrinter(bool json, FILE *out = stdout);

    bool json() const { return m_json; }
    void journal(const JournalEvent &event);
    void check(qint64 rolloutId, const CheckResult &check);
    void decision(qint64 rolloutId, const Decision &decision);
    void finished(const RolloutRecord &record);
    void line(const QString &text);
    void object(const QJsonObject &object);
    void flush() { m_out.flush(); }

    static QJsonObject recordJson(const RolloutRecord &record);
    static QJsonObject eventJson(const JournalEvent &event);
    static QJsonObject checkJson(qint64 rolloutId, const CheckResult &check);
    static QJsonObject actionJson(const OperatorAction &action);
    static QString checkLine(const CheckResult &check);
    static QString time(const QDateTime &at);
    static QString duration(double seconds);
    static QString outcomeText(const RolloutRecord &record);

private:
    bool m_json;
    QTextStream m_out;
};

} // namespace optimist
