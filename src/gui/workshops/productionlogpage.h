#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace etabli {

class MessageBanner;
class Pager;
class PeriodEdit;
class Session;

// "Journal": the entries of the production log, newest first, filtered by
// workshop, period, kind and reference, a page at a time (in SQL).
class ProductionLogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionLogPage)

public:
    static constexpr int PageSize = 100;

    explicit ProductionLogPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableWidget* table() const { return m_table; }
    qint64 totalCount() const { return m_total; }

Q_SIGNALS:
    void openRequested(qint64 entryId);

private:
    void reloadSections();
    void openCurrent();
    void removeCurrent();

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_section;
    PeriodEdit* m_period;
    QComboBox* m_kind;
    QLineEdit* m_reference;
    QTableWidget* m_table;
    Pager* m_pager;
    qint64 m_total = 0;
};

} // namespace etabli
