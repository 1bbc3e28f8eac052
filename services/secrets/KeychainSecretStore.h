#pragma once

#include "core/Reply.h"
#include "core/Result.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

namespace optimist {

/// The one way Optimist reads and writes secrets: the OS keychain through QtKeychain (Secret
/// Service on Linux, Keychain on macOS, Credential Manager on Windows). DESIGN §4.
///
/// A secret is named by a profile's reference `keychain:SERVICE/ACCOUNT` (docs/profiles.md).
/// Every operation answers through its Reply exactly once, never from inside the call, within
/// the timeout. There is no plaintext fallback: when no keychain answers, the operation fails
/// with Error::Unreachable and nothing is stored anywhere. Error messages name the reference,
/// never the secret.
class KeychainSecretStore final : public QObject
{
    Q_OBJECT

public:
    /// A parsed `keychain:SERVICE/ACCOUNT`: SERVICE has no `/` and no blank, ACCOUNT is the
    /// rest (it may hold `/`), neither is empty.
    struct Reference
    {
        QString service;
        QString account;
    };

    explicit KeychainSecretStore(QObject *parent = nullptr);

    /// The reference's parts, or Error::Invalid saying how to write one.
    static Result<Reference> parseReference(const QString &reference);

    /// How long an operation may take before it fails with Error::Timeout (a locked keychain
    /// may wait for a prompt nobody answers). Default 15 s.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    /// The secret @p reference names; Error::NotFound when the keychain holds none.
    void read(const QString &reference, Reply<QString> reply);
    /// Stores @p secret under @p reference, replacing what was there.
    void write(const QString &reference, const QString &secret, Reply<void> reply);
    /// Deletes the secret @p reference names. Succeeds when there was none, too: the Secret
    /// Service does not tell the two apart, and either way none remains.
    void remove(const QString &reference, Reply<void> reply);

private:
    enum class Operation { Read, Write, Remove };

    /// Starts @p job from the event loop and calls @p done once: with the finished job, or
    /// with nullptr when the timeout came first.
    void start(QKeychain::Job *job, std::function<void(QKeychain::Job *)> done);
    Error failure(Operation operation, const QString &reference, const QKeychain::Job *job) const;
    Error timedOut(const QString &reference) const;

    template <typename T> void answerLater(const Reply<T> &reply, Result<T> result);

    std::chrono::milliseconds m_timeout{15000};
};

} // namespace optimist
