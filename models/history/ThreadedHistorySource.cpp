#include "ThreadedHistorySource.h"

namespace optimist {

/// Lives on the worker thread and owns the store there.
class ThreadedHistorySource::Worker : public QObject
{
public:
    explicit Worker(StoreFactory openStore)
        : m_openStore(std::move(openStore))
    {
    }

    /// The store, opened on first use; nullptr with @p error set when it cannot be opened (the
    /// next request tries again: the file may have become readable).
    HistoryStore *store(QString *error)
    {
        if (!m_store) {
            Result<std::unique_ptr<HistoryStore>> opened = m_openStore();
            if (!opened) {
                *error = opened.error().message;
                return nullptr;
            }
            m_store = std::move(opened).value();
        }
        return m_store.get();
    }

private:
    StoreFactory m_openStore;
    std::unique_ptr<HistoryStore> m_store;
};

ThreadedHistorySource::ThreadedHistorySource(StoreFactory openStore, QObject *parent)
    : HistorySource(parent)
    , m_worker(new Worker(std::move(openStore)))
{
    m_thread.setObjectName(QStringLiteral("optimist.history"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

ThreadedHistorySource::~ThreadedHistorySource()
{
    // The worker (and with it the store) is deleted on its own thread, after the request in
    // progress; its destruction ends the thread.
    connect(m_worker, &QObject::destroyed, &m_thread, &QThread::quit, Qt::DirectConnection);
    m_worker->deleteLater();
    m_thread.wait();
}

void ThreadedHistorySource::answerFailure(quint64 ticket, const QString &message)
{
    QMetaObject::invokeMethod(
        this, [this, ticket, message] { Q_EMIT failed(ticket, message); }, Qt::QueuedConnection);
}

void ThreadedHistorySource::onWorker(quint64 ticket, std::function<void(HistoryStore &)> work)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, ticket, work = std::move(work)] {
            QString error;
            HistoryStore *store = worker->store(&error);
            if (!store) {
                answerFailure(ticket, error);
                return;
            }
            work(*store);
        },
        Qt::QueuedConnection);
}

void ThreadedHistorySource::fetchPage(quint64 ticket, const RolloutQuery &query)
{
    onWorker(ticket, [this, ticket, query](HistoryStore &store) {
        Result<QList<RolloutRecord>> rows = store.rollouts(query);
        if (!rows) {
            answerFailure(ticket, rows.error().message);
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, ticket, page = std::move(rows).value()] { Q_EMIT pageReady(ticket, page); },
            Qt::QueuedConnection);
    });
}

void ThreadedHistorySource::fetchCount(quint64 ticket, const RolloutQuery &query)
{
    onWorker(ticket, [this, ticket, query](HistoryStore &store) {
        const Result<qint64> counted = store.countRollouts(query);
        if (!counted) {
            answerFailure(ticket, counted.error().message);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, ticket, count = counted.value()] { Q_EMIT countReady(ticket, count); },
            Qt::QueuedConnection);
    });
}

void ThreadedHistorySource::fetchAppNames(quint64 ticket)
{
    onWorker(ticket, [this, ticket](HistoryStore &store) {
        Result<QStringList> apps = store.appNames();
        if (!apps) {
            answerFailure(ticket, apps.error().message);
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, ticket, names = std::move(apps).value()] {
                Q_EMIT appNamesReady(ticket, names);
            },
            Qt::QueuedConnection);
    });
}

void ThreadedHistorySource::fetchPostMortem(quint64 ticket, qint64 rolloutId)
{
    onWorker(ticket, [this, ticket, rolloutId](HistoryStore &store) {
        Result<PostMortem> loaded = PostMortem::load(store, rolloutId);
        if (!loaded) {
            answerFailure(ticket, loaded.error().message);
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, ticket, postMortem = std::move(loaded).value()] {
                Q_EMIT postMortemReady(ticket, postMortem);
            },
            Qt::QueuedConnection);
    });
}

} // namespace optimist
