#pragma once

#include "storage/auditrepository.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace etabli {

class DateField;

class AuditModel;
class MessageBanner;
class Session;

// "Journal des modifications" (direction only): who changed what and when,
// filtered by person, item and dates, exportable to CSV.
class AuditPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(Session& session, QWidget* parent = nullptr);
    void reload();
    AuditModel* model() const { return m_model; }
    bool exportCsv(const QString& path);
    void setPersonFilter(const QString& login);

private:
    AuditFilter currentFilter() const;
    void applyFilter();
    void chooseExport();

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_person;
    QComboBox* m_entity;
    QCheckBox* m_useFrom;
    DateField* m_from;
    QCheckBox* m_useTo;
    DateField* m_to;
    QLabel* m_count;
    QTableView* m_view;
    AuditModel* m_model;
};

} // namespace etabli
