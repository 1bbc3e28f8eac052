#include "PrometheusTextParser.h"

#include <QSet>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace optimist {

namespace {

constexpr qsizetype kExcerpt = 60;

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isMetricNameChar(char c)
{
    return isLetter(c) || isDigit(c) || c == ':';
}

bool isLabelNameChar(char c)
{
    return isLetter(c) || isDigit(c);
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

QString quoted(std::string_view s)
{
    QString text = QString::fromUtf8(s.data(), qsizetype(s.size()));
    if (text.size() > kExcerpt)
        text = text.left(kExcerpt) + QStringLiteral("…");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

/// A float as Go's strconv.ParseFloat reads it: optional sign, decimal or exponent notation,
/// Inf/Infinity/NaN in any case.
std::optional<double> parseFloat(std::string_view s)
{
    const char *begin = s.data();
    const char *end = begin + s.size();
    if (begin != end && *begin == '+') {
        ++begin;
        if (begin != end && (*begin == '-' || *begin == '+'))
            return std::nullopt;
    }
    if (begin == end)
        return std::nullopt;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::optional<qint64> parseTimestamp(std::string_view s)
{
    const char *begin = s.data();
    const char *end = begin + s.size();
    if (begin != end && *begin == '+')
        ++begin;
    if (begin == end || (*begin != '-' && !isDigit(*begin)))
        return std::nullopt;
    qint64 value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

struct Failure
{
    QString what;
};

class LineParser
{
public:
    explicit LineParser(PrometheusScrape &out)
        : m_out(out)
    {
    }

    /// Parses one line (without its "\n"); a problem is returned as its description.
    std::optional<Failure> line(std::string_view text)
    {
        m_text = text;
        m_pos = 0;
        skipBlanks();
        if (atEnd())
            return std::nullopt;
        if (m_text[m_pos] == '#')
            return comment();
        return sample();
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char current() const { return m_text[m_pos]; }

    void skipBlanks()
    {
        while (!atEnd() && isBlank(current()))
            ++m_pos;
    }

    std::string_view token()
    {
        const size_t start = m_pos;
        while (!atEnd() && !isBlank(current()))
            ++m_pos;
        return m_text.substr(start, m_pos - start);
    }

    std::string_view metricName()
    {
        const size_t start = m_pos;
        if (!atEnd() && (isLetter(current()) || current() == ':')) {
            ++m_pos;
            while (!atEnd() && isMetricNameChar(current()))
                ++m_pos;
        }
        return m_text.substr(start, m_pos - start);
    }

    std::string_view labelName()
    {
        const size_t start = m_pos;
        if (!atEnd() && isLetter(current())) {
            ++m_pos;
            while (!atEnd() && isLabelNameChar(current()))
                ++m_pos;
        }
        return m_text.substr(start, m_pos - start);
    }

    /// A shared QString for @p bytes, so that repeated names and values share one copy.
    QString intern(std::string_view bytes)
    {
        const auto it = m_interned.find(bytes);
        if (it != m_interned.end())
            return it->second;
        QString text = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
        m_interned.emplace(bytes, text);
        return text;
    }

    std::optional<Failure> comment()
    {
        ++m_pos; // '#'
        skipBlanks();
        const std::string_view keyword = token();
        const bool isHelp = keyword == "HELP";
        if (!isHelp && keyword != "TYPE")
            return std::nullopt; // an ordinary comment
        skipBlanks();
        if (atEnd())
            return std::nullopt; // "# HELP" alone is an ordinary comment, as for Prometheus
        const std::string_view name = metricName();
        if (name.empty() || (!atEnd() && !isBlank(current())))
            return Failure{PrometheusTextParser::tr("%1 line: %2 is not a valid metric name")
                               .arg(QString::fromLatin1(keyword.data(), qsizetype(keyword.size())),
                                    quoted(m_text.substr(m_pos - name.size())))};
        const QString family = intern(name);
        skipBlanks();
        if (isHelp)
            return helpText(family);
        return typeDeclaration(family);
    }

    std::optional<Failure> helpText(const QString &family)
    {
        if (m_out.help.contains(family))
            return Failure{PrometheusTextParser::tr("second HELP line for metric %1").arg(family)};
        std::string text;
        text.reserve(m_text.size() - m_pos);
        for (; !atEnd(); ++m_pos) {
            const char c = current();
            if (c != '\\') {
                text.push_back(c);
                continue;
            }
            ++m_pos;
            if (atEnd())
                return Failure{PrometheusTextParser::tr("HELP text of %1 ends in a lone backslash")
                                   .arg(family)};
            if (current() == '\\')
                text.push_back('\\');
            else if (current() == 'n')
                text.push_back('\n');
            else
                return Failure{
                    PrometheusTextParser::tr("invalid escape sequence \\%1 in the HELP "
                                             "text of %2 (only \\\\ and \\n are allowed)")
                        .arg(QChar::fromLatin1(current()))
                        .arg(family)};
        }
        m_out.help.insert(family, QString::fromUtf8(text.data(), qsizetype(text.size())));
        return std::nullopt;
    }

    std::optional<Failure> typeDeclaration(const QString &family)
    {
        const std::string_view word = token();
        skipBlanks();
        std::string lower(word);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
        PrometheusScrape::Type type = PrometheusScrape::Type::Untyped;
        if (lower == "counter")
            type = PrometheusScrape::Type::Counter;
        else if (lower == "gauge")
            type = PrometheusScrape::Type::Gauge;
        else if (lower == "histogram")
            type = PrometheusScrape::Type::Histogram;
        else if (lower == "summary")
            type = PrometheusScrape::Type::Summary;
        else if (lower != "untyped")
            return Failure{PrometheusTextParser::tr("unknown metric type %1 for %2 (expected "
                                                    "counter, gauge, histogram, summary or "
                                                    "untyped)")
                               .arg(quoted(word), family)};
        if (!atEnd())
            return Failure{PrometheusTextParser::tr("unexpected text %1 after the type of %2")
                               .arg(quoted(m_text.substr(m_pos)), family)};
        if (m_out.types.contains(family))
            return Failure{PrometheusTextParser::tr("second TYPE line for metric %1").arg(family)};
        if (m_sampledFamilies.contains(family) ||
            m_sampledFamilies.contains(family + QLatin1String("_bucket")) ||
            m_sampledFamilies.contains(family + QLatin1String("_sum")) ||
            m_sampledFamilies.contains(family + QLatin1String("_count")))
            return Failure{
                PrometheusTextParser::tr("TYPE line for %1 comes after its samples").arg(family)};
        m_out.types.insert(family, type);
        return std::nullopt;
    }

    /// The label value after its opening quote, unescaped, up to its closing quote.
    std::optional<Failure> labelValue(std::string_view labelNameBytes, QString &value)
    {
        const size_t start = m_pos;
        bool escaped = false;
        for (; !atEnd() && current() != '"'; ++m_pos) {
            if (current() == '\\') {
                escaped = true;
                ++m_pos;
                if (atEnd())
                    break;
                const char c = current();
                if (c != '\\' && c != '"' && c != 'n')
                    return Failure{
                        PrometheusTextParser::tr("invalid escape sequence \\%1 in the value of "
                                                 "label %2 (only \\\\, \\\" and \\n are allowed)")
                            .arg(QChar::fromLatin1(c))
                            .arg(intern(labelNameBytes))};
            }
        }
        if (atEnd())
            return Failure{PrometheusTextParser::tr("the value of label %1 has no closing quote")
                               .arg(intern(labelNameBytes))};
        const std::string_view raw = m_text.substr(start, m_pos - start);
        ++m_pos; // closing quote
        if (!escaped) {
            value = intern(raw);
            return std::nullopt;
        }
        std::string text;
        text.reserve(raw.size());
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\') {
                ++i;
                text.push_back(raw[i] == 'n' ? '\n' : raw[i]);
            } else {
                text.push_back(raw[i]);
            }
        }
        value = QString::fromUtf8(text.data(), qsizetype(text.size()));
        return std::nullopt;
    }

    std::optional<Failure> labels(PrometheusSample &sample)
    {
        ++m_pos; // '{'
        for (;;) {
            skipBlanks();
            if (atEnd())
                return Failure{PrometheusTextParser::tr("the label set has no closing brace")};
            if (current() == '}')
                break;
            const std::string_view name = labelName();
            if (name.empty())
                return Failure{PrometheusTextParser::tr("expected a label name at %1")
                                   .arg(quoted(m_text.substr(m_pos)))};
            skipBlanks();
            if (atEnd() || current() != '=')
                return Failure{PrometheusTextParser::tr("expected \"=\" after label name %1")
                                   .arg(intern(name))};
            ++m_pos;
            skipBlanks();
            if (atEnd() || current() != '"')
                return Failure{PrometheusTextParser::tr("the value of label %1 is not quoted")
                                   .arg(intern(name))};
            ++m_pos;
            const size_t valueStart = m_pos;
            QString value;
            if (auto failure = labelValue(name, value))
                return failure;
            if (std::any_of(m_rawLabels.cbegin(), m_rawLabels.cend(),
                            [name](const auto &raw) { return raw.first == name; }))
                return Failure{
                    PrometheusTextParser::tr("label %1 appears twice").arg(intern(name))};
            m_rawLabels.emplace_back(name, m_text.substr(valueStart, m_pos - 1 - valueStart));
            sample.labels.append({intern(name), value});
            skipBlanks();
            if (atEnd())
                return Failure{PrometheusTextParser::tr("the label set has no closing brace")};
            if (current() == ',') {
                ++m_pos;
                continue;
            }
            if (current() == '}')
                break;
            return Failure{
                PrometheusTextParser::tr("expected \",\" or \"}\" after the value of label %1")
                    .arg(intern(name))};
        }
        ++m_pos; // '}'
        if (sample.labels.size() > 1)
            std::sort(sample.labels.begin(), sample.labels.end(),
                      [](const auto &a, const auto &b) { return a.first < b.first; });
        return std::nullopt;
    }

    /// The family a sample belongs to, for the checks of its shape.
    QString familyOf(std::string_view name, const QString &nameText,
                     PrometheusScrape::Type &type) const
    {
        const auto declared = m_out.types.constFind(nameText);
        if (declared != m_out.types.cend()) {
            type = declared.value();
            return nameText;
        }
        for (const std::string_view suffix :
             {std::string_view("_bucket"), std::string_view("_sum"), std::string_view("_count")}) {
            if (!endsWith(name, suffix))
                continue;
            const QString base = nameText.left(nameText.size() - qsizetype(suffix.size()));
            const auto it = m_out.types.constFind(base);
            if (it == m_out.types.cend())
                continue;
            if (it.value() == PrometheusScrape::Type::Histogram ||
                (it.value() == PrometheusScrape::Type::Summary && suffix != "_bucket")) {
                type = it.value();
                return base;
            }
        }
        type = PrometheusScrape::Type::Untyped;
        return nameText;
    }

    std::optional<Failure> checkShape(const PrometheusSample &sample, std::string_view name)
    {
        PrometheusScrape::Type type = PrometheusScrape::Type::Untyped;
        const QString family = familyOf(name, sample.name, type);
        if (family != m_lastFamily) {
            m_sampledFamilies.insert(family);
            m_lastFamily = family;
        }
        if (type == PrometheusScrape::Type::Histogram) {
            if (endsWith(name, "_bucket") && family != sample.name) {
                const QString le = sample.label(u"le");
                if (le.isNull())
                    return Failure{
                        PrometheusTextParser::tr("histogram bucket %1 has no \"le\" label")
                            .arg(sample.name)};
                if (!parseFloat(le.toStdString()))
                    return Failure{
                        PrometheusTextParser::tr("histogram bucket %1 has an invalid bound le=%2")
                            .arg(sample.name, le)};
            } else if (family == sample.name) {
                return Failure{PrometheusTextParser::tr(
                                   "sample %1 of histogram %1 needs a suffix _bucket, _sum or "
                                   "_count")
                                   .arg(sample.name)};
            }
        } else if (type == PrometheusScrape::Type::Summary && family == sample.name) {
            const QString quantile = sample.label(u"quantile");
            if (quantile.isNull())
                return Failure{PrometheusTextParser::tr("summary sample %1 has no \"quantile\" "
                                                        "label")
                                   .arg(sample.name)};
            if (!parseFloat(quantile.toStdString()))
                return Failure{
                    PrometheusTextParser::tr("summary sample %1 has an invalid quantile=%2")
                        .arg(sample.name, quantile)};
        }
        // The identity of a series: its name and sorted labels. The escaped form of a value is
        // unique, so the bytes as written serve.
        std::sort(m_rawLabels.begin(), m_rawLabels.end());
        m_key.assign(name);
        for (const auto &[labelName, rawValue] : m_rawLabels) {
            m_key.push_back('\x1f');
            m_key.append(labelName);
            m_key.push_back('=');
            m_key.append(rawValue);
        }
        if (!m_seriesKeys.insert(m_key).second)
            return Failure{PrometheusTextParser::tr("duplicate series %1 (the same name and "
                                                    "labels as an earlier line)")
                               .arg(quoted(m_text))};
        return std::nullopt;
    }

    std::optional<Failure> sample()
    {
        PrometheusSample sample;
        m_rawLabels.clear();
        const std::string_view name = metricName();
        if (name.empty())
            return Failure{PrometheusTextParser::tr("expected a metric name at %1")
                               .arg(quoted(m_text.substr(m_pos)))};
        sample.name = intern(name);
        if (!atEnd() && !isBlank(current()) && current() != '{')
            return Failure{PrometheusTextParser::tr("invalid character %1 in metric name %2")
                               .arg(quoted(m_text.substr(m_pos, 1)), sample.name)};
        skipBlanks(); // Prometheus allows blanks between the name and its labels
        if (!atEnd() && current() == '{') {
            if (auto failure = labels(sample))
                return failure;
        }
        skipBlanks();
        const std::string_view valueText = token();
        if (valueText.empty())
            return Failure{PrometheusTextParser::tr("sample %1 has no value").arg(sample.name)};
        const auto value = parseFloat(valueText);
        if (!value)
            return Failure{PrometheusTextParser::tr("sample %1 has an invalid value %2")
                               .arg(sample.name, quoted(valueText))};
        sample.value = *value;
        skipBlanks();
        if (!atEnd()) {
            const std::string_view timestampText = token();
            const auto timestamp = parseTimestamp(timestampText);
            if (!timestamp)
                return Failure{PrometheusTextParser::tr(
                                   "sample %1 has an invalid timestamp %2 (expected whole "
                                   "milliseconds since the epoch)")
                                   .arg(sample.name, quoted(timestampText))};
            sample.timestampMs = *timestamp;
            skipBlanks();
            if (!atEnd())
                return Failure{
                    PrometheusTextParser::tr("unexpected text %1 after the timestamp of %2")
                        .arg(quoted(m_text.substr(m_pos)), sample.name)};
        }
        if (auto failure = checkShape(sample, name))
            return failure;
        m_out.samples.append(std::move(sample));
        return std::nullopt;
    }

    PrometheusScrape &m_out;
    std::string_view m_text;
    size_t m_pos = 0;
    std::unordered_map<std::string_view, QString> m_interned;
    /// The labels of the current sample as written (name, escaped value).
    std::vector<std::pair<std::string_view, std::string_view>> m_rawLabels;
    std::unordered_set<std::string> m_seriesKeys;
    std::string m_key;
    QSet<QString> m_sampledFamilies;
    QString m_lastFamily;
};

} // namespace

Result<PrometheusScrape> PrometheusTextParser::parse(QByteArrayView text)
{
    PrometheusScrape scrape;
    const std::string_view all(text.data(), size_t(text.size()));
    // Roughly one sample per 60 bytes in real scrapes; a guess, not a limit.
    scrape.samples.reserve(qsizetype(all.size() / 60));
    LineParser parser(scrape);
    size_t start = 0;
    int lineNumber = 0;
    while (start < all.size()) {
        ++lineNumber;
        size_t end = all.find('\n', start);
        if (end == std::string_view::npos)
            end = all.size();
        std::string_view line = all.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find('\0') != std::string_view::npos)
            return Error{Error::Kind::Invalid,
                         tr("line %1: %2").arg(lineNumber).arg(tr("the line contains a NUL byte"))};
        if (auto failure = parser.line(line))
            return Error{Error::Kind::Invalid,
                         tr("line %1: %2").arg(lineNumber).arg(failure->what)};
        start = end + 1;
    }
    return scrape;
}

} // namespace optimist
