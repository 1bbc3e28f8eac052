#pragma once

#include "CliArguments.h"
#include "CliPrinter.h"

#include "core/Result.h"
#include "rollout/RolloutRecord.h"

#include <QObject>

#include <memory>

namespace optimist {

class EnvironmentRuntime;
class RolloutSession;
class SqliteHistoryStore;

/// optimist-cli: dispatches a parsed command line. Commands that wait (rollout, resume,
/// rollback, status, controls) run on the event loop and end with QCoreApplication::exit().
class CliApp : public QObject
{
    Q_OBJECT
public:
    explicit CliApp(const CliArguments &arguments, QObject *parent = nullptr);
    ~CliApp() override;

    /// Starts the command; answers an exit code when it ended synchronously, or -1 when it
    /// runs on the event loop.
    int start();

    static QString operatorName();

private:
    int rollout();
    int recoverOrFollow(bool rollBack);
    int revert(const Error &nothingUnfinished);
    int control();
    int status();
    int history();
    int show();
    /// `lease show APP` and `lease break APP` (LeaseCommand).
    int lease();

    int fail(const Error &error);
    Result<RolloutRecord> targetRollout();
    Result<void> openStore();
    Result<void> openRuntime(const QString &environment, const QString &freshScenario);
    /// Reads the keychain entries the environment needs (its pendingSecrets()).
    Result<void> readSecrets();
    void follow(qint64 rolloutId, qint64 afterEvent);
    void quit(int code);
    RolloutSession *newSession();

    CliArguments m_args;
    CliPrinter m_printer;
    QString m_dataDir;
    QString m_configDir;
    std::unique_ptr<SqliteHistoryStore> m_store;
    std::unique_ptr<EnvironmentRuntime> m_runtime;
    RolloutSession *m_session = nullptr;
};

} // namespace optimist
