// The environment profile reader (YAML). Invariants: no crash or UB; an error carries a
// message; a profile read has a valid plan and, written back by ProfileWriter, reads back to
// the same YAML.

#include "FuzzSupport.h"
#include "ProfileLoader.h"
#include "ProfileWriter.h"

using namespace optimist;

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = QStringLiteral("/nonexistent/profiles/fuzz.yaml");
    const Result<EnvironmentProfile> profile = ProfileLoader::parse(fuzz::bytes(data, size), path);
    if (!profile) {
        fuzz::check(!profile.error().message.isEmpty(), "an error without a message");
        return 0;
    }
    fuzz::check(profile.value().plan.validate().isEmpty(), "a profile with an invalid plan");
    const Result<QByteArray> yaml = ProfileWriter::toYaml(profile.value());
    fuzz::check(yaml.ok(), "a profile read cannot be written");
    const Result<EnvironmentProfile> again = ProfileLoader::parse(yaml.value(), path);
    fuzz::check(again.ok(), "a written profile does not read back");
    const Result<QByteArray> yamlAgain = ProfileWriter::toYaml(again.value());
    fuzz::check(yamlAgain.ok() && yamlAgain.value() == yaml.value(),
                "a profile changes when written and read back");
    return 0;
}
