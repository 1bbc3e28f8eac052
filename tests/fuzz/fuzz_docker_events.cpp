// The framing of Docker's `GET /events` stream (newline-delimited JSON in arbitrary chunks)
// and the event reader. The first input byte sets the chunk size. Invariants: no crash or UB;
// the events do not depend on how the stream was chunked; what stays buffered is one
// unfinished line.

#include "DockerEvent.h"
#include "FuzzSupport.h"

using namespace optimist;

namespace {

bool same(const DockerEvent &a, const DockerEvent &b)
{
    return a.type == b.type && a.action == b.action && a.id == b.id &&
           a.attributes == b.attributes && a.timeNano == b.timeNano && a.time == b.time;
}

} // namespace

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunk = data[0] % 64 + 1;
    const QByteArray stream = fuzz::bytes(data + 1, size - 1);

    QByteArray whole = stream;
    const QList<DockerEvent> atOnce = DockerEvent::takeComplete(&whole);
    fuzz::check(!whole.contains('\n'), "a complete line stays buffered");

    QByteArray buffer;
    QList<DockerEvent> chunked;
    for (qsizetype at = 0; at < stream.size(); at += chunk) {
        buffer += stream.mid(at, chunk);
        chunked += DockerEvent::takeComplete(&buffer);
        fuzz::check(!buffer.contains('\n'), "a complete line stays buffered");
    }
    fuzz::check(buffer == whole, "chunking changed what stays buffered");
    fuzz::check(chunked.size() == atOnce.size(), "chunking changed the number of events");
    for (qsizetype i = 0; i < atOnce.size(); ++i) {
        fuzz::check(same(chunked[i], atOnce[i]), "chunking changed an event");
        fuzz::check(!atOnce[i].type.isEmpty() && !atOnce[i].action.isEmpty(),
                    "an event without a type or action");
        (void)atOnce[i].serviceName();
    }
    return 0;
}
