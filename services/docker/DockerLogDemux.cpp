#include "DockerLogDemux.h"

#include <QList>

namespace optimist {

namespace {

constexpr int kHeaderSize = 8;

/// Whether @p data starts like a multiplexed frame header.
bool looksMultiplexed(const QByteArray &data)
{
    const auto stream = static_cast<unsigned char>(data.at(0));
    return stream <= 2 && data.at(1) == 0 && data.at(2) == 0 && data.at(3) == 0;
}

} // namespace

void DockerLogDemux::feed(const QByteArray &chunk)
{
    m_pending += chunk;
    if (!m_decided) {
        if (m_pending.size() < kHeaderSize)
            return;
        m_raw = !looksMultiplexed(m_pending);
        m_decided = true;
    }
    if (m_raw) {
        m_output += m_pending;
        m_pending.clear();
        return;
    }
    qsizetype at = 0;
    while (m_pending.size() - at >= kHeaderSize) {
        const auto *header = reinterpret_cast<const unsigned char *>(m_pending.constData() + at);
        const quint32 size = (quint32(header[4]) << 24) | (quint32(header[5]) << 16) |
                             (quint32(header[6]) << 8) | quint32(header[7]);
        if (m_pending.size() - at - kHeaderSize < qsizetype(size))
            break;
        m_output += m_pending.mid(at + kHeaderSize, qsizetype(size));
        at += kHeaderSize + qsizetype(size);
    }
    m_pending.remove(0, at);
}

QString DockerLogDemux::tail(int lines) const
{
    // A trailing partial frame is not output yet; a raw body shorter than a header is.
    if (!m_decided)
        return tailOf(m_pending, lines);
    return tailOf(m_output, lines);
}

QByteArray DockerLogDemux::demultiplex(const QByteArray &body)
{
    DockerLogDemux demux;
    demux.feed(body);
    return demux.m_decided ? demux.m_output : demux.m_pending;
}

QString DockerLogDemux::tailOf(const QByteArray &text, int lines)
{
    QList<QByteArray> all = text.split('\n');
    if (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    if (lines >= 0 && all.size() > lines)
        all = all.mid(all.size() - lines);
    QString out;
    for (const QByteArray &line : std::as_const(all)) {
        QByteArray clean = line;
        if (clean.endsWith('\r'))
            clean.chop(1);
        out += QString::fromUtf8(clean) + QLatin1Char('\n');
    }
    return out;
}

} // namespace optimist
