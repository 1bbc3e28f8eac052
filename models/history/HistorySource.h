#pragma once

#include "PostMortem.h"

#include "ports/RolloutQuery.h"
#include "rollout/RolloutRecord.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace optimist {

/// The history as the GUI reads it: asynchronously, so a slow disk or a large database never
/// stalls the event loop (the store itself is synchronous).
///
/// Each request answers a ticket; exactly one of the signals carrying that ticket follows, always
/// from the event loop, never from inside the request call. A requester ignores tickets that are
/// not its own (several models may share one source).
class HistorySource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The rows of @p query (its limit and offset are the page). Answered by pageReady() or
    /// failed().
    quint64 requestPage(const RolloutQuery &query);
    /// How many rows @p query matches without paging. Answered by countReady() or failed().
    quint64 requestCount(const RolloutQuery &query);
    /// Answered by appNamesReady() or failed().
    quint64 requestAppNames();
    /// Answered by postMortemReady() or failed().
    quint64 requestPostMortem(qint64 rolloutId);

Q_SIGNALS:
    void pageReady(quint64 ticket, const QList<optimist::RolloutRecord> &rows);
    void countReady(quint64 ticket, qint64 count);
    void appNamesReady(quint64 ticket, const QStringList &apps);
    void postMortemReady(quint64 ticket, const optimist::PostMortem &postMortem);
    /// @p message says in words what could not be read and why.
    void failed(quint64 ticket, const QString &message);

protected:
    virtual void fetchPage(quint64 ticket, const RolloutQuery &query) = 0;
    virtual void fetchCount(quint64 ticket, const RolloutQuery &query) = 0;
    virtual void fetchAppNames(quint64 ticket) = 0;
    virtual void fetchPostMortem(quint64 ticket, qint64 rolloutId) = 0;

private:
    quint64 m_lastTicket = 0;
};

} // namespace optimist
