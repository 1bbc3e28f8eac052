#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace optimist {

/// An operator control, with who asked and when. Another process (a second optimist-cli, the
/// GUI) files it as Requested in the history store; the process running the rollout applies it.
struct OperatorAction
{
    enum class Kind { Pause, Resume, Promote, PromoteFully, Abort };
    enum class Status { Requested, Applied, Rejected };

    qint64 id = 0;
    qint64 rolloutId = 0;
    QDateTime at;
    QString who; ///< the OS user
    Kind kind = Kind::Pause;
    Status status = Status::Requested;
    QString detail; ///< why it was rejected, or a note

    static QString kindName(Kind kind);
    static std::optional<Kind> parseKind(const QString &text);
    static QString statusName(Status status);
    static Status parseStatus(const QString &text);
};

} // namespace optimist
