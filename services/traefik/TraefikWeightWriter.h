#pragma once

#include "TraefikAppRoute.h"
#include "TraefikNaming.h"
#include "core/Result.h"
#include "core/WeightSplit.h"
#include "core/WriteMode.h"
#include "core/WriteOutcome.h"

#include <QObject>

#include <functional>

namespace optimist {

/// Where Traefik reads an application's weighted service from: its Redis KV provider or its
/// file provider. Answers arrive through the event loop, never inside the call.
class TraefikWeightWriter : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(const Result<T> &)>;

    using QObject::QObject;

    /// Traefik's provider name, the suffix of the weighted service: "redis" or "file".
    virtual QString providerName() const = 0;
    /// The weights as written; NotFound when the application was never written here.
    virtual void readWeights(const TraefikAppRoute &route, Callback<WeightSplit> callback) = 0;
    /// Writes @p split atomically; on first adoption also the weighted service's children and
    /// sticky cookie and the router. DryRun writes nothing and describes exactly what it would.
    virtual void writeWeights(const TraefikAppRoute &route, const WeightSplit &split,
                              TraefikNaming::Version version, WriteMode mode,
                              Callback<WriteOutcome> callback) = 0;
};

} // namespace optimist
