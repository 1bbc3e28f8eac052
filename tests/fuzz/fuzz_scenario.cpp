// The sandbox scenario reader (JSON). Invariants: no crash or UB; an error carries a message;
// a scenario read has a valid plan and finite, non-negative figures.

#include "FuzzSupport.h"
#include "ScenarioParser.h"

#include <cmath>

using namespace optimist;

namespace {

bool figure(double v)
{
    return std::isfinite(v) && v >= 0;
}

} // namespace

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ScenarioParser parser(QStringLiteral("fuzz.json"));
    const Result<Scenario> scenario = parser.parse(fuzz::bytes(data, size));
    if (!scenario) {
        fuzz::check(!scenario.error().message.isEmpty(), "an error without a message");
        return 0;
    }
    const Scenario &s = scenario.value();
    fuzz::check(s.plan.validate().isEmpty(), "a scenario with an invalid plan");
    fuzz::check(figure(s.baseline.latencyMs) && figure(s.baseline.errorRate) &&
                    figure(s.baseline.cpu) && figure(s.baseline.rps),
                "a baseline figure is negative or not finite");
    fuzz::check(figure(s.canary.latencyMs) && figure(s.canary.errorRate) && figure(s.canary.cpu) &&
                    figure(s.canary.startupSec),
                "a canary figure is negative or not finite");
    fuzz::check(figure(s.noise.latency) && figure(s.noise.errorRate) && figure(s.noise.cpu),
                "a noise figure is negative or not finite");
    for (const Scenario::Change &change : s.changes) {
        fuzz::check(!change.atSec || figure(*change.atSec), "a change's atSec is not valid");
        fuzz::check(figure(change.rampSec), "a change's rampSec is not valid");
    }
    return 0;
}
