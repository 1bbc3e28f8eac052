#include "NewRolloutDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace optimist {

namespace {

const QColor kProblemColor(0xc6, 0x28, 0x28);

/// A Docker image tag, as the registry accepts it.
const QRegularExpression &tagPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    return pattern;
}

QString stepsText(const QList<int> &steps)
{
    QStringList parts;
    for (int step : steps)
        parts << QString::number(step);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QList<NewRolloutDialog::Preset> NewRolloutDialog::presets()
{
    return {
        {tr("Standard"), RolloutPlan::defaultSteps()},
        {tr("Cautious"), {5, 10, 25, 50, 75, 100}},
        {tr("Quick"), {25, 50, 100}},
    };
}

NewRolloutDialog::NewRolloutDialog(const QStringList &applications, QWidget *parent)
    : QDialog(parent)
    , m_operatorName(qEnvironmentVariable("USER"))
{
    setObjectName(QStringLiteral("newRolloutDialog"));
    setWindowTitle(tr("New rollout"));

    // Release
    auto *release = new QGroupBox(tr("Release"), this);
    auto *releaseForm = new QFormLayout(release);
    m_application = new QComboBox(release);
    m_application->setObjectName(QStringLiteral("applicationCombo"));
    m_application->addItems(applications);
    m_applicationProblem =
        addField(releaseForm, tr("&Application:"), m_application, QStringLiteral("application"));
    m_version = new QLineEdit(release);
    m_version->setObjectName(QStringLiteral("versionEdit"));
    m_version->setPlaceholderText(tr("image tag, e.g. 2.4.1"));
    m_versionProblem = addField(releaseForm, tr("&Version:"), m_version, QStringLiteral("version"));

    // Plan
    auto *planBox = new QGroupBox(tr("Plan"), this);
    auto *planForm = new QFormLayout(planBox);
    m_preset = new QComboBox(planBox);
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    for (const Preset &preset : presets())
        m_preset->addItem(tr("%1 (%2)").arg(preset.name, stepsText(preset.steps)),
                          QVariant::fromValue(preset.steps));
    m_preset->addItem(tr("Custom"));
    addField(planForm, tr("P&lan:"), m_preset, QString());
    m_steps = new QLineEdit(planBox);
    m_steps->setObjectName(QStringLiteral("stepsEdit"));
    m_steps->setToolTip(tr("Canary weights in percent, increasing, ending at 100"));
    m_fieldProblems.insert(QStringLiteral("steps"),
                           addField(planForm, tr("&Steps (%):"), m_steps, QStringLiteral("steps")));
    m_initialTraffic = new QSpinBox(planBox);
    m_initialTraffic->setObjectName(QStringLiteral("initialTrafficSpin"));
    m_initialTraffic->setRange(1, 100);
    m_initialTraffic->setSuffix(tr(" %"));
    m_initialTraffic->setToolTip(tr("The first step's weight"));
    addField(planForm, tr("&Initial traffic:"), m_initialTraffic, QString());
    m_checkInterval = new QSpinBox(planBox);
    m_checkInterval->setObjectName(QStringLiteral("checkIntervalSpin"));
    m_checkInterval->setRange(1, 24 * 3600);
    m_checkInterval->setSuffix(tr(" s"));
    m_fieldProblems.insert(QStringLiteral("checkIntervalSec"),
                           addField(planForm, tr("Check i&nterval:"), m_checkInterval,
                                    QStringLiteral("checkInterval")));
    m_checksPerStep = new QSpinBox(planBox);
    m_checksPerStep->setObjectName(QStringLiteral("checksPerStepSpin"));
    m_checksPerStep->setRange(1, 1000);
    m_fieldProblems.insert(QStringLiteral("checksPerStep"),
                           addField(planForm, tr("Checks per st&ep:"), m_checksPerStep,
                                    QStringLiteral("checksPerStep")));

    // Judging
    auto *judging = new QGroupBox(tr("Judging"), this);
    auto *judgingForm = new QFormLayout(judging);
    m_threshold = new QDoubleSpinBox(judging);
    m_threshold->setObjectName(QStringLiteral("thresholdSpin"));
    m_threshold->setRange(0, 130);
    m_threshold->setDecimals(1);
    m_threshold->setToolTip(tr("Minimum bio-energy of the canary (0–130)"));
    m_fieldProblems.insert(QStringLiteral("threshold"),
                           addField(judgingForm, tr("Bio-energy &threshold:"), m_threshold,
                                    QStringLiteral("threshold")));
    m_maxErrorRate = new QDoubleSpinBox(judging);
    m_maxErrorRate->setObjectName(QStringLiteral("maxErrorRateSpin"));
    m_maxErrorRate->setRange(0, 100);
    m_maxErrorRate->setDecimals(2);
    m_maxErrorRate->setSuffix(tr(" %"));
    m_fieldProblems.insert(QStringLiteral("maxErrorRatePct"),
                           addField(judgingForm, tr("Max error &rate:"), m_maxErrorRate,
                                    QStringLiteral("maxErrorRate")));
    m_maxResponseTime = new QSpinBox(judging);
    m_maxResponseTime->setObjectName(QStringLiteral("maxResponseTimeSpin"));
    m_maxResponseTime->setRange(0, 600'000);
    m_maxResponseTime->setSuffix(tr(" ms"));
    m_fieldProblems.insert(QStringLiteral("maxResponseTimeMs"),
                           addField(judgingForm, tr("Max response ti&me:"), m_maxResponseTime,
                                    QStringLiteral("maxResponseTime")));
    m_maxCpu = new QDoubleSpinBox(judging);
    m_maxCpu->setObjectName(QStringLiteral("maxCpuSpin"));
    m_maxCpu->setRange(0, 10'000);
    m_maxCpu->setDecimals(1);
    m_maxCpu->setSuffix(tr(" %"));
    m_maxCpu->setToolTip(tr("CPU of the canary's tasks; above 100 % on several cores"));
    m_fieldProblems.insert(
        QStringLiteral("maxCpuPct"),
        addField(judgingForm, tr("Max &CPU:"), m_maxCpu, QStringLiteral("maxCpu")));
    m_latencyStatistic = new QComboBox(judging);
    m_latencyStatistic->setObjectName(QStringLiteral("latencyStatisticCombo"));
    m_latencyStatistic->addItem(tr("95th percentile"), int(LatencyStatistic::P95));
    m_latencyStatistic->addItem(tr("Mean"), int(LatencyStatistic::Mean));
    addField(judgingForm, tr("Latenc&y figure:"), m_latencyStatistic, QString());

    // Options
    auto *options = new QGroupBox(tr("Options"), this);
    auto *optionsForm = new QFormLayout(options);
    m_rollbackWindow = new QSpinBox(options);
    m_rollbackWindow->setObjectName(QStringLiteral("rollbackWindowSpin"));
    m_rollbackWindow->setRange(0, 7 * 24 * 60);
    m_rollbackWindow->setSuffix(tr(" min"));
    m_rollbackWindow->setSpecialValueText(tr("none"));
    m_rollbackWindow->setToolTip(
        tr("After a success the old version is kept warm this long for a one-click rollback; "
           "none removes it at once"));
    m_fieldProblems.insert(QStringLiteral("rollbackWindowSec"),
                           addField(optionsForm, tr("Roll&back window:"), m_rollbackWindow,
                                    QStringLiteral("rollbackWindow")));
    m_force = new QCheckBox(tr("&Force: emergency release, skip the gradual steps"), options);
    m_force->setObjectName(QStringLiteral("forceCheck"));
    m_force->setToolTip(tr("Deploy, wait until healthy, then 100 % at once without checks"));
    optionsForm->addRow(m_force);
    m_dryRun = new QCheckBox(tr("&Dry run: read everything, write nothing"), options);
    m_dryRun->setObjectName(QStringLiteral("dryRunCheck"));
    m_dryRun->setToolTip(tr("Every write is only described (\"would do …\") in the journal"));
    optionsForm->addRow(m_dryRun);

    m_planProblem = new QLabel(this);
    m_planProblem->setObjectName(QStringLiteral("planProblem"));
    m_planProblem->setWordWrap(true);
    m_planProblem->setTextFormat(Qt::PlainText);
    QPalette palette = m_planProblem->palette();
    palette.setColor(QPalette::WindowText, kProblemColor);
    m_planProblem->setPalette(palette);
    m_planProblem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_start = m_buttons->button(QDialogButtonBox::Ok);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setText(tr("Start rollo&ut"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewRolloutDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewRolloutDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(release);
    layout->addWidget(planBox);
    layout->addWidget(judging);
    layout->addWidget(options);
    layout->addWidget(m_planProblem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    // Wide enough that the engine's sentences under a field wrap onto a line or two.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    setPlan(RolloutPlan());

    connect(m_application, &QComboBox::currentIndexChanged, this, &NewRolloutDialog::validate);
    connect(m_version, &QLineEdit::textChanged, this, &NewRolloutDialog::validate);
    connect(m_preset, &QComboBox::activated, this, &NewRolloutDialog::presetChosen);
    connect(m_steps, &QLineEdit::textChanged, this, &NewRolloutDialog::stepsEdited);
    connect(m_initialTraffic, &QSpinBox::valueChanged, this,
            &NewRolloutDialog::initialTrafficChanged);
    for (QSpinBox *spin : {m_checkInterval, m_checksPerStep, m_maxResponseTime, m_rollbackWindow})
        connect(spin, &QSpinBox::valueChanged, this, &NewRolloutDialog::validate);
    for (QDoubleSpinBox *spin : {m_threshold, m_maxErrorRate, m_maxCpu})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &NewRolloutDialog::validate);
    connect(m_latencyStatistic, &QComboBox::currentIndexChanged, this, &NewRolloutDialog::validate);
    connect(m_force, &QCheckBox::toggled, this, &NewRolloutDialog::validate);
    connect(m_dryRun, &QCheckBox::toggled, this, [this](bool dryRun) {
        m_start->setText(dryRun ? tr("Start dry r&un") : tr("Start rollo&ut"));
    });

    m_version->setFocus();
    validate();
}

NewRolloutDialog::~NewRolloutDialog() = default;

QLabel *NewRolloutDialog::addField(QFormLayout *form, const QString &label, QWidget *field,
                                   const QString &problemName)
{
    auto *caption = new QLabel(label, field->parentWidget());
    caption->setBuddy(field);
    if (problemName.isEmpty()) {
        form->addRow(caption, field);
        return nullptr;
    }
    auto *problem = new QLabel(field->parentWidget());
    problem->setObjectName(problemName + QStringLiteral("Problem"));
    problem->setWordWrap(true);
    problem->setTextFormat(Qt::PlainText);
    QPalette palette = problem->palette();
    palette.setColor(QPalette::WindowText, kProblemColor);
    problem->setPalette(palette);
    problem->hide();
    form->addRow(caption, field);
    // A row of its own under the field: QFormLayout gives a word-wrapped label in the field
    // column the height its text needs at the dialog's width.
    form->addRow(static_cast<QWidget *>(nullptr), problem);
    return problem;
}

void NewRolloutDialog::setEnvironment(const QString &environment)
{
    m_environment = environment;
}

void NewRolloutDialog::setOperatorName(const QString &name)
{
    m_operatorName = name;
}

void NewRolloutDialog::setApplication(const QString &application)
{
    const int index = m_application->findText(application);
    if (index >= 0)
        m_application->setCurrentIndex(index);
}

void NewRolloutDialog::setVersion(const QString &version)
{
    m_version->setText(version);
}

void NewRolloutDialog::setPlan(const RolloutPlan &plan)
{
    m_basePlan = plan;
    m_syncing = true;
    m_steps->setText(stepsText(plan.steps));
    if (!plan.steps.isEmpty())
        m_initialTraffic->setValue(plan.steps.first());
    selectMatchingPreset(plan.steps);
    m_checkInterval->setValue(plan.checkIntervalSec);
    m_checksPerStep->setValue(plan.checksPerStep);
    m_threshold->setValue(plan.threshold);
    m_maxErrorRate->setValue(plan.maxErrorRatePct);
    m_maxResponseTime->setValue(int(std::lround(plan.maxResponseTimeMs)));
    m_maxCpu->setValue(plan.maxCpuPct);
    m_latencyStatistic->setCurrentIndex(m_latencyStatistic->findData(int(plan.latencyStatistic)));
    m_rollbackWindow->setValue((plan.rollbackWindowSec + 59) / 60);
    m_force->setChecked(plan.force);
    m_dryRun->setChecked(plan.dryRun);
    m_syncing = false;
    validate();
}

std::optional<QList<int>> NewRolloutDialog::parseSteps(QString *problem) const
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<int> steps;
    const QStringList parts = m_steps->text().split(separators, Qt::SkipEmptyParts);
    for (QString part : parts) {
        if (part.endsWith(QLatin1Char('%')))
            part.chop(1);
        bool ok = false;
        const int step = part.toInt(&ok);
        if (!ok) {
            *problem = tr("“%1” is not a whole percentage; write the steps as e.g. "
                          "10, 25, 50, 75, 100")
                           .arg(part);
            return std::nullopt;
        }
        steps.append(step);
    }
    return steps;
}

RolloutPlan NewRolloutDialog::formPlan(const QList<int> &steps) const
{
    RolloutPlan plan = m_basePlan;
    plan.steps = steps;
    plan.checkIntervalSec = m_checkInterval->value();
    plan.checksPerStep = m_checksPerStep->value();
    plan.threshold = m_threshold->value();
    plan.maxErrorRatePct = m_maxErrorRate->value();
    plan.maxResponseTimeMs = m_maxResponseTime->value();
    plan.maxCpuPct = m_maxCpu->value();
    plan.latencyStatistic = LatencyStatistic(m_latencyStatistic->currentData().toInt());
    plan.rollbackWindowSec = m_rollbackWindow->value() * 60;
    plan.force = m_force->isChecked();
    plan.dryRun = m_dryRun->isChecked();
    return plan;
}

RolloutRequest NewRolloutDialog::request() const
{
    QString ignored;
    RolloutRequest request;
    request.app = m_application->currentText();
    request.environment = m_environment;
    request.version = m_version->text().trimmed();
    request.plan = formPlan(parseSteps(&ignored).value_or(QList<int>()));
    request.operatorName = m_operatorName;
    return request;
}

void NewRolloutDialog::stepsEdited()
{
    if (m_syncing)
        return;
    QString ignored;
    const auto steps = parseSteps(&ignored);
    m_syncing = true;
    if (steps && !steps->isEmpty() && steps->first() >= m_initialTraffic->minimum() &&
        steps->first() <= m_initialTraffic->maximum())
        m_initialTraffic->setValue(steps->first());
    selectMatchingPreset(steps.value_or(QList<int>()));
    m_syncing = false;
    validate();
}

void NewRolloutDialog::presetChosen(int index)
{
    const QVariant steps = m_preset->itemData(index);
    if (!steps.isValid()) {
        // Custom: the user goes on typing their own steps.
        m_steps->setFocus();
        return;
    }
    m_steps->setText(stepsText(steps.value<QList<int>>()));
}

void NewRolloutDialog::initialTrafficChanged(int percent)
{
    if (m_syncing)
        return;
    QString ignored;
    QList<int> steps = parseSteps(&ignored).value_or(QList<int>());
    if (steps.isEmpty())
        steps.append(percent);
    else
        steps.first() = percent;
    m_steps->setText(stepsText(steps));
}

void NewRolloutDialog::selectMatchingPreset(const QList<int> &steps)
{
    const QSignalBlocker blocker(m_preset);
    int match = m_preset->count() - 1; // Custom
    for (int i = 0; i < m_preset->count(); ++i) {
        const QVariant item = m_preset->itemData(i);
        if (item.isValid() && item.value<QList<int>>() == steps)
            match = i;
    }
    m_preset->setCurrentIndex(match);
}

void NewRolloutDialog::showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

void NewRolloutDialog::validate()
{
    if (m_syncing)
        return;
    bool valid = true;

    QString applicationProblem;
    if (m_application->count() == 0)
        applicationProblem = tr("There is no application to roll out in this environment");
    showProblem(m_applicationProblem, applicationProblem);
    valid = valid && applicationProblem.isEmpty();

    const QString version = m_version->text().trimmed();
    QString versionProblem;
    if (version.isEmpty())
        versionProblem = tr("Give the version to roll out: the image tag, e.g. 2.4.1");
    else if (!tagPattern().match(version).hasMatch())
        versionProblem = tr("“%1” is not an image tag: letters, digits, _ . and - only, at most "
                            "128, not starting with . or -")
                             .arg(version);
    showProblem(m_versionProblem, versionProblem);
    valid = valid && versionProblem.isEmpty();

    // The engine's own validation decides; only a list that cannot be read is the dialog's.
    QString stepsProblem;
    const auto steps = parseSteps(&stepsProblem);
    const PlanIssues issues = formPlan(steps.value_or(RolloutPlan::defaultSteps())).validate();
    QHash<QLabel *, QStringList> problems;
    if (!steps)
        problems[m_fieldProblems.value(QStringLiteral("steps"))] << stepsProblem;
    QStringList others;
    for (const PlanIssue &issue : issues) {
        if (!steps && issue.field == QLatin1String("steps"))
            continue;
        if (QLabel *label = m_fieldProblems.value(issue.field))
            problems[label] << issue.message;
        else
            others << issue.message;
    }
    for (QLabel *label : std::as_const(m_fieldProblems))
        showProblem(label, problems.value(label).join(QLatin1Char('\n')));
    showProblem(m_planProblem, others.join(QLatin1Char('\n')));
    valid = valid && steps.has_value() && issues.isEmpty();

    m_start->setEnabled(valid);
    growToFit();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void NewRolloutDialog::growToFit()
{
    // A word-wrapped problem that appears needs more height than the dialog's minimum size
    // promises (heightForWidth), so the dialog grows itself; it never shrinks under the user.
    if (!isVisible() || !layout())
        return;
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void NewRolloutDialog::accept()
{
    if (!m_valid)
        return;
    QDialog::accept();
}

} // namespace optimist
