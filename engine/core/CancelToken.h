#pragma once

#include <memory>

namespace optimist {

/// Shared flag by which the caller of an asynchronous port operation cancels it.
/// Copies share the flag; an operation whose token is cancelled never calls back.
class CancelToken
{
public:
    CancelToken()
        : m_flag(std::make_shared<bool>(false))
    {
    }

    void cancel() const { *m_flag = true; }
    bool isCancelled() const { return *m_flag; }

private:
    std::shared_ptr<bool> m_flag;
};

} // namespace optimist
