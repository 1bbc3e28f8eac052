#include "ProfileWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <iterator>

namespace optimist {

namespace {

const QLatin1String kKeychainPrefix("keychain:");

/// The loader's rule (ProfileLoader.cpp): keys such as `password`, `apiToken`, `privateKey`.
bool looksSecret(const QString &key)
{
    QString k = key.toLower();
    k.remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    static const QLatin1String words[] = {QLatin1String("password"), QLatin1String("token"),
                                          QLatin1String("secret"), QLatin1String("privatekey"),
                                          QLatin1String("apikey")};
    return std::any_of(std::begin(words), std::end(words),
                       [&k](QLatin1String word) { return k.contains(word); });
}

std::string text(const QString &s)
{
    return s.toStdString();
}

/// Text YAML 1.2's core schema would read as something else when written plainly: a bool, null
/// or a number. ProfileLoader reads text fields as written either way; quoting keeps the file
/// right for any other reader.
bool readsAsNonText(const QString &s)
{
    static const QRegularExpression form(
        QStringLiteral("^(true|True|TRUE|false|False|FALSE|null|Null|NULL|~|"
                       "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|"
                       "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    return s.isEmpty() || form.match(s).hasMatch();
}

/// Settings in the order docs/profiles.md lists them; others follow by name.
int keyRank(const QString &key)
{
    static const QStringList order{QStringLiteral("scenario"),
                                   QStringLiteral("endpoint"),
                                   QStringLiteral("context"),
                                   QStringLiteral("tlsCertPath"),
                                   QStringLiteral("tlsVerify"),
                                   QStringLiteral("address"),
                                   QStringLiteral("database"),
                                   QStringLiteral("rootKey"),
                                   QStringLiteral("username"),
                                   QStringLiteral("password"),
                                   QStringLiteral("path"),
                                   QStringLiteral("url"),
                                   QStringLiteral("token"),
                                   QStringLiteral("apiUrl"),
                                   QStringLiteral("traefikVersion"),
                                   QStringLiteral("entryPoints"),
                                   QStringLiteral("apiUser"),
                                   QStringLiteral("apiPassword"),
                                   QStringLiteral("apiCaFile"),
                                   QStringLiteral("caFile"),
                                   QStringLiteral("scrapeIntervalMs"),
                                   QStringLiteral("settleSec"),
                                   QStringLiteral("service"),
                                   QStringLiteral("rule"),
                                   QStringLiteral("ports"),
                                   QStringLiteral("portVariable"),
                                   QStringLiteral("healthUrl"),
                                   QStringLiteral("stickyCookie"),
                                   QStringLiteral("steps")};
    const qsizetype rank = order.indexOf(key);
    return rank < 0 ? int(order.size()) : int(rank);
}

QStringList orderedKeys(QStringList keys)
{
    std::stable_sort(keys.begin(), keys.end(),
                     [](const QString &a, const QString &b) { return keyRank(a) < keyRank(b); });
    return keys;
}

/// Plan fields that describe one run (--force, --dry-run), not an environment.
bool isRunFlag(const QString &field)
{
    return field == QLatin1String("force") || field == QLatin1String("dryRun") ||
           field == QLatin1String("reuseIdleColor");
}

class Emitter
{
public:
    Emitter() { m_out.SetIndent(2); }

    QStringList problems;

    void value(const QString &path, const QString &key, const QVariant &v)
    {
        switch (v.metaType().id()) {
        case QMetaType::Bool:
            m_out << v.toBool();
            return;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            m_out << v.toLongLong();
            return;
        case QMetaType::Double:
            m_out << YAML::DoublePrecision(17) << v.toDouble();
            return;
        case QMetaType::QStringList:
        case QMetaType::QVariantList: {
            m_out << YAML::Flow << YAML::BeginSeq;
            for (const QString &item : v.toStringList())
                scalar(item);
            m_out << YAML::EndSeq;
            return;
        }
        case QMetaType::QVariantMap: {
            const QVariantMap map = v.toMap();
            m_out << YAML::Flow << YAML::BeginMap;
            for (auto it = map.cbegin(); it != map.cend(); ++it) {
                m_out << YAML::Key << text(it.key()) << YAML::Value;
                value(path + QLatin1Char('.') + it.key(), it.key(), it.value());
            }
            m_out << YAML::EndMap;
            return;
        }
        default:
            break;
        }
        const QString s = v.toString();
        if (looksSecret(key) && !s.isEmpty() && !s.startsWith(kKeychainPrefix)) {
            problems << ProfileWriter::tr("%1: secrets are never written in profiles; store it "
                                          "in the keychain and give `keychain:SERVICE/ACCOUNT`")
                            .arg(path);
            m_out << YAML::Null;
            return;
        }
        scalar(s);
    }

    void scalar(const QString &s)
    {
        if (readsAsNonText(s))
            m_out << YAML::DoubleQuoted;
        m_out << text(s);
    }

    void settings(const QString &path, const QVariantMap &settings)
    {
        for (const QString &key : orderedKeys(settings.keys())) {
            m_out << YAML::Key << text(key) << YAML::Value;
            value(path + QLatin1Char('.') + key, key, settings.value(key));
        }
    }

    void component(const char *section, const EnvironmentProfile::Component &c)
    {
        if (c.kind.isEmpty())
            return;
        m_out << YAML::Key << section << YAML::Value << YAML::Block << YAML::BeginMap;
        m_out << YAML::Key << "kind" << YAML::Value;
        scalar(c.kind);
        settings(QString::fromLatin1(section), c.settings);
        m_out << YAML::EndMap;
    }

    void json(const QJsonValue &v)
    {
        if (v.isBool()) {
            m_out << v.toBool();
        } else if (v.isDouble()) {
            const double d = v.toDouble();
            m_out << text(QString::number(d, 'g', QLocale::FloatingPointShortest));
        } else if (v.isArray()) {
            m_out << YAML::Flow << YAML::BeginSeq;
            for (const QJsonValue &item : v.toArray())
                json(item);
            m_out << YAML::EndSeq;
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            m_out << YAML::Block << YAML::BeginMap;
            for (auto it = o.begin(); it != o.end(); ++it) {
                m_out << YAML::Key << text(it.key()) << YAML::Value;
                json(it.value());
            }
            m_out << YAML::EndMap;
        } else {
            scalar(v.toString());
        }
    }

    void plan(const RolloutPlan &plan)
    {
        const QJsonObject defaults = RolloutPlan().toJson();
        const QJsonObject given = plan.toJson();
        QJsonObject changed;
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (isRunFlag(it.key()))
                continue;
            if (it.key() == QLatin1String("coefficients")) {
                const QJsonObject base = defaults.value(it.key()).toObject();
                QJsonObject differ;
                const QJsonObject coefficients = it.value().toObject();
                for (auto c = coefficients.begin(); c != coefficients.end(); ++c) {
                    if (base.value(c.key()) != c.value())
                        differ.insert(c.key(), c.value());
                }
                if (!differ.isEmpty())
                    changed.insert(it.key(), differ);
            } else if (defaults.value(it.key()) != it.value()) {
                changed.insert(it.key(), it.value());
            }
        }
        if (changed.isEmpty())
            return;
        m_out << YAML::Key << "plan" << YAML::Value << YAML::Block << YAML::BeginMap;
        for (const QString &key : orderedKeys(changed.keys())) {
            m_out << YAML::Key << text(key) << YAML::Value;
            json(changed.value(key));
        }
        m_out << YAML::EndMap;
    }

    Result<QByteArray> document(const EnvironmentProfile &profile)
    {
        m_out << YAML::Comment("Optimist environment profile; format: docs/profiles.md");
        m_out << YAML::BeginMap;
        m_out << YAML::Key << "name" << YAML::Value;
        scalar(profile.name);
        if (!profile.description.isEmpty()) {
            m_out << YAML::Key << "description" << YAML::Value;
            scalar(profile.description);
        }
        if (profile.allowInsecureHttp)
            m_out << YAML::Key << "allowInsecureHttp" << YAML::Value << true;
        component("cluster", profile.cluster);
        component("router", profile.router);
        component("metrics", profile.metrics);
        if (!profile.applications.isEmpty()) {
            m_out << YAML::Key << "applications" << YAML::Value << YAML::Block << YAML::BeginSeq;
            int index = 0;
            for (const EnvironmentProfile::Application &app : profile.applications) {
                m_out << YAML::Block << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
                scalar(app.name);
                QVariantMap rest = app.settings;
                rest.remove(QStringLiteral("name"));
                settings(QStringLiteral("applications[%1]").arg(index++), rest);
                m_out << YAML::EndMap;
            }
            m_out << YAML::EndSeq;
        }
        plan(profile.plan);
        // Named entries of `secrets:`; field paths (router.password) live in their sections.
        QVariantMap named;
        for (auto it = profile.secretReferences.cbegin(); it != profile.secretReferences.cend();
             ++it) {
            if (!it.key().contains(QLatin1Char('.')) && !it.key().contains(QLatin1Char('[')))
                named.insert(it.key(), it.value());
        }
        if (!named.isEmpty()) {
            m_out << YAML::Key << "secrets" << YAML::Value << YAML::Block << YAML::BeginMap;
            for (auto it = named.cbegin(); it != named.cend(); ++it) {
                const QString reference = it.value().toString();
                m_out << YAML::Key << text(it.key()) << YAML::Value;
                if (!reference.startsWith(kKeychainPrefix)) {
                    problems << ProfileWriter::tr("secrets.%1: secrets are never written in "
                                                  "profiles; store it in the keychain and give "
                                                  "`keychain:SERVICE/ACCOUNT`")
                                    .arg(it.key());
                    m_out << YAML::Null;
                } else {
                    scalar(reference);
                }
            }
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndMap;
        if (!problems.isEmpty())
            return Error{Error::Kind::Invalid, problems.join(QLatin1Char('\n'))};
        if (!m_out.good())
            return Error{Error::Kind::Other,
                         ProfileWriter::tr("the profile %1 could not be "
                                           "written as YAML: %2")
                             .arg(profile.name, QString::fromStdString(m_out.GetLastError()))};
        QByteArray bytes(m_out.c_str(), qsizetype(m_out.size()));
        bytes.append('\n');
        return bytes;
    }

private:
    YAML::Emitter m_out;
};

} // namespace

Result<QByteArray> ProfileWriter::toYaml(const EnvironmentProfile &profile)
{
    Emitter emitter;
    return emitter.document(profile);
}

Result<void> ProfileWriter::writeFile(const EnvironmentProfile &profile, const QString &path)
{
    const Result<QByteArray> yaml = toYaml(profile);
    if (!yaml)
        return Error{yaml.error().kind,
                     tr("%1: nothing was written:\n%2").arg(path, yaml.error().message)};
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{Error::Kind::Other,
                     tr("%1: the folder %2 cannot be created").arg(path, info.absolutePath())};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Kind::Other,
                     tr("%1: cannot be written: %2").arg(path, file.errorString())};
    if (file.write(yaml.value()) != yaml.value().size() || !file.commit())
        return Error{Error::Kind::Other, tr("%1: cannot be written: %2; the old file is unchanged")
                                             .arg(path, file.errorString())};
    return {};
}

} // namespace optimist
