#pragma once

#include "CliArguments.h"
#include "CliPrinter.h"

#include <QCoreApplication>

namespace optimist {

/// `optimist-cli simulate SCENARIO`: the sandbox on a virtual clock at full speed, with an
/// in-memory history; --runs N repeats it over N consecutive seeds.
class SimulateCommand
{
    Q_DECLARE_TR_FUNCTIONS(SimulateCommand)

public:
    static int run(const CliArguments &args, CliPrinter &printer);
};

} // namespace optimist
