#pragma once

// hiredis' own Qt adapter (RedisQtAdapter). It declares `private slots:`, which QT_NO_KEYWORDS
// leaves undefined, so spell it out around the include. Its moc file is built by
// services/CMakeLists.txt.
#ifndef slots
#define OPTIMIST_DEFINED_SLOTS
#define slots Q_SLOTS
#endif
#include <hiredis/adapters/qt.h>
#ifdef OPTIMIST_DEFINED_SLOTS
#undef slots
#undef OPTIMIST_DEFINED_SLOTS
#endif
