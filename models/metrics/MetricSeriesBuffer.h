#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <limits>
#include <vector>

namespace optimist {

/// A bounded, time-ordered series of (time in ms since the epoch, value) samples behind one line
/// of a chart (STYLE.md "Charts at scale", after PlotJuggler's timeseries).
///
/// Appends are amortised O(1); past capacity the oldest samples are dropped. The visible range is
/// found by binary search, and decimate() reduces it to at most about two points per pixel column
/// (each column's minimum and maximum), so a chart never hands Qt Charts more points than it can
/// show. A NaN value is a gap (no data in that window), never a zero.
class MetricSeriesBuffer
{
public:
    struct Sample
    {
        qint64 timeMs = 0;
        double value = 0;
    };

    static constexpr double kGap = std::numeric_limits<double>::quiet_NaN();
    static constexpr qsizetype kDefaultCapacity = 100'000;

    explicit MetricSeriesBuffer(qsizetype capacity = kDefaultCapacity);

    qsizetype capacity() const { return m_capacity; }
    /// Shrinks or grows the bound; shrinking drops the oldest samples at once.
    void setCapacity(qsizetype capacity);

    /// Appends a sample. A sample older than the last one is rejected (returns false, counted in
    /// rejectedCount()): sources deliver windows in time order, and a late one must not reorder
    /// what is already drawn. Equal times are kept in arrival order.
    bool append(qint64 timeMs, double value);
    void clear();

    qsizetype size() const { return qsizetype(m_samples.size()) - m_begin; }
    bool isEmpty() const { return size() == 0; }
    const Sample &at(qsizetype i) const { return m_samples[size_t(m_begin + i)]; }
    const Sample &first() const { return at(0); }
    const Sample &last() const { return at(size() - 1); }
    /// Samples dropped because they came out of time order.
    qint64 rejectedCount() const { return m_rejected; }

    /// Index of the first sample at or after @p timeMs (size() when none).
    qsizetype lowerBound(qint64 timeMs) const;
    /// Index of the first sample after @p timeMs (size() when none).
    qsizetype upperBound(qint64 timeMs) const;

    /// Smallest and largest value (NaN ignored) over [@p fromMs, @p toMs]; false when there is
    /// none.
    bool valueRange(qint64 fromMs, qint64 toMs, double *min, double *max) const;

    /// The points to draw for [@p fromMs, @p toMs] at @p columns pixel columns: every sample when
    /// there are few, else per column its minimum and maximum in time order, so a one-sample
    /// spike survives. The nearest sample outside each edge is included so the line reaches the
    /// plot's border. A gap (NaN samples) is one point with a NaN y; consecutive gaps collapse.
    /// Never more than 2 × columns + 2 real points.
    QList<QPointF> decimate(qint64 fromMs, qint64 toMs, int columns) const;

    /// Samples per block summary: decimation reads a block's minimum and maximum instead of its
    /// samples when the whole block falls in one pixel column.
    static constexpr qsizetype kBlockSize = 64;

private:
    /// Minimum, maximum and first NaN of kBlockSize consecutive samples, by absolute index.
    struct Block
    {
        qint64 minAt = -1;
        qint64 maxAt = -1;
        qint64 gapAt = -1;
        double min = 0;
        double max = 0;
    };

    void compact();
    /// Absolute index (counting every sample ever appended since clear()) of logical index 0.
    qint64 firstAbsolute() const { return m_erased + m_begin; }

    qsizetype m_capacity;
    /// Live samples are m_samples[m_begin …]; the dropped head is erased in chunks, which keeps
    /// them contiguous (binary search, linear scans) at amortised O(1) per append.
    std::vector<Sample> m_samples;
    qsizetype m_begin = 0;
    qint64 m_erased = 0; ///< samples erased from the front of m_samples since clear()
    /// Summaries of the blocks from m_firstBlock on; a block partly dropped is never read.
    std::vector<Block> m_blocks;
    qint64 m_firstBlock = 0;
    qint64 m_rejected = 0;
};

} // namespace optimist
