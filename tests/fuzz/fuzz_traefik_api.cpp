// The readers of Traefik's API answers (version, services, routers, rawdata): every reader
// reads every input. Invariants: no crash or UB; an error carries a message; a weighted
// service read from a list has named children.

#include "FuzzSupport.h"
#include "TraefikApiParser.h"

using namespace optimist;

namespace {

template <typename T> void checkError(const Result<T> &result)
{
    if (!result)
        fuzz::check(!result.error().message.isEmpty(), "an error without a message");
}

void checkService(const TraefikService &service)
{
    for (const TraefikService::Child &child : service.children)
        fuzz::check(!child.name.isEmpty(), "a weighted child without a name");
}

} // namespace

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const QString source = QStringLiteral("fuzz");
    checkError(TraefikApiParser::parseVersion(body, source));
    const auto service = TraefikApiParser::parseService(body, source);
    checkError(service);
    if (service)
        checkService(service.value());
    for (const auto &list : {TraefikApiParser::parseServiceList(body, source),
                             TraefikApiParser::parseRawDataServices(body, source)}) {
        checkError(list);
        if (list) {
            for (const TraefikService &s : list.value())
                checkService(s);
        }
    }
    checkError(TraefikApiParser::parseRouter(body, source));
    checkError(TraefikApiParser::parseRouterList(body, source));
    return 0;
}
