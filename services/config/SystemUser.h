#pragma once

#include <QString>

namespace optimist {

/// Who is at the keyboard, as the history records operators: the OS user ($USER, else the
/// password database, else "uid N").
class SystemUser
{
public:
    static QString name();
};

} // namespace optimist
