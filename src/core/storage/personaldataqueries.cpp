#include "storage/personaldataqueries.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

#include <QSqlRecord>

namespace etabli {

Result<QList<QVariantMap>> PersonalDataQueries::rows(const QString& sql, qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    QList<QVariantMap> out;
    while (q.next()) {
        const QSqlRecord record = q.raw().record();
        QVariantMap map;
        for (int i = 0; i < record.count(); ++i)
            map.insert(record.fieldName(i), q.value(i));
        out << map;
    }
    return out;
}

Result<QList<PersonalDataQueries::Part>>
PersonalDataQueries::parts(const QList<std::pair<QString, QString>>& queries, qint64 id) const
{
    QList<Part> out;
    for (const auto& [title, sql] : queries) {
        auto found = rows(sql, id);
        if (!found)
            return std::unexpected(found.error());
        out << Part{title, *found};
    }
    return out;
}

Result<PersonalDataQueries::Part> PersonalDataQueries::traineeProduction(qint64 traineeId) const
{
    auto found =
        rows(QStringLiteral("SELECT e.day, s.name AS section, e.kind, e.reference, pt.minutes "
                            "FROM production_trainee pt JOIN production_entry e ON e.id = pt.entry_id "
                            "JOIN section s ON s.id = e.section_id WHERE pt.trainee_id = :id "
                            "ORDER BY e.day, e.id"),
             traineeId);
    if (!found)
        return std::unexpected(found.error());
    return Part{QStringLiteral("journal de production"), *found};
}

Result<PersonalDataQueries::Part> PersonalDataQueries::traineeEvaluations(qint64 traineeId) const
{
    auto found =
        rows(QStringLiteral("SELECT c.code, c.title, e.level, e.day, e.evaluator_name, e.comment "
                            "FROM competence_evaluation e JOIN competence c ON c.id = e.competence_id "
                            "WHERE e.trainee_id = :id ORDER BY e.day, e.id"),
             traineeId);
    if (!found)
        return std::unexpected(found.error());
    return Part{QStringLiteral("évaluations des compétences"), *found};
}

Result<QList<PersonalDataQueries::Part>> PersonalDataQueries::contact(qint64 contactId) const
{
    auto found = parts(
        {{QStringLiteral("fiche"), QStringLiteral("SELECT * FROM contact WHERE id = :id")},
         {QStringLiteral("véhicules"),
          QStringLiteral(
              "SELECT plate, make, model, tyre_size FROM vehicle WHERE contact_id = :id ORDER BY id")},
         {QStringLiteral("pneus en gardiennage"),
          QStringLiteral("SELECT season, tyre_size, brand, tyre_count, with_rims, date_in, date_out, notes "
                         "FROM tyre_set WHERE contact_id = :id ORDER BY date_in, id")},
         {QStringLiteral("devis"),
          QStringLiteral("SELECT number, quote_date, status, reference, notes, "
                         "total_incl_cents FROM quote WHERE contact_id = :id ORDER BY id")},
         {QStringLiteral("ordres de travail"),
          QStringLiteral(
              "SELECT number, order_date, status, description FROM work_order WHERE contact_id = :id "
              "ORDER BY id")},
         {QStringLiteral("factures et avoirs"),
          QStringLiteral("SELECT number, kind, status, issue_date, customer_name, customer_address, "
                         "total_incl_cents FROM invoice WHERE contact_id = :id ORDER BY id")},
         {QStringLiteral("paiements"),
          QStringLiteral(
              "SELECT i.number AS invoice, p.day, p.method, p.amount_cents, p.bank, p.cheque_number "
              "FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE i.contact_id = :id "
              "ORDER BY p.id")},
         {QStringLiteral("dons"),
          QStringLiteral("SELECT day, amount_cents, method, nature, form, description, "
                         "purpose FROM donation WHERE contact_id = :id ORDER BY day, id")},
         {QStringLiteral("reçus fiscaux"),
          QStringLiteral(
              "SELECT number, kind, issue_date, donor_name, donor_address, total_cents FROM tax_receipt "
              "WHERE contact_id = :id ORDER BY id")},
         {QStringLiteral("adhésions"),
          QStringLiteral("SELECT joined_on, left_on FROM member WHERE contact_id = :id ORDER BY id")},
         {QStringLiteral("taxe d'apprentissage"),
          QStringLiteral(
              "SELECT year, expected_cents, received_cents, received_on, note FROM apprenticeship_tax "
              "WHERE contact_id = :id ORDER BY year")},
         {QStringLiteral("écritures du budget"),
          QStringLiteral(
              "SELECT day, label, amount_cents, reference FROM budget_entry WHERE contact_id = :id "
              "ORDER BY day, id")}},
        contactId);
    if (found && found->first().rows.isEmpty())
        return fail(Error::Code::NotFound, tr("No contact has the number %1.").arg(contactId));
    return found;
}

Result<QList<PersonalDataQueries::Part>> PersonalDataQueries::staffMember(qint64 staffId) const
{
    auto found = parts(
        {{QStringLiteral("fiche"), QStringLiteral("SELECT * FROM staff WHERE id = :id")},
         {QStringLiteral("sections"),
          QStringLiteral("SELECT s.name FROM staff_section ss JOIN section s ON "
                         "s.id = ss.section_id WHERE ss.staff_id = :id ORDER BY s.name")},
         {QStringLiteral("heures de bénévolat"),
          QStringLiteral(
              "SELECT day, minutes, activity FROM volunteer_hours WHERE staff_id = :id ORDER BY day, id")},
         {QStringLiteral("encadrement de la production"),
          QStringLiteral(
              "SELECT e.day, s.name AS section, e.kind, e.reference FROM production_entry e JOIN "
              "section s ON s.id = e.section_id WHERE e.trainer_staff_id = :id ORDER BY e.day, e.id")}},
        staffId);
    if (found && found->first().rows.isEmpty())
        return fail(Error::Code::NotFound, tr("No staff member has the number %1.").arg(staffId));
    return found;
}

Result<QList<qint64>> PersonalDataQueries::vehicleIds(qint64 contactId) const
{
    auto found = rows(QStringLiteral("SELECT id FROM vehicle WHERE contact_id = :id ORDER BY id"), contactId);
    if (!found)
        return std::unexpected(found.error());
    QList<qint64> ids;
    for (const QVariantMap& row : std::as_const(*found))
        ids << row.value(QStringLiteral("id")).toLongLong();
    return ids;
}

} // namespace etabli
