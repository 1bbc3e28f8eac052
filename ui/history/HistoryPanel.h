#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTableView;

namespace optimist {

class HistoryModel;

/// The history panel: every rollout, sortable by any column and filterable by application,
/// outcome and free text (all done by the store's query, page by page). Double-click or Enter on
/// a row asks for its post-mortem through openRollout().
///
/// Object names: historyAppFilter, historyOutcomeFilter, historyTextFilter, historyView,
/// historyStatus.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    /// How long typing in the text filter rests before the query runs.
    static constexpr int kTextFilterDelayMs = 250;

    explicit HistoryPanel(HistoryModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void openRollout(qint64 rolloutId);

private:
    void updateAppNames();
    void updateStatus();

    HistoryModel *m_model;
    QComboBox *m_appFilter;
    QComboBox *m_outcomeFilter;
    QLineEdit *m_textFilter;
    QTimer *m_textDelay;
    QTableView *m_view;
    QLabel *m_status;
    QString m_error;
};

} // namespace optimist
