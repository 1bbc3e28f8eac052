#pragma once

#include "PostMortem.h"

#include "core/Result.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace optimist {

/// A post-mortem as files: Markdown (summary, step timeline, checks with their numbers,
/// decisions, operator actions, journal), CSV (every stored sample) and PNG (the charts).
/// Every file is written atomically: a failed export leaves an existing file as it was.
class PostMortemExport
{
    Q_DECLARE_TR_FUNCTIONS(PostMortemExport)

public:
    enum class Format { Png, Markdown, Csv };

    static QString markdown(const PostMortem &postMortem);
    /// One line per stored sample (a window of one color), after a header of stable column
    /// names (not translated: the file is read by programs): time, window_start, color,
    /// weight_pct, requests, errors, rps, error_rate_pct, p95_ms, mean_ms, cpu_pct, bio_energy.
    /// Times are ISO 8601 UTC; numbers use a dot; an unknown figure is an empty field.
    static QString csv(const PostMortem &postMortem);

    static Result<void> writeMarkdown(const QString &path, const PostMortem &postMortem);
    static Result<void> writeCsv(const QString &path, const PostMortem &postMortem);
    static Result<void> writePng(const QString &path, const QImage &image);

    /// "portal-42-rolled_back.md": a file name to offer in the save dialog.
    static QString suggestedFileName(const RolloutRecord &record, Format format);

private:
    static Result<void> writeFile(const QString &path, const QByteArray &bytes);
};

} // namespace optimist
