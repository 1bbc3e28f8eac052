#include "SystemUser.h"

#include <pwd.h>
#include <unistd.h>

namespace optimist {

QString SystemUser::name()
{
    const QString user = qEnvironmentVariable("USER");
    if (!user.isEmpty())
        return user;
    if (const passwd *pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("uid %1").arg(::getuid());
}

} // namespace optimist
