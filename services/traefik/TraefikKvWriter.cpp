#include "TraefikKvWriter.h"

#include "TraefikWeights.h"
#include "redis/RedisConnection.h"

namespace optimist {

namespace {

QString trimmedRoot(QString root)
{
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    return root.isEmpty() ? QStringLiteral("traefik") : root;
}

} // namespace

TraefikKvWriter::TraefikKvWriter(RedisSettings settings, QString rootKey, QObject *parent)
    : TraefikWeightWriter(parent)
    , m_connection(new RedisConnection(std::move(settings), this))
    , m_rootKey(trimmedRoot(std::move(rootKey)))
{
}

TraefikKvWriter::~TraefikKvWriter() = default;

QString TraefikKvWriter::childKey(const QString &rootKey, const QString &service, int index,
                                  const QString &field)
{
    return QStringLiteral("%1/http/services/%2/weighted/services/%3/%4")
        .arg(rootKey, service)
        .arg(index)
        .arg(field);
}

QString TraefikKvWriter::routerRuleKey(const QString &rootKey, const QString &router)
{
    return QStringLiteral("%1/http/routers/%2/rule").arg(rootKey, router);
}

TraefikKvWriter::Entries TraefikKvWriter::entries(const QString &rootKey,
                                                  const TraefikAppRoute &route,
                                                  const WeightSplit &split,
                                                  TraefikNaming::Version version, bool adoptService,
                                                  bool adoptRouter)
{
    Entries list;
    const QString service = route.serviceName();
    int index = 0;
    for (Color color : {Color::Blue, Color::Green}) {
        // A child with weight 0 is left out, not written as 0: Traefik builds every listed child
        // before it drops the zero-weight ones, so a removed color still listed would fail the
        // whole weighted service (no route at all).
        if (split.of(color) <= 0)
            continue;
        list.append({childKey(rootKey, service, index, QStringLiteral("name")),
                     TraefikNaming::childServiceName(route.app, color, version)});
        list.append({childKey(rootKey, service, index, QStringLiteral("weight")),
                     QString::number(split.of(color))});
        ++index;
    }
    if (adoptService) {
        const QString cookie =
            QStringLiteral("%1/http/services/%2/weighted/sticky/cookie/").arg(rootKey, service);
        list.append({cookie + QStringLiteral("name"), route.cookieName()});
        list.append({cookie + QStringLiteral("httpOnly"), QStringLiteral("true")});
        list.append({cookie + QStringLiteral("secure"),
                     route.stickySecure ? QStringLiteral("true") : QStringLiteral("false")});
    }
    if (adoptRouter && !route.rule.isEmpty()) {
        const QString router =
            QStringLiteral("%1/http/routers/%2/").arg(rootKey, route.routerName());
        list.append({router + QStringLiteral("rule"), route.rule});
        list.append({router + QStringLiteral("service"), service});
        for (qsizetype i = 0; i < route.entryPoints.size(); ++i)
            list.append(
                {router + QStringLiteral("entrypoints/%1").arg(i), route.entryPoints.at(i)});
    }
    return list;
}

QStringList TraefikKvWriter::staleKeys(const QString &rootKey, const TraefikAppRoute &route,
                                       const WeightSplit &split)
{
    const int listed = (split.blue > 0 ? 1 : 0) + (split.green > 0 ? 1 : 0);
    QStringList keys;
    for (int index = listed; index < 2; ++index) {
        keys << childKey(rootKey, route.serviceName(), index, QStringLiteral("name"))
             << childKey(rootKey, route.serviceName(), index, QStringLiteral("weight"));
    }
    return keys;
}

QString TraefikKvWriter::describe(const Entries &entries, const QStringList &deleted)
{
    QStringList lines;
    for (const auto &entry : entries)
        lines.append(entry.first + QStringLiteral(" = ") + entry.second);
    for (const QString &key : deleted)
        lines.append(tr("delete %1").arg(key));
    return lines.join(QLatin1Char('\n'));
}

void TraefikKvWriter::readWeights(const TraefikAppRoute &route, Callback<WeightSplit> callback)
{
    const QString service = route.serviceName();
    RedisConnection::Arguments mget{QByteArrayLiteral("MGET")};
    QStringList keys;
    for (int index : {0, 1}) {
        keys << childKey(m_rootKey, service, index, QStringLiteral("name"))
             << childKey(m_rootKey, service, index, QStringLiteral("weight"));
    }
    for (const QString &key : std::as_const(keys))
        mget.append(key.toUtf8());
    const QString where = m_connection->where();
    m_connection->command(mget, [callback, keys, route, service, where,
                                 this](const Result<RedisValue> &reply) {
        if (!reply)
            return callback(reply.error());
        const QList<RedisValue> &values = reply.value().elements;
        if (values.size() != keys.size())
            return callback(
                Error{Error::Kind::Invalid, tr("%1 answered MGET with %2 values for %3 keys")
                                                .arg(where)
                                                .arg(values.size())
                                                .arg(keys.size())});
        if (values.at(0).isNil() && values.at(2).isNil())
            return callback(
                Error{Error::Kind::NotFound,
                      tr("%1 holds no weighted service %2 under the root key \"%3\" (no key %4); "
                         "Optimist writes it on the first rollout, or check router.rootKey")
                          .arg(where, service, m_rootKey, keys.at(0))});
        QList<TraefikService::Child> children;
        for (int index : {0, 1}) {
            const RedisValue &name = values.at(index * 2);
            const RedisValue &weight = values.at(index * 2 + 1);
            if (name.isNil() && weight.isNil())
                continue;
            if (name.isNil())
                return callback(Error{Error::Kind::Invalid,
                                      tr("%1 has %2 but no %3; the weighted service is "
                                         "incomplete")
                                          .arg(where, keys.at(index * 2 + 1), keys.at(index * 2))});
            bool ok = true;
            // Traefik's default weight is 1 when the key is absent.
            const int w = weight.isNil() ? 1 : weight.text.trimmed().toInt(&ok);
            if (!ok || w < 0)
                return callback(
                    Error{Error::Kind::Invalid,
                          tr("%1 holds \"%2\" in %3, which is not a weight (a whole "
                             "number from 0)")
                              .arg(where, QString::fromUtf8(weight.text), keys.at(index * 2 + 1))});
            children.append(TraefikService::Child{QString::fromUtf8(name.text), w});
        }
        callback(TraefikWeights::fromChildren(
            route.app, children,
            tr("%1 (weighted service %2 under \"%3\")").arg(where, service, m_rootKey)));
    });
}

void TraefikKvWriter::writeWeights(const TraefikAppRoute &route, const WeightSplit &split,
                                   TraefikNaming::Version version, WriteMode mode,
                                   Callback<WriteOutcome> callback)
{
    const QString where = m_connection->where();
    if (split.blue < 0 || split.green < 0 || split.blue + split.green != 100) {
        QMetaObject::invokeMethod(
            this,
            [callback, split] {
                callback(Error{Error::Kind::Invalid,
                               tr("weights %1 do not add up to 100%").arg(split.toString())});
            },
            Qt::QueuedConnection);
        return;
    }
    const QByteArray serviceKey =
        childKey(m_rootKey, route.serviceName(), 0, QStringLiteral("name")).toUtf8();
    const QByteArray ruleKey = routerRuleKey(m_rootKey, route.routerName()).toUtf8();
    // Whether to adopt is decided on what the transaction will find: WATCH makes EXEC fail if
    // either key changes in between.
    if (mode == WriteMode::Apply)
        m_connection->command({QByteArrayLiteral("WATCH"), serviceKey, ruleKey},
                              [](const Result<RedisValue> &) {});
    m_connection->command(
        {QByteArrayLiteral("MGET"), serviceKey, ruleKey},
        [this, callback, route, split, version, mode, where](const Result<RedisValue> &found) {
            if (!found) {
                if (mode == WriteMode::Apply)
                    m_connection->command({QByteArrayLiteral("UNWATCH")},
                                          [](const Result<RedisValue> &) {});
                return callback(found.error());
            }
            const QList<RedisValue> &values = found.value().elements;
            const bool adoptService = values.value(0).isNil();
            const bool adoptRouter = values.value(1).isNil();
            const Entries list =
                entries(m_rootKey, route, split, version, adoptService, adoptRouter);
            const QStringList stale = staleKeys(m_rootKey, route, split);
            const QString what = tr("%1, root key \"%2\"").arg(where, m_rootKey);
            if (mode == WriteMode::DryRun) {
                callback(WriteOutcome{tr("would set in %1, in one transaction:\n%2")
                                          .arg(what, describe(list, stale))});
                return;
            }
            QList<RedisConnection::Arguments> commands;
            for (const auto &entry : list)
                commands.append(
                    {QByteArrayLiteral("SET"), entry.first.toUtf8(), entry.second.toUtf8()});
            if (!stale.isEmpty()) {
                RedisConnection::Arguments del{QByteArrayLiteral("DEL")};
                for (const QString &key : stale)
                    del.append(key.toUtf8());
                commands.append(del);
            }
            m_connection->transaction(
                commands, [callback, list, stale, what](const Result<RedisValue> &done) {
                    if (!done)
                        return callback(done.error());
                    callback(WriteOutcome{
                        tr("set in %1, in one transaction:\n%2").arg(what, describe(list, stale))});
                });
        });
}

} // namespace optimist
