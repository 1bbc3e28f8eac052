#include "Verdict.h"

namespace optimist {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Inconclusive:
        return QStringLiteral("inconclusive");
    case Verdict::Fail:
        break;
    }
    return QStringLiteral("fail");
}

std::optional<Verdict> parseVerdict(const QString &text)
{
    for (Verdict v : {Verdict::Pass, Verdict::Inconclusive, Verdict::Fail})
        if (verdictName(v) == text)
            return v;
    return std::nullopt;
}

} // namespace optimist
