#include "KillPoint.h"

#include <QtGlobal>

#include <csignal>
#include <cstdio>

namespace optimist {

KillPoint::KillPoint()
{
    QString spec = qEnvironmentVariable("OPTIMIST_KILL_AT");
    if (spec.isEmpty())
        return;
    if (const qsizetype at = spec.indexOf(QLatin1Char('@')); at >= 0) {
        m_inState = spec.mid(at + 1);
        spec.truncate(at);
    }
    m_kind = spec.section(QLatin1Char(':'), 0, 0);
    m_what = spec.section(QLatin1Char(':'), 1);
}

void KillPoint::passed(const JournalEvent &event)
{
    if (m_kind.isEmpty())
        return;
    const QString kind = JournalEvent::kindName(event.kind);
    const QString op = event.data.value(QStringLiteral("op")).toString();
    QString what;
    if (event.kind == JournalEvent::Kind::State)
        what = stateName(event.state);
    else if (event.kind == JournalEvent::Kind::Intent)
        what = op;
    else if (event.kind == JournalEvent::Kind::Done)
        what = op.isEmpty() ? m_lastIntentOp : op;
    if (event.kind == JournalEvent::Kind::Intent)
        m_lastIntentOp = op;
    else if (event.kind == JournalEvent::Kind::Done)
        m_lastIntentOp.clear(); // a done line completes the intent before it
    if (kind != m_kind || what != m_what ||
        (!m_inState.isEmpty() && stateName(event.state) != m_inState))
        return;
    std::fflush(stdout);
    std::raise(SIGKILL);
}

} // namespace optimist
