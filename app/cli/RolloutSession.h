#pragma once

#include "CliPrinter.h"

#include "rollout/RolloutEngine.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace optimist {

class EnvironmentRuntime;
class HistoryStore;
class UnixSignalNotifier;

/// Runs one rollout in this process to its end: starts or recovers it, prints its progress,
/// applies controls other processes file in the history, holds the rollout's lock file (so they
/// know it runs here), and rolls back on Ctrl-C.
class RolloutSession : public QObject
{
    Q_OBJECT
public:
    RolloutSession(EnvironmentRuntime &runtime, HistoryStore &store, CliPrinter &printer,
                   const QString &dataDir, const QString &who, QObject *parent = nullptr);
    ~RolloutSession() override;

    Result<qint64> start(const RolloutRequest &request);
    Result<void> recover(qint64 rolloutId, RecoveryMode mode);

    /// The lock file that marks rollout @p id as running in some process.
    static QString lockPath(const QString &dataDir, qint64 id);
    /// Whether a live process holds rollout @p id's lock.
    static bool runningElsewhere(const QString &dataDir, qint64 id);

Q_SIGNALS:
    void done(int exitCode);

private:
    void attach(qint64 id);
    void pollRequests();
    void onFinished(RolloutState state);

    EnvironmentRuntime &m_runtime;
    HistoryStore &m_store;
    CliPrinter &m_printer;
    QString m_dataDir;
    QString m_who;
    RolloutEngine m_engine;
    QTimer m_poll;
    std::unique_ptr<QLockFile> m_lock;
    UnixSignalNotifier *m_signals = nullptr;
    int m_interrupts = 0;
};

} // namespace optimist
