#include "CliArguments.h"

#include <QCommandLineParser>

#include <cmath>

namespace optimist {

namespace {

struct CommandSpec
{
    const char *name;
    const char *positional; ///< "VERSION", "ID", "SCENARIO", "[ID]" or ""
    QStringList options;    ///< options this command accepts besides the global ones
};

const QStringList kPlanOptions{QStringLiteral("initial-traffic"), QStringLiteral("steps"),
                               QStringLiteral("check-interval"), QStringLiteral("threshold")};

QList<CommandSpec> commandSpecs()
{
    const QStringList target{QStringLiteral("app"), QStringLiteral("env")};
    return {
        {"rollout", "VERSION",
         kPlanOptions + target +
             QStringList{QStringLiteral("force"), QStringLiteral("dry-run"),
                         QStringLiteral("sandbox"), QStringLiteral("speed")}},
        {"rollback", "[ID]", target + QStringList{QStringLiteral("speed")}},
        {"pause", "[ID]", target},
        {"resume", "ID", target + QStringList{QStringLiteral("speed")}},
        {"promote", "[ID]", target + QStringList{QStringLiteral("fully")}},
        {"status", "", target},
        {"history", "", target + QStringList{QStringLiteral("limit")}},
        {"show", "ID", {}},
        {"lease", "", target + QStringList{QStringLiteral("yes")}},
        {"simulate", "SCENARIO",
         kPlanOptions +
             QStringList{QStringLiteral("seed"), QStringLiteral("runs"), QStringLiteral("force")}},
    };
}

bool parseWhole(const QString &text, qint64 minimum, qint64 maximum, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < minimum || v > maximum)
        return false;
    *out = v;
    return true;
}

} // namespace

QString CliArguments::usage()
{
    return tr(
        "Usage: optimist-cli COMMAND [options]\n"
        "\n"
        "Commands:\n"
        "  rollout VERSION     roll VERSION out step by step, judging every step\n"
        "  rollback [ID]       abort a running rollout, or roll back an interrupted one\n"
        "  pause [ID]          hold the running rollout at its current weight\n"
        "  resume ID           continue a paused or interrupted rollout\n"
        "  promote [ID]        go to the next step now (--fully: straight to 100%)\n"
        "  status              unfinished rollouts and the applications' colors and weights\n"
        "  history             past rollouts, newest first\n"
        "  show ID             the post-mortem of a rollout: timeline, checks, decision\n"
        "  simulate SCENARIO   run a sandbox scenario on virtual time at full speed\n"
        "  lease show [APP]    who holds the rollout lease of an application, since when\n"
        "  lease break [APP]   take the lease from its holder (asks first; --yes for scripts)\n"
        "\n"
        "Options:\n"
        "  --app NAME              application (default: the environment's only one)\n"
        "  --env NAME              environment profile (default: the only profile, or the "
        "sandbox)\n"
        "  --sandbox SCENARIO      rollout: run against a fresh sandbox from SCENARIO\n"
        "  --speed X               sandbox: virtual time runs X times real time (default 60)\n"
        "  --initial-traffic P     replace the first step by P percent\n"
        "  --steps LIST            comma-separated weights, e.g. 10,25,50,75,100\n"
        "  --check-interval SEC    length of one check window\n"
        "  --threshold N           minimum bio-energy of the canary (0-130)\n"
        "  --force                 emergency: deploy, wait healthy, 100% at once\n"
        "  --dry-run               read everything, write nothing, print what would be "
        "written\n"
        "  --fully                 promote: jump to 100%\n"
        "  --seed N, --runs N      simulate: first seed and number of runs\n"
        "  --limit N               history: how many rollouts (default 20)\n"
        "  --yes                   lease break: do not ask for confirmation\n"
        "  --json                  one JSON object per line\n"
        "  --data-dir DIR          history location (or OPTIMIST_DATA_DIR)\n"
        "  --config-dir DIR        profiles location (or OPTIMIST_CONFIG_DIR)\n"
        "  -h, --help, --version\n"
        "\n"
        "Exit codes: 0 succeeded, 3 rolled back, 4 failed and needs a person, 2 bad input, "
        "1 any other error.\n");
}

