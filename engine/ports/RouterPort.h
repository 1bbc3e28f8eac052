#pragma once

#include "core/Reply.h"
#include "core/WeightSplit.h"
#include "core/WriteMode.h"
#include "core/WriteOutcome.h"

#include <chrono>

namespace optimist {

/// The traffic router (Traefik, or the sandbox): the weights of an application's colors.
class RouterPort
{
public:
    virtual ~RouterPort() = default;

    /// The weights as written in the router's configuration.
    virtual void readWeights(const QString &app, Reply<WeightSplit> reply) = 0;

    /// Writes @p split atomically (never half a change).
    virtual void writeWeights(const QString &app, const WeightSplit &split, WriteMode mode,
                              Reply<WriteOutcome> reply) = 0;

    /// Answers with the weights in force once they equal @p split; Error::Timeout naming what
    /// differs when they do not within @p timeout.
    virtual void confirmWeights(const QString &app, const WeightSplit &split,
                                std::chrono::milliseconds timeout, Reply<WeightSplit> reply) = 0;
};

} // namespace optimist
