#pragma once

#include "core/Reply.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpServer>

#include <chrono>
#include <functional>
#include <optional>

namespace optimist::test {

/// Runs the event loop until the operation @p start began has answered, or @p timeout.
template <typename T>
std::optional<Result<T>> await(const std::function<void(Reply<T>)> &start, QObject *context,
                               std::chrono::milliseconds timeout)
{
    std::optional<Result<T>> result;
    start(Reply<T>(context, [&result](const Result<T> &r) { result = r; }));
    QDeadlineTimer deadline(timeout.count());
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return result;
}

/// A loopback TCP port free at the time of the call.
inline int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace optimist::test
