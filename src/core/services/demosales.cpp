// The demo's customers, vehicles, invoices and payments (see demogenerator.cpp).
#include "domain/career.h"
#include "domain/school.h"
#include "domain/schoolyear.h"
#include "domain/section.h"
#include "domain/trainee.h"
#include "services/contactservice.h"
#include "services/demogenerator.h"
#include "services/demonames.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/passwordhasher.h"
#include "services/tyrehotelservice.h"
#include "storage/attendancerepository.h"
#include "storage/careerrepository.h"
#include "storage/cataloguerepository.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "storage/productionrepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/sqlquery.h"
#include "storage/staffrepository.h"
#include "storage/traineedetailrepository.h"
#include "storage/traineerepository.h"
#include "storage/transaction.h"
#include "storage/userrepository.h"
#include "util/clock.h"
#include "util/random.h"
#include "util/text.h"

#include <QMap>
#include <QSet>
#include <QStringList>
#include <QTimeZone>
#include <tuple>

namespace etabli {

using demo::boysNames;
using demo::girlsNames;
using demo::lastNames;
using demo::streets;
using demo::Town;
using demo::towns;

Result<int> DemoGenerator::addSales(Summary& summary, DeterministicRandom& rng,
                                    const QList<Section>& sections,
                                    const QList<QList<CatalogueItem>>& catalogue, QList<DemoOrder> orders,
                                    const QDate& today)
{
    Q_UNUSED(sections);
    UserContext office = UserContext::system();
    office.audited = false; // invented history, not people's actions
    const FixedClock now(QDateTime(today, QTime(12, 0), Qt::UTC));
    ContactService contacts(m_db, now, office);

    // Customers: private persons with their car, and organisations.
    QList<qint64> persons;
    QList<qint64> businesses;
    QList<qint64> cars;
    const QStringList sizes = {QStringLiteral("205/55 R16 91V"), QStringLiteral("195/65 R15 91H"),
                               QStringLiteral("185/65 R15 88T"), QStringLiteral("225/45 R17 94W"),
                               QStringLiteral("215/60 R16 99H"), QStringLiteral("175/65 R14 82T")};
    const QStringList makes = {QStringLiteral("Renault Clio"),    QStringLiteral("Peugeot 208"),
                               QStringLiteral("Citroën C3"),      QStringLiteral("Dacia Sandero"),
                               QStringLiteral("Volkswagen Golf"), QStringLiteral("Peugeot 3008"),
                               QStringLiteral("Renault Kangoo")};
    const QString plateLetters = QStringLiteral("ABCDEFGHJKLMNPQRSTVWXYZ");
    QSet<QString> plates;
    for (int i = 0; i < 70; ++i) {
        Contact c;
        c.person = true;
        c.name = rng.pick(lastNames());
        c.firstName = rng.pick(rng.chance(50) ? girlsNames() : boysNames());
        const Town& town = rng.pick(towns());
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 60)).arg(rng.pick(streets()));
        c.postcode = town.postcode;
        c.city = town.name;
        c.phone = QStringLiteral("06 %1 %2 %3 %4")
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99));
        c.customer = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        persons << *id;
        QString plate;
        do {
            plate = QStringLiteral("%1%2-%3-%4%5")
                        .arg(plateLetters.at(rng.between(0, 22)))
                        .arg(plateLetters.at(rng.between(0, 22)))
                        .arg(rng.between(100, 999))
                        .arg(plateLetters.at(rng.between(0, 22)))
                        .arg(plateLetters.at(rng.between(0, 22)));
        } while (plates.contains(plate) || plate.startsWith(QLatin1String("SS")) ||
                 plate.endsWith(QLatin1String("SS")));
        plates.insert(plate);
        const QString makeModel = rng.pick(makes);
        Vehicle v{0,
                  *id,
                  plate,
                  makeModel.section(QLatin1Char(' '), 0, 0),
                  makeModel.section(QLatin1Char(' '), 1),
                  rng.pick(sizes),
                  0};
        auto vehicle = contacts.saveVehicle(v);
        if (!vehicle)
            return std::unexpected(vehicle.error());
        cars << *vehicle;
    }
    struct Org
    {
        const char* name;
        CustomerKind kind;
        const char* city;
        const char* postcode;
    };
    const QList<Org> orgs = {
        {"Garage Moderne Jeanneret", CustomerKind::Company, "Dole", "39100"},
        {"Transports Girod", CustomerKind::Company, "Tavaux", "39500"},
        {"GAEC du Val d'Amour", CustomerKind::Company, "Chissey-sur-Loue", "39380"},
        {"EARL de la Grange Rouge", CustomerKind::Company, "Rochefort-sur-Nenon", "39700"},
        {"Mairie de Tavaux", CustomerKind::Public, "Tavaux", "39500"},
        {"Mairie de Foucherans", CustomerKind::Public, "Foucherans", "39100"},
        {"Communauté d'agglomération du Grand Dole", CustomerKind::Public, "Dole", "39100"},
        {"Taxis Dolois", CustomerKind::Company, "Dole", "39100"},
        {"Boulangerie Bourgeois", CustomerKind::Company, "Damparis", "39500"},
        {"Association Les Amis du Doubs", CustomerKind::Association, "Dole", "39100"},
        {"Menuiserie Prost", CustomerKind::Company, "Authume", "39100"},
        {"Camping du Pasquier", CustomerKind::Company, "Dole", "39100"},
    };
    for (const Org& o : orgs) {
        Contact c;
        c.name = QString::fromUtf8(o.name);
        c.kind = o.kind;
        c.city = QString::fromUtf8(o.city);
        c.postcode = QString::fromLatin1(o.postcode);
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 40)).arg(rng.pick(streets()));
        c.siret = demo::siret(rng);
        c.phone = QStringLiteral("03 84 %1 %2 %3")
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99));
        c.email = QStringLiteral("contact@%1.invalid")
                      .arg(text::fold(c.name).remove(QLatin1Char(' ')).remove(QLatin1Char('\'')).left(20));
        c.customer = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        businesses << *id;
    }

    // The lines of an order: what its log entries made, at the catalogue's price.
    const auto linesOf = [&catalogue](const DemoOrder& order) {
        QList<InvoiceLine> lines;
        QHash<qint64, qint64> quantities;
        QList<qint64> itemsInOrder;
        for (const ProductionOutput& o : order.outputs) {
            if (!quantities.contains(o.catalogueItemId))
                itemsInOrder << o.catalogueItemId;
            quantities[o.catalogueItemId] += o.quantityThousandths;
        }
        for (qint64 itemId : std::as_const(itemsInOrder)) {
            for (const CatalogueItem& item : catalogue.at(order.section)) {
                if (item.id != itemId)
                    continue;
                InvoiceLine l;
                l.catalogueItemId = item.id;
                l.label = item.label;
                l.unit = item.unit;
                l.quantityThousandths = quantities.value(itemId);
                l.unitPrice = item.unitPrice;
                l.vatRateBp = item.vatRateBp;
                lines << l;
            }
        }
        return lines;
    };
    const auto at = [](const QDate& day, int hour) {
        return FixedClock(QDateTime(day, QTime(hour, 0), Qt::UTC));
    };
    const QStringList tyreJobs = {QStringLiteral("Pneus hiver"),
                                  QStringLiteral("Pneus été"),
                                  QStringLiteral("Réparation de crevaison"),
                                  QStringLiteral("Permutation et équilibrage"),
                                  QStringLiteral("Pneus de la flotte"),
                                  QStringLiteral("Pneus de tracteur")};
    const QStringList metalJobs = {QStringLiteral("Portail"),
                                   QStringLiteral("Garde-corps"),
                                   QStringLiteral("Escalier extérieur"),
                                   QStringLiteral("Réparation de remorque"),
                                   QStringLiteral("Rampe d'accès"),
                                   QStringLiteral("Grille de défense"),
                                   QStringLiteral("Râtelier à vélos"),
                                   QStringLiteral("Barrière d'herbage")};

    // Each logged order becomes a work order on its first day of work (from an
    // accepted quote for most metalwork jobs), in date order so that numbers
    // follow the dates; its log entries are attached to it.
    struct Placed
    {
        qint64 orderId = 0;
        qint64 contactId = 0;
    };
    QHash<QString, Placed> placed;
    std::sort(orders.begin(), orders.end(), [](const DemoOrder& a, const DemoOrder& b) {
        return a.firstDay != b.firstDay ? a.firstDay < b.firstDay : a.reference < b.reference;
    });
    for (const DemoOrder& order : std::as_const(orders)) {
        const QList<InvoiceLine> lines = linesOf(order);
        if (lines.isEmpty())
            continue;
        const bool tyres = order.section % 2 == 0;
        const qint64 customer = tyres ? (rng.chance(80) ? rng.pick(persons) : rng.pick(businesses))
                                      : (rng.chance(70) ? rng.pick(businesses) : rng.pick(persons));
        QDate orderDay = order.firstDay.addDays(-rng.between(0, tyres ? 2 : 10));
        while (orderDay.dayOfWeek() > 5)
            orderDay = orderDay.addDays(-1);
        const QString what = rng.pick(tyres ? tyreJobs : metalJobs);
        const QDate due = order.lastDay.addDays(rng.between(0, 4));
        qint64 orderId = 0;
        if (rng.chance(tyres ? 10 : 60)) {
            QDate quoteDay = orderDay.addDays(-rng.between(3, 20));
            while (quoteDay.dayOfWeek() > 5)
                quoteDay = quoteDay.addDays(-1);
            Quote q;
            q.contactId = customer;
            q.sectionId = sections.at(order.section).id;
            q.reference = what;
            q.executionTime = order.section == 0 ? QStringLiteral("sous 5 jours ouvrés après votre accord")
                                                 : QStringLiteral("sous 3 semaines après votre accord");
            q.lines = lines;
            const FixedClock quoted = at(quoteDay, 10);
            auto quoteId = OrderService(m_db, quoted, office).saveQuote(q);
            if (!quoteId)
                return std::unexpected(quoteId.error());
            ETABLI_TRY(OrderService(m_db, quoted, office).setQuoteStatus(*quoteId, QuoteStatus::Sent));
            const FixedClock accepted = at(orderDay, 9);
            auto id = OrderService(m_db, accepted, office).acceptQuote(*quoteId, 0, due);
            if (!id)
                return std::unexpected(id.error());
            orderId = *id;
        } else {
            WorkOrder o;
            o.contactId = customer;
            o.sectionId = sections.at(order.section).id;
            o.description = what;
            o.dueDate = due;
            o.lines = lines;
            const FixedClock ordered = at(orderDay, 9);
            auto id = OrderService(m_db, ordered, office).saveOrder(o);
            if (!id)
                return std::unexpected(id.error());
            orderId = *id;
        }
        ++summary.workOrders;
        placed.insert(order.reference, Placed{orderId, customer});
        SqlQuery attach(m_db);
        ETABLI_TRY(attach.prepare(
            QStringLiteral("UPDATE production_entry SET order_id = :order, reference = (SELECT number "
                           "FROM work_order WHERE id = "
                           ":order2) WHERE reference = :reference AND section_id = :section")));
        attach.bind(QStringLiteral("order"), orderId)
            .bind(QStringLiteral("order2"), orderId)
            .bind(QStringLiteral("reference"), order.reference)
            .bind(QStringLiteral("section"), sections.at(order.section).id);
        ETABLI_TRY(attach.exec());
    }

    // Invoiced a few days after the work, in date order (numbers follow the
    // dates); most are paid, some late, a few credited. The last days' orders
    // are still in progress.
    for (DemoOrder& order : orders)
        order.invoiceDay = order.lastDay.addDays(rng.between(0, 3));
    std::sort(orders.begin(), orders.end(), [](const DemoOrder& a, const DemoOrder& b) {
        return a.invoiceDay != b.invoiceDay ? a.invoiceDay < b.invoiceDay : a.reference < b.reference;
    });
    int issued = 0;
    for (const DemoOrder& order : std::as_const(orders)) {
        if (!placed.contains(order.reference))
            continue;
        const qint64 orderId = placed.value(order.reference).orderId;
        if (order.invoiceDay >= today || order.lastDay >= today.addDays(-3)) {
            const FixedClock started = at(order.lastDay, 12);
            ETABLI_TRY(
                OrderService(m_db, started, office).setOrderStatus(orderId, WorkOrderStatus::InProgress));
            continue;
        }
        const FixedClock then = at(order.invoiceDay, 16);
        OrderService work(m_db, then, office);
        ETABLI_TRY(work.setOrderStatus(orderId, WorkOrderStatus::Done));
        ETABLI_TRY(work.invoiceOrder(orderId));
        if (rng.chance(90))
            ETABLI_TRY(work.setOrderStatus(orderId, WorkOrderStatus::Delivered));
        ++issued;
        InvoiceService sales(m_db, then, office);
        auto stored = sales.get(work.order(orderId)->invoiceId);
        if (!stored)
            return std::unexpected(stored.error());
        const qint64 invoiceId = stored->id;
        // A small credit note now and then (a line taken back).
        if (rng.chance(3)) {
            InvoiceLine back = stored->lines.first();
            back.quantityThousandths = 1000;
            auto credit = sales.draftCreditNote(invoiceId, {back});
            if (!credit)
                return std::unexpected(credit.error());
            ETABLI_TRY(sales.issue(*credit));
        }
        const int roll = rng.between(1, 100);
        const QDate paidOn = order.invoiceDay.addDays(roll <= 60 ? 0 : rng.between(5, 50));
        if (roll > 92 || paidOn > today)
            continue; // unpaid, to be chased
        auto balance = sales.balance(invoiceId);
        if (!balance)
            return std::unexpected(balance.error());
        Payment p;
        p.invoiceId = invoiceId;
        p.day = paidOn;
        p.method = rng.pick(allOf<PaymentMethod>());
        if (p.method == PaymentMethod::Cheque) {
            p.bank = rng.pick(QList<QString>{
                QStringLiteral("Crédit Agricole Franche-Comté"), QStringLiteral("Banque Populaire"),
                QStringLiteral("Caisse d'Épargne"), QStringLiteral("La Banque Postale")});
            p.chequeNumber = QString::number(rng.between(1000000, 9999999));
        }
        p.amount = roll > 85 ? Money::fromCents(balance->due().cents() / 2) : balance->due();
        if (p.method == PaymentMethod::Cash && p.amount > Money::fromEuros(1000))
            p.method = PaymentMethod::Card; // cash only under the legal ceiling
        if (p.amount.isZero() || p.amount.isNegative())
            continue;
        ETABLI_TRY(InvoiceService(m_db, at(paidOn, 17), office).recordPayment(p));
    }

    // The cheques go to the bank on Fridays; those of the last weeks wait.
    {
        auto cheques = InvoiceService(m_db, at(today, 12), office).chequesToDeposit();
        if (!cheques)
            return std::unexpected(cheques.error());
        QMap<QDate, QList<qint64>> byFriday;
        for (const ChequeToDeposit& c : *cheques) {
            const QDate friday = c.day.addDays((5 - c.day.dayOfWeek() + 7) % 7);
            if (friday < today.addDays(-21))
                byFriday[friday] << c.paymentId;
        }
        for (auto it = byFriday.cbegin(); it != byFriday.cend(); ++it)
            ETABLI_TRY(InvoiceService(m_db, at(it.key(), 17), office).depositCheques(it.value()));
    }

    // What is on the desk today: quotes waiting for an answer, a refused and
    // an expired one, and orders to do next weeks.
    QList<QDate> deskDays;
    for (int i = 0; i < 7; ++i)
        deskDays << today.addDays(-(i == 5 ? 45 : rng.between(1, 20)));
    std::sort(deskDays.begin(), deskDays.end()); // numbers follow the dates
    for (int i = 0; i < 7; ++i) {
        const bool tyres = i % 3 == 0;
        const int section = tyres ? 0 : 1;
        QList<InvoiceLine> lines;
        for (const CatalogueItem& item : catalogue.at(section)) {
            if (lines.size() == 2)
                break;
            if (rng.chance(50)) {
                InvoiceLine l;
                l.catalogueItemId = item.id;
                l.label = item.label;
                l.unit = item.unit;
                l.quantityThousandths = 1000LL * rng.between(1, 4);
                l.unitPrice = item.unitPrice;
                l.vatRateBp = item.vatRateBp;
                lines << l;
            }
        }
        if (lines.isEmpty())
            continue;
        const QDate day = deskDays.at(i);
        Quote q;
        q.contactId = tyres ? rng.pick(persons) : rng.pick(businesses);
        q.sectionId = sections.at(section).id;
        q.reference = rng.pick(tyres ? tyreJobs : metalJobs);
        q.executionTime = tyres ? QStringLiteral("sous 5 jours ouvrés après votre accord")
                                : QStringLiteral("sous 3 semaines après votre accord");
        q.lines = lines;
        auto id = OrderService(m_db, at(day, 10), office).saveQuote(q);
        if (!id)
            return std::unexpected(id.error());
        if (i == 2 || i == 6)
            continue; // draft
        ETABLI_TRY(OrderService(m_db, at(day, 11), office).setQuoteStatus(*id, QuoteStatus::Sent));
        if (i == 4)
            ETABLI_TRY(OrderService(m_db, at(std::min(day.addDays(6), today), 11), office)
                           .setQuoteStatus(*id, QuoteStatus::Refused));
    }
    for (int i = 0; i < 3; ++i) {
        const int section = i == 0 ? 0 : 1;
        const CatalogueItem& item =
            catalogue.at(section).at(std::min<qsizetype>(i + 1, catalogue.at(section).size() - 1));
        WorkOrder o;
        o.contactId = rng.pick(businesses);
        o.sectionId = sections.at(section).id;
        o.description = rng.pick(section == 0 ? tyreJobs : metalJobs);
        o.dueDate = today.addDays(rng.between(5, 20));
        InvoiceLine l;
        l.catalogueItemId = item.id;
        l.label = item.label;
        l.unit = item.unit;
        l.quantityThousandths = 1000LL * rng.between(1, 3);
        l.unitPrice = item.unitPrice;
        l.vatRateBp = item.vatRateBp;
        o.lines = {l};
        ETABLI_TRY(OrderService(m_db, at(today.addDays(-rng.between(0, 4)), 9), office).saveOrder(o));
        ++summary.workOrders;
    }

    qint64 feeItem = 0;
    for (const CatalogueItem& item : catalogue.at(0))
        if (item.code == QLatin1String("GARDIEN"))
            feeItem = item.id;
    auto sets = addTyreHotel(rng, cars, feeItem, today);
    if (!sets)
        return std::unexpected(sets.error());
    summary.tyreSets = *sets;
    return issued;
}

