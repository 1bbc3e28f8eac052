#pragma once

namespace optimist {

/// Coefficients of the bio-energy composite (DESIGN §2). The defaults are the seed's formula:
///   (100 - error_rate*5)*0.5 + (200 - response_time_ms)*0.3 + (100 - cpu)*0.2
struct BioEnergyCoefficients
{
    double errorBase = 100;
    double errorFactor = 5;
    double errorWeight = 0.5;
    double latencyBase = 200;
    double latencyWeight = 0.3;
    double cpuBase = 100;
    double cpuWeight = 0.2;

    bool operator==(const BioEnergyCoefficients &) const = default;
};

} // namespace optimist
