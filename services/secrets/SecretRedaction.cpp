#include "SecretRedaction.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>

namespace optimist {

namespace {

struct Registry
{
    QMutex mutex;
    /// Every form a remembered secret may take in text; longest first, so that a secret which
    /// contains another is replaced whole.
    QStringList forms;
};

Registry &registry()
{
    static Registry r;
    return r;
}

QtMessageHandler previousHandler = nullptr;
std::atomic_bool installed{false};

void filteringHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = SecretRedaction::redact(message);
    if (previousHandler)
        previousHandler(type, context, clean);
}

bool isCredentialName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("pass|token|secret|auth|apikey|api_key|api-key|credential|signature"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

} // namespace

const QLatin1String SecretRedaction::kRedacted("[redacted]");

bool SecretRedaction::isCredentialHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "authorization" || lower == "proxy-authorization" ||
           lower == "x-registry-auth" || lower == "x-registry-config" || lower == "cookie" ||
           lower == "set-cookie" || lower.contains("token") || lower.contains("api-key");
}

QString SecretRedaction::describe(const QByteArray &method, const QUrl &url,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo);
    if (url.hasQuery()) {
        QUrlQuery query(url);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto &[key, value] : items) {
            if (isCredentialName(key))
                value = kRedacted;
        }
        query.setQueryItems(items);
        shown.setQuery(query);
    }
    QString text = QString::fromLatin1(method) + QLatin1Char(' ') +
                   shown.toDisplayString(QUrl::RemoveUserInfo);
    if (!url.userInfo().isEmpty())
        text += QStringLiteral(" (user info %1)").arg(kRedacted);
    for (const auto &[name, value] : headers) {
        text += QLatin1String(", ") + QString::fromLatin1(name) + QLatin1String(": ") +
                (isCredentialHeader(name) ? QString(kRedacted) : QString::fromUtf8(value));
    }
    return redact(text);
}

void SecretRedaction::remember(const QString &secret)
{
    if (secret.size() < 4)
        return;
    const QByteArray utf8 = secret.toUtf8();
    const QStringList forms{
        secret,
        QString::fromLatin1(utf8.toBase64()),
        QString::fromLatin1(utf8.toBase64(QByteArray::Base64UrlEncoding)),
        QString::fromLatin1(
            utf8.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals)),
        QString::fromLatin1(
            utf8.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
        QString::fromLatin1(QUrl::toPercentEncoding(secret)),
    };
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    for (const QString &form : forms) {
        if (!r.forms.contains(form))
            r.forms.append(form);
    }
    std::sort(r.forms.begin(), r.forms.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void SecretRedaction::forgetAll()
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    r.forms.clear();
}

QString SecretRedaction::redact(const QString &text)
{
    // "Authorization: Basic abc", "X-Registry-Auth=eyJ…": the value up to the end of the line,
    // a comma or a quote.
    static const QRegularExpression header(
        QStringLiteral("\\b((?:proxy-)?authorization|x-registry-auth|x-registry-config|cookie)"
                       "(\"?\\s*[:=]\\s*\"?)[^\",\\r\\n]+"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(header, QStringLiteral("\\1\\2") + kRedacted);
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    for (const QString &form : std::as_const(r.forms))
        out.replace(form, kRedacted);
    return out;
}

void SecretRedaction::installLogFilter()
{
    if (installed.exchange(true))
        return;
    previousHandler = qInstallMessageHandler(filteringHandler);
}

} // namespace optimist