CliArguments CliArguments::parse(const QStringList &arguments)
{
    CliArguments a;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QList<QCommandLineOption> options{
        {QStringLiteral("app"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("env"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("sandbox"), QString(), QStringLiteral("SCENARIO")},
        {QStringLiteral("speed"), QString(), QStringLiteral("X")},
        {QStringLiteral("initial-traffic"), QString(), QStringLiteral("P")},
        {QStringLiteral("steps"), QString(), QStringLiteral("LIST")},
        {QStringLiteral("check-interval"), QString(), QStringLiteral("SEC")},
        {QStringLiteral("threshold"), QString(), QStringLiteral("N")},
        {QStringLiteral("force"), QString()},
        {QStringLiteral("dry-run"), QString()},
        {QStringLiteral("fully"), QString()},
        {QStringLiteral("seed"), QString(), QStringLiteral("N")},
        {QStringLiteral("runs"), QString(), QStringLiteral("N")},
        {QStringLiteral("limit"), QString(), QStringLiteral("N")},
        {QStringLiteral("json"), QString()},
        {QStringLiteral("yes"), QString()},
        {QStringLiteral("data-dir"), QString(), QStringLiteral("DIR")},
        {QStringLiteral("config-dir"), QString(), QStringLiteral("DIR")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QString()},
        {QStringLiteral("version"), QString()},
    };
    parser.addOptions(options);
    if (!parser.parse(arguments)) {
        a.error = parser.errorText() + QLatin1Char('\n') + tr("Run `optimist-cli --help`.");
        return a;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        a.output = usage();
        return a;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        a.output = QStringLiteral("optimist-cli " OPTIMIST_VERSION "\n");
        return a;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        a.error = tr("no command given.") + QLatin1Char('\n') + usage();
        return a;
    }
    a.command = positional.first();
    const QList<CommandSpec> specs = commandSpecs();
    const CommandSpec *spec = nullptr;
    for (const CommandSpec &s : specs)
        if (a.command == QLatin1String(s.name))
            spec = &s;
    if (!spec) {
        a.error =
            tr("unknown command \"%1\"; run `optimist-cli --help` for the list.").arg(a.command);
        return a;
    }
    const QStringList global{QStringLiteral("json"), QStringLiteral("data-dir"),
                             QStringLiteral("config-dir")};
    for (const QString &name : parser.optionNames()) {
        const QString longName = name == QLatin1String("h") ? QStringLiteral("help") : name;
        if (!global.contains(longName) && !spec->options.contains(longName)) {
            a.error = tr("--%1 does not apply to `%2`; run `optimist-cli --help`.")
                          .arg(longName, a.command);
            return a;
        }
    }

    const QString positionalKind = QString::fromLatin1(spec->positional);
    QStringList rest = positional.mid(1);
    if (a.command == QLatin1String("lease")) {
        // lease show|break [APP]
        if (rest.isEmpty() ||
            (rest.first() != QLatin1String("show") && rest.first() != QLatin1String("break"))) {
            a.error = tr("`lease` needs show or break, e.g. `optimist-cli lease show APP`.");
            return a;
        }
        a.leaseAction = rest.takeFirst();
        if (rest.size() > 1) {
            a.error = tr("`lease %1` takes one application, got \"%2\".")
                          .arg(a.leaseAction, rest.join(QLatin1Char(' ')));
            return a;
        }
        if (!rest.isEmpty() && parser.isSet(QStringLiteral("app")) &&
            parser.value(QStringLiteral("app")) != rest.first()) {
            a.error = tr("`lease %1`: the application is given twice (%2 and --app %3).")
                          .arg(a.leaseAction, rest.first(), parser.value(QStringLiteral("app")));
            return a;
        }
        if (a.leaseAction == QLatin1String("show") && parser.isSet(QStringLiteral("yes"))) {
            a.error = tr("--yes applies to `lease break` only.");
            return a;
        }
        if (!rest.isEmpty())
            a.app = rest.takeFirst();
    }
    const bool optionalArg = positionalKind.startsWith(QLatin1Char('['));
    const int maxArgs = positionalKind.isEmpty() ? 0 : 1;
    const int minArgs = positionalKind.isEmpty() || optionalArg ? 0 : 1;
    if (rest.size() > maxArgs) {
        a.error = tr("`%1` takes %2 argument(s), got \"%3\".")
                      .arg(a.command)
                      .arg(maxArgs)
                      .arg(rest.join(QLatin1Char(' ')));
        return a;
    }
    if (rest.size() < minArgs) {
        a.error = tr("`%1` needs %2.").arg(a.command, positionalKind);
        return a;
    }
    if (!rest.isEmpty()) {
        const QString value = rest.first();
        if (positionalKind.contains(QLatin1String("ID"))) {
            if (!parseWhole(value, 1, std::numeric_limits<qint64>::max(), &a.rolloutId)) {
                a.error = tr("ID: \"%1\" is not a rollout number (see `optimist-cli history`).")
                              .arg(value);
                return a;
            }
        } else if (positionalKind == QLatin1String("VERSION")) {
            if (value.trimmed().isEmpty() || value.contains(QLatin1Char(' '))) {
                a.error = tr("VERSION: \"%1\" is not an image tag.").arg(value);
                return a;
            }
            a.version = value;
        } else {
            a.scenario = value;
        }
    }

    auto value = [&parser](const char *name) { return parser.value(QString::fromLatin1(name)); };
    auto isSet = [&parser](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    if (a.app.isEmpty())
        a.app = value("app");
    a.yes = isSet("yes");
    a.env = value("env");
    a.dataDir = value("data-dir");
    a.configDir = value("config-dir");
    a.json = isSet("json");
    a.force = isSet("force");
    a.dryRun = isSet("dry-run");
    a.fully = isSet("fully");
    if (isSet("sandbox"))
        a.scenario = value("sandbox");
    if (isSet("app") && a.app.trimmed().isEmpty()) {
        a.error = tr("--app: the application name is empty.");
        return a;
    }
    if (isSet("env") && isSet("sandbox")) {
        a.error = tr("--env and --sandbox exclude each other: --sandbox runs a fresh sandbox "
                     "environment.");
        return a;
    }

    qint64 number = 0;
    if (isSet("initial-traffic")) {
        if (!parseWhole(value("initial-traffic"), 1, 100, &number)) {
            a.error = tr("--initial-traffic: \"%1\" is not a whole percentage from 1 to 100.")
                          .arg(value("initial-traffic"));
            return a;
        }
        a.initialTraffic = int(number);
    }
    if (isSet("steps")) {
        QList<int> steps;
        for (const QString &part : value("steps").split(QLatin1Char(','))) {
            if (!parseWhole(part.trimmed(), -1000, 1000, &number)) {
                a.error = tr("--steps: \"%1\" is not a comma-separated list of whole percentages "
                             "(e.g. 10,25,50,75,100).")
                              .arg(value("steps"));
                return a;
            }
            steps.append(int(number));
        }
        a.steps = steps;
    }
    if (isSet("check-interval")) {
        if (!parseWhole(value("check-interval"), 1, 86400, &number)) {
            a.error = tr("--check-interval: \"%1\" is not a whole number of seconds from 1 to "
                         "86400.")
                          .arg(value("check-interval"));
            return a;
        }
        a.checkInterval = int(number);
    }
    if (isSet("threshold")) {
        bool ok = false;
        const double t = value("threshold").toDouble(&ok);
        if (!ok || !std::isfinite(t) || t < 0 || t > 130) {
            a.error =
                tr("--threshold: \"%1\" is not a number from 0 to 130.").arg(value("threshold"));
            return a;
        }
        a.threshold = t;
    }
    if (isSet("speed")) {
        bool ok = false;
        a.speed = value("speed").toDouble(&ok);
        if (!ok || !std::isfinite(a.speed) || a.speed <= 0 || a.speed > 1e6) {
            a.error = tr("--speed: \"%1\" is not a positive factor (e.g. 60).").arg(value("speed"));
            return a;
        }
    }
    if (isSet("seed")) {
        bool ok = false;
        a.seed = value("seed").toULongLong(&ok);
        if (!ok) {
            a.error = tr("--seed: \"%1\" is not a whole number.").arg(value("seed"));
            return a;
        }
        a.seedGiven = true;
    }
    if (isSet("runs")) {
        if (!parseWhole(value("runs"), 1, 1000000, &number)) {
            a.error =
                tr("--runs: \"%1\" is not a whole number from 1 to 1000000.").arg(value("runs"));
            return a;
        }
        a.runs = int(number);
    }
    if (isSet("limit")) {
        if (!parseWhole(value("limit"), 1, 1000000, &number)) {
            a.error =
                tr("--limit: \"%1\" is not a whole number from 1 to 1000000.").arg(value("limit"));
            return a;
        }
        a.limit = int(number);
    }
    return a;
}

void CliArguments::applyTo(RolloutPlan &plan) const
{
    if (steps)
        plan.steps = *steps;
    if (initialTraffic)
        plan.setInitialTraffic(*initialTraffic);
    if (checkInterval)
        plan.checkIntervalSec = *checkInterval;
    if (threshold)
        plan.threshold = *threshold;
    plan.force = plan.force || force;
    plan.dryRun = plan.dryRun || dryRun;
}

} // namespace optimist
