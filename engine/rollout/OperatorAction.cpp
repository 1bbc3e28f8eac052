#include "OperatorAction.h"

namespace optimist {

QString OperatorAction::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Pause:
        return QStringLiteral("pause");
    case Kind::Resume:
        return QStringLiteral("resume");
    case Kind::Promote:
        return QStringLiteral("promote");
    case Kind::PromoteFully:
        return QStringLiteral("promote_fully");
    case Kind::Abort:
        break;
    }
    return QStringLiteral("abort");
}

std::optional<OperatorAction::Kind> OperatorAction::parseKind(const QString &text)
{
    for (Kind k : {Kind::Pause, Kind::Resume, Kind::Promote, Kind::PromoteFully, Kind::Abort})
        if (kindName(k) == text)
            return k;
    return std::nullopt;
}

QString OperatorAction::statusName(Status status)
{
    switch (status) {
    case Status::Requested:
        return QStringLiteral("requested");
    case Status::Applied:
        return QStringLiteral("applied");
    case Status::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

OperatorAction::Status OperatorAction::parseStatus(const QString &text)
{
    if (text == QLatin1String("applied"))
        return Status::Applied;
    if (text == QLatin1String("rejected"))
        return Status::Rejected;
    return Status::Requested;
}

} // namespace optimist
