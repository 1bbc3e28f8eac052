#pragma once

#include <QObject>

class QSocketNotifier;

namespace optimist {

/// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so Ctrl-C during a
/// rollout can roll it back instead of leaving it half-way.
class UnixSignalNotifier : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalNotifier(QObject *parent = nullptr);
    ~UnixSignalNotifier() override;

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    static void handler(int signalNumber);
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace optimist
