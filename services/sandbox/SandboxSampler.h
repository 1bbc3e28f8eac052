#pragma once

#include <QtGlobal>

#include <random>

namespace optimist {

/// The random draws of the sandbox, on a std::mt19937_64 but computed here rather than by the
/// standard library's distributions, whose algorithms differ between implementations: a seed
/// gives the same windows on every platform. Cheap enough for thousands of windows a second.
class SandboxSampler
{
public:
    /// Uniform in (0, 1].
    static double uniform(std::mt19937_64 &random);
    /// Standard normal (Box-Muller, one value per call so the state stays a plain engine).
    static double normal(std::mt19937_64 &random);
    /// Poisson(@p mean): exact for small means, normal approximation for large.
    static qint64 poisson(std::mt19937_64 &random, double mean);
    /// Binomial(@p trials, @p probability): exact for few trials, Poisson or normal
    /// approximation otherwise.
    static qint64 binomial(std::mt19937_64 &random, qint64 trials, double probability);
    /// A log-normal factor with mean 1 and relative standard deviation @p relativeSd.
    static double unitLogNormal(std::mt19937_64 &random, double relativeSd);
};

} // namespace optimist