Result<int> DemoGenerator::addTyreHotel(DeterministicRandom& rng, const QList<qint64>& vehicles,
                                        qint64 feeItem, const QDate& today)
{
    UserContext office = UserContext::system();
    office.audited = false;
    const QStringList brands = {QStringLiteral("Michelin"),    QStringLiteral("Continental"),
                                QStringLiteral("Bridgestone"), QStringLiteral("Goodyear"),
                                QStringLiteral("Pirelli"),     QStringLiteral("Hankook"),
                                QStringLiteral("Kléber"),      QStringLiteral("Nokian")};
    // Two change-overs: winter tyres left in spring and taken back in the
    // autumn, when the summer ones come in and stay until spring.
    const int year = today.month() >= 11 ? today.year() : today.year() - 1;
    const QDate spring(year, 4, 6);
    const QDate autumn(year, 10, 26);
    int count = 0;
    int place = 0;
    const QString racks = QStringLiteral("ABCD");
    for (qint64 vehicle : vehicles) {
        if (!rng.chance(65))
            continue;
        auto size = [&]() -> QString {
            SqlQuery q(m_db);
            if (!q.prepare(QStringLiteral("SELECT tyre_size FROM vehicle WHERE id = :id")))
                return {};
            q.bind(QStringLiteral("id"), vehicle);
            auto v = q.execScalar();
            return v ? v->toString() : QString();
        }();
        if (size.isEmpty())
            continue;
        const int slot = place++;
        TyreSet winter;
        winter.vehicleId = vehicle;
        winter.season = TyreSeason::Winter;
        winter.tyreSize = size;
        winter.brand = rng.pick(brands);
        winter.tyreCount = 4;
        for (int t = 0; t < 4; ++t)
            winter.treadTenths << rng.between(40, 85);
        winter.withRims = rng.chance(60);
        winter.rack = racks.at(slot / 18 % 4);
        winter.row = slot % 18 / 3 + 1;
        winter.level = slot % 3 + 1;
        winter.dateIn = spring.addDays(rng.between(0, 20));
        winter.feeItemId = feeItem;
        const FixedClock in(QDateTime(winter.dateIn, QTime(10, 0), Qt::UTC));
        auto id = TyreHotelService(m_db, in, office).save(winter);
        if (!id)
            return std::unexpected(id.error());
        ++count;
        const QDate changeOver = autumn.addDays(rng.between(0, 25));
        if (changeOver >= today)
            continue; // not yet come for them
        const FixedClock out(QDateTime(changeOver, QTime(10, 0), Qt::UTC));
        ETABLI_TRY(TyreHotelService(m_db, out, office).giveBack(*id, changeOver));
        TyreSet summer = winter;
        summer.season = TyreSeason::Summer;
        summer.brand = rng.pick(brands);
        summer.treadTenths.clear();
        const int worn = rng.chance(10) ? 20 : 35; // now and then a set to replace soon
        for (int t = 0; t < 4; ++t)
            summer.treadTenths << rng.between(worn, 78);
        summer.dateIn = changeOver;
        auto next = TyreHotelService(m_db, out, office).save(summer);
        if (!next)
            return std::unexpected(next.error());
        ++count;
        if (rng.chance(10))
            ETABLI_TRY(TyreHotelService(m_db, out, office).invoiceFee(*next));
    }
    return count;
}

} // namespace etabli
