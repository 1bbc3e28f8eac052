#include "HistoryBinding.h"

#include "RolloutController.h"

#include "charts/MetricChartView.h"
#include "charts/MetricsPanel.h"
#include "common/ModelRoles.h"
#include "config/Locations.h"
#include "history/DecisionLogModel.h"
#include "history/HistoryModel.h"
#include "history/HistoryPanel.h"
#include "history/PostMortemView.h"
#include "history/ThreadedHistorySource.h"
#include "main/MainWindow.h"
#include "metrics/MetricsTimeline.h"
#include "rollout/StepTimelineModel.h"
#include "store/SqliteHistoryStore.h"

#include <QChart>
#include <QHeaderView>
#include <QLegend>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>

namespace optimist {

namespace {

/// Low enough for three rows beside the timeline at the default window size, high enough for
/// four value labels per chart; a lower view scrolls the charts.
constexpr int kPostMortemChartMinimumHeight = 160;

} // namespace

HistoryBinding::HistoryBinding(MainWindow *window, RolloutController *controller,
                               const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_window(window)
    // Its own connection on its own thread: SQLite connections are not shared across threads.
    , m_source(new ThreadedHistorySource(
          [path = Locations::historyDatabasePath(dataDir)] {
              auto opened = SqliteHistoryStore::open(path);
              if (!opened)
                  return Result<std::unique_ptr<HistoryStore>>(opened.error());
              return Result<std::unique_ptr<HistoryStore>>(std::move(opened).value());
          },
          this))
    , m_model(new HistoryModel(m_source, this))
    , m_log(new DecisionLogModel(this))
    , m_chartsTimeline(new MetricsTimeline(this))
    , m_steps(new StepTimelineModel(this))
{
    // The list beside the post-mortem: the post-mortem's charts need the height.
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    m_panel = new HistoryPanel(m_model, splitter);
    m_postMortem = new PostMortemView(m_log, splitter);
    m_postMortem->setObjectName(QStringLiteral("postMortemView"));

    m_charts = new MetricsPanel;
    m_charts->setObjectName(QStringLiteral("postMortemCharts"));
    m_charts->setTimeline(m_chartsTimeline);
    m_charts->setFollowLive(true);
    // Beside the list, above the timeline and the log: the charts are drawn compact — no
    // margins, and the colors' legend once, on the bio-energy chart.
    for (MetricChartView *chart : m_charts->charts()) {
        chart->setMinimumHeight(kPostMortemChartMinimumHeight);
        chart->chart()->setMargins(QMargins(2, 2, 2, 2));
        if (chart->metric() != MetricsTimeline::Metric::BioEnergy)
            chart->chart()->legend()->hide();
        else // beside the plot: the chart spans the width, the height is what is short
            chart->chart()->legend()->setAlignment(Qt::AlignRight);
    }
    m_postMortem->setChartsWidget(m_charts);
    m_postMortem->setChartsImageProvider([charts = m_charts] {
        return charts ? charts->toImage(MetricsPanel::kDefaultExportChartSize) : QImage();
    });

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_steps);
    proxy->setSortRole(SortRole);
    m_stepsView = new QTreeView;
    m_stepsView->setObjectName(QStringLiteral("postMortemTimelineView"));
    m_stepsView->setModel(proxy);
    m_stepsView->setUniformRowHeights(true);
    m_stepsView->setAllColumnsShowFocus(true);
    m_stepsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stepsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stepsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stepsView->header()->setStretchLastSection(false);
    m_stepsView->setAccessibleName(tr("Step timeline"));
    connect(proxy, &QAbstractItemModel::modelReset, m_stepsView, &QTreeView::expandAll);
    m_postMortem->setTimelineWidget(m_stepsView);

    splitter->addWidget(m_panel);
    splitter->addWidget(m_postMortem);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({280, 680});
    // Within the post-mortem, the charts first, then the log, then the few timeline rows.
    if (auto *inner = m_postMortem->findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly))
        inner->setSizes({640, 70, 110});
    window->setPanel(MainWindow::PanelSlot::History, splitter);

    connect(m_panel, &HistoryPanel::openRollout, this, &HistoryBinding::open);
    connect(m_log, &DecisionLogModel::postMortemChanged, this, &HistoryBinding::show);
    // A rollout that ended is in the history now (its last lines were written before this).
    connect(controller, &RolloutController::finished, m_model, &HistoryModel::refresh);
    connect(controller, &RolloutController::started, m_model, &HistoryModel::refresh);
    m_model->refresh();
}

HistoryBinding::~HistoryBinding() = default;

void HistoryBinding::open(qint64 rolloutId)
{
    m_log->load(m_source, rolloutId);
}

void HistoryBinding::show(const PostMortem &postMortem)
{
    m_chartsTimeline->setPlan(postMortem.record.plan);
    m_chartsTimeline->loadFromSamples(postMortem.samples, markers(postMortem));
    m_steps->loadFromHistory(postMortem.record, postMortem.events, postMortem.checks);
    if (m_stepsView)
        m_stepsView->expandAll();
    if (m_charts) {
        m_charts->setFollowLive(true);
        m_charts->redrawNow();
    }
}

QList<MetricsMarker> HistoryBinding::markers(const PostMortem &postMortem)
{
    // The live charts' markers, made the same way from the journal lines that recorded them.
    MetricsTimeline scratch;
    for (const JournalEvent &event : postMortem.events) {
        if (event.kind == JournalEvent::Kind::Done &&
            event.data.value(QStringLiteral("op")).toString() == QLatin1String("confirmed")) {
            scratch.addWeightChange(event.at,
                                    WeightSplit{event.data.value(QStringLiteral("blue")).toInt(),
                                                event.data.value(QStringLiteral("green")).toInt()});
        } else if (event.kind == JournalEvent::Kind::Decision) {
            Decision decision;
            decision.at = event.at;
            decision.step = event.step;
            decision.weight = event.weight;
            decision.reason = event.message;
            const QString action = event.data.value(QStringLiteral("action")).toString();
            for (Decision::Action a : {Decision::Action::Advance, Decision::Action::Hold,
                                       Decision::Action::RollBack, Decision::Action::Finalize})
                if (Decision::actionName(a) == action)
                    decision.action = a;
            scratch.decisionMade(decision);
        }
    }
    return scratch.markers();
}

} // namespace optimist
