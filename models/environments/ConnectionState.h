#pragma once

#include <QString>

namespace optimist {

/// Whether the GUI can currently read an environment's cluster and router.
enum class ConnectionState {
    Connecting,  ///< no answer yet since monitoring started
    Connected,   ///< the last poll answered
    Disconnected ///< the last poll failed or timed out; the reason goes with it
};

/// The stable name of @p state ("connecting", "connected", "disconnected"), as
/// ConnectionStateRole returns it; never shown as it is.
inline QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::Connected:
        return QStringLiteral("connected");
    case ConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    }
    return {};
}

} // namespace optimist
