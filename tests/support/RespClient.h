#pragma once

// A bare RESP client over QTcpSocket for tests that watch Redis from the side: MONITOR and
// PSUBSCRIBE streams, which the product's RedisConnection does not speak.

#include <QByteArray>
#include <QList>
#include <QTcpSocket>
#include <QTest>

#include <optional>

namespace optimist::test {

class RespClient
{
public:
    /// Connects to "host:port"; false when it cannot.
    bool connectTo(const QString &address)
    {
        m_socket.connectToHost(address.section(QLatin1Char(':'), 0, 0),
                               quint16(address.section(QLatin1Char(':'), 1).toUInt()));
        return m_socket.waitForConnected(3000);
    }

    void send(const QList<QByteArray> &args)
    {
        QByteArray out = "*" + QByteArray::number(args.size()) + "\r\n";
        for (const QByteArray &arg : args)
            out += "$" + QByteArray::number(arg.size()) + "\r\n" + arg + "\r\n";
        m_socket.write(out);
        m_socket.flush();
    }

    /// The next reply, flattened: a simple string or bulk string is one element, an array its
    /// elements (nested arrays flattened). nullopt when none arrives within @p timeoutMs.
    std::optional<QList<QByteArray>> next(int timeoutMs = 3000)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            qsizetype pos = 0;
            QList<QByteArray> out;
            if (parse(pos, out)) {
                m_buffer.remove(0, pos);
                return out;
            }
            if (timer.elapsed() > timeoutMs)
                return std::nullopt;
            if (!m_socket.waitForReadyRead(50))
                QCoreApplication::processEvents();
            m_buffer += m_socket.readAll();
        }
    }

    /// Every reply arriving within @p ms.
    QList<QList<QByteArray>> drain(int ms)
    {
        QList<QList<QByteArray>> all;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            if (auto reply = next(int(std::max<qint64>(1, ms - timer.elapsed()))))
                all.append(*reply);
        }
        return all;
    }

private:
    bool line(qsizetype &pos, QByteArray &out) const
    {
        const qsizetype end = m_buffer.indexOf("\r\n", pos);
        if (end < 0)
            return false;
        out = m_buffer.mid(pos, end - pos);
        pos = end + 2;
        return true;
    }

    bool parse(qsizetype &pos, QList<QByteArray> &out) const
    {
        QByteArray header;
        if (!line(pos, header) || header.isEmpty())
            return false;
        const char type = header.at(0);
        const QByteArray rest = header.mid(1);
        switch (type) {
        case '+':
        case '-':
        case ':':
            out.append(rest);
            return true;
        case '$': {
            const int length = rest.toInt();
            if (length < 0) {
                out.append(QByteArray());
                return true;
            }
            if (m_buffer.size() < pos + length + 2)
                return false;
            out.append(m_buffer.mid(pos, length));
            pos += length + 2;
            return true;
        }
        case '*': {
            const int count = rest.toInt();
            for (int i = 0; i < count; ++i) {
                if (!parse(pos, out))
                    return false;
            }
            return true;
        }
        default:
            return false;
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace optimist::test
