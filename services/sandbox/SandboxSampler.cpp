#include "SandboxSampler.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace optimist {

namespace {

constexpr double kExactPoissonBelow = 30;
constexpr qint64 kExactBinomialUpTo = 30;

} // namespace

double SandboxSampler::uniform(std::mt19937_64 &random)
{
    // 53 random bits; +1 keeps it away from 0 so log() below is finite.
    return (double(random() >> 11) + 1.0) * 0x1.0p-53;
}

double SandboxSampler::normal(std::mt19937_64 &random)
{
    const double u1 = uniform(random);
    const double u2 = uniform(random);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

qint64 SandboxSampler::poisson(std::mt19937_64 &random, double mean)
{
    if (!(mean > 0))
        return 0;
    if (mean < kExactPoissonBelow) {
        // Knuth: multiply uniforms until the product drops below e^-mean.
        const double limit = std::exp(-mean);
        qint64 k = 0;
        double product = uniform(random);
        while (product > limit) {
            ++k;
            product *= uniform(random);
        }
        return k;
    }
    return std::max<qint64>(0, std::llround(mean + std::sqrt(mean) * normal(random)));
}

qint64 SandboxSampler::binomial(std::mt19937_64 &random, qint64 trials, double probability)
{
    if (trials <= 0 || !(probability > 0))
        return 0;
    if (probability >= 1)
        return trials;
    if (trials <= kExactBinomialUpTo) {
        qint64 k = 0;
        for (qint64 i = 0; i < trials; ++i)
            k += uniform(random) <= probability ? 1 : 0;
        return k;
    }
    const double n = double(trials);
    const double mean = n * probability;
    if (mean < kExactPoissonBelow)
        return std::min(trials, poisson(random, mean));
    if (n - mean < kExactPoissonBelow)
        return trials - std::min(trials, poisson(random, n - mean));
    const double sd = std::sqrt(mean * (1.0 - probability));
    return std::clamp<qint64>(std::llround(mean + sd * normal(random)), 0, trials);
}

double SandboxSampler::unitLogNormal(std::mt19937_64 &random, double relativeSd)
{
    const double z = normal(random); // drawn even for no noise: the stream stays aligned
    if (relativeSd <= 0)
        return 1.0;
    const double sigma = std::sqrt(std::log1p(relativeSd * relativeSd));
    return std::exp(sigma * z - sigma * sigma / 2.0);
}

} // namespace optimist
