// The Prometheus text exposition parser (scrapes of Traefik's /metrics).
// Invariants: no crash or UB; an error carries a message; a parsed scrape, written back in the
// text format (untyped), parses to the same samples.

#include "FuzzSupport.h"
#include "PrometheusTextParser.h"

#include <charconv>
#include <cmath>

using namespace optimist;

namespace {

QByteArray escaped(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    return QByteArray(buffer, end - buffer);
}

QByteArray render(const PrometheusScrape &scrape)
{
    QByteArray text;
    for (const PrometheusSample &s : scrape.samples) {
        text += s.name.toUtf8();
        if (!s.labels.isEmpty()) {
            text += '{';
            for (qsizetype i = 0; i < s.labels.size(); ++i) {
                if (i > 0)
                    text += ',';
                text += s.labels[i].first.toUtf8() + "=\"" + escaped(s.labels[i].second) + '"';
            }
            text += '}';
        }
        text += ' ' + number(s.value);
        if (s.timestampMs)
            text += ' ' + QByteArray::number(*s.timestampMs);
        text += '\n';
    }
    return text;
}

} // namespace

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<PrometheusScrape> first = PrometheusTextParser::parse(
        QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    if (!first) {
        fuzz::check(!first.error().message.isEmpty(), "an error without a message");
        return 0;
    }
    const PrometheusScrape &scrape = first.value();
    for (const PrometheusSample &s : scrape.samples) {
        fuzz::check(!s.name.isEmpty(), "a sample without a name");
        for (qsizetype i = 1; i < s.labels.size(); ++i)
            fuzz::check(s.labels[i - 1].first < s.labels[i].first, "labels not sorted and unique");
    }
    const Result<PrometheusScrape> again = PrometheusTextParser::parse(render(scrape));
    fuzz::check(again.ok(), "a parsed scrape, written back, does not parse");
    const QList<PrometheusSample> &b = again.value().samples;
    fuzz::check(b.size() == scrape.samples.size(), "round trip changed the number of samples");
    for (qsizetype i = 0; i < b.size(); ++i) {
        const PrometheusSample &a = scrape.samples[i];
        fuzz::check(a.name == b[i].name, "round trip changed a name");
        fuzz::check(a.labels == b[i].labels, "round trip changed the labels");
        fuzz::check(fuzz::sameNumber(a.value, b[i].value), "round trip changed a value");
        fuzz::check(a.timestampMs == b[i].timestampMs, "round trip changed a timestamp");
    }
    return 0;
}
