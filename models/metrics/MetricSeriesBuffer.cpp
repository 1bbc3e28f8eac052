#include "MetricSeriesBuffer.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace optimist {

MetricSeriesBuffer::MetricSeriesBuffer(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{
}

void MetricSeriesBuffer::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    if (size() > m_capacity) {
        m_begin += size() - m_capacity;
        compact();
    }
}

bool MetricSeriesBuffer::append(qint64 timeMs, double value)
{
    if (!isEmpty() && timeMs < last().timeMs) {
        ++m_rejected;
        return false;
    }
    const qint64 absolute = m_erased + qint64(m_samples.size());
    m_samples.push_back({timeMs, value});
    if (absolute / kBlockSize - m_firstBlock == qint64(m_blocks.size()))
        m_blocks.emplace_back();
    Block &block = m_blocks.back();
    if (std::isnan(value)) {
        if (block.gapAt < 0)
            block.gapAt = absolute;
    } else {
        if (block.minAt < 0 || value < block.min) {
            block.min = value;
            block.minAt = absolute;
        }
        if (block.maxAt < 0 || value > block.max) {
            block.max = value;
            block.maxAt = absolute;
        }
    }
    if (size() > m_capacity) {
        ++m_begin;
        // Erase the dropped head once it is a quarter of the bound: memory stays within 1.25 ×
        // capacity and each sample is moved at most a few times.
        if (m_begin >= std::max<qsizetype>(1, m_capacity / 4))
            compact();
    }
    return true;
}

void MetricSeriesBuffer::compact()
{
    m_samples.erase(m_samples.begin(), m_samples.begin() + m_begin);
    m_erased += m_begin;
    m_begin = 0;
    // Summaries of blocks wholly dropped go too.
    const qint64 firstLiveBlock = m_erased / kBlockSize;
    if (firstLiveBlock > m_firstBlock) {
        const qint64 drop =
            std::min<qint64>(firstLiveBlock - m_firstBlock, qint64(m_blocks.size()));
        m_blocks.erase(m_blocks.begin(), m_blocks.begin() + drop);
        m_firstBlock += drop;
    }
}

void MetricSeriesBuffer::clear()
{
    m_samples.clear();
    m_begin = 0;
    m_erased = 0;
    m_blocks.clear();
    m_firstBlock = 0;
    m_rejected = 0;
}

qsizetype MetricSeriesBuffer::lowerBound(qint64 timeMs) const
{
    const auto begin = m_samples.begin() + m_begin;
    return std::lower_bound(begin, m_samples.end(), timeMs,
                            [](const Sample &s, qint64 t) { return s.timeMs < t; }) -
           begin;
}

qsizetype MetricSeriesBuffer::upperBound(qint64 timeMs) const
{
    const auto begin = m_samples.begin() + m_begin;
    return std::upper_bound(begin, m_samples.end(), timeMs,
                            [](qint64 t, const Sample &s) { return t < s.timeMs; }) -
           begin;
}

bool MetricSeriesBuffer::valueRange(qint64 fromMs, qint64 toMs, double *min, double *max) const
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (qsizetype i = lowerBound(fromMs), end = upperBound(toMs); i < end; ++i) {
        const double v = at(i).value;
        if (v < lo) // false for NaN
            lo = v;
        if (v > hi)
            hi = v;
    }
    if (lo > hi)
        return false;
    *min = lo;
    *max = hi;
    return true;
}

QList<QPointF> MetricSeriesBuffer::decimate(qint64 fromMs, qint64 toMs, int columns) const
{
    QList<QPointF> points;
    if (isEmpty() || toMs < fromMs || columns < 1)
        return points;
    // One sample beyond each edge, so the line runs to the border of the plot.
    const qsizetype begin = std::max<qsizetype>(0, lowerBound(fromMs) - 1);
    const qsizetype end = std::min(size(), upperBound(toMs) + 1);
    if (begin >= end)
        return points;

    const auto put = [&points](const Sample &s) {
        if (std::isnan(s.value)) {
            if (!points.isEmpty() && std::isnan(points.last().y()))
                return; // one gap marker is enough
            points.append(QPointF(double(s.timeMs), kGap));
        } else {
            points.append(QPointF(double(s.timeMs), s.value));
        }
    };

    const qsizetype count = end - begin;
    if (count <= 2 * qsizetype(columns) + 2) {
        points.reserve(count);
        for (qsizetype i = begin; i < end; ++i)
            put(at(i));
        return points;
    }

    points.reserve(2 * columns + 8);
    // The two edge samples lie outside [from, to] and are passed through as they are.
    qsizetype first = begin;
    qsizetype stop = end;
    if (at(first).timeMs < fromMs)
        put(at(first++));
    const bool trailing = at(stop - 1).timeMs > toMs;
    if (trailing)
        --stop;

    const double span = double(std::max<qint64>(1, toMs - fromMs));
    const double perMs = double(columns) / span;
    const auto columnOf = [&](qsizetype index) {
        return std::clamp(int(double(at(index).timeMs - fromMs) * perMs), 0, columns - 1);
    };
    const qint64 base = firstAbsolute();
    qsizetype i = first;
    while (i < stop) {
        const int column = columnOf(i);
        qsizetype minAt = -1;
        qsizetype maxAt = -1;
        qsizetype gapAt = -1;
        double lo = 0;
        double hi = 0;
        do {
            const qint64 absolute = base + i;
            // A whole block in this column: its summary stands for its samples.
            if (absolute % kBlockSize == 0 && i + kBlockSize <= stop &&
                columnOf(i + kBlockSize - 1) == column) {
                const Block &block = m_blocks[size_t(absolute / kBlockSize - m_firstBlock)];
                if (block.gapAt >= 0 && gapAt < 0)
                    gapAt = qsizetype(block.gapAt - base);
                if (block.minAt >= 0 && (minAt < 0 || block.min < lo)) {
                    lo = block.min;
                    minAt = qsizetype(block.minAt - base);
                }
                if (block.maxAt >= 0 && (maxAt < 0 || block.max > hi)) {
                    hi = block.max;
                    maxAt = qsizetype(block.maxAt - base);
                }
                i += kBlockSize;
                continue;
            }
            const double v = at(i).value;
            if (std::isnan(v)) {
                if (gapAt < 0)
                    gapAt = i;
            } else {
                if (minAt < 0 || v < lo) {
                    lo = v;
                    minAt = i;
                }
                if (maxAt < 0 || v > hi) {
                    hi = v;
                    maxAt = i;
                }
            }
            ++i;
        } while (i < stop && columnOf(i) == column);
        // Min, max and the column's first gap, in time order.
        std::array<qsizetype, 3> picks{minAt, maxAt, gapAt};
        std::sort(picks.begin(), picks.end());
        qsizetype previous = -1;
        for (qsizetype pick : picks) {
            if (pick < 0 || pick == previous)
                continue;
            put(at(pick));
            previous = pick;
        }
    }
    if (trailing)
        put(at(stop));
    return points;
}

} // namespace optimist
