#include "gui/workshops/teampage.h"

#include "domain/production.h"
#include "domain/schoolyear.h"
#include "gui/common/allowed.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/periodedit.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/session.h"
#include "services/schoolservice.h"
#include "services/staffservice.h"
#include "services/userservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

TeamPage::TeamPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_members(nullptr),
      m_hourRows(nullptr), m_staff(new QTableView(this)), m_hours(new QTableView(this)),
      m_period(new PeriodEdit(SchoolYear::containing(session.clock().today()).firstDay(),
                              SchoolYear::containing(session.clock().today()).lastDay(), this)),
      m_summary(new QLabel(this)), m_hourValue(new QLineEdit(this))
{
    m_banner->hide();
    m_staff->setObjectName(QStringLiteral("staffTable"));
    // Those who left are greyed: kept for the history of hours and sections.
    const auto left = [this](const StaffMember& m, int role) {
        return role == Qt::ForegroundRole && !m.active
                   ? QVariant(palette().brush(QPalette::Disabled, QPalette::Text))
                   : QVariant();
    };
    m_members = new ColumnsModel<StaffMember>(
        {{tr("Name"),
          [](const StaffMember& m) {
              return m.lastName + QLatin1Char(' ') + m.firstName + (m.active ? QString() : tr(" (left)"));
          },
          false, left},
         {tr("Status"), [](const StaffMember& m) { return labelOf(m.kind); }, false, left},
         {tr("Job"), [](const StaffMember& m) { return m.job ? labelOf(*m.job) : QString(); }, false, left},
         {tr("Sections"),
          [this](const StaffMember& m) {
              QStringList sections;
              for (qint64 id : m.sectionIds)
                  sections << m_sectionNames.value(id);
              return sections.join(QStringLiteral(", "));
          },
          false, left},
         {tr("Phone"), [](const StaffMember& m) { return m.phone; }, false, left},
         {tr("E-mail"), [](const StaffMember& m) { return m.email; }, false, left},
         {tr("Account"),
          [this](const StaffMember& m) {
              return m.userId == 0 ? QString() : m_logins.value(m.userId, tr("yes"));
          },
          false, left}},
        this);
    m_hourRows = new ColumnsModel<VolunteerHours>(
        {Column<VolunteerHours>::day(tr("Day"), [](const VolunteerHours& h) { return h.day; }),
         {tr("Volunteer"), [](const VolunteerHours& h) { return h.name; }},
         Column<VolunteerHours>::hours(
             tr("Hours"), [](const VolunteerHours& h) { return h.minutes; },
             [](qint64 minutes) { return Quantities::formatDuration(minutes); }),
         {tr("Activity"), [](const VolunteerHours& h) { return h.activity; }}},
        this);
    m_staff->setModel(m_members);
    m_hours->setObjectName(QStringLiteral("volunteerHours"));
    m_hours->setModel(m_hourRows);
    for (QTableView* t : {m_staff, m_hours}) {
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
    }
    auto* add = new QPushButton(tr("&Add a person…"), this);
    auto* change = new QPushButton(tr("C&hange…"), this);
    showWhenAllowed(add, m_session, permission::SettingsEdit);
    showWhenAllowed(change, m_session, permission::SettingsEdit);
    auto* staffButtons = new QHBoxLayout;
    staffButtons->addWidget(new ListOutput(
        m_session, m_banner, {m_staff}, {}, tr("Team"), []() { return QStringList{}; }, this));
    staffButtons->addStretch(1);
    staffButtons->addWidget(add);
    staffButtons->addWidget(change);

    auto* period = new QHBoxLayout;
    period->addWidget(new QLabel(tr("<b>Volunteer hours</b>"), this));
    period->addStretch(1);
    period->addWidget(m_period);
    auto* valueLabel = new QLabel(tr("&Value of an hour (€)"), this);
    valueLabel->setBuddy(m_hourValue);
    m_hourValue->setMaximumWidth(100);
    auto* saveValue = new QPushButton(tr("Save the value"), this);
    auto* addHoursButton = new QPushButton(tr("Record &hours…"), this);
    auto* removeHoursButton = new QPushButton(tr("&Remove…"), this);
    for (QPushButton* b : {saveValue, addHoursButton, removeHoursButton})
        showWhenAllowed(b, m_session, permission::FundingWrite);
    // The summary above, the value and the buttons below: fits a laptop's screen.
    m_summary->setWordWrap(true);
    auto* hoursButtons = new QHBoxLayout;
    hoursButtons->addWidget(valueLabel);
    hoursButtons->addWidget(m_hourValue);
    hoursButtons->addWidget(saveValue);
    hoursButtons->addStretch(1);
    hoursButtons->addWidget(removeHoursButton);
    hoursButtons->addWidget(addHoursButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(new QLabel(tr("<b>The team</b> — employees and volunteers"), this));
    layout->addWidget(m_staff, 3);
    layout->addLayout(staffButtons);
    layout->addLayout(period);
    layout->addWidget(m_hours, 2);
    layout->addWidget(m_summary);
    layout->addLayout(hoursButtons);

    connect(add, &QPushButton::clicked, this, &TeamPage::addMember);
    connect(change, &QPushButton::clicked, this, &TeamPage::changeMember);
    connect(m_staff, &QTableView::activated, this, &TeamPage::changeMember);
    connect(addHoursButton, &QPushButton::clicked, this, &TeamPage::addHours);
    connect(removeHoursButton, &QPushButton::clicked, this, &TeamPage::removeHours);
    connect(saveValue, &QPushButton::clicked, this, &TeamPage::saveHourValue);
    connect(m_period, &PeriodEdit::changed, this, &TeamPage::reloadHours);
    connect(&m_session, &Session::databaseChanged, this, &TeamPage::reload);
    connect(&m_session, &Session::userChanged, this, &TeamPage::reload);
    reloadOnDataChangeWhenShown(this, m_session, DataKind::Staff, [this]() { reload(); });
    reload();
}

void TeamPage::reload()
{
    m_members->clear();
    m_hourRows->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    Database& db = m_session.database();
    m_sectionNames.clear();
    for (const Section& s :
         SchoolService(db, m_session.clock(), m_session.user()).sections(false).value_or(QList<Section>{}))
        m_sectionNames.insert(s.id, s.name);
    m_logins.clear();
    if (m_session.user().can(permission::UsersManage)) {
        for (const User& u :
             UserService(db, m_session.clock(), m_session.user()).list().value_or(QList<User>{}))
            m_logins.insert(u.id, u.login);
    }
    m_members->setRows(
        StaffService(db, m_session.clock(), m_session.user()).list(false).value_or(QList<StaffMember>{}));
    m_staff->resizeColumnsToContents();
    reloadHours();
}

void TeamPage::reloadHours()
{
    m_hourRows->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    auto team = m_session.service<StaffService>();
    m_hourRows->setRows(team.hours(m_period->from(), m_period->to()).value_or(QList<VolunteerHours>{}));
    m_hours->resizeColumnsToContents();
    if (auto s = team.volunteerSummary(m_period->from(), m_period->to())) {
        m_hourValue->setText(s->hourValue.formatPlain());
        m_summary->setText(tr("%1 given, worth %2 (contributions volontaires en nature)")
                               .arg(Quantities::formatDuration(s->minutes), s->value.format()));
    }
}

bool TeamPage::editMember(StaffMember& member)
{
    FormDialog dialog(member.id == 0 ? tr("New team member") : tr("Team member"), this);
    dialog.setObjectName(QStringLiteral("memberDialog"));
    auto* last = new QLineEdit(member.lastName, &dialog);
    auto* first = new QLineEdit(member.firstName, &dialog);
    auto* kind = new QComboBox(&dialog);
    for (StaffKind k : allOf<StaffKind>())
        kind->addItem(labelOf(k), static_cast<int>(k));
    kind->setCurrentIndex(std::max(0, kind->findData(static_cast<int>(member.kind))));
    auto* job = new QComboBox(&dialog);
    job->addItem(tr("(none)"));
    for (StaffJob j : allOf<StaffJob>())
        job->addItem(labelOf(j), static_cast<int>(j));
    job->setCurrentIndex(member.job ? std::max(0, job->findData(static_cast<int>(*member.job))) : 0);
    auto* phone = new QLineEdit(member.phone, &dialog);
    auto* email = new QLineEdit(member.email, &dialog);
    auto* sections = new QListView(&dialog);
    auto* sectionChoices = new ChoiceListModel(sections);
    QList<Choice> choices;
    for (const Section& s : m_session.service<SchoolService>().sections(false).value_or(QList<Section>{}))
        choices << Choice{s.id, s.name, member.sectionIds.contains(s.id)};
    sectionChoices->setRows(choices);
    sections->setModel(sectionChoices);
    sections->setMaximumHeight(90);
    dialog.watch(sections);
    auto* account = new QComboBox(&dialog);
    account->addItem(tr("(no account)"), 0);
    for (const User& u : m_session.service<UserService>().list().value_or(QList<User>{}))
        account->addItem(QStringLiteral("%1 (%2)").arg(u.displayName, u.login), u.id);
    if (member.userId != 0 && account->findData(member.userId) < 0)
        account->addItem(tr("(an account)"), member.userId);
    account->setCurrentIndex(std::max(0, account->findData(member.userId)));
    auto* active = new QCheckBox(tr("In the team (uncheck when the person leaves)"), &dialog);
    active->setChecked(member.active);
    dialog.addRow(tr("&Last name"), last);
    dialog.addRow(tr("&First name"), first);
    dialog.addRow(tr("&Status"), kind);
    dialog.addRow(tr("&Job"), job);
    dialog.addRow(tr("&Phone"), phone);
    dialog.addRow(tr("&E-mail"), email);
    dialog.addRow(tr("Sec&tions"), sections);
    dialog.addRow(tr("A&ccount"), account);
    dialog.addRow(QString(), active);
    dialog.setAction([&]() -> Status {
        StaffMember m = member;
        m.lastName = last->text();
        m.firstName = first->text();
        m.kind = static_cast<StaffKind>(kind->currentData().toInt());
        m.job = job->currentData().isValid()
                    ? std::optional(static_cast<StaffJob>(job->currentData().toInt()))
                    : std::nullopt;
        m.phone = phone->text();
        m.email = email->text();
        m.userId = account->currentData().toLongLong();
        m.active = active->isChecked();
        m.sectionIds = sectionChoices->checkedIds();
        auto service = m_session.service<StaffService>();
        if (m.id == 0) {
            auto id = service.add(m);
            if (!id)
                return std::unexpected(id.error());
            m.id = *id;
        } else if (auto r = service.update(m); !r) {
            return r;
        }
        member = m;
        return {};
    });
    return dialog.exec() == QDialog::Accepted;
}

void TeamPage::addMember()
{
    StaffMember m;
    if (!editMember(m))
        return;
    m_banner->showMessage(MessageBanner::Kind::Success, tr("%1 joined the team.").arg(m.displayName()));
    reload();
}

void TeamPage::changeMember()
{
    const int row = m_staff->currentIndex().row();
    if (row < 0 || row >= m_members->rowCount())
        return;
    StaffMember m = m_members->rowAt(row);
    if (!editMember(m))
        return;
    m_banner->showMessage(MessageBanner::Kind::Success, tr("%1 was changed.").arg(m.displayName()));
    reload();
}

void TeamPage::addHours()
{
    FormDialog dialog(tr("Volunteer hours"), this);
    dialog.setObjectName(QStringLiteral("hoursDialog"));
    auto* who = new QComboBox(&dialog);
    for (const StaffMember& m : m_members->rows()) {
        if (m.kind == StaffKind::Volunteer && m.active)
            who->addItem(m.displayName(), m.id);
    }
    if (who->count() == 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Add the volunteer to the team first (status: volunteer)."));
        return;
    }
    auto* day = FormDialog::dateField(m_session.clock().today(), &dialog);
    day->setDateRange(QDate(), m_session.clock().today());
    auto* hours = new QLineEdit(&dialog);
    hours->setPlaceholderText(tr("e.g. 2,5 or 2 h 30"));
    auto* activity = new QLineEdit(&dialog);
    activity->setPlaceholderText(tr("e.g. maths support, driving, open day"));
    dialog.addRow(tr("&Volunteer"), who);
    dialog.addRow(tr("&Day"), day);
    dialog.addRow(tr("&Hours"), hours);
    dialog.addRow(tr("&Activity"), activity);
    dialog.setAction([&]() -> Status {
        auto minutes = Quantities::parseDuration(hours->text());
        if (!minutes)
            return std::unexpected(minutes.error());
        VolunteerHours h{0, who->currentData().toLongLong(), {}, day->date(), *minutes, activity->text()};
        auto id = m_session.service<StaffService>().addHours(h);
        return statusOf(id);
    });
    if (dialog.exec() == QDialog::Accepted) {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("The hours were recorded."));
        reloadHours();
    }
}

void TeamPage::removeHours()
{
    const int row = m_hours->currentIndex().row();
    if (row < 0 || row >= m_hourRows->rowCount())
        return;
    const VolunteerHours h = m_hourRows->rowAt(row);
    if (QMessageBox::question(this, tr("Volunteer hours"),
                              tr("Remove %1 given by %2 on %3?")
                                  .arg(Quantities::formatDuration(h.minutes), h.name,
                                       QLocale().toString(h.day, QStringLiteral("dd/MM/yyyy"))),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    if (auto r = m_session.service<StaffService>().removeHours(h); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    reloadHours();
}

void TeamPage::saveHourValue()
{
    auto value = Money::parse(m_hourValue->text());
    if (!value) {
        m_banner->showMessage(MessageBanner::Kind::Error, value.error().message);
        return;
    }
    if (auto r = m_session.service<StaffService>().setVolunteerHourValue(*value); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("An hour of volunteering is now valued at %1.").arg(value->format()));
    reloadHours();
}

} // namespace etabli
