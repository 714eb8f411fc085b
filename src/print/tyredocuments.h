#pragma once

#include "domain/school.h"
#include "domain/tyrehotel.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <memory>

namespace etabli::print {

struct Printable;

// The tyre hotel's papers: the label stuck on a stored set (plate in big
// letters, customer, size, place) and the list of the sets of a season,
// by place, for the change-over days.
class TyreDocuments
{
    Q_DECLARE_TR_FUNCTIONS(TyreDocuments)

public:
    static QString labelHtml(const TyreSet& set, const SchoolIdentity& school);
    static std::unique_ptr<Printable> label(const TyreSet& set, const SchoolIdentity& school);
    // `season` empty: every season.
    static QString listHtml(const QList<TyreSet>& sets, const QString& season, const SchoolIdentity& school,
                            const QDate& today);
    static std::unique_ptr<Printable> list(const QList<TyreSet>& sets, const QString& season,
                                           const SchoolIdentity& school, const QDate& today);
};

} // namespace etabli::print
