#pragma once

#include "domain/staff.h"
#include "gui/common/rowstablemodel.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace etabli {

class MessageBanner;
class PeriodEdit;
class Session;

// "Équipe": employees and volunteers (contact details, job, sections,
// linked account), the hours the volunteers gave, and the value of an hour
// of volunteering used by the funding reports.
class TeamPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamPage)

public:
    explicit TeamPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* staffTable() const { return m_staff; }
    QTableView* hoursTable() const { return m_hours; }

private:
    bool editMember(StaffMember& member);
    void addMember();
    void changeMember();
    void addHours();
    void removeHours();
    void saveHourValue();
    void reloadHours();

    Session& m_session;
    MessageBanner* m_banner;
    QHash<qint64, QString> m_sectionNames; // for the "Sections" column
    QHash<qint64, QString> m_logins;       // for the "Account" column
    ColumnsModel<StaffMember>* m_members;
    ColumnsModel<VolunteerHours>* m_hourRows;
    QTableView* m_staff;
    QTableView* m_hours;
    PeriodEdit* m_period;
    QLabel* m_summary;
    QLineEdit* m_hourValue;
};

} // namespace etabli
