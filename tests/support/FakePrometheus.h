#pragma once

// A tiny HTTP server answering Prometheus' query API (POST /api/v1/query and /api/v1/query_range)
// with the shapes of shared/reference/prometheus (query-instant-example.json,
// query-range-example.json) but with the answers a real Prometheus gives only in situations a
// test cannot easily make it reach: an empty result (the series are gone) or NaN for every series
// of the application's two colors (0/0: no requests counted). It can also answer late, beyond the
// client's request timeout.

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace optimist::test {

class FakePrometheus : public QObject
{
public:
    enum class Answer { Empty, NaN };

    FakePrometheus(Answer answer, QStringList services, int delayMs = 0, QObject *parent = nullptr)
        : QObject(parent)
        , m_answer(answer)
        , m_services(std::move(services))
        , m_delayMs(delayMs)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int queries() const { return m_queries; }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QByteArray path = buffer.left(buffer.indexOf("\r\n")).split(' ').value(1);
        m_buffers.remove(socket);
        ++m_queries;
        const QByteArray body =
            QJsonDocument(answer(path.contains("query_range"))).toJson(QJsonDocument::Compact);
        QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(m_delayMs, this, [guarded, body] {
            if (!guarded || guarded->state() != QAbstractSocket::ConnectedState)
                return;
            guarded->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                           body);
            guarded->disconnectFromHost();
        });
    }

    QJsonObject answer(bool range) const
    {
        QJsonArray result;
        if (m_answer == Answer::NaN) {
            const double t = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
            const QJsonArray point{t, QStringLiteral("NaN")};
            for (const QString &service : m_services) {
                QJsonObject series{{QStringLiteral("metric"),
                                    QJsonObject{{QStringLiteral("service"), service},
                                                {QStringLiteral("code"), QStringLiteral("200")},
                                                {QStringLiteral("le"), QStringLiteral("+Inf")}}}};
                if (range)
                    series.insert(QStringLiteral("values"), QJsonArray{point});
                else
                    series.insert(QStringLiteral("value"), point);
                result.append(series);
            }
        }
        return {{QStringLiteral("status"), QStringLiteral("success")},
                {QStringLiteral("data"),
                 QJsonObject{{QStringLiteral("resultType"),
                              range ? QStringLiteral("matrix") : QStringLiteral("vector")},
                             {QStringLiteral("result"), result}}}};
    }

    Answer m_answer;
    QStringList m_services;
    int m_delayMs;
    int m_queries = 0;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace optimist::test
