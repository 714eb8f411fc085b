#include "services/productionservice.h"

#include "domain/catalogue.h"
#include "io/csv.h"
#include "io/xlsx.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/attendancerepository.h"
#include "storage/cataloguerepository.h"
#include "storage/orderrepository.h"
#include "storage/productionrepository.h"
#include "storage/sectionrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QLocale>
#include <QSet>

namespace etabli {

namespace {

// What the audit log keeps of an entry: enough to rebuild it by hand.
ChangeSet describe(const ProductionEntry& e)
{
    QStringList trainees;
    for (const ProductionTrainee& t : e.trainees)
        trainees << QStringLiteral("%1:%2").arg(t.traineeId).arg(t.minutes);
    QStringList outputs;
    for (const ProductionOutput& o : e.outputs)
        outputs << QStringLiteral("%1 × %2").arg(
            o.catalogueItemId != 0 ? QStringLiteral("#%1").arg(o.catalogueItemId) : o.label,
            Quantities::format(o.quantityThousandths));
    QStringList materials;
    for (const ProductionMaterial& m : e.materials)
        materials << QStringLiteral("%1 × %2 @ %3")
                         .arg(m.label, Quantities::format(m.quantityThousandths))
                         .arg(m.unitCost.cents());
    QStringList skills;
    for (qint64 s : e.skillIds)
        skills << QString::number(s);
    ChangeSet c;
    c.set(QStringLiteral("day"), e.day.toString(Qt::ISODate))
        .set(QStringLiteral("section_id"), e.sectionId)
        .set(QStringLiteral("kind"), codeOf(e.kind))
        .set(QStringLiteral("reference"), e.reference.trimmed())
        .set(QStringLiteral("trainees"), trainees.join(QLatin1Char(' ')))
        .set(QStringLiteral("outputs"), outputs.join(QStringLiteral("; ")))
        .set(QStringLiteral("materials"), materials.join(QStringLiteral("; ")))
        .set(QStringLiteral("skills"), skills.join(QLatin1Char(' ')));
    if (e.trainerStaffId != 0)
        c.set(QStringLiteral("trainer_staff_id"), e.trainerStaffId);
    if (!e.notes.trimmed().isEmpty())
        c.set(QStringLiteral("notes"), e.notes.trimmed());
    return c;
}

} // namespace

Status ProductionService::mayChange(const ProductionEntry& stored) const
{
    if (auto r = AccessControl::requireInSection(m_actor, permission::ProductionWrite, stored.sectionId); !r)
        return r;
    if (m_actor.role == Role::Direction)
        return {};
    if (stored.authorLogin != m_actor.login)
        return fail(
            Error::Code::AccessDenied,
            tr("Only its author (%1) or the direction may change this entry.").arg(stored.authorLogin));
    const QDateTime created = QDateTime::fromString(stored.createdAt, Qt::ISODate);
    if (created.isValid() && created.addDays(AuthorEditDays) < m_clock.nowUtc())
        return fail(Error::Code::AccessDenied,
                    tr("This entry is more than %1 days old: only the direction may change it now.")
                        .arg(AuthorEditDays));
    return {};
}

Status ProductionService::validate(ProductionEntry& e, bool confirmed) const
{
    if (!e.day.isValid())
        return fail(Error::Code::InvalidInput, tr("Give the day of the work."));
    if (e.day > m_clock.today())
        return fail(Error::Code::InvalidInput,
                    tr("The %1 is in the future: the log records work already done.")
                        .arg(text::frenchLongDate(e.day)));
    if (!allOf<ProductionKind>().contains(e.kind))
        return fail(Error::Code::InvalidInput, tr("Choose the kind of work."));
    if (e.trainees.isEmpty())
        return fail(Error::Code::InvalidInput, tr("Tick at least one trainee who worked."));
    if (e.reference.trimmed().size() > 60)
        return fail(Error::Code::InvalidInput, tr("The reference is 60 characters at most."));

    auto sections = SectionRepository(m_db).list();
    if (!sections)
        return std::unexpected(sections.error());
    int halfDay = 0;
    for (const Section& s : *sections) {
        if (s.id == e.sectionId)
            halfDay = s.halfDayMinutes;
    }
    if (halfDay == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the workshop."));

    ProductionRepository repo(m_db);
    QList<qint64> ids;
    for (const ProductionTrainee& t : e.trainees) {
        if (ids.contains(t.traineeId))
            return fail(Error::Code::InvalidInput, tr("A trainee appears twice on the entry."));
        ids << t.traineeId;
    }
    auto facts = repo.traineeFacts(ids);
    if (!facts)
        return std::unexpected(facts.error());
    auto already = repo.minutesOnDay(ids, e.day, e.id);
    if (!already)
        return std::unexpected(already.error());
    auto cells = AttendanceRepository(m_db).cells(ids, e.day, e.day);
    if (!cells)
        return std::unexpected(cells.error());
    QHash<qint64, int> absentHalves;
    for (const AttendanceCell& c : *cells) {
        if (c.code && isAway(*c.code))
            absentHalves[c.traineeId] += 1;
    }

    QStringList questions;
    for (ProductionTrainee& t : e.trainees) {
        const auto f = facts->constFind(t.traineeId);
        if (f == facts->constEnd())
            return fail(Error::Code::NotFound, tr("A trainee of the entry no longer exists."));
        t.name = f->name;
        if (t.minutes <= 0 || t.minutes > MaxMinutesPerDay)
            return fail(Error::Code::InvalidInput,
                        tr("%1: the hours must be more than 0 and at most 12 a day.").arg(f->name));
        if (!f->entry.isValid() || e.day < f->entry)
            return fail(Error::Code::InvalidInput,
                        f->entry.isValid()
                            ? tr("%1 entered the school on %2, after the %3.")
                                  .arg(f->name, text::frenchLongDate(f->entry), text::frenchLongDate(e.day))
                            : tr("%1 has no entry date: complete the record first.").arg(f->name));
        if (f->exit.isValid() && e.day > f->exit)
            return fail(Error::Code::InvalidInput,
                        tr("%1 left the school on %2, before the %3.")
                            .arg(f->name, text::frenchLongDate(f->exit), text::frenchLongDate(e.day)));
        const int total = already->value(t.traineeId) + t.minutes;
        if (total > MaxMinutesPerDay)
            return fail(Error::Code::InvalidInput,
                        tr("%1 would have %2 logged on the %3: 12 h a day at most.")
                            .arg(f->name, Quantities::formatDuration(total), text::frenchLongDate(e.day)));
        const int absent = absentHalves.value(t.traineeId);
        if (absent >= 2)
            return fail(Error::Code::InvalidInput, tr("%1 is marked absent on the %2 in the register.")
                                                       .arg(f->name, text::frenchLongDate(e.day)));
        if (absent == 1 && total > halfDay)
            return fail(Error::Code::InvalidInput,
                        tr("%1 is marked absent for a half-day on the %2: %3 at most that day.")
                            .arg(f->name, text::frenchLongDate(e.day), Quantities::formatDuration(halfDay)));
        if (f->sectionId != e.sectionId)
            questions << tr("%1 belongs to another section.").arg(f->name);
    }
    if (e.day.dayOfWeek() > 5)
        questions.prepend(tr("The %1 is a %2.")
                              .arg(text::frenchLongDate(e.day),
                                   QLocale(QLocale::French, QLocale::France).dayName(e.day.dayOfWeek())));

    // The work order it served: of this workshop, neither cancelled nor delivered.
    if (e.orderId != 0) {
        auto order = OrderRepository(m_db).order(e.orderId);
        if (!order)
            return std::unexpected(order.error());
        if (order->sectionId != e.sectionId)
            return fail(Error::Code::InvalidInput,
                        tr("The work order %1 is for another workshop.").arg(order->number));
        if (order->status == WorkOrderStatus::Cancelled || order->status == WorkOrderStatus::Delivered)
            return fail(Error::Code::InvalidInput,
                        tr("The work order %1 is closed (cancelled or delivered).").arg(order->number));
        e.reference = order->number;
    }

    // Output lines: a catalogue item of this workshop, or free text with a unit.
    auto catalogue = CatalogueRepository(m_db).list(e.sectionId, false);
    if (!catalogue)
        return std::unexpected(catalogue.error());
    for (ProductionOutput& o : e.outputs) {
        if (o.quantityThousandths <= 0)
            return fail(Error::Code::InvalidInput, tr("A quantity must be greater than zero."));
        if (o.catalogueItemId == 0 && !o.code.trimmed().isEmpty()) {
            const QString key = text::fold(o.code);
            for (const CatalogueItem& i : *catalogue) {
                if (text::fold(i.code) == key)
                    o.catalogueItemId = i.id;
            }
            if (o.catalogueItemId == 0)
                return fail(
                    Error::Code::InvalidInput,
                    tr("No item has the code “%1” in this workshop's catalogue.").arg(o.code.trimmed()));
        }
        if (o.catalogueItemId != 0) {
            const CatalogueItem* item = nullptr;
            for (const CatalogueItem& i : *catalogue) {
                if (i.id == o.catalogueItemId)
                    item = &i;
            }
            if (!item)
                return fail(Error::Code::InvalidInput,
                            tr("An output line names an item of another workshop."));
            o.code = item->code;
            o.label = item->label;
            o.unit = item->unit;
        } else {
            if (o.label.trimmed().isEmpty())
                return fail(Error::Code::InvalidInput,
                            tr("An output line needs a catalogue code or a description."));
            if (!allOf<Unit>().contains(o.unit))
                return fail(Error::Code::InvalidInput, tr("“%1”: choose the unit.").arg(o.label.trimmed()));
        }
    }
    for (const ProductionMaterial& m : e.materials) {
        if (m.label.trimmed().isEmpty())
            return fail(Error::Code::InvalidInput, tr("A material line needs a description."));
        if (m.quantityThousandths <= 0)
            return fail(Error::Code::InvalidInput,
                        tr("%1: a quantity must be greater than zero.").arg(m.label.trimmed()));
        if (m.unitCost.isNegative())
            return fail(Error::Code::InvalidInput,
                        tr("%1: a cost cannot be negative.").arg(m.label.trimmed()));
        if (m.unitCost.cents() > 100'000'000 || m.quantityThousandths > 1'000'000'000)
            return fail(Error::Code::InvalidInput, tr("%1: the amount is too large.").arg(m.label.trimmed()));
    }
    auto skills = repo.skills(e.sectionId, false);
    if (!skills)
        return std::unexpected(skills.error());
    QSet<qint64> known;
    for (const Skill& s : *skills)
        known.insert(s.id);
    QList<qint64> unique;
    for (qint64 s : e.skillIds) {
        if (!known.contains(s))
            return fail(Error::Code::InvalidInput,
                        tr("A skill of the entry is not in this workshop's list."));
        if (!unique.contains(s))
            unique << s;
    }
    e.skillIds = unique;

    if (!questions.isEmpty() && !confirmed)
        return fail(Error::Code::NeedsConfirmation, questions.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                                                        tr("Record the entry all the same?"));
    return {};
}

Result<qint64> ProductionService::save(const ProductionEntry& input, bool confirmed)
{
    ETABLI_TRY(AccessControl::requireInSection(m_actor, permission::ProductionWrite, input.sectionId));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        ProductionRepository repo(m_db);
        ProductionEntry e = input;
        ProductionEntry before;
        if (e.id != 0) {
            auto stored = repo.get(e.id);
            if (!stored)
                return std::unexpected(stored.error());
            ETABLI_TRY(mayChange(*stored));
            before = *stored;
            e.authorLogin = stored->authorLogin;
        } else {
            e.authorLogin = m_actor.login;
        }
        ETABLI_TRY(validate(e, confirmed));
        if (e.id == 0) {
            auto id = repo.insert(e, m_clock.nowIso());
            if (!id)
                return id;
            ETABLI_TRY(AuditTrail(m_db, m_clock)
                           .record(m_actor, AuditEntity::Production, QString::number(*id),
                                   AuditAction::Create, describe(e)));
            return id;
        }
        ETABLI_TRY(repo.replace(e, m_clock.nowIso()));
        // The log keeps the whole entry before and after the change.
        const QString was = describe(before).toJson();
        ChangeSet c;
        c.add(QStringLiteral("entry"), was, describe(e).toJson());
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Production, QString::number(e.id), AuditAction::Update, c));
        return e.id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Production, input.id);
}

