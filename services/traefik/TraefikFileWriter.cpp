#include "TraefikFileWriter.h"

#include "TraefikWeights.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace optimist {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

template <typename T>
void post(QObject *context, std::function<void(const Result<T> &)> callback, Result<T> result)
{
    QMetaObject::invokeMethod(
        context, [callback, result] { callback(result); }, Qt::QueuedConnection);
}

} // namespace

TraefikFileWriter::TraefikFileWriter(QString directory, QObject *parent)
    : TraefikWeightWriter(parent)
    , m_directory(std::move(directory))
{
}

bool TraefikFileWriter::isSingleFile() const
{
    const QFileInfo info(m_directory);
    if (info.isDir())
        return false;
    const QString suffix = info.suffix().toLower();
    return suffix == QLatin1String("yaml") || suffix == QLatin1String("yml");
}

QString TraefikFileWriter::filePath(const TraefikAppRoute &route) const
{
    if (isSingleFile())
        return m_directory;
    return QDir(m_directory).filePath(route.app + QStringLiteral(".yaml"));
}

Result<QByteArray> TraefikFileWriter::render(const QByteArray &existing,
                                             const TraefikAppRoute &route, const WeightSplit &split,
                                             TraefikNaming::Version version, const QString &where)
{
    YAML::Node root;
    try {
        if (!existing.trimmed().isEmpty())
            root = YAML::Load(existing.toStdString());
    } catch (const YAML::Exception &e) {
        return Error{Error::Kind::Invalid, tr("%1 is not valid YAML (%2); fix or remove it")
                                               .arg(where, QString::fromStdString(e.what()))};
    }
    if (root.IsNull())
        root = YAML::Node(YAML::NodeType::Map);
    if (!root.IsMap() || (root["http"] && !root["http"].IsMap()))
        return Error{Error::Kind::Invalid,
                     tr("%1 is not a Traefik dynamic configuration (expected a map with "
                        "\"http\")")
                         .arg(where)};
    const std::string service = route.serviceName().toStdString();
    YAML::Node http = root["http"];
    YAML::Node weighted = http["services"][service]["weighted"];
    const bool adoptService = !weighted["services"];
    YAML::Node children(YAML::NodeType::Sequence);
    for (Color color : {Color::Blue, Color::Green}) {
        // A child with weight 0 is left out: Traefik builds every listed child before it drops
        // the zero-weight ones, so a removed color still listed would fail the whole service.
        if (split.of(color) <= 0)
            continue;
        YAML::Node child(YAML::NodeType::Map);
        child["name"] = TraefikNaming::childServiceName(route.app, color, version).toStdString();
        child["weight"] = split.of(color);
        children.push_back(child);
    }
    weighted["services"] = children;
    if (adoptService && !weighted["sticky"]) {
        YAML::Node cookie(YAML::NodeType::Map);
        cookie["name"] = route.cookieName().toStdString();
        cookie["httpOnly"] = true;
        cookie["secure"] = route.stickySecure;
        weighted["sticky"]["cookie"] = cookie;
    }
    const std::string routerName = route.routerName().toStdString();
    if (!route.rule.isEmpty() && !http["routers"][routerName]) {
        YAML::Node router(YAML::NodeType::Map);
        router["rule"] = route.rule.toStdString();
        router["service"] = service;
        if (!route.entryPoints.isEmpty()) {
            YAML::Node entryPoints(YAML::NodeType::Sequence);
            for (const QString &entryPoint : route.entryPoints)
                entryPoints.push_back(entryPoint.toStdString());
            router["entryPoints"] = entryPoints;
        }
        http["routers"][routerName] = router;
    }
    YAML::Emitter out;
    out << root;
    if (!out.good())
        return Error{Error::Kind::Invalid,
                     tr("Cannot write YAML for %1: %2")
                         .arg(where, QString::fromStdString(out.GetLastError()))};
    return QByteArray(out.c_str()) + '\n';
}

Result<WeightSplit> TraefikFileWriter::parse(const QByteArray &content,
                                             const TraefikAppRoute &route, const QString &where)
{
    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception &e) {
        return Error{Error::Kind::Invalid,
                     tr("%1 is not valid YAML (%2)").arg(where, QString::fromStdString(e.what()))};
    }
    const std::string service = route.serviceName().toStdString();
    try {
        const YAML::Node children = root["http"]["services"][service]["weighted"]["services"];
        if (!children)
            return Error{Error::Kind::NotFound,
                         tr("%1 defines no weighted service %2").arg(where, route.serviceName())};
        if (!children.IsSequence())
            return Error{
                Error::Kind::Invalid,
                tr("In %1, weighted.services of %2 is not a list").arg(where, route.serviceName())};
        QList<TraefikService::Child> list;
        for (const YAML::Node &child : children) {
            if (!child.IsMap() || !child["name"] || !child["name"].IsScalar())
                return Error{
                    Error::Kind::Invalid,
                    tr("In %1, a child of %2 has no name").arg(where, route.serviceName())};
            TraefikService::Child c;
            c.name = QString::fromStdString(child["name"].as<std::string>());
            if (child["weight"]) {
                int weight = 0;
                if (!child["weight"].IsScalar() ||
                    !YAML::convert<int>::decode(child["weight"], weight))
                    return Error{
                        Error::Kind::Invalid,
                        tr("In %1, the weight of %2 is not a whole number").arg(where, c.name)};
                c.weight = weight;
            }
            list.append(c);
        }
        return TraefikWeights::fromChildren(route.app, list, where);
    } catch (const YAML::Exception &e) {
        return Error{Error::Kind::Invalid, tr("%1 is not a Traefik dynamic configuration (%2)")
                                               .arg(where, QString::fromStdString(e.what()))};
    }
}

