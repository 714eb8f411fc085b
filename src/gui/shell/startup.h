#pragma once

#include <QCoreApplication>

class QApplication;

namespace etabli {

// What `etabli` does from main(): options, log, language, choosing the
// database (argument, ETABLI_DATABASE, last one used, or the welcome
// dialog), then the main window.
class Startup
{
    Q_DECLARE_TR_FUNCTIONS(Startup)

public:
    static int run(QApplication& app);
};

} // namespace etabli
