#pragma once

namespace optimist {

class ClusterPort;
class RouterPort;
class MetricsPort;
class Clock;
class HistoryStore;

/// The ports a RolloutEngine works through; none is owned by the engine.
struct RolloutPorts
{
    ClusterPort *cluster = nullptr;
    RouterPort *router = nullptr;
    MetricsPort *metrics = nullptr;
    Clock *clock = nullptr;
    HistoryStore *store = nullptr;
};

} // namespace optimist
