#pragma once

#include "PrometheusScrape.h"
#include "core/Result.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace optimist {

/// Parses the Prometheus text exposition format 0.0.4 strictly, as Prometheus' own scraper
/// does: "# HELP" and "# TYPE" lines (other comments are ignored), metric names, labels with the
/// escapes \\ \" \n, values including +Inf, -Inf and NaN, optional integer millisecond
/// timestamps, and the histogram (_bucket with le, _sum, _count) and summary (quantile) shapes.
///
/// Any malformed line rejects the whole scrape (Error::Kind::Invalid, "line N: what is wrong"),
/// so a caller never works on half a scrape. Lines end in "\n"; a "\r" before it is tolerated.
/// The parser works on the raw bytes in one pass and shares repeated names and label values.
class PrometheusTextParser
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusTextParser)

public:
    PrometheusTextParser() = delete;

    static Result<PrometheusScrape> parse(QByteArrayView text);
};

} // namespace optimist
