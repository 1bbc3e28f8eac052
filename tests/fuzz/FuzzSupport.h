#pragma once

// Shared by the libFuzzer targets: quiet Qt warnings (a parser may log what it rejects, which
// would flood the run), and an invariant check that fails the run with the input saved.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace optimist::fuzz {

inline void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qUtf8Printable(message));
        std::abort();
    }
}

/// A broken invariant is a finding: libFuzzer saves the input on abort().
inline void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

/// Both NaN, or equal.
inline bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

/// The fuzzer's bytes without a copy.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                   static_cast<qsizetype>(size));
}

} // namespace optimist::fuzz

#define OPTIMIST_FUZZ_INIT()                                                                       \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                           \
    {                                                                                              \
        qInstallMessageHandler(optimist::fuzz::quietMessages);                                     \
        return 0;                                                                                  \
    }
