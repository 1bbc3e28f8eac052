#pragma once

#include <QString>

namespace optimist {

/// A typed failure of a port operation. `message` is a sentence a person can act on.
struct Error
{
    enum class Kind {
        Unreachable, ///< the endpoint did not answer (refused, DNS, TLS)
        Timeout,     ///< no answer within the operation's time limit
        NotFound,    ///< the thing asked for does not exist
        Conflict,    ///< the state on the other side forbids the operation
        Invalid,     ///< the request or an answer was malformed
        Unhealthy,   ///< a service never became healthy (crash loop, failing healthcheck)
        Cancelled,   ///< the caller cancelled the operation
        Storage,     ///< the history store could not be written or read
        Other
    };

    Kind kind = Kind::Other;
    QString message;

    static QString kindName(Kind kind);
};

} // namespace optimist
