#pragma once

#include "plan/RolloutPlan.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace optimist {

/// The parsed command line of optimist-cli. parse() never exits: a bad command line comes back
/// as `error` (exit code 2), help and version as `output` (exit code 0).
struct CliArguments
{
    Q_DECLARE_TR_FUNCTIONS(CliArguments)

public:
    QString command;      ///< rollout, rollback, pause, resume, promote, status, history, show,
                          ///< simulate, lease
    QString leaseAction;  ///< lease: "show" or "break"
    bool yes = false;     ///< lease break --yes: no confirmation
    QString version;      ///< rollout
    qint64 rolloutId = 0; ///< resume, show, and optional for rollback/pause/promote
    QString scenario;     ///< simulate, or --sandbox
    QString app;
    QString env;
    QString dataDir;
    QString configDir;
    bool json = false;
    bool fully = false; ///< promote --fully
    double speed = 0;   ///< sandbox pacing for rollout; 0: the default
    quint64 seed = 0;
    bool seedGiven = false;
    int runs = 1;   ///< simulate
    int limit = 20; ///< history

    // Plan overrides
    std::optional<int> initialTraffic;
    std::optional<QList<int>> steps;
    std::optional<int> checkInterval;
    std::optional<double> threshold;
    bool force = false;
    bool dryRun = false;

    QString error;  ///< set: exit 2 with this message
    QString output; ///< set: print and exit 0 (help, version)

    static CliArguments parse(const QStringList &arguments);
    /// Applies the plan overrides to @p plan.
    void applyTo(RolloutPlan &plan) const;
    static QString usage();
};

} // namespace optimist
