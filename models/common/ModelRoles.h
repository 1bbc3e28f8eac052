#pragma once

#include <Qt>

namespace optimist {

/// Every custom item-data role of Optimist's models, declared once (STYLE.md "Models and views").
///
/// Views and proxies ask for raw values through these roles; Qt::DisplayRole carries the formatted
/// text. Each model has its own block so the numbers never collide; column enums live with their
/// model and end with a ColumnCount sentinel.
enum Role {
    /// The raw value a proxy sorts by (numbers, QDateTime, enums as int), for every column.
    SortRole = Qt::UserRole + 1,
    /// optimist::Color (as int) of a color row, series or check side.
    ColorRole,

    // Environments tree (models/environments/EnvironmentTreeModel)
    NodeKindRole = Qt::UserRole + 100, ///< EnvironmentTreeModel::NodeKind: environment, app, color
    EnvironmentNameRole,               ///< QString: the environment a node belongs to
    AppNameRole,                       ///< QString: the application (app and color nodes)
    VersionRole,                       ///< QString: image version a color runs
    ReplicasRunningRole,               ///< int
    ReplicasDesiredRole,               ///< int
    WeightRole,                        ///< int 0..100: Traefik weight of a color
    HealthRole,                        ///< QString: "healthy", "starting", "unhealthy", "unknown"
    BioEnergyRole,                     ///< double: latest bio-energy score, NaN when unknown
    ConnectionStateRole,               ///< QString: "connected", "connecting", "disconnected"
    ConnectionErrorRole,               ///< QString: why an environment is not connected
    InsecureHttpRole,                  ///< bool: the environment allows credentials over plain http

    // Step timeline (models/rollout/StepTimelineModel)
    StepIndexRole = Qt::UserRole + 200, ///< int: plan step (0-based), of step and check rows
    StepWeightRole,                     ///< int: canary weight of the step
    /// QString: "pending", "shifting", "observing", "passed", "failed" (a check or a limit of
    /// inconclusive ones rolled it back), "aborted" (rolled back for another reason: operator,
    /// router), "skipped" (promoted fully or forced past it); check rows: "running", "judged"
    StepStateRole,
    StartedAtRole,     ///< QDateTime
    CheckIndexRole,    ///< int: check number within its step (check rows), -1 on step rows
    VerdictRole,       ///< int: optimist::Verdict of a judged check row
    CheckReasonRole,   ///< QString: the check's reasons in words and numbers
    CheckFailuresRole, ///< QStringList: every criterion the check failed, in words
    StepDecisionRole,  ///< QString: the last decision at the step, with its reason (step rows)

    // Rollout history (models/history/HistoryModel)
    RolloutIdRole = Qt::UserRole + 300, ///< qint64: rollout id in the history store
    OutcomeRole,                        ///< QString: outcomeName() or "unfinished"
    FromVersionRole,                    ///< QString
    ToVersionRole,                      ///< QString
    EndedAtRole,                        ///< QDateTime, invalid while unfinished
    DurationSecRole,                    ///< qint64 seconds
    WhoRole,                            ///< QString: who started it
    ReasonRole,                         ///< QString: why it ended as it did
    // Decision log of one rollout (models/history/DecisionLogModel); time: TimestampRole,
    // step: StepIndexRole, weight: StepWeightRole, a check's verdict: VerdictRole
    LogEntryKindRole,  ///< DecisionLogModel::EntryKind (as int)
    FinalDecisionRole, ///< bool: the entry that decided how the rollout ended

    // Metric series (models/metrics/)
    MetricRole = Qt::UserRole + 400, ///< int: which of the five metrics
    TimestampRole,                   ///< QDateTime of a sample
    ValueRole,                       ///< double

    // Settings: environment profiles (models/settings/ProfileListModel)
    ProfileFileRole = Qt::UserRole + 600, ///< QString: the profile's file; empty until saved
    ProfileModifiedRole,                  ///< bool: edited since it was loaded or saved
    ProfileClusterKindRole,               ///< QString: "sandbox" or "docker"
};

} // namespace optimist
