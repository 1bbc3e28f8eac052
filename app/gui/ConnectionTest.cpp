#include "ConnectionTest.h"

namespace optimist {

ConnectionTest::ConnectionTest(Reply<QString> reply, std::chrono::milliseconds timeout,
                               QString timeoutMessage, QObject *parent)
    : QObject(parent)
    , m_reply(std::move(reply))
    , m_timeoutMessage(std::move(timeoutMessage))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(Error{Error::Kind::Timeout, m_timeoutMessage});
    });
    m_timer.start(timeout);
}

void ConnectionTest::succeed(const QString &what)
{
    finish(what);
}

void ConnectionTest::fail(const Error &error)
{
    finish(error);
}

void ConnectionTest::finish(const Result<QString> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    // Never inside the caller's call: the answer goes through the event loop.
    QTimer::singleShot(0, this, [this, result] {
        m_reply(result);
        deleteLater();
    });
}

} // namespace optimist