Status ProductionService::remove(qint64 id)
{
    return inTransaction(m_db, [&]() -> Status {
        ProductionRepository repo(m_db);
        auto stored = repo.get(id);
        if (!stored)
            return std::unexpected(stored.error());
        if (auto r = mayChange(*stored); !r)
            return r;
        if (auto r = repo.remove(id); !r)
            return r;
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Production, QString::number(id), AuditAction::Delete,
                    describe(*stored));
    });
}

Result<ProductionEntry> ProductionService::get(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    return ProductionRepository(m_db).get(id);
}

Result<QList<qint64>> ProductionService::readableSections(const ProductionFilter& filter) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (filter.sectionId != 0 && !m_actor.coversSection(filter.sectionId))
        return fail(Error::Code::AccessDenied,
                    tr("Access denied: this workshop is not one of your sections."));
    if (m_actor.role != Role::Formateur)
        return QList<qint64>{}; // every section
    // A trainer's own sections; none at all matches nothing (an empty list would mean all).
    return m_actor.sectionIds.isEmpty() ? QList<qint64>{-1} : m_actor.sectionIds;
}

Result<Page<ProductionSummary>> ProductionService::list(const ProductionFilter& filter,
                                                        const PageRequest& request) const
{
    auto sections = readableSections(filter);
    if (!sections)
        return std::unexpected(sections.error());
    return ProductionRepository(m_db).list(filter, *sections, request);
}

