// optimist-cli's command line parser. The input is the arguments after the program name,
// separated by NUL bytes. Invariants: no crash or UB; exactly one of error, output or a known
// command; accepted values within the ranges the help states.

#include "CliArguments.h"
#include "FuzzSupport.h"

using namespace optimist;

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QStringList arguments{QStringLiteral("optimist-cli")};
    for (const QByteArray &part : fuzz::bytes(data, size).split('\0'))
        arguments << QString::fromUtf8(part);
    const CliArguments a = CliArguments::parse(arguments);
    if (!a.error.isEmpty()) {
        fuzz::check(a.output.isEmpty(), "both an error and an output");
        return 0;
    }
    if (!a.output.isEmpty())
        return 0;
    static const QStringList commands{
        QStringLiteral("rollout"), QStringLiteral("rollback"), QStringLiteral("pause"),
        QStringLiteral("resume"),  QStringLiteral("promote"),  QStringLiteral("status"),
        QStringLiteral("history"), QStringLiteral("show"),     QStringLiteral("simulate")};
    fuzz::check(commands.contains(a.command), "an unknown command accepted");
    fuzz::check(a.runs >= 1 && a.limit >= 1, "runs or limit below 1");
    // Overrides are within the ranges the help states; the composed plan is validated later,
    // with the profile's plan (a step list alone may be incomplete).
    fuzz::check(!a.initialTraffic || (*a.initialTraffic >= 1 && *a.initialTraffic <= 100),
                "--initial-traffic out of range");
    fuzz::check(!a.checkInterval || (*a.checkInterval >= 1 && *a.checkInterval <= 86400),
                "--check-interval out of range");
    fuzz::check(!a.threshold || (*a.threshold >= 0 && *a.threshold <= 130),
                "--threshold out of range");
    fuzz::check(a.speed == 0 || (a.speed > 0 && a.speed <= 1e6), "--speed out of range");
    RolloutPlan plan;
    a.applyTo(plan);
    (void)plan.validate();
    if (a.initialTraffic && !plan.steps.isEmpty())
        fuzz::check(plan.steps.first() == *a.initialTraffic, "--initial-traffic not applied");
    return 0;
}
