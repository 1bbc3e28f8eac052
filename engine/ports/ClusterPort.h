#pragma once

#include "core/AppSnapshot.h"
#include "core/JobOutcome.h"
#include "core/Reply.h"
#include "core/WriteMode.h"
#include "core/WriteOutcome.h"

#include <QStringList>

#include <chrono>

namespace optimist {

/// The container cluster (Docker Swarm, or the sandbox). Every call is asynchronous: it returns
/// at once and answers through the Reply, never from inside the call; a cancelled reply is
/// never called.
class ClusterPort
{
public:
    virtual ~ClusterPort() = default;

    /// The application's colors, their versions, replicas and health.
    virtual void readApp(const QString &app, Reply<AppSnapshot> reply) = 0;

    /// Creates color @p to as a clone of @p from's spec with image tag @p version.
    virtual void createColor(const QString &app, Color from, Color to, const QString &version,
                             WriteMode mode, Reply<WriteOutcome> reply) = 0;

    /// Answers once every task of @p color runs and is healthy; Error::Unhealthy (with the
    /// task's error) for a crash loop, Error::Timeout after @p timeout.
    virtual void waitHealthy(const QString &app, Color color, std::chrono::milliseconds timeout,
                             Reply<ColorService> reply) = 0;

    virtual void scale(const QString &app, Color color, int replicas, WriteMode mode,
                       Reply<WriteOutcome> reply) = 0;

    virtual void removeColor(const QString &app, Color color, WriteMode mode,
                             Reply<WriteOutcome> reply) = 0;

    /// Runs @p command once as a job with the image of @p version; answers with its exit code.
    virtual void runJob(const QString &app, const QString &version, const QStringList &command,
                        std::chrono::milliseconds timeout, WriteMode mode,
                        Reply<JobOutcome> reply) = 0;
};

} // namespace optimist
