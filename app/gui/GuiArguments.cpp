#include "GuiArguments.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

namespace optimist {

GuiArguments GuiArguments::parse(const QStringList &arguments)
{
    GuiArguments args;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Optimist: blue-green canary rollouts of Docker Swarm services routed by Traefik."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        tr("Open on the sandbox: a simulated Swarm, Traefik and metrics with two applications. "
           "With SCENARIO (a shipped name or a file) it starts afresh from that scenario."));
    const QStringList offered = languages();
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  tr("The language of the window: %1 (default: the system's).")
                                      .arg(offered.join(QStringLiteral(", "))),
                                  tr("LANG"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   tr("Sandbox: virtual seconds per real second (default 60)."),
                                   tr("X"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Where the history is kept (default: as optimist-cli)."),
                                     tr("DIR"));
    const QCommandLineOption configDir(
        QStringLiteral("config-dir"),
        tr("Where environment profiles are read (default: as optimist-cli)."), tr("DIR"));
    parser.addOptions({help, version, sandbox, lang, speed, dataDir, configDir});
    parser.addPositionalArgument(QStringLiteral("SCENARIO"),
                                 tr("With --sandbox: the scenario to start."),
                                 QStringLiteral("[SCENARIO]"));

    if (!parser.parse(arguments)) {
        args.error = parser.errorText();
        return args;
    }
    if (parser.isSet(help)) {
        // Parsed before the application exists, the parser does not know the program's name.
        args.output = parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                QStringLiteral("optimist"));
        return args;
    }
    if (parser.isSet(version)) {
        args.output = QStringLiteral("optimist %1\n").arg(QCoreApplication::applicationVersion());
        return args;
    }
    args.sandbox = parser.isSet(sandbox);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (!positional.isEmpty() && !args.sandbox)) {
        args.error =
            args.sandbox
                ? tr("--sandbox takes one scenario, not %1").arg(positional.join(QLatin1Char(' ')))
                : tr("unexpected %1 (a scenario follows --sandbox)")
                      .arg(positional.join(QLatin1Char(' ')));
        return args;
    }
    args.scenario = positional.value(0);
    args.lang = parser.value(lang);
    if (parser.isSet(lang) && !offered.contains(args.lang)) {
        args.error = tr("--lang: \"%1\" is not offered; choose one of %2")
                         .arg(args.lang, offered.join(QStringLiteral(", ")));
        return args;
    }
    if (parser.isSet(speed)) {
        bool ok = false;
        args.speed = parser.value(speed).toDouble(&ok);
        if (!ok || args.speed <= 0) {
            args.error = tr("--speed: %1 is not a positive number").arg(parser.value(speed));
            return args;
        }
    }
    args.dataDir = parser.value(dataDir);
    args.configDir = parser.value(configDir);
    return args;
}

QStringList GuiArguments::languages()
{
    QStringList offered{QStringLiteral("en")};
    const QString prefix = QStringLiteral("optimist_");
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({prefix + QStringLiteral("*.qm")}, QDir::Files);
    for (const QString &file : files)
        offered << file.mid(prefix.size()).chopped(3);
    offered.sort();
    offered.removeDuplicates();
    return offered;
}

std::optional<int> GuiArguments::exitEarly(QTextStream &out, QTextStream &err) const
{
    if (!output.isEmpty()) {
        out << output;
        out.flush();
        return 0;
    }
    if (!error.isEmpty()) {
        err << QStringLiteral("optimist: %1\n").arg(error);
        err.flush();
        return 2;
    }
    return std::nullopt;
}

} // namespace optimist
