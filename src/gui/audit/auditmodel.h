#pragma once

#include "domain/user.h"
#include "storage/auditrepository.h"

#include <QAbstractTableModel>

namespace etabli {

class Session;

// The log of changes, newest first, fetched from SQL a page at a time as the
// view scrolls (never the whole table in memory).
class AuditModel final : public QAbstractTableModel
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

    void setFilter(const AuditFilter& filter);
    qint64 totalCount() const { return m_total; }
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    static constexpr int kPageSize = 200;

private:
    void reload();

    Session& m_session;
    AuditFilter m_filter;
    QList<AuditEntry> m_rows;
    qint64 m_total = 0;
    QString m_error;
    bool m_resetting = false; // no fetchMore from inside a reset notification
};

} // namespace etabli
