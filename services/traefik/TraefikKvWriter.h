#pragma once

#include "TraefikWeightWriter.h"
#include "redis/RedisSettings.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>

namespace optimist {

class RedisConnection;

/// The application's weighted service in Traefik's Redis KV provider, under the root key:
///   ROOT/http/services/SERVICE/weighted/services/{0,1}/{name,weight}  (the colors with a
///                                                           positive weight, blue first)
///   ROOT/http/services/SERVICE/weighted/sticky/cookie/{name,httpOnly,secure}   (on adoption)
///   ROOT/http/routers/ROUTER/{rule,service,entrypoints/N}                      (on adoption)
/// A write is one MULTI/EXEC transaction, so Traefik (which re-reads the whole tree on each
/// keyspace notification) never sees half a change; the keys that decide adoption are WATCHed,
/// so a concurrent adoption makes the write fail with Error::Conflict instead of mixing.
class TraefikKvWriter : public TraefikWeightWriter
{
    Q_OBJECT

public:
    using Entries = QList<QPair<QString, QString>>;

    TraefikKvWriter(RedisSettings settings, QString rootKey, QObject *parent = nullptr);
    ~TraefikKvWriter() override;

    QString providerName() const override { return QStringLiteral("redis"); }
    void readWeights(const TraefikAppRoute &route, Callback<WeightSplit> callback) override;
    void writeWeights(const TraefikAppRoute &route, const WeightSplit &split,
                      TraefikNaming::Version version, WriteMode mode,
                      Callback<WriteOutcome> callback) override;

    RedisConnection *connection() const { return m_connection; }
    QString rootKey() const { return m_rootKey; }

    /// The keys and values a write sets, in order; with @p adoptService the sticky cookie, with
    /// @p adoptRouter (and a rule) the router. Only colors with a positive weight are children.
    static Entries entries(const QString &rootKey, const TraefikAppRoute &route,
                           const WeightSplit &split, TraefikNaming::Version version,
                           bool adoptService, bool adoptRouter);
    /// ROOT/http/services/SERVICE/weighted/services/INDEX/FIELD.
    static QString childKey(const QString &rootKey, const QString &service, int index,
                            const QString &field);
    static QString routerRuleKey(const QString &rootKey, const QString &router);
    /// The child keys a write of @p split deletes in the same transaction: those of a child
    /// index no longer used because a color's weight is 0.
    static QStringList staleKeys(const QString &rootKey, const TraefikAppRoute &route,
                                 const WeightSplit &split);
    /// "key = value" lines, then "delete key" lines.
    static QString describe(const Entries &entries, const QStringList &deleted = {});

private:
    RedisConnection *m_connection;
    QString m_rootKey;
};

} // namespace optimist
