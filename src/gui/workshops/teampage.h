#pragma once

#include "domain/staff.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

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
    QTableWidget* staffTable() const { return m_staff; }
    QTableWidget* hoursTable() const { return m_hours; }

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
    QTableWidget* m_staff;
    QTableWidget* m_hours;
    PeriodEdit* m_period;
    QLabel* m_summary;
    QLineEdit* m_hourValue;
    QList<StaffMember> m_members;
    QList<VolunteerHours> m_hourList;
};

} // namespace etabli
