#include "PostMortemView.h"

#include "history/DecisionLogModel.h"
#include "history/PostMortemText.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace optimist {

namespace {

QWidget *placeholder(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    return label;
}

QWidget *slotWidget(const QString &objectName, const QString &placeholderText)
{
    auto *slot = new QWidget;
    slot->setObjectName(objectName);
    auto *layout = new QVBoxLayout(slot);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(placeholder(placeholderText, slot));
    return slot;
}

} // namespace

PostMortemView::PostMortemView(DecisionLogModel *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_title(new QLabel(this))
    , m_chartsSlot(slotWidget(QStringLiteral("chartsSlot"), tr("Charts")))
    , m_timelineSlot(slotWidget(QStringLiteral("timelineSlot"), tr("Step timeline")))
    , m_logView(new QTreeView(this))
    , m_status(new QLabel(this))
    , m_exportPng(new QAction(tr("Export charts as PNG…"), this))
    , m_exportMarkdown(new QAction(tr("Export report as Markdown…"), this))
    , m_exportCsv(new QAction(tr("Export samples as CSV…"), this))
    , m_lastFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    m_title->setObjectName(QStringLiteral("postMortemTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setObjectName(QStringLiteral("postMortemStatus"));
    m_status->setWordWrap(true);

    m_exportPng->setObjectName(QStringLiteral("exportPngAction"));
    m_exportMarkdown->setObjectName(QStringLiteral("exportMarkdownAction"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsvAction"));
    m_exportPng->setToolTip(tr("Save the five charts as a PNG image"));
    m_exportMarkdown->setToolTip(
        tr("Save the summary, step timeline, checks, decisions and operator actions as Markdown"));
    m_exportCsv->setToolTip(tr("Save every stored sample of both colors as CSV"));
    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("postMortemToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *action : {m_exportPng, m_exportMarkdown, m_exportCsv}) {
        toolBar->addAction(action);
        addAction(action);
    }

    m_logView->setObjectName(QStringLiteral("decisionLogView"));
    m_logView->setRootIsDecorated(false);
    m_logView->setAlternatingRowColors(true);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setWordWrap(true);
    m_logView->setModel(m_log);
    m_logView->header()->setStretchLastSection(true);

    // The charts keep a legible height (their widget's minimum); when the view is lower than
    // that they scroll rather than shrink until their axes lose their numbers.
    auto *chartsScroll = new QScrollArea;
    chartsScroll->setObjectName(QStringLiteral("chartsScrollArea"));
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setFrameShape(QFrame::NoFrame);
    chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    chartsScroll->setWidget(m_chartsSlot);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("postMortemSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chartsScroll);
    splitter->addWidget(m_timelineSlot);
    splitter->addWidget(m_logView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    m_askFileName = [this](PostMortemExport::Format format, const QString &suggested,
                           std::function<void(const QString &)> answer) {
        auto *dialog = new QFileDialog(this, tr("Export the post-mortem"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
        switch (format) {
        case PostMortemExport::Format::Png:
            dialog->setNameFilter(tr("PNG images (*.png)"));
            dialog->setDefaultSuffix(QStringLiteral("png"));
            break;
        case PostMortemExport::Format::Markdown:
            dialog->setNameFilter(tr("Markdown (*.md)"));
            dialog->setDefaultSuffix(QStringLiteral("md"));
            break;
        case PostMortemExport::Format::Csv:
            dialog->setNameFilter(tr("CSV (*.csv)"));
            dialog->setDefaultSuffix(QStringLiteral("csv"));
            break;
        }
        dialog->selectFile(suggested);
        connect(dialog, &QFileDialog::fileSelected, this,
                [answer = std::move(answer)](const QString &path) { answer(path); });
        dialog->open();
    };
    m_chartsImage = [this] { return m_chartsSlot->grab().toImage(); };

    connect(m_exportPng, &QAction::triggered, this,
            [this] { exportAs(PostMortemExport::Format::Png); });
    connect(m_exportMarkdown, &QAction::triggered, this,
            [this] { exportAs(PostMortemExport::Format::Markdown); });
    connect(m_exportCsv, &QAction::triggered, this,
            [this] { exportAs(PostMortemExport::Format::Csv); });
    connect(m_log, &QAbstractItemModel::modelReset, this, &PostMortemView::updateForRollout);
    connect(m_log, &DecisionLogModel::loadFailed, this, [this](const QString &message) {
        m_status->setText(tr("The rollout could not be read: %1").arg(message));
    });
    updateForRollout();
}

void PostMortemView::fillSlot(QWidget *slot, QWidget *widget)
{
    QLayout *layout = slot->layout();
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    layout->addWidget(widget);
}

void PostMortemView::setChartsWidget(QWidget *widget)
{
    fillSlot(m_chartsSlot, widget);
}

void PostMortemView::setTimelineWidget(QWidget *widget)
{
    fillSlot(m_timelineSlot, widget);
}

void PostMortemView::setFileNameAsker(FileNameAsker asker)
{
    m_askFileName = std::move(asker);
}

void PostMortemView::setChartsImageProvider(ChartsImageProvider provider)
{
    m_chartsImage = std::move(provider);
}

void PostMortemView::updateForRollout()
{
    const bool shown = m_log->rolloutId() != 0;
    for (QAction *action : {m_exportPng, m_exportMarkdown, m_exportCsv})
        action->setEnabled(shown);
    m_status->clear();
    if (!shown) {
        m_title->setText(tr("No rollout selected"));
        return;
    }
    const RolloutRecord &r = m_log->postMortem().record;
    m_title->setText(tr("Rollout #%1 — %2 %3 → %4: %5")
                         .arg(r.id)
                         .arg(r.app, r.fromVersion.isEmpty() ? tr("?") : r.fromVersion, r.toVersion,
                              PostMortemText::outcomeSentence(r)));
    m_logView->resizeColumnToContents(DecisionLogModel::TimeColumn);
    m_logView->resizeColumnToContents(DecisionLogModel::StepColumn);
    m_logView->resizeColumnToContents(DecisionLogModel::KindColumn);
}

void PostMortemView::exportAs(PostMortemExport::Format format)
{
    if (m_log->rolloutId() == 0)
        return;
    const QString suggested =
        QDir(m_lastFolder)
            .filePath(PostMortemExport::suggestedFileName(m_log->postMortem().record, format));
    m_askFileName(format, suggested, [this, format](const QString &path) {
        if (!path.isEmpty())
            write(format, path);
    });
}

void PostMortemView::write(PostMortemExport::Format format, const QString &path)
{
    Result<void> written;
    switch (format) {
    case PostMortemExport::Format::Png:
        written = PostMortemExport::writePng(path, m_chartsImage());
        break;
    case PostMortemExport::Format::Markdown:
        written = PostMortemExport::writeMarkdown(path, m_log->postMortem());
        break;
    case PostMortemExport::Format::Csv:
        written = PostMortemExport::writeCsv(path, m_log->postMortem());
        break;
    }
    if (!written) {
        m_status->setText(written.error().message);
        Q_EMIT exportFailed(written.error().message);
        return;
    }
    m_lastFolder = QFileInfo(path).absolutePath();
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    Q_EMIT exported(format, path);
}

} // namespace optimist
