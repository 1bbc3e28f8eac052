#pragma once

// A loopback HTTP(S) server for tests: answers every request with the route of its path (the
// default route otherwise) and keeps every request it received, headers and body, so a test
// can check what went over the wire. Give it a QTcpServer, or a QSslServer for https.
// TestCertificates makes a CA and a server certificate it signed with the openssl command.

#include <QByteArray>
#include <QDir>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>

namespace optimist::test {

class HttpFixtureServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
    };

    explicit HttpFixtureServer(QTcpServer *server)
        : m_server(server)
    {
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                if (socket->bytesAvailable())
                    serve(socket);
            }
        });
    }

    QMap<QByteArray, Answer> routes; ///< by path, without the query
    Answer fallback{404, QByteArrayLiteral("404 page not found\n"), "text/plain"};
    QList<QByteArray> requests; ///< every complete request received, raw

private:
    void serve(QTcpSocket *socket)
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
        const QByteArray request = buffer.left(end + 4 + length);
        buffer.remove(0, request.size());
        requests.append(request);
        QByteArray path = request.split(' ').value(1);
        path = path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
        const Answer answer = routes.value(path, fallback);
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: " +
                      answer.contentType + "\r\nApi-Version: 1.41\r\nContent-Length: " +
                      QByteArray::number(answer.body.size()) + "\r\n\r\n" + answer.body);
    }

    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// A private CA and a server certificate for 127.0.0.1/localhost it signed, made with the
/// openssl command in @p folder (ca.pem, server.pem, server-key.pem). Empty on failure (then
/// `error` says why).
struct TestCertificates
{
    QString caFile;
    QString certFile;
    QString keyFile;
    QString error;

    static TestCertificates make(const QString &folder)
    {
        TestCertificates out;
        const QDir dir(folder);
        const auto run = [&](const QStringList &arguments) {
            QProcess openssl;
            openssl.setProcessChannelMode(QProcess::MergedChannels);
            openssl.start(QStringLiteral("openssl"), arguments);
            if (!openssl.waitForStarted(5000) || !openssl.waitForFinished(30000) ||
                openssl.exitCode() != 0) {
                out.error = QStringLiteral("openssl %1: %2")
                                .arg(arguments.join(QLatin1Char(' ')),
                                     QString::fromUtf8(openssl.readAll()));
                return false;
            }
            return true;
        };
        const QString ca = dir.filePath(QStringLiteral("ca.pem"));
        const QString caKey = dir.filePath(QStringLiteral("ca-key.pem"));
        const QString csr = dir.filePath(QStringLiteral("server.csr"));
        const QString cert = dir.filePath(QStringLiteral("server.pem"));
        const QString key = dir.filePath(QStringLiteral("server-key.pem"));
        const QString ext = dir.filePath(QStringLiteral("server.ext"));
        QFile extFile(ext);
        if (!extFile.open(QIODevice::WriteOnly) ||
            extFile.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                          "extendedKeyUsage=serverAuth\n") < 0) {
            out.error = QStringLiteral("cannot write %1").arg(ext);
            return out;
        }
        extFile.close();
        if (!run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                  caKey, QStringLiteral("-out"), ca, QStringLiteral("-days"), QStringLiteral("2"),
                  QStringLiteral("-subj"), QStringLiteral("/CN=Optimist test CA")}) ||
            !run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"),
                  csr, QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}) ||
            !run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                  QStringLiteral("-CA"), ca, QStringLiteral("-CAkey"), caKey,
                  QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), cert,
                  QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext}))
            return out;
        out.caFile = ca;
        out.certFile = cert;
        out.keyFile = key;
        return out;
    }

    /// The server side: this certificate and key.
    QSslConfiguration serverConfiguration() const
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        QFile cert(certFile);
        QFile key(keyFile);
        if (cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
            tls.setLocalCertificate(QSslCertificate(cert.readAll()));
            tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
        }
        return tls;
    }
};

} // namespace optimist::test
