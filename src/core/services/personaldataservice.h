#pragma once

#include "domain/audit.h"
#include "domain/user.h"
#include "storage/traineerepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>

namespace etabli {

class Clock;
class Database;

// GDPR: everything held about one person, exported as JSON and a readable
// HTML page; the retention rule (anonymise trainees N years after they
// left), previewed before it is applied. Direction only; both are audited.
class PersonalDataService
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataService)

public:
    PersonalDataService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    struct Export
    {
        QJsonObject data;
        QString title;    // "Données détenues sur …"
        QString baseName; // file name without extension
    };

    // Whose data: a trainee, a contact of the directory (customer, donor…),
    // a staff member or a volunteer.
    enum class PersonKind
    {
        Trainee,
        Contact,
        Staff
    };
    struct Person
    {
        qint64 id = 0;
        QString label; // "MARTIN Léa — née le 02/03/2009 — Métallerie", "Garage du Doubs (Dole)"
    };
    Result<QList<Person>> findPeople(PersonKind kind, const QString& text, int limit = 50) const;
    Result<QList<TraineeRepository::Hit>> findTrainees(const QString& text, int limit = 50) const;
    Result<Export> exportPerson(PersonKind kind, qint64 id);
    Result<Export> exportTrainee(qint64 traineeId);
    Result<Export> exportContact(qint64 contactId);
    Result<Export> exportStaff(qint64 staffId);
    Result<Export> exportAccount(const QString& login);
    // Writes <dir>/<baseName>.json and .html; returns the two paths.
    Result<QStringList> write(const Export& data, const QString& directory) const;
    static QString toHtml(const Export& data, const QDate& today);

    struct Retention
    {
        int traineeYears = 5;
        int invoiceYears = 10;
        int candidateMonths = 12; // candidates not admitted, after the decision
    };
    Result<Retention> retention() const;
    Status setRetention(const Retention& retention);
    // The trainees the rule would anonymise on `today`, and the candidates not admitted.
    Result<QList<TraineeRepository::Hit>> retentionPreview(const QDate& today) const;
    // Anonymises those of `ids` that the rule still covers; returns how many.
    Result<int> applyRetention(const QDate& today, const QList<qint64>& ids);

private:
    // The trail's rows about these entity numbers, and those the account wrote.
    QJsonArray auditRows(const QList<std::pair<AuditEntity, QString>>& entities, const QString& login) const;
    Status recordExport(AuditEntity entity, qint64 id);

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
