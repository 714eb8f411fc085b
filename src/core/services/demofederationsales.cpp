// The federation demo's sales (see demogenerator.cpp): about a million work
// orders over ten years, each invoiced and mostly paid, written in bulk so
// that the lists and figures can be measured at that size.
#include "domain/catalogue.h"
#include "domain/school.h"
#include "domain/section.h"
#include "services/demogenerator.h"
#include "services/demonames.h"
#include "services/invoiceservice.h"
#include "storage/contactrepository.h"
#include "storage/salesbulkwriter.h"
#include "storage/schoolrepository.h"
#include "util/random.h"

#include <QLocale>
#include <QMap>

namespace etabli {

Result<int> DemoGenerator::addFederationSales(Summary& summary, DeterministicRandom& rng,
                                              const QList<Section>& sections,
                                              const QList<QList<CatalogueItem>>& catalogue,
                                              const QDate& today)
{
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    const QDate first = today.addYears(-10);
    const auto schoolDay = [](const QDate& day) {
        const int week = day.weekNumber();
        return day.dayOfWeek() <= 5 && day.month() != 7 && day.month() != 8 && week != 44 && week != 52 &&
               week != 1 && week != 8 && week != 16;
    };
    int schoolDays = 0;
    for (QDate d = first; d < today; d = d.addDays(1))
        schoolDays += schoolDay(d) ? 1 : 0;
    if (schoolDays == 0 || sections.isEmpty())
        return 0;

    // Tyre-like workshops (every other one) sell four times as many small jobs.
    double weights = 0;
    for (int si = 0; si < sections.size(); ++si)
        weights += si % 2 == 0 ? 4 : 1;
    QList<double> perDay;
    for (int si = 0; si < sections.size(); ++si)
        perDay << m_options.federationOrders * ((si % 2 == 0 ? 4 : 1) / weights) / schoolDays;

    // Each workshop's customers: people and organisations around its school.
    const QString now = QDateTime(today, QTime(8, 0), Qt::UTC).toString(Qt::ISODate);
    ContactRepository contacts(m_db);
    QList<QList<Contact>> customers(sections.size());
    const QStringList trades = {QStringLiteral("Garage"),     QStringLiteral("Transports"),
                                QStringLiteral("SARL"),       QStringLiteral("EARL"),
                                QStringLiteral("Menuiserie"), QStringLiteral("Taxis")};
    for (int si = 0; si < sections.size(); ++si) {
        const int pool = std::max(30, static_cast<int>(perDay.at(si) * schoolDays / 25));
        for (int k = 0; k < pool; ++k) {
            Contact c;
            const demo::Town& town = rng.pick(demo::towns());
            c.person = rng.chance(70);
            if (c.person) {
                c.name = rng.pick(demo::lastNames());
                c.firstName = rng.pick(rng.chance(50) ? demo::girlsNames() : demo::boysNames());
            } else if (rng.chance(15)) {
                c.name = QStringLiteral("Mairie de %1").arg(town.name);
                c.kind = CustomerKind::Public;
                c.siret = demo::siret(rng);
            } else {
                c.name = rng.pick(trades) + QLatin1Char(' ') + rng.pick(demo::lastNames());
                c.kind = CustomerKind::Company;
                c.siret = demo::siret(rng);
            }
            c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 60)).arg(rng.pick(demo::streets()));
            c.postcode = town.postcode;
            c.city = town.name;
            c.customer = true;
            auto id = contacts.insert(c, now);
            if (!id)
                return std::unexpected(id.error());
            c.id = *id;
            customers[si] << c;
        }
    }

    SalesBulkWriter writer(m_db);
    ETABLI_TRY(writer.prepare());
    auto ceiling = SchoolRepository(m_db).legalAmounts();
    if (!ceiling)
        return std::unexpected(ceiling.error());
    Money cashCeiling;
    for (const LegalAmount& a : std::as_const(*ceiling))
        if (a.kind == LegalAmountKind::CashCeiling)
            cashCeiling = a.amount;
    const QList<PaymentMethod> methods = allOf<PaymentMethod>();
    QList<double> owed(sections.size(), 0.0);
    QMap<QDate, QList<qint64>> chequesByFriday; // handed to the bank on Fridays
    int written = 0;
    for (QDate day = first; day < today; day = day.addDays(1)) {
        if (!schoolDay(day))
            continue;
        const QString stamp = QDateTime(day, QTime(17, 0), Qt::UTC).toString(Qt::ISODate);
        for (int si = 0; si < sections.size(); ++si) {
            owed[si] += perDay.at(si);
            const int count = static_cast<int>(owed.at(si));
            owed[si] -= count;
            const QList<CatalogueItem>& items = catalogue.at(si);
            if (items.isEmpty())
                continue;
            for (int k = 0; k < count; ++k) {
                const Contact& customer = rng.pick(customers.at(si));
                WorkOrder o;
                o.contactId = customer.id;
                o.sectionId = sections.at(si).id;
                o.orderDate = day;
                o.dueDate = day.addDays(rng.between(0, 10));
                const int lines = rng.chance(70) ? 1 : 2;
                for (int l = 0; l < lines; ++l) {
                    const CatalogueItem& item = rng.pick(items);
                    InvoiceLine line;
                    line.catalogueItemId = item.id;
                    line.label = item.label;
                    line.unit = item.unit;
                    line.quantityThousandths = 1000LL * (item.unit == Unit::Piece   ? rng.between(1, 4)
                                                         : item.unit == Unit::Metre ? rng.between(2, 8)
                                                         : item.unit == Unit::Hour  ? rng.between(1, 4)
                                                         : item.unit == Unit::Kg    ? rng.between(1, 20)
                                                                                    : 1);
                    line.unitPrice = item.unitPrice;
                    line.vatRateBp = item.vatRateBp;
                    o.lines << line;
                }
                o.description = o.lines.first().label;
                writer.numberOrder(o);
                const bool recent = day >= today.addDays(-2);
                if (!recent) {
                    Invoice inv;
                    inv.contactId = customer.id;
                    inv.reference = o.number;
                    inv.lines = o.lines;
                    inv.issueDate = day;
                    inv.serviceFrom = day;
                    inv.dueDate = day.addDays(30);
                    InvoiceService::fillParties(inv, *school, customer);
                    inv.paymentTerms =
                        InvoiceService::defaultPaymentTerms(inv.dueDate, inv.totals.incl, cashCeiling);
                    inv.mentions = InvoiceService::legalMentions(inv);
                    inv.issuedBy = QStringLiteral("demo");
                    ETABLI_TRY(writer.issue(inv, stamp));
                    o.invoiceId = inv.id;
                    o.status = WorkOrderStatus::Delivered;
                    ++summary.invoices;
                    if (rng.chance(90)) {
                        Payment p;
                        p.invoiceId = inv.id;
                        p.day =
                            std::min(day.addDays(rng.chance(60) ? 0 : rng.between(1, 40)), today.addDays(-1));
                        p.method = rng.pick(methods);
                        if (p.method == PaymentMethod::Cash && inv.totals.incl > cashCeiling)
                            p.method = PaymentMethod::Cheque; // the law's ceiling
                        if (p.method == PaymentMethod::Cheque) {
                            p.bank = QStringLiteral("Crédit Agricole");
                            p.chequeNumber = QString::number(rng.between(1000000, 9999999));
                        }
                        p.amount = inv.totals.incl;
                        p.recordedBy = QStringLiteral("demo");
                        ETABLI_TRY(writer.insertPayment(p, stamp));
                        if (p.method == PaymentMethod::Cheque)
                            chequesByFriday[p.day.addDays((5 - p.day.dayOfWeek() + 7) % 7)] << p.id;
                    }
                } else {
                    o.status = WorkOrderStatus::InProgress;
                }
                ETABLI_TRY(writer.insertOrder(o, stamp));
                ++written;
            }
        }
    }
    // Every Friday's cheques went to the bank, but those of the last three weeks.
    for (auto it = chequesByFriday.cbegin(); it != chequesByFriday.cend(); ++it) {
        if (it.key() >= today.addDays(-21))
            break;
        const QString stamp = QDateTime(it.key(), QTime(17, 30), Qt::UTC).toString(Qt::ISODate);
        ETABLI_TRY(writer.insertDeposit(it.key(), it.value(), QStringLiteral("demo"), stamp));
    }
    ETABLI_TRY(writer.finish());
    summary.workOrders += written;
    return written;
}

} // namespace etabli
