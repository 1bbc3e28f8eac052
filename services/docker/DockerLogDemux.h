#pragma once

#include <QByteArray>
#include <QString>

namespace optimist {

/// Splits the body of `GET /containers/{id}/logs` or `GET /services/{id}/logs` into text.
///
/// Without a TTY the daemon multiplexes stdout and stderr: each frame is an 8-byte header
/// (stream 0 stdin, 1 stdout, 2 stderr; three zero bytes; the payload's size as a big-endian
/// 32-bit number) followed by the payload. With a TTY the body is the raw output. Feed chunks
/// as they arrive (a frame may be split across chunks); text() is the output in order.
class DockerLogDemux
{
public:
    /// Adds the next part of the body.
    void feed(const QByteArray &chunk);
    /// Everything read so far (stdout and stderr interleaved, as written).
    QByteArray output() const { return m_output; }
    /// The last @p lines lines of output() as text.
    QString tail(int lines) const;
    /// Whether the body turned out to be raw (TTY) output.
    bool isRaw() const { return m_raw; }

    /// Demultiplexes a whole body at once.
    static QByteArray demultiplex(const QByteArray &body);
    /// The last @p lines lines of @p text.
    static QString tailOf(const QByteArray &text, int lines);

private:
    QByteArray m_pending;
    QByteArray m_output;
    bool m_decided = false;
    bool m_raw = false;
};

} // namespace optimist
