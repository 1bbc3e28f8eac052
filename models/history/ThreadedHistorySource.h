#pragma once

#include "HistorySource.h"

#include "core/Result.h"
#include "ports/HistoryStore.h"

#include <QThread>

#include <functional>
#include <memory>

namespace optimist {

/// A HistorySource that reads a HistoryStore on a worker thread of its own.
///
/// The store is opened by the factory on that thread, on the first request, and used only
/// there: a SQLite connection belongs to the thread that opened it (the composition root passes
/// a factory that opens its own SqliteHistoryStore on the history file). Requests are served
/// one after another, in the order they were made.
class ThreadedHistorySource : public HistorySource
{
    Q_OBJECT
public:
    using StoreFactory = std::function<Result<std::unique_ptr<HistoryStore>>()>;

    explicit ThreadedHistorySource(StoreFactory openStore, QObject *parent = nullptr);
    /// Waits for the request in progress, if any (one page or one rollout: milliseconds), and
    /// closes the store on its thread.
    ~ThreadedHistorySource() override;

protected:
    void fetchPage(quint64 ticket, const RolloutQuery &query) override;
    void fetchCount(quint64 ticket, const RolloutQuery &query) override;
    void fetchAppNames(quint64 ticket) override;
    void fetchPostMortem(quint64 ticket, qint64 rolloutId) override;

private:
    class Worker;

    /// Runs @p work on the worker thread with the open store, or answers failed() when the
    /// store cannot be opened.
    void onWorker(quint64 ticket, std::function<void(HistoryStore &)> work);
    /// Emits the failure from the GUI thread.
    void answerFailure(quint64 ticket, const QString &message);

    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace optimist
