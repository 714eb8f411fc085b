#pragma once

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

    Result<QList<TraineeRepository::Hit>> findTrainees(const QString& text, int limit = 50) const;
    Result<Export> exportTrainee(qint64 traineeId);
    Result<Export> exportAccount(const QString& login);
    // Writes <dir>/<baseName>.json and .html; returns the two paths.
    Result<QStringList> write(const Export& data, const QString& directory) const;
    static QString toHtml(const Export& data, const QDate& today);

    struct Retention
    {
        int traineeYears = 5;
        int invoiceYears = 10;
    };
    Result<Retention> retention() const;
    Status setRetention(const Retention& retention);
    // The trainees the rule would anonymise on `today`.
    Result<QList<TraineeRepository::Hit>> retentionPreview(const QDate& today) const;
    // Anonymises those of `ids` that the rule still covers; returns how many.
    Result<int> applyRetention(const QDate& today, const QList<qint64>& ids);

private:
    QJsonArray auditRows(const QString& entity, const QString& entityId, const QString& login) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