Result<void> TraefikFileWriter::replaceAtomically(const QString &path, const QByteArray &content)
{
    const QFileInfo info(path);
    const QString directory = info.absolutePath();
    QByteArray temporary = QFile::encodeName(QDir(directory).filePath(
        QStringLiteral(".") + info.fileName() + QStringLiteral(".XXXXXX")));
    const int fd = mkstemp(temporary.data());
    if (fd < 0)
        return Error{Error::Kind::Unreachable,
                     tr("Cannot create a file in %1 for Traefik's configuration: %2; Optimist "
                        "needs write access to the directory Traefik watches")
                         .arg(directory, systemError(errno))};
    auto failWith = [&](const QString &what) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.constData());
        return Error{Error::Kind::Unreachable,
                     tr("Cannot write %1 (%2: %3); the previous file is unchanged")
                         .arg(path, what, systemError(error))};
    };
    qsizetype written = 0;
    while (written < content.size()) {
        const ssize_t n =
            ::write(fd, content.constData() + written, size_t(content.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failWith(tr("writing"));
        written += n;
    }
    // Traefik may run as another user: the file is readable by all, like any config file.
    if (::fchmod(fd, 0644) != 0)
        return failWith(tr("setting permissions"));
    if (::fsync(fd) != 0)
        return failWith(tr("syncing"));
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return Error{Error::Kind::Unreachable, tr("Cannot write %1 (%2: %3); the previous file "
                                                  "is unchanged")
                                                   .arg(path, tr("closing"), systemError(error))};
    }
    if (::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return Error{Error::Kind::Unreachable, tr("Cannot replace %1: %2; the previous file is "
                                                  "unchanged")
                                                   .arg(path, systemError(error))};
    }
    // The rename is durable only once the directory is synced.
    const int dirFd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

Result<WriteOutcome> TraefikFileWriter::write(const TraefikAppRoute &route,
                                              const WeightSplit &split,
                                              TraefikNaming::Version version, WriteMode mode) const
{
    if (split.blue < 0 || split.green < 0 || split.blue + split.green != 100)
        return Error{Error::Kind::Invalid,
                     tr("weights %1 do not add up to 100%").arg(split.toString())};
    const QString path = filePath(route);
    QByteArray existing;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error{Error::Kind::Unreachable,
                         tr("Cannot read %1: %2").arg(path, file.errorString())};
        existing = file.readAll();
    } else if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        return Error{Error::Kind::NotFound,
                     tr("The directory %1 for Traefik's file provider does not exist; check "
                        "router.path")
                         .arg(QFileInfo(path).absolutePath())};
    }
    const Result<QByteArray> yaml = render(existing, route, split, version, path);
    if (!yaml)
        return yaml.error();
    const QString text = QString::fromUtf8(yaml.value());
    if (mode == WriteMode::DryRun)
        return WriteOutcome{tr("would write %1:\n%2").arg(path, text)};
    const Result<void> replaced = replaceAtomically(path, yaml.value());
    if (!replaced)
        return replaced.error();
    return WriteOutcome{tr("wrote %1:\n%2").arg(path, text)};
}

void TraefikFileWriter::readWeights(const TraefikAppRoute &route, Callback<WeightSplit> callback)
{
    const QString path = filePath(route);
    QFile file(path);
    Result<WeightSplit> result = Error{Error::Kind::NotFound, QString()};
    if (!file.exists())
        result = Error{Error::Kind::NotFound,
                       tr("Traefik's file provider has no file %1 for %2; Optimist writes it on "
                          "the first rollout, or check router.path")
                           .arg(path, route.app)};
    else if (!file.open(QIODevice::ReadOnly))
        result =
            Error{Error::Kind::Unreachable, tr("Cannot read %1: %2").arg(path, file.errorString())};
    else
        result = parse(file.readAll(), route, path);
    post<WeightSplit>(this, std::move(callback), result);
}

void TraefikFileWriter::writeWeights(const TraefikAppRoute &route, const WeightSplit &split,
                                     TraefikNaming::Version version, WriteMode mode,
                                     Callback<WriteOutcome> callback)
{
    post<WriteOutcome>(this, std::move(callback), write(route, split, version, mode));
}

} // namespace optimist
