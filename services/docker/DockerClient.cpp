// TEMPORARY on branch docker-base: replaced by the real implementation (branch docker-client).
#include "DockerClient.h"

namespace optimist {

class DockerClient::Private
{
public:
    DockerEndpoint endpoint;
};

DockerClient::DockerClient(DockerEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->endpoint = std::move(endpoint);
}

DockerClient::~DockerClient() = default;

const DockerEndpoint &DockerClient::endpoint() const
{
    return d->endpoint;
}

} // namespace optimist
