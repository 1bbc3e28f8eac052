#include "KeychainSecretStore.h"

#include "SecretRedaction.h"

#include <qt6keychain/keychain.h>

#include <QRegularExpression>
#include <QTimer>

#include <memory>
#include <utility>

namespace optimist {

namespace {

const QLatin1String kPrefix("keychain:");

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : QObject(parent)
{
}

Result<KeychainSecretStore::Reference> KeychainSecretStore::parseReference(const QString &reference)
{
    // The same form ProfileLoader accepts: keychain:SERVICE/ACCOUNT.
    static const QRegularExpression form(QStringLiteral("^keychain:([^/\\s]+)/(\\S.*)$"));
    const QRegularExpressionMatch match = form.match(reference);
    if (!match.hasMatch()) {
        return Error{Error::Kind::Invalid,
                     tr("`%1` is not a keychain reference; write `keychain:SERVICE/ACCOUNT`, "
                        "e.g. `keychain:optimist/redis.internal`.")
                         .arg(reference)};
    }
    return Reference{match.captured(1), match.captured(2)};
}

template <typename T> void KeychainSecretStore::answerLater(const Reply<T> &reply, Result<T> result)
{
    QTimer::singleShot(0, this, [reply, result = std::move(result)] { reply(result); });
}

void KeychainSecretStore::start(QKeychain::Job *job, std::function<void(QKeychain::Job *)> done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);

    // Whichever comes first, the job or the timeout, answers; the other is ignored. A job that
    // outlives its timeout still deletes itself when it ends.
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [answered, timer, done] {
        timer->deleteLater();
        if (std::exchange(*answered, true))
            return;
        done(nullptr);
    });
    connect(job, &QKeychain::Job::finished, this, [answered, timer, done](QKeychain::Job *j) {
        timer->stop();
        timer->deleteLater();
        if (std::exchange(*answered, true))
            return;
        done(j);
    });
    timer->start(m_timeout);
    // From the event loop: a backend that fails at once must not answer inside our caller.
    QTimer::singleShot(0, job, &QKeychain::Job::start);
}

void KeychainSecretStore::read(const QString &reference, Reply<QString> reply)
{
    const auto parsed = parseReference(reference);
    if (!parsed) {
        answerLater(reply, Result<QString>(parsed.error()));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(parsed.value().service);
    job->setKey(parsed.value().account);
    start(job, [this, reference, reply](QKeychain::Job *done) {
        if (!done)
            reply(timedOut(reference));
        else if (done->error() != QKeychain::NoError)
            reply(failure(Operation::Read, reference, done));
        else {
            const QString secret = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
            SecretRedaction::remember(secret);
            reply(secret);
        }
    });
}

void KeychainSecretStore::write(const QString &reference, const QString &secret, Reply<void> reply)
{
    const auto parsed = parseReference(reference);
    if (!parsed) {
        answerLater(reply, Result<void>(parsed.error()));
        return;
    }
    SecretRedaction::remember(secret);
    auto *job = new QKeychain::WritePasswordJob(parsed.value().service);
    job->setKey(parsed.value().account);
    job->setTextData(secret);
    start(job, [this, reference, reply](QKeychain::Job *done) {
        if (!done)
            reply(timedOut(reference));
        else if (done->error() != QKeychain::NoError)
            reply(failure(Operation::Write, reference, done));
        else
            reply({});
    });
}

void KeychainSecretStore::remove(const QString &reference, Reply<void> reply)
{
    const auto parsed = parseReference(reference);
    if (!parsed) {
        answerLater(reply, Result<void>(parsed.error()));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(parsed.value().service);
    job->setKey(parsed.value().account);
    start(job, [this, reference, reply](QKeychain::Job *done) {
        if (!done)
            reply(timedOut(reference));
        else if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound)
            reply(failure(Operation::Remove, reference, done));
        else
            reply({});
    });
}

Error KeychainSecretStore::failure(Operation operation, const QString &reference,
                                   const QKeychain::Job *job) const
{
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::EntryNotFound: {
        const Reference parts = parseReference(reference).value();
        return {Error::Kind::NotFound,
                tr("The keychain holds no secret for `%1`: store it there under service `%2`, "
                   "account `%3`.")
                    .arg(reference, parts.service, parts.account)};
    }
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {Error::Kind::Other,
                tr("The keychain refused access to `%1` (%2): unlock it and allow Optimist to "
                   "use it, then try again.")
                    .arg(reference, detail)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // QtKeychain 0.13 says OtherError when no Secret Service answers on D-Bus.
        switch (operation) {
        case Operation::Read:
            return {Error::Kind::Unreachable,
                    tr("No keychain is available (%1), so the secret for `%2` cannot be read. "
                       "Start and unlock a Secret Service (gnome-keyring, KWallet) and try "
                       "again.")
                        .arg(detail, reference)};
        case Operation::Write:
            return {Error::Kind::Unreachable,
                    tr("No keychain is available (%1), so the secret for `%2` was not stored, "
                       "nor written anywhere else. Start and unlock a Secret Service "
                       "(gnome-keyring, KWallet) and try again.")
                        .arg(detail, reference)};
        case Operation::Remove:
            return {Error::Kind::Unreachable,
                    tr("No keychain is available (%1), so the secret for `%2` was not removed. "
                       "Start and unlock a Secret Service (gnome-keyring, KWallet) and try "
                       "again.")
                        .arg(detail, reference)};
        }
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoError:
        break;
    }
    return {Error::Kind::Other, tr("The keychain failed on `%1`: %2.").arg(reference, detail)};
}

Error KeychainSecretStore::timedOut(const QString &reference) const
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
    return {Error::Kind::Timeout,
            tr("The keychain did not answer within %n second(s) about `%1`: unlock it (a "
               "prompt may be waiting) and try again.",
               nullptr, static_cast<int>(seconds))
                .arg(reference)};
}

} // namespace optimist