Result<qint64> ProductionService::count(const ProductionFilter& filter, int cap) const
{
    auto sections = readableSections(filter);
    if (!sections)
        return std::unexpected(sections.error());
    return ProductionRepository(m_db).count(filter, *sections, cap);
}

Result<ProductionFigures> ProductionService::figures(const ProductionFilter& filter) const
{
    auto sections = readableSections(filter);
    if (!sections)
        return std::unexpected(sections.error());
    return ProductionRepository(m_db).figures(filter, *sections);
}

Result<xlsx::Sheet> ProductionService::exportSheet(const ProductionFilter& filter) const
{
    auto sections = readableSections(filter);
    if (!sections)
        return std::unexpected(sections.error());
    ProductionRepository repo(m_db);
    xlsx::Sheet sheet;
    sheet.name = QStringLiteral("Journal d'atelier");
    sheet.columns = {
        {QStringLiteral("entrée"), xlsx::Kind::Integer},  {QStringLiteral("date"), xlsx::Kind::Date},
        {QStringLiteral("atelier"), xlsx::Kind::Text},    {QStringLiteral("type"), xlsx::Kind::Text},
        {QStringLiteral("référence"), xlsx::Kind::Text},  {QStringLiteral("formateur"), xlsx::Kind::Text},
        {QStringLiteral("jeune"), xlsx::Kind::Text},      {QStringLiteral("heures"), xlsx::Kind::Decimal},
        {QStringLiteral("production"), xlsx::Kind::Text}, {QStringLiteral("saisi par"), xlsx::Kind::Text}};
    PageRequest request = PageRequest::first(500);
    request.countCap = 0;
    for (;;) {
        auto page = repo.list(filter, *sections, request);
        if (!page)
            return std::unexpected(page.error());
        const QList<ProductionSummary>* entries = &page->rows;
        QList<qint64> ids;
        for (const ProductionSummary& s : *entries)
            ids << s.id;
        auto trainees = repo.traineesOf(ids);
        if (!trainees)
            return std::unexpected(trainees.error());
        for (const ProductionSummary& s : *entries) {
            for (const ProductionTrainee& t : trainees->value(s.id)) {
                if (filter.traineeId != 0 && t.traineeId != filter.traineeId)
                    continue;
                sheet.rows << QList<QVariant>{s.id,        s.day,         s.sectionName, labelOf(s.kind),
                                              s.reference, s.trainerName, t.name,        t.minutes / 60.0,
                                              s.outputs,   s.authorLogin};
            }
        }
        if (!page->info.more)
            break;
        request = PageRequest::after(page->info.last, 500);
        request.countCap = 0;
    }
    return sheet;
}

