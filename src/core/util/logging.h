#pragma once

#include <memory>
#include <QString>

namespace spdlog {
class logger;
}

namespace etabli::logging {

enum class Level
{
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    Off
};

// Parses "trace|debug|info|warning|error|off"; nullopt-like false on failure.
bool parseLevel(const QString& text, Level* level);

// Sets up a rotating file log in `directory` (created if needed) and routes
// Qt's own messages into it. Safe to call once per process; before it, the
// named loggers write to stderr only at warning level and above.
void init(const QString& directory, Level level, bool alsoToStderr = false);

// The path of the current log file, empty before init().
QString filePath();

// One named logger per module: "storage", "gui", "cli", "demo"…
std::shared_ptr<spdlog::logger> get(const char* module);

void shutdown();

} // namespace etabli::logging
