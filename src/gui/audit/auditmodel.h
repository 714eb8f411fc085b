#pragma once

#include "domain/user.h"
#include "gui/common/pagedlistmodel.h"
#include "storage/auditrepository.h"

namespace etabli {

class Session;

// The log of changes, newest first, read from SQL a page at a time by
// keyset as the view scrolls (never the whole table in memory).
class AuditModel final : public PagedRowsModel<AuditEntry>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)

public:
    enum Column
    {
        When,
        Who,
        What,
        Number,
        Action,
        Changes,
        ColumnCount
    };

    explicit AuditModel(Session& session, QObject* parent = nullptr);

    // Reads the first page of what the filter chooses.
    void setFilter(const AuditFilter& filter);
    qint64 totalCount() const { return total(); }

protected:
    Result<Page<AuditEntry>> fetch(const PageRequest& request) const override;
    QVariant cell(const AuditEntry& entry, int column, int role) const override;

private:
    void reload();

    Session& m_session;
    AuditFilter m_filter;
};

} // namespace etabli
