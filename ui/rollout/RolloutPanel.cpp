#include "RolloutPanel.h"

#include "SplitBar.h"

#include "common/DisplayText.h"
#include "common/ModelRoles.h"
#include "rollout/RolloutEngine.h"
#include "rollout/StepTimelineModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace optimist {

RolloutPanel::RolloutPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new StepTimelineModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("rolloutPanel"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_split = new SplitBar(this);
    m_split->setObjectName(QStringLiteral("splitBar"));

    m_proxy->setObjectName(QStringLiteral("timelineProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    m_view->setAccessibleName(tr("Step timeline"));
    // New checks appear under their step without the user opening it.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_view, [this](const QModelIndex &step) {
        if (step.isValid())
            m_view->expand(step);
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("checkDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a step or a check to see its numbers and reasons"));
    m_details->setAccessibleName(tr("Check details"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RolloutPanel::showSelectedDetails);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &RolloutPanel::showSelectedDetails);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    m_pauseResume = new QPushButton(this);
    m_pauseResume->setObjectName(QStringLiteral("pauseResumeButton"));
    m_promote = new QPushButton(tr("Pro&mote"), this);
    m_promote->setObjectName(QStringLiteral("promoteButton"));
    m_promote->setToolTip(tr("Shift to the next step now, without waiting for the checks"));
    m_promoteFully = new QPushButton(tr("Promote full&y"), this);
    m_promoteFully->setObjectName(QStringLiteral("promoteFullyButton"));
    m_promoteFully->setToolTip(tr("Shift all traffic to the new version now"));
    m_abort = new QPushButton(tr("&Abort"), this);
    m_abort->setObjectName(QStringLiteral("abortButton"));
    m_abort->setToolTip(tr("Roll back: all traffic to the old version, remove the new one"));
    connect(m_pauseResume, &QPushButton::clicked, this, [this] {
        Q_EMIT controlRequested(m_paused ? OperatorAction::Kind::Resume
                                         : OperatorAction::Kind::Pause);
    });
    connect(m_promote, &QPushButton::clicked, this,
            [this] { Q_EMIT controlRequested(OperatorAction::Kind::Promote); });
    connect(m_promoteFully, &QPushButton::clicked, this,
            [this] { Q_EMIT controlRequested(OperatorAction::Kind::PromoteFully); });
    connect(m_abort, &QPushButton::clicked, this,
            [this] { Q_EMIT controlRequested(OperatorAction::Kind::Abort); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pauseResume);
    buttons->addWidget(m_promote);
    buttons->addWidget(m_promoteFully);
    buttons->addStretch();
    buttons->addWidget(m_abort);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_split);
    layout->addWidget(m_reason);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    setHeader(QString(), QString(), QString());
    updateStateText();
    updateControls();
}

RolloutPanel::~RolloutPanel() = default;

void RolloutPanel::follow(const RolloutEngine *engine)
{
    connect(engine, &RolloutEngine::journaled, this, &RolloutPanel::journaled);
    connect(engine, &RolloutEngine::stateChanged, this, &RolloutPanel::stateChanged);
    connect(engine, &RolloutEngine::weightsChanged, this, &RolloutPanel::weightsChanged);
    connect(engine, &RolloutEngine::checkStarted, this, &RolloutPanel::checkStarted);
    connect(engine, &RolloutEngine::checkCompleted, this, &RolloutPanel::checkCompleted);
    connect(engine, &RolloutEngine::decisionMade, this, &RolloutPanel::decisionMade);
    connect(engine, &RolloutEngine::pausedChanged, this, &RolloutPanel::pausedChanged);
    connect(engine, &RolloutEngine::finished, this, &RolloutPanel::finished);
}

void RolloutPanel::showRequest(const RolloutRequest &request)
{
    setHeader(request.app, QString(), request.version);
    m_model->setPlan(request.plan);
    m_split->setSplit(WeightSplit{});
    m_state = RolloutState::Idle;
    m_step = -1;
    m_stepCount = int(request.plan.steps.size());
    m_weight = 0;
    m_paused = false;
    m_dryRun = request.plan.dryRun;
    m_reason->clear();
    updateStateText();
    updateControls();
}

void RolloutPanel::showRecord(const RolloutRecord &record)
{
    setHeader(record.app, record.fromVersion, record.toVersion);
    // The history's rollouts change nothing on screen but the header: keep a live timeline.
    if (m_model->rowCount() == 0 || m_model->plan().steps != record.plan.steps)
        m_model->setPlan(record.plan);
    m_split->setSplit(WeightSplit::canaryAt(record.canaryColor, record.weight));
    m_state = record.state;
    m_step = record.step;
    m_stepCount = int(record.plan.steps.size());
    m_weight = record.weight;
    m_dryRun = record.plan.dryRun;
    if (record.finished())
        m_reason->setText(record.reason);
    updateStateText();
    updateControls();
}

void RolloutPanel::setHeader(const QString &app, const QString &fromVersion,
                             const QString &toVersion)
{
    if (app.isEmpty()) {
        m_title->setText(tr("No rollout"));
        return;
    }
    m_title->setText(
        tr("%1: %2 → %3")
            .arg(app, fromVersion.isEmpty() ? tr("current version") : fromVersion, toVersion));
}

void RolloutPanel::updateStateText()
{
    QString text = DisplayText::state(m_state);
    const bool atStep =
        m_step >= 0 && (m_state == RolloutState::Shifting || m_state == RolloutState::Observing ||
                        m_state == RolloutState::FinalValidation);
    if (atStep)
        text = tr("%1 · step %2 of %3 at %4 %")
                   .arg(text)
                   .arg(m_step + 1)
                   .arg(m_stepCount)
                   .arg(m_model->plan().steps.value(m_step, m_weight));
    if (m_paused && !isFinal(m_state))
        text = tr("%1 · paused").arg(text);
    if (m_dryRun)
        text = tr("%1 · dry run").arg(text);
    m_stateLabel->setText(text);
}

void RolloutPanel::updateControls()
{
    const RolloutState s = m_state;
    const bool running = s != RolloutState::Idle && !isFinal(s);
    // As the engine accepts them (RolloutEngine::applyRequested): nothing can be paused or
    // aborted while rolling back or removing the old color; promoting needs an observed step.
    const bool settling = s == RolloutState::RollingBack || s == RolloutState::Finalizing;
    const bool observed = s == RolloutState::Observing || s == RolloutState::FinalValidation;

    m_pauseResume->setText(m_paused ? tr("&Resume") : tr("&Pause"));
    m_pauseResume->setToolTip(m_paused ? tr("Go on with the next steps")
                                       : tr("Hold at the current weights; checks go on"));
    m_pauseResume->setEnabled(running && (m_paused || !settling));
    m_promote->setEnabled(running && observed);
    m_promoteFully->setEnabled(running && observed);
    m_abort->setEnabled(running && !settling);
}

void RolloutPanel::showSelectedDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const QString text = current.siblingAtColumn(0).data(Qt::ToolTipRole).toString();
    if (text != m_details->toPlainText())
        m_details->setPlainText(text);
}

