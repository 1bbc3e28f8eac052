// The reader of `GET /containers/{id}/stats` and `docker stats`' CPU formula. Invariants: no
// crash or UB; an error carries a message; a CPU percentage is never negative or NaN.

#include "DockerStatsCpu.h"
#include "FuzzSupport.h"

#include <cmath>

using namespace optimist;

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<DockerStatsCpu::Sample> sample = DockerStatsCpu::parse(fuzz::bytes(data, size));
    if (!sample) {
        fuzz::check(!sample.error().message.isEmpty(), "an error without a message");
        return 0;
    }
    const DockerStatsCpu::Sample &s = sample.value();
    const auto valid = [](const std::optional<double> &p) {
        return !p || (!std::isnan(*p) && *p >= 0);
    };
    const std::optional<double> own = DockerStatsCpu::percent(s);
    fuzz::check(valid(own), "percent(sample) is negative or NaN");
    // The sample against itself a cycle earlier: its precpu_stats as the previous one-shot.
    DockerStatsCpu::Sample previous = s;
    previous.cpu = s.precpu;
    previous.read = s.read.addSecs(-1);
    const std::optional<double> between = DockerStatsCpu::percent(previous, s);
    fuzz::check(valid(between), "percent(previous, current) is negative or NaN");
    const double color = DockerStatsCpu::colorPercent({own, between});
    fuzz::check(std::isnan(color) == (!own && !between), "colorPercent is NaN with a figure");
    fuzz::check(std::isnan(color) || color >= 0, "colorPercent is negative");
    return 0;
}
