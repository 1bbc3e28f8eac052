#pragma once

#include "TraefikWeightWriter.h"

#include <QCoreApplication>

namespace optimist {

/// The application's weighted service in Traefik's file provider: one YAML file per
/// application, DIRECTORY/APP.yaml, in the directory Traefik watches (`providers.file.directory`);
/// or, when the path given is a .yaml/.yml file (`providers.file.filename`), that one file,
/// shared by the applications (each write changes only its own application's entries).
/// A write replaces the whole file atomically (a temporary file in the same directory, fsync,
/// rename, fsync of the directory), so Traefik never reads half a file, and a failed write
/// leaves the old file as it was. An existing file keeps everything but the children and
/// their weights; a new one also gets the sticky cookie and the router.
class TraefikFileWriter : public TraefikWeightWriter
{
    Q_OBJECT

public:
    /// @p path: the watched directory, or a single .yaml/.yml file.
    explicit TraefikFileWriter(QString path, QObject *parent = nullptr);

    QString providerName() const override { return QStringLiteral("file"); }
    void readWeights(const TraefikAppRoute &route, Callback<WeightSplit> callback) override;
    void writeWeights(const TraefikAppRoute &route, const WeightSplit &split,
                      TraefikNaming::Version version, WriteMode mode,
                      Callback<WriteOutcome> callback) override;

    QString directory() const { return m_directory; }
    bool isSingleFile() const;
    QString filePath(const TraefikAppRoute &route) const;

    /// The YAML a write produces from @p existing (empty: a new file). Invalid when @p existing
    /// is not YAML or not a Traefik dynamic configuration.
    static Result<QByteArray> render(const QByteArray &existing, const TraefikAppRoute &route,
                                     const WeightSplit &split, TraefikNaming::Version version,
                                     const QString &where);
    /// The weights in the YAML @p content.
    static Result<WeightSplit> parse(const QByteArray &content, const TraefikAppRoute &route,
                                     const QString &where);
    /// Replaces @p path with @p content atomically; the error names what failed.
    static Result<void> replaceAtomically(const QString &path, const QByteArray &content);

private:
    Result<WriteOutcome> write(const TraefikAppRoute &route, const WeightSplit &split,
                               TraefikNaming::Version version, WriteMode mode) const;

    QString m_directory;
};

} // namespace optimist
