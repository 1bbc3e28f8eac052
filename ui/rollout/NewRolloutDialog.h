#pragma once

#include "rollout/RolloutRequest.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace optimist {

/// "New rollout": the application, the version and the plan, validated as the user types with
/// the engine's own plan validation; each problem is shown under its field and the start button
/// stays disabled while there is one. The result is a RolloutRequest; the dialog starts nothing.
///
/// Every input has an objectName (applicationCombo, versionEdit, presetCombo, stepsEdit,
/// initialTrafficSpin, checkIntervalSpin, checksPerStepSpin, thresholdSpin, maxErrorRateSpin,
/// maxResponseTimeSpin, maxCpuSpin, latencyStatisticCombo, rollbackWindowSpin, forceCheck,
/// dryRunCheck), each problem label the field's name with "Problem" (versionProblem,
/// stepsProblem, …; planProblem for the rest), the start button "startButton".
class NewRolloutDialog : public QDialog
{
    Q_OBJECT
public:
    /// A named list of steps the user picks instead of typing them.
    struct Preset
    {
        QString name;
        QList<int> steps;
    };

    /// @p applications: what can be rolled out in the environment, in the combo's order.
    explicit NewRolloutDialog(const QStringList &applications, QWidget *parent = nullptr);
    ~NewRolloutDialog() override;

    /// Standard (10, 25, 50, 75, 100, the engine's default), cautious and quick.
    static QList<Preset> presets();

    void setEnvironment(const QString &environment);
    /// Who starts the rollout (the OS user by default).
    void setOperatorName(const QString &name);
    void setApplication(const QString &application);
    void setVersion(const QString &version);
    /// Fills the form from @p plan (an environment's defaults, a scenario's plan); what the form
    /// does not show (coefficients, margins, hook, timeouts) is taken from it unchanged.
    void setPlan(const RolloutPlan &plan);

    bool isValid() const { return m_valid; }
    /// What the form asks for; meaningful while isValid().
    RolloutRequest request() const;

Q_SIGNALS:
    void validityChanged(bool valid);

public Q_SLOTS:
    void accept() override;

private:
    QLabel *addField(QFormLayout *form, const QString &label, QWidget *field,
                     const QString &problemName);
    /// The steps typed, or the reason they cannot be read.
    std::optional<QList<int>> parseSteps(QString *problem) const;
    RolloutPlan formPlan(const QList<int> &steps) const;
    void stepsEdited();
    void presetChosen(int index);
    void initialTrafficChanged(int percent);
    void selectMatchingPreset(const QList<int> &steps);
    void validate();
    void showProblem(QLabel *label, const QString &problem);
    void growToFit();

    QString m_environment;
    QString m_operatorName;
    RolloutPlan m_basePlan;
    bool m_valid = false;
    bool m_syncing = false; ///< filling fields from each other: no feedback loop

    QComboBox *m_application = nullptr;
    QLineEdit *m_version = nullptr;
    QComboBox *m_preset = nullptr;
    QLineEdit *m_steps = nullptr;
    QSpinBox *m_initialTraffic = nullptr;
    QSpinBox *m_checkInterval = nullptr;
    QSpinBox *m_checksPerStep = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QDoubleSpinBox *m_maxErrorRate = nullptr;
    QSpinBox *m_maxResponseTime = nullptr;
    QDoubleSpinBox *m_maxCpu = nullptr;
    QComboBox *m_latencyStatistic = nullptr;
    QSpinBox *m_rollbackWindow = nullptr;
    QCheckBox *m_force = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_start = nullptr;

    QLabel *m_applicationProblem = nullptr;
    QLabel *m_versionProblem = nullptr;
    QLabel *m_planProblem = nullptr;
    /// Plan field name (as PlanIssue::field names it) → the label under its input.
    QHash<QString, QLabel *> m_fieldProblems;
};

} // namespace optimist
