#pragma once

#include "CancelToken.h"
#include "Result.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace optimist {

/// The callback end of an asynchronous port operation.
///
/// It carries the caller's context object and cancel token: once the context is destroyed or
/// the token cancelled, calling the reply does nothing, so a callback never outlives its
/// receiver. Implementations call it exactly once, never from inside the initiating call.
template <typename T> class Reply
{
public:
    using Handler = std::function<void(const Result<T> &)>;

    Reply(QObject *context, Handler handler, CancelToken token = {})
        : m_context(context)
        , m_handler(std::move(handler))
        , m_token(std::move(token))
    {
    }

    void operator()(const Result<T> &result) const
    {
        if (m_context && !m_token.isCancelled() && m_handler)
            m_handler(result);
    }

    bool isCancelled() const { return !m_context || m_token.isCancelled(); }
    const CancelToken &token() const { return m_token; }
    QObject *context() const { return m_context.data(); }

private:
    QPointer<QObject> m_context;
    Handler m_handler;
    CancelToken m_token;
};

} // namespace optimist
