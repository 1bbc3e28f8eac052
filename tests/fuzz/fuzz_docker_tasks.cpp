// The reader of `GET /tasks` and what the cluster port derives from it (the color's state, a
// crash loop, the newest failure). The input is the tasks' JSON, or the service's JSON, a NUL
// byte and the tasks' JSON. Invariants: no crash or UB; an error carries a message; the
// derived figures are within their ranges.

#include "FuzzSupport.h"
#include "SwarmServiceState.h"

#include <QJsonDocument>

using namespace optimist;

OPTIMIST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype nul = input.indexOf('\0');
    const QJsonObject service =
        nul >= 0 ? QJsonDocument::fromJson(input.left(nul)).object() : QJsonObject();
    const QByteArray tasksJson = nul >= 0 ? input.mid(nul + 1) : input;

    const Result<QList<SwarmServiceState::Task>> tasks =
        SwarmServiceState::parseTasks(QJsonDocument::fromJson(tasksJson));
    if (!tasks) {
        fuzz::check(!tasks.error().message.isEmpty(), "an error without a message");
        return 0;
    }
    QHash<QString, QString> health;
    for (const SwarmServiceState::Task &task : tasks.value()) {
        (void)task.label(QStringLiteral("portal-green"));
        if (!task.containerId.isEmpty())
            health.insert(task.containerId, task.slot % 2 == 0 ? QStringLiteral("healthy")
                                                               : QStringLiteral("unhealthy"));
    }
    (void)SwarmServiceState::describe(Color::Green, service, tasks.value(), health);
    (void)SwarmServiceState::crashLoop(QStringLiteral("portal-green"), tasks.value(), 3,
                                       QDateTime());
    const auto failure = SwarmServiceState::newestFailure(tasks.value());
    if (failure)
        fuzz::check(failure->isFailure(), "the newest failure is not a failure");
    return 0;
}
