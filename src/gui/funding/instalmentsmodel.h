#pragma once

#include "domain/budget.h"
#include "gui/common/rowstablemodel.h"
#include "util/error.h"

#include <QCoreApplication>

namespace etabli {

// An instalment of a subsidy as typed in the subsidy dialog: days and
// amounts stay text until saved (InstalmentsModel::collect reads them).
struct InstalmentDraft
{
    qint64 id = 0;
    QString expectedOn; // dd/MM/yyyy
    QString expected;
    QString receivedOn; // blank until the money comes
    QString received;

    static InstalmentDraft from(const SubsidyInstalment& instalment);
    bool isBlank() const;
};

class InstalmentsModel final : public RowsTableModel<InstalmentDraft>
{
    Q_DECLARE_TR_FUNCTIONS(InstalmentsModel)

public:
    enum Column
    {
        ExpectedOn,
        Expected,
        ReceivedOn,
        Received
    };

    explicit InstalmentsModel(QObject* parent = nullptr);
    void setInstalments(const QList<SubsidyInstalment>& instalments);
    // The instalments (blank rows left out), or what is wrong with the first
    // that cannot be read, with its row.
    Result<QList<SubsidyInstalment>> collect(int* badRow) const;
};

} // namespace etabli
