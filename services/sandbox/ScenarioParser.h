#pragma once

#include "Scenario.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace optimist {

/// Reads the scenario JSON format strictly: every problem is reported with the file name and
/// either the JSON line:column or the field path ("canary.latencyMs must be …"); unknown fields
/// are errors, so a typo never silently falls back to a default.
class ScenarioParser
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioParser)

public:
    explicit ScenarioParser(QString origin);

    Result<Scenario> parse(const QByteArray &json);

private:
    enum class Bound { NonNegative, Positive, Percent, Relative };

    void problem(const QString &message);
    void checkKeys(const QJsonObject &object, const QString &path,
                   std::initializer_list<const char *> known);
    std::optional<QJsonObject> object(const QJsonObject &parent, const char *key,
                                      const QString &path);
    std::optional<double> number(const QJsonObject &parent, const char *key, const QString &path,
                                 Bound bound, bool required = false);
    std::optional<qint64> whole(const QJsonObject &parent, const char *key, const QString &path,
                                qint64 minimum, qint64 maximum);
    std::optional<QString> string(const QJsonObject &parent, const char *key, const QString &path,
                                  bool allowEmpty);
    std::optional<bool> boolean(const QJsonObject &parent, const char *key, const QString &path);

    void readPlan(const QJsonObject &root, Scenario &scenario);
    void readBaseline(const QJsonObject &root, Scenario &scenario);
    void readCanary(const QJsonObject &root, Scenario &scenario);
    void readChanges(const QJsonObject &root, Scenario &scenario);
    Scenario::Adjustment readAdjustment(const QJsonObject &change, const char *key,
                                        const QString &path, bool withRps);
    void readNoise(const QJsonObject &root, Scenario &scenario);
    void readHook(const QJsonObject &root, Scenario &scenario);
    void readRouter(const QJsonObject &root, Scenario &scenario);

    static QString join(const QString &path, const char *key);
    static QString describe(const QJsonValue &value);

    QString m_origin;
    QStringList m_problems;
};

} // namespace optimist
