#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QtGlobal>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <vector>

namespace etabli::logging {

namespace {

QMutex g_mutex;
std::vector<spdlog::sink_ptr> g_sinks;
spdlog::level::level_enum g_level = spdlog::level::warn;
QString g_filePath;

spdlog::level::level_enum toSpd(Level level)
{
    switch (level) {
    case Level::Trace:
        return spdlog::level::trace;
    case Level::Debug:
        return spdlog::level::debug;
    case Level::Info:
        return spdlog::level::info;
    case Level::Warning:
        return spdlog::level::warn;
    case Level::Error:
        return spdlog::level::err;
    case Level::Off:
        return spdlog::level::off;
    }
    return spdlog::level::info;
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    auto logger = get("qt");
    const std::string text = message.toStdString();
    const char* category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        logger->debug("[{}] {}", category, text);
        break;
    case QtInfoMsg:
        logger->info("[{}] {}", category, text);
        break;
    case QtWarningMsg:
        logger->warn("[{}] {}", category, text);
        break;
    case QtCriticalMsg:
        logger->error("[{}] {}", category, text);
        break;
    case QtFatalMsg:
        logger->critical("[{}] {}", category, text);
        logger->flush();
        std::abort();
    }
}

} // namespace

bool parseLevel(const QString& text, Level* level)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("trace"))
        *level = Level::Trace;
    else if (t == QLatin1String("debug"))
        *level = Level::Debug;
    else if (t == QLatin1String("info"))
        *level = Level::Info;
    else if (t == QLatin1String("warning") || t == QLatin1String("warn"))
        *level = Level::Warning;
    else if (t == QLatin1String("error"))
        *level = Level::Error;
    else if (t == QLatin1String("off"))
        *level = Level::Off;
    else
        return false;
    return true;
}

void init(const QString& directory, Level level, bool alsoToStderr)
{
    QMutexLocker lock(&g_mutex);
    g_sinks.clear();
    g_level = toSpd(level);
    if (QDir().mkpath(directory)) {
        QFile::setPermissions(directory,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        g_filePath = QDir(directory).filePath(QStringLiteral("etabli.log"));
        try {
            g_sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(g_filePath.toStdString(),
                                                                                     5 * 1024 * 1024, 3));
            // Logins and file names are in it: the owner's only.
            QFile::setPermissions(g_filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        } catch (const spdlog::spdlog_ex&) {
            g_filePath.clear();
        }
    }
    if (alsoToStderr || g_sinks.empty())
        g_sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    spdlog::drop_all();
    lock.unlock();
    qInstallMessageHandler(qtMessageHandler);
}

QString filePath()
{
    QMutexLocker lock(&g_mutex);
    return g_filePath;
}

std::shared_ptr<spdlog::logger> get(const char* module)
{
    QMutexLocker lock(&g_mutex);
    if (auto existing = spdlog::get(module))
        return existing;
    std::shared_ptr<spdlog::logger> logger;
    if (g_sinks.empty()) {
        logger =
            std::make_shared<spdlog::logger>(module, std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    } else {
        logger = std::make_shared<spdlog::logger>(module, g_sinks.begin(), g_sinks.end());
    }
    logger->set_level(g_level);
    logger->flush_on(spdlog::level::warn);
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ [%n] %v");
    spdlog::register_logger(logger);
    return logger;
}

void shutdown()
{
    qInstallMessageHandler(nullptr);
    spdlog::shutdown();
    QMutexLocker lock(&g_mutex);
    g_sinks.clear();
}

} // namespace etabli::logging
