#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace etabli {
class Clock;
class Database;
struct UserContext;
} // namespace etabli

namespace etabli::cli {

// Exit codes of etabli-cli.
enum ExitCode
{
    Success = 0,
    Failure = 1,
    BadUsage = 2,
};

// Runs `etabli-cli` with its arguments (arguments[0] is the program).
// Writes results to `out`, French errors to `err`.
class Commands
{
    Q_DECLARE_TR_FUNCTIONS(Commands)

public:
    Commands(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}
    int run(const QStringList& arguments);

private:
    int init(const QStringList& args);
    int demo(const QStringList& args);
    int check(const QStringList& args);
    int migrate(const QStringList& args);
    int moveSchool(const QString& from, const QString& to, const QString& dailyRole);
    int backup(const QStringList& args);
    int exportPerson(const QStringList& args);
    int retention(const QStringList& args);
    int importData(const QStringList& args);
    // The rest of `import contacts`, the file read and the database open;
    // `duplicates` and `role` as typed (empty: not given).
    int importFramework(Database& db, const Clock& clock, const UserContext& user, const QByteArray& bytes,
                        const QString& certification);
    int importContacts(Database& db, const Clock& clock, const UserContext& user, const QByteArray& bytes,
                       bool skipInvalid, const QString& duplicates, const QString& role);
    int exportData(const QStringList& args);
    int printDocument(const QStringList& args); // cliprint.cpp
    int exportFacturX(const QStringList& args); // cliprint.cpp
    int exportFec(const QStringList& args);     // cliaccounting.cpp
    int reportData(const QStringList& args);    // clireports.cpp
    int close(const QStringList& args);         // cliarchive.cpp
    int archive(const QStringList& args);       // cliarchive.cpp
    int verifyArchive(const QStringList& args); // cliarchive.cpp
    int list(const QStringList& args);          // clilist.cpp
    int server(const QStringList& args);        // cliserver.cpp
    void usage(QTextStream& stream) const;

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace etabli::cli
