#include "CliApp.h"

#include "ExitCode.h"
#include "PostMortemReport.h"
#include "RolloutSession.h"

#include "config/Locations.h"
#include "config/SystemUser.h"
#include "lease/LeaseBreakLog.h"
#include "lease/LeaseKeeper.h"
#include "lease/LeaseLogging.h"
#include "lease/LeaseStore.h"
#include "ports/Clock.h"
#include "ports/ClusterPort.h"
#include "ports/RouterPort.h"
#include "runtime/EnvironmentRuntime.h"
#include "secrets/KeychainSecretStore.h"
#include "store/SqliteHistoryStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSysInfo>
#include <QTimer>

#include <unistd.h>

namespace optimist {

CliApp::CliApp(const CliArguments &arguments, QObject *parent)
    : QObject(parent)
    , m_args(arguments)
    , m_printer(arguments.json)
    , m_dataDir(Locations::dataDir(arguments.dataDir))
    , m_configDir(Locations::configDir(arguments.configDir))
{
}

CliApp::~CliApp()
{
    delete m_session;
}

QString CliApp::operatorName()
{
    return SystemUser::name();
}

int CliApp::start()
{
    const QString &c = m_args.command;
    if (c == QLatin1String("rollout"))
        return rollout();
    if (c == QLatin1String("rollback"))
        return recoverOrFollow(true);
    if (c == QLatin1String("resume"))
        return recoverOrFollow(false);
    if (c == QLatin1String("pause") || c == QLatin1String("promote"))
        return control();
    if (c == QLatin1String("status"))
        return status();
    if (c == QLatin1String("history"))
        return history();
    if (c == QLatin1String("show"))
        return show();
    if (c == QLatin1String("lease"))
        return lease();
    return fail(Error{Error::Kind::Invalid, tr("unknown command %1").arg(c)});
}

int CliApp::fail(const Error &error)
{
    m_printer.flush();
    if (m_args.json)
        m_printer.object({{QStringLiteral("event"), QStringLiteral("error")},
                          {QStringLiteral("kind"), Error::kindName(error.kind)},
                          {QStringLiteral("message"), error.message}});
    else
        qCritical().noquote() << tr("optimist-cli: %1").arg(error.message);
    // Something the person named or asked for that does not exist is bad input too.
    return error.kind == Error::Kind::Invalid || error.kind == Error::Kind::NotFound
               ? ExitBadInput
               : ExitOtherError;
}

void CliApp::quit(int code)
{
    m_printer.flush();
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

Result<void> CliApp::openStore()
{
    if (m_store)
        return {};
    auto store = SqliteHistoryStore::open(Locations::historyDatabasePath(m_dataDir));
    if (!store)
        return store.error();
    m_store = std::move(store.value());
    return {};
}

Result<void> CliApp::openRuntime(const QString &environment, const QString &freshScenario)
{
    EnvironmentRuntime::Options options;
    options.dataDir = m_dataDir;
    options.configDir = m_configDir;
    options.environment = environment;
    options.freshScenario = freshScenario;
    if (m_args.speed > 0)
        options.speed = m_args.speed;
    auto runtime = EnvironmentRuntime::open(options);
    if (!runtime) {
        Error e = runtime.error();
        if (e.kind == Error::Kind::NotFound)
            e.kind = Error::Kind::Invalid; // a name the user gave does not exist: bad input
        return e;
    }
    m_runtime = std::move(runtime.value());
    return readSecrets();
}

Result<void> CliApp::readSecrets()
{
    const QMap<QString, QString> pending = m_runtime->pendingSecrets();
    if (pending.isEmpty())
        return {};
    // The keychain answers asynchronously; the CLI has nothing else to do meanwhile, so it
    // runs the event loop until every secret has arrived or one failed.
    KeychainSecretStore keychain;
    QMap<QString, QString> values;
    std::optional<Error> failure;
    int outstanding = int(pending.size());
    QEventLoop loop;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const QString field = it.key();
        const QString reference = it.value();
        keychain.read(
            reference, Reply<QString>(&loop, [&, field, reference](const Result<QString> &r) {
                if (r.ok())
                    values.insert(field, r.value());
                else if (!failure)
                    failure = Error{r.error().kind,
                                    tr("%1 (%2 of environment %3)")
                                        .arg(r.error().message, field, m_runtime->name())};
                if (--outstanding == 0)
                    loop.quit();
            }));
    }
    loop.exec();
    if (failure)
        return *failure;
    return m_runtime->provideSecrets(values);
}

int CliApp::rollout()
{
    if (auto opened = openRuntime(m_args.env, m_args.scenario); !opened)
        return fail(opened.error());
    if (auto opened = openStore(); !opened)
        return fail(opened.error());
    const auto app = m_runtime->application(m_args.app);
    if (!app)
        return fail(app.error());
    RolloutRequest request;
    request.app = app.value();
    request.environment = m_runtime->name();
    request.version = m_args.version;
    request.plan = m_runtime->profile().plan;
    m_args.applyTo(request.plan);
    request.operatorName = operatorName();

    newSession()->start(request);
    return -1;
}

RolloutSession *CliApp::newSession()
{
    m_session = new RolloutSession(*m_runtime, *m_store, m_printer, m_dataDir, operatorName());
    connect(m_session, &RolloutSession::done, this, &CliApp::quit);
    connect(m_session, &RolloutSession::failed, this,
            [this](const Error &error) { quit(fail(error)); });
    return m_session;
}

Result<RolloutRecord> CliApp::targetRollout()
{
    if (auto opened = openStore(); !opened)
        return opened.error();
    if (m_args.rolloutId) {
        const auto r = m_store->rollout(m_args.rolloutId);
        if (!r)
            return Error{Error::Kind::Invalid,
                         tr("ID: there is no rollout #%1 (see `optimist-cli history`)")
                             .arg(m_args.rolloutId)};
        return r;
    }
    const auto unfinished = m_store->unfinishedRollouts();
    if (!unfinished)
        return unfinished.error();
    QList<RolloutRecord> candidates;
    for (const RolloutRecord &r : unfinished.value())
        if ((m_args.app.isEmpty() || r.app == m_args.app) &&
            (m_args.env.isEmpty() || r.environment == m_args.env))
            candidates << r;
    if (candidates.isEmpty())
        return Error{
            Error::Kind::NotFound,
            m_args.app.isEmpty()
                ? tr("no rollout is unfinished, so there is nothing to %1").arg(m_args.command)
                : tr("no rollout of %1 is unfinished, so there is nothing to %2")
                      .arg(m_args.app, m_args.command)};
    if (candidates.size() > 1) {
        QStringList ids;
        for (const RolloutRecord &r : candidates)
            ids << QStringLiteral("#%1 (%2)").arg(r.id).arg(r.app);
        return Error{Error::Kind::Invalid, tr("several rollouts are unfinished: %1; name one by "
                                              "its ID or --app")
                                               .arg(ids.join(QStringLiteral(", ")))};
    }
    return candidates.first();
}

int CliApp::recoverOrFollow(bool rollBack)
{
    const auto target = targetRollout();
    if (!target) {
        if (rollBack && !m_args.rolloutId && target.error().kind == Error::Kind::NotFound)
            return revert(target.error());
        return fail(target.error());
    }
    const RolloutRecord &r = target.value();
    if (r.finished())
        return fail(Error{Error::Kind::Invalid, tr("rollout #%1 already ended: %2 (%3)")
                                                    .arg(r.id)
                                                    .arg(CliPrinter::outcomeText(r), r.reason)});

    if (RolloutSession::runningElsewhere(m_dataDir, r.id)) {
        // The process running it applies the control; this one reports what follows.
        OperatorAction action;
        action.rolloutId = r.id;
        action.at = QDateTime::currentDateTimeUtc();
        action.who = operatorName();
        action.kind = rollBack ? OperatorAction::Kind::Abort : OperatorAction::Kind::Resume;
        const auto events = m_store->events(r.id);
        const qint64 last = events && !events.value().isEmpty() ? events.value().last().id : 0;
        const auto filed = m_store->appendAction(action);
        if (!filed)
            return fail(filed.error());
        m_printer.line(tr("Rollout #%1 runs in another process; asked it to %2.")
                           .arg(r.id)
                           .arg(rollBack ? tr("roll back") : tr("resume")));
        if (!rollBack) {
            return control(); // waits for the answer like pause/promote
        }
        follow(r.id, last);
        return -1;
    }

    if (auto opened = openRuntime(
            r.environment == QLatin1String("sandbox") ? QString() : r.environment, QString());
        !opened)
        return fail(opened.error());
    newSession()->recover(r, rollBack ? RecoveryMode::RollBack : RecoveryMode::Resume);
    return -1;
}

int CliApp::revert(const Error &nothingUnfinished)
{
    // No rollout to abort: roll back the last success, while its old color is kept warm.
    if (auto opened = openRuntime(m_args.env, QString()); !opened)
        return fail(opened.error());
    const auto app = m_runtime->application(m_args.app);
    if (!app)
        return fail(app.error());
    RolloutQuery query;
    query.app = app.value();
    query.environment = m_runtime->name();
    query.outcome = QStringLiteral("succeeded");
    query.limit = 1;
    const auto last = m_store->rollouts(query);
    if (!last)
        return fail(last.error());
    const QDateTime now = m_runtime->clock()->now();
    if (last.value().isEmpty() || !last.value().first().warmUntil.isValid() ||
        last.value().first().warmUntil <= now || last.value().first().plan.dryRun)
        return fail(Error{Error::Kind::Invalid,
                          tr("%1, and no earlier version of %2 is still kept warm (a rollout keeps "
                             "the old color for its rollbackWindowSec)")
                              .arg(nothingUnfinished.message, app.value())});
    const RolloutRecord previous = last.value().first();
    m_printer.line(tr("Rolling %1 back to %2: %3 is kept warm until %4")
                       .arg(previous.app, previous.fromVersion,
                            previous.app + QLatin1Char('-') + colorName(previous.activeColor),
                            previous.warmUntil.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    RolloutRequest request;
    request.app = previous.app;
    request.environment = m_runtime->name();
    request.version = previous.fromVersion;
    request.plan = m_runtime->profile().plan;
    request.plan.force = true;
    request.plan.reuseIdleColor = true;
    request.plan.rollbackWindowSec = 0;
    request.operatorName = operatorName();
    m_session = new RolloutSession(*m_runtime, *m_store, m_printer, m_dataDir, operatorName());
    connect(m_session, &RolloutSession::done, this, [this](int code) {
        // The rollback is a (forced) rollout back; its success is a rollback for the caller.
        quit(code == ExitSucceeded ? ExitRolledBack : code);
    });
    connect(m_session, &RolloutSession::failed, this,
            [this](const Error &error) { quit(fail(error)); });
    m_session->start(request);
    return -1;
}

void CliApp::follow(qint64 rolloutId, qint64 afterEvent)
{
    auto *timer = new QTimer(this);
    auto lastEvent = std::make_shared<qint64>(afterEvent);
    connect(timer, &QTimer::timeout, this, [this, timer, rolloutId, lastEvent] {
        if (const auto events = m_store->events(rolloutId)) {
            for (const JournalEvent &e : events.value()) {
                if (e.id > *lastEvent) {
                    m_printer.journal(e);
                    *lastEvent = e.id;
                }
            }
        }
        const auto record = m_store->rollout(rolloutId);
        if (!record)
            return;
        if (record.value().finished()) {
            timer->stop();
            m_printer.finished(record.value());
            quit(exitCodeFor(record.value().state));
        } else if (!RolloutSession::runningElsewhere(m_dataDir, rolloutId)) {
            timer->stop();
            quit(fail(Error{Error::Kind::Other,
                            tr("the process running rollout #%1 stopped before it ended; roll it "
                               "back with `optimist-cli rollback %1`")
                                .arg(rolloutId)}));
        }
    });
    timer->start(200);
}

int CliApp::control()
{
    const auto target = targetRollout();
    if (!target)
        return fail(target.error());
    const RolloutRecord &r = target.value();
    OperatorAction::Kind kind = OperatorAction::Kind::Resume;
    if (m_args.command == QLatin1String("pause"))
        kind = OperatorAction::Kind::Pause;
    else if (m_args.command == QLatin1String("promote"))
        kind = m_args.fully ? OperatorAction::Kind::PromoteFully : OperatorAction::Kind::Promote;

    qint64 actionId = 0;
    if (kind == OperatorAction::Kind::Resume) {
        // recoverOrFollow filed it already
        const auto requested = m_store->actions(r.id, OperatorAction::Status::Requested);
        if (requested && !requested.value().isEmpty())
            actionId = requested.value().last().id;
    } else {
        if (r.finished())
            return fail(Error{
                Error::Kind::Invalid,
                tr("rollout #%1 already ended: %2").arg(r.id).arg(CliPrinter::outcomeText(r))});
        if (!RolloutSession::runningElsewhere(m_dataDir, r.id))
            return fail(Error{Error::Kind::Other,
                              tr("rollout #%1 is not running in any process; continue it with "
                                 "`optimist-cli resume %1` or roll it back with `optimist-cli "
                                 "rollback %1`")
                                  .arg(r.id)});
        OperatorAction action;
        action.rolloutId = r.id;
        action.at = QDateTime::currentDateTimeUtc();
        action.who = operatorName();
        action.kind = kind;
        const auto filed = m_store->appendAction(action);
        if (!filed)
            return fail(filed.error());
        actionId = filed.value();
    }
    // Wait for the running process to apply or reject it.
    auto *timer = new QTimer(this);
    auto waited = std::make_shared<int>(0);
    const QString name = OperatorAction::kindName(kind);
    connect(timer, &QTimer::timeout, this, [this, timer, waited, actionId, name, r] {
        const auto actions = m_store->actions(r.id);
        if (actions) {
            for (const OperatorAction &a : actions.value()) {
                if (a.id != actionId || a.status == OperatorAction::Status::Requested)
                    continue;
                timer->stop();
                if (m_args.json)
                    m_printer.object(CliPrinter::actionJson(a));
                if (a.status == OperatorAction::Status::Applied) {
                    if (!m_args.json)
                        m_printer.line(tr("%1 applied to rollout #%2").arg(name).arg(r.id));
                    quit(ExitSucceeded);
                } else {
                    quit(
                        fail(Error{Error::Kind::Other, tr("%1 rejected: %2").arg(name, a.detail)}));
                }
                return;
            }
        }
        if (++*waited > 150) { // 15 s
            timer->stop();
            quit(fail(Error{
                Error::Kind::Timeout,
                tr("rollout #%1 did not answer the %2 request within 15 s").arg(r.id).arg(name)}));
        }
    });
    timer->start(100);
    return -1;
}

int CliApp::status()
{
    if (auto opened = openStore(); !opened)
        return fail(opened.error());
    const auto unfinished = m_store->unfinishedRollouts();
    if (!unfinished)
        return fail(unfinished.error());
    if (auto opened = openRuntime(m_args.env, QString()); !opened)
        return fail(opened.error());
    const auto app = m_runtime->application(m_args.app);
    if (!app)
        return fail(app.error());

    for (const RolloutRecord &r : unfinished.value()) {
        const bool running = RolloutSession::runningElsewhere(m_dataDir, r.id);
        if (m_args.json) {
            QJsonObject o = CliPrinter::recordJson(r);
            o.insert(QStringLiteral("event"), QStringLiteral("unfinished"));
            o.insert(QStringLiteral("running"), running);
            m_printer.object(o);
        } else {
            m_printer.line(
                tr("Rollout #%1 of %2 (%3 → %4) by %5: %6 at %7%, %8")
                    .arg(r.id)
                    .arg(r.app, r.fromVersion, r.toVersion, r.operatorName, stateName(r.state))
                    .arg(r.weight)
                    .arg(running ? tr("running")
                                 : tr("interrupted — `optimist-cli resume %1` or `optimist-cli "
                                      "rollback %1`")
                                       .arg(r.id)));
        }
    }
    if (unfinished.value().isEmpty() && !m_args.json)
        m_printer.line(tr("No rollout is unfinished."));

    const RolloutPorts ports = m_runtime->ports(m_store.get());
    auto snapshot = std::make_shared<std::optional<AppSnapshot>>();
    auto split = std::make_shared<std::optional<WeightSplit>>();
    const QString appName = app.value();
    auto print = [this, snapshot, split, appName] {
        if (!snapshot->has_value() || !split->has_value())
            return;
        for (Color color : {Color::Blue, Color::Green}) {
            const auto &s = (*snapshot)->of(color);
            if (m_args.json) {
                QJsonObject o{{QStringLiteral("event"), QStringLiteral("color")},
                              {QStringLiteral("environment"), m_runtime->name()},
                              {QStringLiteral("app"), appName},
                              {QStringLiteral("color"), colorName(color)},
                              {QStringLiteral("exists"), s.has_value()},
                              {QStringLiteral("weight"), (*split)->of(color)}};
                if (s) {
                    o.insert(QStringLiteral("version"), s->version);
                    o.insert(QStringLiteral("running"), s->replicasRunning);
                    o.insert(QStringLiteral("desired"), s->replicasDesired);
                    o.insert(QStringLiteral("healthy"), s->healthy);
                }
                m_printer.object(o);
            } else if (s) {
                m_printer.line(tr("%1 %2: %3, %4/%5 tasks %6, weight %7%")
                                   .arg(m_runtime->name(), s->serviceName, s->version)
                                   .arg(s->replicasRunning)
                                   .arg(s->replicasDesired)
                                   .arg(s->healthy ? tr("healthy") : tr("not healthy"))
                                   .arg((*split)->of(color)));
            } else {
                m_printer.line(tr("%1 %2-%3: absent, weight %4%")
                                   .arg(m_runtime->name(), appName, colorName(color))
                                   .arg((*split)->of(color)));
            }
        }
        quit(ExitSucceeded);
    };
    auto failed = [this](const Error &e) { quit(fail(e)); };
    ports.cluster->readApp(appName, Reply<AppSnapshot>(this, [=](const Result<AppSnapshot> &r) {
                               if (!r)
                                   return failed(r.error());
                               *snapshot = r.value();
                               print();
                           }));
    ports.router->readWeights(appName, Reply<WeightSplit>(this, [=](const Result<WeightSplit> &r) {
                                  if (!r)
                                      return failed(r.error());
                                  *split = r.value();
                                  print();
                              }));
    return -1;
}

int CliApp::history()
{
    if (auto opened = openStore(); !opened)
        return fail(opened.error());
    RolloutQuery query;
    query.app = m_args.app;
    query.environment = m_args.env;
    query.limit = m_args.limit;
    const auto rollouts = m_store->rollouts(query);
    if (!rollouts)
        return fail(rollouts.error());
    if (rollouts.value().isEmpty() && !m_args.json)
        m_printer.line(tr("No rollouts yet. Start one with `optimist-cli rollout VERSION`."));
    for (const RolloutRecord &r : rollouts.value()) {
        if (m_args.json) {
            QJsonObject o = CliPrinter::recordJson(r);
            o.insert(QStringLiteral("event"), QStringLiteral("rollout"));
            m_printer.object(o);
            continue;
        }
        m_printer.line(
            QStringLiteral("#%1  %2  %3  %4 → %5  %6  %7  %8  %9")
                .arg(r.id, 5)
                .arg(r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                .arg(r.environment + QLatin1Char('/') + r.app, -16)
                .arg(r.fromVersion.isEmpty() ? QStringLiteral("?") : r.fromVersion, r.toVersion)
                .arg(CliPrinter::outcomeText(r), -24)
                .arg(r.finished() ? CliPrinter::duration(r.durationSec()) : QString(), -12)
                .arg(r.operatorName)
                .arg(r.reason.left(80)));
    }
    return ExitSucceeded;
}

int CliApp::show()
{
    if (auto opened = openStore(); !opened)
        return fail(opened.error());
    const auto printed = PostMortemReport::print(*m_store, m_args.rolloutId, m_printer);
    if (!printed) {
        Error e = printed.error();
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Storage) {
            if (!m_store->rollout(m_args.rolloutId))
                e = Error{Error::Kind::Invalid,
                          tr("ID: there is no rollout #%1 (see `optimist-cli history`)")
                              .arg(m_args.rolloutId)};
        }
        return fail(e);
    }
    return ExitSucceeded;
}

namespace {

QJsonObject leaseJson(const QString &environment, const QString &app,
                      const std::optional<Lease> &lease, const QString &event)
{
    QJsonObject o{{QStringLiteral("event"), event},
                  {QStringLiteral("environment"), environment},
                  {QStringLiteral("app"), app},
                  {QStringLiteral("held"), lease.has_value()}};
    if (lease) {
        o.insert(QStringLiteral("operator"), lease->holder.operatorName);
        o.insert(QStringLiteral("host"), lease->holder.host);
        o.insert(QStringLiteral("pid"), lease->holder.pid);
        o.insert(QStringLiteral("program"), lease->holder.program);
        o.insert(QStringLiteral("since"), lease->since.toUTC().toString(Qt::ISODate));
        o.insert(QStringLiteral("expiresAt"), lease->expiresAt.toUTC().toString(Qt::ISODate));
    }
    return o;
}

} // namespace

int CliApp::lease()
{
    if (auto opened = openRuntime(m_args.env, QString()); !opened)
        return fail(opened.error());
    const auto app = m_runtime->application(m_args.app);
    if (!app)
        return fail(app.error());
    LeaseStore *store = m_runtime->leases();
    if (!store)
        return fail(
            Error{Error::Kind::Other,
                  tr("environment %1 has no place for rollout leases").arg(m_runtime->name())});
    const QString appName = app.value();
    const QString environment = m_runtime->name();
    store->read(
        appName,
        Reply<std::optional<Lease>>(this, [=, this](const Result<std::optional<Lease>> &r) {
            if (!r)
                return quit(fail(r.error()));
            const std::optional<Lease> &lease = r.value();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (m_args.leaseAction == QLatin1String("show")) {
                if (m_args.json)
                    m_printer.object(
                        leaseJson(environment, appName, lease, QStringLiteral("lease")));
                else if (lease)
                    m_printer.line(lease->describe(now));
                else
                    m_printer.line(tr("Nobody holds the rollout lease of %1 in %2 (%3).")
                                       .arg(appName, environment, store->where(appName)));
                return quit(ExitSucceeded);
            }
            if (!lease) {
                m_printer.line(tr("Nobody holds the rollout lease of %1 in %2; there is nothing to "
                                  "break.")
                                   .arg(appName, environment));
                return quit(ExitSucceeded);
            }
            if (!m_args.yes) {
                if (!::isatty(STDIN_FILENO))
                    return quit(fail(Error{Error::Kind::Invalid,
                                           tr("lease break: there is no terminal to confirm on; "
                                              "pass --yes to break the lease of %1 without asking")
                                               .arg(appName)}));
                QTextStream out(stdout);
                out << lease->describe(now) << Qt::endl
                    << tr("Break it? %1's process stops advancing at its next renewal and leaves "
                          "its rollout unfinished. [y/N] ")
                           .arg(lease->holder.operatorName)
                    << Qt::flush;
                // Nothing else runs yet in this process: reading the answer may block.
                QTextStream in(stdin);
                const QString answer = in.readLine().trimmed().toLower();
                if (answer != QLatin1String("y") && answer != QLatin1String("yes") &&
                    answer != tr("y") && answer != tr("yes")) {
                    m_printer.line(tr("The lease was left as it is."));
                    return quit(ExitOtherError);
                }
            }
            const Lease broken = *lease;
            store->release(
                appName, broken.token, Reply<bool>(this, [=, this](const Result<bool> &released) {
                    if (!released)
                        return quit(fail(released.error()));
                    if (!released.value())
                        return quit(
                            fail(Error{Error::Kind::Conflict,
                                       tr("the lease of %1 changed meanwhile (released, or "
                                          "taken by someone else); see `optimist-cli lease show "
                                          "%1`")
                                           .arg(appName)}));
                    // Who broke whose lease: in this operator's log of lease breaks.
                    LeaseBreakLog::record(m_dataDir, operatorName(), broken);
                    if (m_args.json) {
                        QJsonObject o =
                            leaseJson(environment, appName, broken, QStringLiteral("lease_broken"));
                        o.insert(QStringLiteral("by"), operatorName());
                        m_printer.object(o);
                    } else {
                        m_printer.line(
                            tr("Broke the lease of %1 held by %2. Its process stops advancing "
                               "at its next renewal (within %3 s).")
                                .arg(appName, broken.holderText())
                                .arg(std::max<qint64>(1, m_runtime->leaseTtl().count() / 3000)));
                    }
                    quit(ExitSucceeded);
                }));
        }));
    return -1;
}

} // namespace optimist
