#pragma once

#include <QByteArray>
#include <QList>

namespace optimist {

/// One Redis reply, copied out of hiredis' reply tree.
struct RedisValue
{
    enum class Type { Nil, String, Integer, Array, Status, Error };

    Type type = Type::Nil;
    QByteArray text; ///< String, Status and Error
    qint64 integer = 0;
    QList<RedisValue> elements; ///< Array

    bool isNil() const { return type == Type::Nil; }
    bool isError() const { return type == Type::Error; }
};

} // namespace optimist
