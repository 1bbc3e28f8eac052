#pragma once

// The environment worker on a thread of its own, as RolloutController runs it in the desktop
// application, for the benchmarks that drive the worker without the window's controller
// (event_loop_stall, ten_apps_stall): created and moved to its thread by the constructor (so
// its signals can be connected before it runs), started and opened by open(), deleted on its
// own thread by stop() or the destructor.

#include "EnvironmentWorker.h"
#include "RolloutController.h"

#include "runtime/EnvironmentRuntime.h"

#include <QThread>

namespace optimist {

class BenchWorkerThread
{
public:
    explicit BenchWorkerThread(const QString &dataDir)
    {
        RolloutController::registerMetaTypes();
        m_thread.setObjectName(QStringLiteral("optimist-environments"));
        m_worker = new EnvironmentWorker(dataDir);
        m_worker->moveToThread(&m_thread);
    }
    ~BenchWorkerThread() { stop(); }
    BenchWorkerThread(const BenchWorkerThread &) = delete;
    BenchWorkerThread &operator=(const BenchWorkerThread &) = delete;

    EnvironmentWorker *worker() const { return m_worker; }

    /// Starts the thread; the worker opens its history store, then the environment.
    void open(const EnvironmentRuntime::Options &options)
    {
        m_thread.start();
        QMetaObject::invokeMethod(
            m_worker,
            [w = m_worker, options] {
                w->openStore();
                w->openEnvironment(options);
            },
            Qt::QueuedConnection);
    }

    /// Deletes the worker on its thread and waits for the thread to end.
    void stop()
    {
        if (!m_worker)
            return;
        if (!m_thread.isRunning()) {
            delete m_worker;
        } else {
            QMetaObject::invokeMethod(
                m_worker,
                [w = m_worker] {
                    delete w;
                    QThread::currentThread()->quit();
                },
                Qt::QueuedConnection);
            m_thread.wait();
        }
        m_worker = nullptr;
    }

private:
    QThread m_thread;
    EnvironmentWorker *m_worker = nullptr;
};

} // namespace optimist
