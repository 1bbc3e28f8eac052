#include "HistorySource.h"

namespace optimist {

quint64 HistorySource::requestPage(const RolloutQuery &query)
{
    const quint64 ticket = ++m_lastTicket;
    fetchPage(ticket, query);
    return ticket;
}

quint64 HistorySource::requestCount(const RolloutQuery &query)
{
    const quint64 ticket = ++m_lastTicket;
    fetchCount(ticket, query);
    return ticket;
}

quint64 HistorySource::requestAppNames()
{
    const quint64 ticket = ++m_lastTicket;
    fetchAppNames(ticket);
    return ticket;
}

quint64 HistorySource::requestPostMortem(qint64 rolloutId)
{
    const quint64 ticket = ++m_lastTicket;
    fetchPostMortem(ticket, rolloutId);
    return ticket;
}

} // namespace optimist
