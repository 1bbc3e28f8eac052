#pragma once

// A redis-server of the test's own, on a free loopback port, that the test may stop, restart,
// freeze (SIGSTOP) and thaw (SIGCONT) without touching the Redis other tests share. Its data
// survives a restart: append-only file, fsync on every write, in a folder of its own.

#include "support/IntegrationSupport.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <csignal>
#include <sys/types.h>

namespace optimist::test {

class PrivateRedis
{
public:
    /// @p password: requirepass of the default user; empty: none.
    explicit PrivateRedis(QString password = {})
        : m_password(std::move(password))
        , m_port(freePort())
    {
    }
    ~PrivateRedis() { stop(); }

    PrivateRedis(const PrivateRedis &) = delete;
    PrivateRedis &operator=(const PrivateRedis &) = delete;

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    int port() const { return m_port; }

    /// Starts (or restarts, on the same port and data) the server; true once it accepts
    /// connections.
    bool start()
    {
        if (!m_dir.isValid())
            return false;
        thaw();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->setStandardOutputFile(QProcess::nullDevice());
        QStringList args{QStringLiteral("--port"),        QString::number(m_port),
                         QStringLiteral("--bind"),        QStringLiteral("127.0.0.1"),
                         QStringLiteral("--dir"),         m_dir.path(),
                         QStringLiteral("--save"),        QString(),
                         QStringLiteral("--appendonly"),  QStringLiteral("yes"),
                         QStringLiteral("--appendfsync"), QStringLiteral("always")};
        if (!m_password.isEmpty())
            args << QStringLiteral("--requirepass") << m_password;
        m_process->start(QStringLiteral("redis-server"), args);
        if (!m_process->waitForStarted(5000))
            return false;
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
            if (probe.waitForConnected(200))
                return true;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        return false;
    }

    /// Stops the server as a crash or `systemctl stop` would; the port refuses connections.
    void stop()
    {
        if (!m_process)
            return;
        thaw();
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(2000);
        m_process.reset();
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }

    /// The server stops answering (connections are accepted by the kernel, nothing is read):
    /// a dependency slower than any timeout.
    void freeze()
    {
        if (m_process && !m_frozen) {
            ::kill(pid_t(m_process->processId()), SIGSTOP);
            m_frozen = true;
        }
    }
    void thaw()
    {
        if (m_process && m_frozen) {
            ::kill(pid_t(m_process->processId()), SIGCONT);
            m_frozen = false;
        }
    }

private:
    QString m_password;
    int m_port;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    bool m_frozen = false;
};

} // namespace optimist::test
