#include "Error.h"

namespace optimist {

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unreachable:
        return QStringLiteral("unreachable");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Invalid:
        return QStringLiteral("invalid");
    case Kind::Unhealthy:
        return QStringLiteral("unhealthy");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Storage:
        return QStringLiteral("storage");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace optimist
