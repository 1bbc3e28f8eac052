#pragma once

#include <QString>

#include <chrono>

namespace optimist {

/// Where a Redis server is and how to log in; from the profile's `router:` of kind redis.
/// The password comes from the keychain (the profile holds only its reference).
struct RedisSettings
{
    QString address;  ///< "host:port" (port 6379 when omitted)
    int database = 0; ///< SELECT index
    QString username; ///< ACL user; empty: AUTH with the password alone (the default user)
    QString password; ///< empty: no AUTH
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds commandTimeout{5000};
};

} // namespace optimist
