#pragma once

#include "domain/catalogue.h"
#include "domain/school.h"
#include "domain/tyrehotel.h"

#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace etabli::print {

struct Printable;

// The tyre hotel's papers: the label stuck on a stored set (plate in big
// letters, customer — no phone: the label is on the customer's goods —,
// size, place), the customer's deposit receipt, and the list of the sets of a season,
// by place, for the change-over days.
class TyreDocuments
{
    Q_DECLARE_TR_FUNCTIONS(TyreDocuments)

public:
    static QString labelHtml(const TyreSet& set, const SchoolIdentity& school);
    static std::unique_ptr<Printable> label(const TyreSet& set, const SchoolIdentity& school);
    // The deposit receipt handed to the customer (a paid deposit, C. civ.
    // 1915 s.): the set and its condition on entry, the fee and the period it
    // covers, what happens to a set not collected, both signatures. `fee`:
    // the catalogue's storage item, when chosen.
    static QString depositHtml(const TyreSet& set, const SchoolIdentity& school,
                               const std::optional<CatalogueItem>& fee);
    static std::unique_ptr<Printable> deposit(const TyreSet& set, const SchoolIdentity& school,
                                              const std::optional<CatalogueItem>& fee);
    // `season` empty: every season.
    static QString listHtml(const QList<TyreSet>& sets, std::optional<TyreSeason> season,
                            const SchoolIdentity& school, const QDate& today);
    static std::unique_ptr<Printable> list(const QList<TyreSet>& sets, std::optional<TyreSeason> season,
                                           const SchoolIdentity& school, const QDate& today);
};

} // namespace etabli::print