Result<QByteArray> ProductionService::exportCsv(const ProductionFilter& filter) const
{
    auto sheet = exportSheet(filter);
    if (!sheet)
        return std::unexpected(sheet.error());
    return csv::write(xlsx::headers(*sheet), xlsx::frenchTexts(*sheet));
}

Result<QByteArray> ProductionService::exportXlsx(const ProductionFilter& filter) const
{
    auto sheet = exportSheet(filter);
    if (!sheet)
        return std::unexpected(sheet.error());
    return xlsx::workbook({*sheet});
}

Result<QList<Skill>> ProductionService::skills(qint64 sectionId, bool activeOnly) const
{
    return ProductionRepository(m_db).skills(sectionId, activeOnly);
}

Result<qint64> ProductionService::addSkill(const Skill& skill)
{
    ETABLI_TRY(AccessControl::requireInSection(m_actor, permission::ProductionWrite, skill.sectionId));
    if (skill.label.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Name the skill."));
    if (skill.sectionId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the workshop."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = ProductionRepository(m_db).insertSkill(skill);
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("label"), skill.label.trimmed())
            .set(QStringLiteral("section_id"), skill.sectionId);
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Skill, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Status ProductionService::updateSkill(const Skill& skill)
{
    if (auto r = AccessControl::requireInSection(m_actor, permission::ProductionWrite, skill.sectionId); !r)
        return r;
    if (skill.label.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Name the skill."));
    return inTransaction(m_db, [&]() -> Status {
        ProductionRepository repo(m_db);
        auto all = repo.skills(skill.sectionId, false);
        if (!all)
            return std::unexpected(all.error());
        Skill before;
        for (const Skill& s : *all) {
            if (s.id == skill.id)
                before = s;
        }
        if (before.id == 0)
            return fail(Error::Code::NotFound, tr("This skill no longer exists."));
        if (auto r = repo.updateSkill(skill); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("label"), before.label, skill.label.trimmed())
            .add(QStringLiteral("active"), before.active, skill.active);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Skill, QString::number(skill.id), AuditAction::Update, c);
    });
}

} // namespace etabli
