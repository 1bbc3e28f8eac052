#pragma once

#include <QString>

#include <optional>

namespace optimist {

/// The outcome of one check. No data is never a pass: too few requests is Inconclusive.
enum class Verdict { Pass, Inconclusive, Fail };

QString verdictName(Verdict verdict);
std::optional<Verdict> parseVerdict(const QString &text);

} // namespace optimist
