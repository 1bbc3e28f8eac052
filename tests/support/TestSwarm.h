#pragma once

#include "core/Color.h"
#include "docker/DockerClient.h"
#include "support/IntegrationSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace optimist::test {

/// The integration tests' own hands on the test dockerd: raw Docker API calls to set up and
/// inspect what the product under test should find or leave (never the product's code paths).
class TestSwarm
{
public:
    TestSwarm(DockerClient *client, QObject *context)
        : m_client(client)
        , m_context(context)
    {
    }

    Result<DockerResponse> send(DockerRequest request)
    {
        using namespace std::chrono_literals;
        auto r = await<DockerResponse>(
            [&](Reply<DockerResponse> reply) { m_client->send(request, reply); }, m_context, 30s);
        if (!r)
            return Error{Error::Kind::Timeout, QStringLiteral("no answer from the test dockerd")};
        return *r;
    }

    Result<DockerResponse> send(const QByteArray &method, const QString &path)
    {
        DockerRequest request;
        request.method = method;
        request.path = path;
        return send(request);
    }

    QJsonObject inspect(const QString &service)
    {
        const auto r = send("GET", QStringLiteral("/services/%1").arg(service));
        return r ? r.value().json().object() : QJsonObject();
    }

    /// The services named APP-…, sorted.
    QStringList servicesOf(const QString &app)
    {
        DockerRequest list;
        list.path = QStringLiteral("/services");
        list.query.addQueryItem(QStringLiteral("filters"),
                                QStringLiteral("{\"name\":[\"%1-\"]}").arg(app));
        const auto r = send(list);
        QStringList names;
        if (r) {
            for (const QJsonValue &s : r.value().json().array()) {
                const QString name = s.toObject()["Spec"].toObject()["Name"].toString();
                if (name.startsWith(app + QLatin1Char('-')))
                    names << name;
            }
        }
        names.sort();
        return names;
    }

    /// Creates APP-COLOR running @p image on the host network, listening on @p port, with the
    /// labels Optimist and Traefik's Swarm provider read.
    Result<DockerResponse> createService(const QString &app, Color color, const QString &image,
                                         int port, int replicas = 1,
                                         const QStringList &extraEnv = {})
    {
        const QString name = app + QLatin1Char('-') + colorName(color);
        QJsonArray env{QStringLiteral("PORT=%1").arg(port)};
        for (const QString &e : extraEnv)
            env.append(e);
        const QJsonObject spec{
            {"Name", name},
            {"Labels",
             QJsonObject{
                 {"optimist.app", app},
                 {"optimist.color", colorName(color)},
                 {"traefik.enable", "true"},
                 {QStringLiteral("traefik.http.services.%1.loadbalancer.server.port").arg(name),
                  QString::number(port)}}},
            {"TaskTemplate",
             QJsonObject{{"ContainerSpec", QJsonObject{{"Image", image}, {"Env", env}}},
                         {"Networks", QJsonArray{QJsonObject{{"Target", "host"}}}},
                         {"RestartPolicy",
                          QJsonObject{{"Condition", "any"}, {"Delay", qint64(1000000000)}}}}},
            {"Mode", QJsonObject{{"Replicated", QJsonObject{{"Replicas", replicas}}}}},
        };
        DockerRequest post;
        post.method = "POST";
        post.path = QStringLiteral("/services/create");
        post.body = QJsonDocument(spec).toJson(QJsonDocument::Compact);
        return send(post);
    }

    /// Deletes every service of @p app.
    void removeServicesOf(const QString &app)
    {
        for (const QString &name : servicesOf(app))
            send("DELETE", QStringLiteral("/services/%1").arg(name));
    }

private:
    DockerClient *m_client;
    QObject *m_context;
};

} // namespace optimist::test
