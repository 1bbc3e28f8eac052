#include "JournalEvent.h"

namespace optimist {

QString JournalEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::State:
        return QStringLiteral("state");
    case Kind::Intent:
        return QStringLiteral("intent");
    case Kind::Done:
        return QStringLiteral("done");
    case Kind::WouldDo:
        return QStringLiteral("would");
    case Kind::Decision:
        return QStringLiteral("decision");
    case Kind::Operator:
        return QStringLiteral("operator");
    case Kind::Error:
        return QStringLiteral("error");
    case Kind::Info:
        break;
    }
    return QStringLiteral("info");
}

JournalEvent::Kind JournalEvent::parseKind(const QString &text)
{
    for (Kind k : {Kind::State, Kind::Intent, Kind::Done, Kind::WouldDo, Kind::Decision,
                   Kind::Operator, Kind::Error})
        if (kindName(k) == text)
            return k;
    return Kind::Info;
}

} // namespace optimist
