#pragma once

#include "core/Reply.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace optimist {

/// One running "Test connection": it owns the clients it creates (as children), answers its
/// Reply exactly once, from the event loop — with the first of succeed(), fail() or its
/// timeout — and then deletes itself with everything it owns.
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    ConnectionTest(Reply<QString> reply, std::chrono::milliseconds timeout, QString timeoutMessage,
                   QObject *parent);

    void succeed(const QString &what);
    void fail(const Error &error);
    bool isFinished() const { return m_finished; }

private:
    void finish(const Result<QString> &result);

    Reply<QString> m_reply;
    QTimer m_timer;
    QString m_timeoutMessage;
    bool m_finished = false;
};

} // namespace optimist
