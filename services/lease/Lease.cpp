#include "Lease.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace optimist {

LeaseHolder LeaseHolder::current(const QString &operatorName, const QString &program)
{
    LeaseHolder h;
    h.operatorName = operatorName;
    h.host = QSysInfo::machineHostName();
    h.pid = QCoreApplication::applicationPid();
    h.program = program;
    return h;
}

QByteArray Lease::toJson() const
{
    const QJsonObject o{
        {QStringLiteral("environment"), environment},
        {QStringLiteral("app"), app},
        {QStringLiteral("operator"), holder.operatorName},
        {QStringLiteral("host"), holder.host},
        {QStringLiteral("pid"), holder.pid},
        {QStringLiteral("program"), holder.program},
        {QStringLiteral("since"), since.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("expiresAt"), expiresAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("token"), token},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Lease> Lease::fromJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    Lease l;
    l.environment = o.value(QStringLiteral("environment")).toString();
    l.app = o.value(QStringLiteral("app")).toString();
    l.holder.operatorName = o.value(QStringLiteral("operator")).toString();
    l.holder.host = o.value(QStringLiteral("host")).toString();
    l.holder.pid = o.value(QStringLiteral("pid")).toInteger();
    l.holder.program = o.value(QStringLiteral("program")).toString();
    l.since = QDateTime::fromString(o.value(QStringLiteral("since")).toString(), Qt::ISODateWithMs);
    l.expiresAt =
        QDateTime::fromString(o.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    l.token = o.value(QStringLiteral("token")).toString();
    if (l.token.isEmpty())
        return std::nullopt;
    return l;
}

bool Lease::holderDiedHere() const
{
    if (holder.pid <= 0 || holder.host != QSysInfo::machineHostName() ||
        holder.pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(pid_t(holder.pid), 0) == -1 && errno == ESRCH;
}

QString Lease::holderText() const
{
    return tr("%1@%2 (%3, pid %4)")
        .arg(holder.operatorName, holder.host, holder.program)
        .arg(holder.pid);
}

QString Lease::describe(const QDateTime &now) const
{
    const qint64 left = std::max<qint64>(0, (now.msecsTo(expiresAt) + 999) / 1000);
    return tr("%1 is being rolled out by %2 since %3 UTC; the lease expires in %4 s unless "
              "renewed.")
        .arg(app, holderText(), since.toUTC().toString(QStringLiteral("HH:mm:ss")))
        .arg(left);
}

} // namespace optimist
