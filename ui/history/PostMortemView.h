#pragma once

#include "history/PostMortemExport.h"

#include <QImage>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QTreeView;
class QVBoxLayout;

namespace optimist {

class DecisionLogModel;

/// The post-mortem of one rollout: the charts replayed from stored samples, the step timeline
/// and the decision log that says why it ended as it did, with exports to PNG (the charts),
/// Markdown (timeline and decisions) and CSV (samples).
///
/// The charts and the timeline are other panels' widgets, placed with setChartsWidget() and
/// setTimelineWidget(); until then the slots hold a placeholder. Object names: postMortemTitle,
/// chartsSlot, timelineSlot, decisionLogView, postMortemStatus; actions exportPngAction,
/// exportMarkdownAction, exportCsvAction.
class PostMortemView : public QWidget
{
    Q_OBJECT
public:
    /// Asks the user where to save; calls @p answer with the chosen path, or not at all when
    /// the user cancels. The default opens a non-modal-blocking save dialog (QFileDialog::open).
    using FileNameAsker =
        std::function<void(PostMortemExport::Format format, const QString &suggestedPath,
                           std::function<void(const QString &path)> answer)>;
    /// The image the PNG export writes; the default grabs the charts slot.
    using ChartsImageProvider = std::function<QImage()>;

    explicit PostMortemView(DecisionLogModel *log, QWidget *parent = nullptr);

    QWidget *chartsSlot() const { return m_chartsSlot; }
    QWidget *timelineSlot() const { return m_timelineSlot; }
    /// Puts @p widget in the charts slot (replacing the placeholder; the view takes ownership).
    void setChartsWidget(QWidget *widget);
    void setTimelineWidget(QWidget *widget);

    void setFileNameAsker(FileNameAsker asker);
    void setChartsImageProvider(ChartsImageProvider provider);
    QTreeView *logView() const { return m_logView; }

Q_SIGNALS:
    void exported(optimist::PostMortemExport::Format format, const QString &path);
    void exportFailed(const QString &message);

private:
    void exportAs(PostMortemExport::Format format);
    void write(PostMortemExport::Format format, const QString &path);
    void updateForRollout();
    static void fillSlot(QWidget *slot, QWidget *widget);

    DecisionLogModel *m_log;
    QLabel *m_title;
    QWidget *m_chartsSlot;
    QWidget *m_timelineSlot;
    QTreeView *m_logView;
    QLabel *m_status;
    QAction *m_exportPng;
    QAction *m_exportMarkdown;
    QAction *m_exportCsv;
    FileNameAsker m_askFileName;
    ChartsImageProvider m_chartsImage;
    QString m_lastFolder;
};

} // namespace optimist
