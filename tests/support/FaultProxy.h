#pragma once

// An HTTP/1.1 stand-in in front of a real HTTP server (the Traefik stand-in's API or /metrics)
// that can be told to misbehave the way a dependency does in production: refuse connections
// (the server is gone), answer every path with what it answered last (stale data that never
// changes again), answer only after a delay (slower than the client's request timeout), or drop
// the lines that mention a name (a scrape without the canary's samples). GET only: the product
// reads these endpoints, it never posts to them.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace optimist::test {

class FaultProxy : public QObject
{
public:
    enum class Mode {
        Pass,      ///< forward to the upstream
        Refuse,    ///< not listening: connection refused
        Freeze,    ///< every path answers what it answered last, forever
        Delay,     ///< forward, but answer only after delayMs
        DropLines, ///< forward without the lines that contain dropText
    };

    explicit FaultProxy(const QUrl &upstream, QObject *parent = nullptr)
        : QObject(parent)
        , m_upstream(upstream)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        m_server.listen(QHostAddress::LocalHost, 0);
        m_port = m_server.serverPort();
    }

    /// http://127.0.0.1:PORT, the same in every mode.
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    Mode mode() const { return m_mode; }
    int answered() const { return m_answered; }

    void setMode(Mode mode, int delayMs = 0, const QByteArray &dropText = {})
    {
        m_mode = mode;
        m_delayMs = delayMs;
        m_dropText = dropText;
        if (mode == Mode::Refuse) {
            m_server.close();
            for (const QPointer<QTcpSocket> &socket : std::as_const(m_open)) {
                if (socket)
                    socket->abort();
            }
            m_open.clear();
        } else if (!m_server.isListening()) {
            m_server.listen(QHostAddress::LocalHost, m_port);
        }
    }

private:
    struct Answer
    {
        int status = 502;
        QByteArray contentType;
        QByteArray body;
    };

    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_open.append(socket);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QByteArray path = requestLine.value(1);
        QPointer<QTcpSocket> guarded(socket);
        if (m_mode == Mode::Freeze && m_last.contains(path)) {
            respond(guarded, m_last.value(path));
            return;
        }
        QNetworkRequest request(QUrl::fromEncoded(m_upstream.toEncoded() + path));
        request.setTransferTimeout(5000);
        QNetworkReply *reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, guarded, path] {
            reply->deleteLater();
            Answer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (answer.status == 0)
                answer.status = 502;
            answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            answer.body = reply->readAll();
            if (m_mode == Mode::DropLines && !m_dropText.isEmpty()) {
                QList<QByteArray> kept;
                for (const QByteArray &line : answer.body.split('\n')) {
                    if (!line.contains(m_dropText))
                        kept << line;
                }
                answer.body = kept.join('\n');
            }
            if (m_mode != Mode::Freeze)
                m_last.insert(path, answer);
            if (m_mode == Mode::Delay)
                QTimer::singleShot(m_delayMs, this,
                                   [this, guarded, answer] { respond(guarded, answer); });
            else
                respond(guarded, answer);
        });
    }

    void respond(const QPointer<QTcpSocket> &socket, const Answer &answer)
    {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        ++m_answered;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\n";
        if (!answer.contentType.isEmpty())
            head += "Content-Type: " + answer.contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(answer.body.size()) +
                "\r\nConnection: close\r\n\r\n";
        socket->write(head + answer.body);
        socket->disconnectFromHost();
    }

    QUrl m_upstream;
    QTcpServer m_server;
    quint16 m_port = 0;
    Mode m_mode = Mode::Pass;
    int m_delayMs = 0;
    QByteArray m_dropText;
    int m_answered = 0;
    QNetworkAccessManager m_network;
    QHash<QByteArray, Answer> m_last;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_open;
};

} // namespace optimist::test
