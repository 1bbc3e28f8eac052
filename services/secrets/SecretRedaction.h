#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace optimist {

/// Keeps credentials out of every log line (DESIGN §4: secrets live only in the keychain).
///
/// Two layers: describe() formats a request for a log line with its credential headers and
/// URL user info replaced by "[redacted]"; and the log filter, installed once by each program's
/// main(), replaces in every message the secrets this process has read from or stored in the
/// keychain (and their base64 and percent-encoded forms) and the values of credential headers,
/// before the message reaches stderr or the journal — a last line of defence for messages
/// that quote a server's answer or a library's error text.
class SecretRedaction
{
public:
    static const QLatin1String kRedacted; ///< "[redacted]"

    /// Whether a header of this name carries credentials (Authorization, Proxy-Authorization,
    /// X-Registry-Auth, Cookie, Set-Cookie, …), in any case.
    static bool isCredentialHeader(const QByteArray &name);

    /// "METHOD URL Header: value, …" with the URL's user info and credential-like query items
    /// (token, password, …) and the credential headers' values redacted.
    static QString describe(const QByteArray &method, const QUrl &url,
                            const QList<QPair<QByteArray, QByteArray>> &headers);

    /// Remembers @p secret (from the keychain) so that the log filter removes it from every
    /// message of this process. Secrets under 4 characters are not tracked: replacing them
    /// would garble messages without protecting much.
    static void remember(const QString &secret);
    /// Forgets every remembered secret (tests).
    static void forgetAll();

    /// @p text with the remembered secrets, their encoded forms and credential header values
    /// replaced by "[redacted]".
    static QString redact(const QString &text);

    /// Installs the process-wide message handler that redacts every message and then hands it
    /// to the handler that was installed before. Idempotent.
    static void installLogFilter();
};

} // namespace optimist