// ---------------------------------------------------------------------------------------------
// The engine's signals

void RolloutPanel::stateChanged(RolloutState state, int step, int weight)
{
    m_model->stateChanged(state, step, weight);
    m_state = state;
    m_step = step;
    m_weight = weight;
    if (isFinal(state))
        m_paused = false;
    updateStateText();
    updateControls();
}

void RolloutPanel::weightsChanged(const WeightSplit &split)
{
    m_split->setSplit(split);
}

void RolloutPanel::checkStarted(int step, int weight, int index, const QDateTime &until)
{
    m_model->checkStarted(step, weight, index, until);
}

void RolloutPanel::checkCompleted(const CheckResult &check)
{
    m_model->checkCompleted(check);
}

void RolloutPanel::decisionMade(const Decision &decision)
{
    m_model->decisionMade(decision);
    m_reason->setText(decision.reason);
}

void RolloutPanel::pausedChanged(bool paused)
{
    m_paused = paused;
    updateStateText();
    updateControls();
}

void RolloutPanel::journaled(const JournalEvent &event)
{
    m_model->journaled(event);
}

void RolloutPanel::finished(RolloutState finalState, const QString &reason)
{
    m_state = finalState;
    m_paused = false;
    m_reason->setText(reason);
    updateStateText();
    updateControls();
}

} // namespace optimist
