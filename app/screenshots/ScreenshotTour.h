#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSize>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>

namespace optimist {

class GuiApplication;

/// Takes the README's screenshots from the sandbox: the real application, driven through its
/// window as a release manager would (New rollout, the history, Settings), in a data and
/// configuration folder of its own that is removed afterwards.
///
/// The tour is a list of steps, each waiting for a condition (polled on the event loop, no
/// nested loop) and then acting: a rollout that rolls back by itself (its post-mortem), a
/// rollout caught mid-way (the main window), the settings dialog.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(const QString &outputDir, const QSize &windowSize, QObject *parent = nullptr);
    ~ScreenshotTour() override;

    /// Starts the tour; finished() follows.
    void start();

Q_SIGNALS:
    /// @p error is empty when every screenshot was written.
    void finished(const QString &error);

private:
    struct Step
    {
        QString what; ///< what is awaited, for the error when it never comes
        std::function<bool()> ready;
        std::function<void()> act;
        int timeoutMs = 60000; ///< real time; the sandbox runs tens of times faster
    };

    void poll();
    /// Where the rollout is, for the error when a step never comes.
    QString rolloutSituation() const;
    void fail(const QString &error);
    void openSandbox(const QString &scenario, double speed);
    bool save(QWidget *widget, const QString &fileName);
    void writeProfiles();

    QString m_outputDir;
    QSize m_windowSize;
    QTemporaryDir m_dir;
    std::unique_ptr<GuiApplication> m_gui;
    QList<Step> m_steps;
    QElapsedTimer m_waited; ///< since the first step began to wait
    QTimer m_poll;
};

} // namespace optimist
