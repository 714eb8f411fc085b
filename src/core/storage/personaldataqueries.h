#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace etabli {

class Database;

// The rows a person's export gathers (RGPD art. 15), table by table: each
// part a French title and its rows as column → value maps. What the person's
// own record and the services already give (guardians, notes, career) is
// not repeated here.
class PersonalDataQueries
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataQueries)

public:
    explicit PersonalDataQueries(Database& db) : m_db(db) {}

    struct Part
    {
        QString title;
        QList<QVariantMap> rows;
    };

    // The production-log entries the trainee worked on.
    Result<Part> traineeProduction(qint64 traineeId) const;
    // The trainee's evaluations on the competences of the frameworks, oldest first.
    Result<Part> traineeEvaluations(qint64 traineeId) const;
    // A contact (customer, donor, funder, host, supplier): the record and
    // everything attached to it.
    Result<QList<Part>> contact(qint64 contactId) const;
    // A staff member or a volunteer: the record, sections, hours, the
    // production entries they supervised.
    Result<QList<Part>> staffMember(qint64 staffId) const;
    // The ids of a contact's vehicles (their audit rows concern the contact).
    Result<QList<qint64>> vehicleIds(qint64 contactId) const;

private:
    Result<QList<QVariantMap>> rows(const QString& sql, qint64 id) const;
    Result<QList<Part>> parts(const QList<std::pair<QString, QString>>& queries, qint64 id) const;

    Database& m_db;
};

} // namespace etabli
