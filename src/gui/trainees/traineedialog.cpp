#include "gui/trainees/traineedialog.h"

#include "domain/schoolyear.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/schoolyearbox.h"
#include "gui/common/session.h"
#include "gui/trainees/booklettab.h"
#include "gui/trainees/coursetab.h"
#include "gui/trainees/outcometab.h"
#include "gui/trainees/productiontab.h"
#include "services/attendanceservice.h"
#include "services/schoolservice.h"
#include "services/traineeservice.h"

#include <algorithm>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace etabli {

namespace {

DateField* optionalDate(QWidget* parent)
{
    return new DateField(QDate(), DateField::Kind::Optional, parent);
}

} // namespace

TraineeDialog::TraineeDialog(Session& session, qint64 traineeId, QWidget* parent)
    : EditingDialog(parent), m_session(session), m_tabs(new QTabWidget(this)),
      m_banner(new MessageBanner(this))
{
    m_canWrite = session.user().can(permission::TraineesWrite);
    m_canSensitive = session.user().can(permission::TraineesSensitive);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Please confirm"), question,
                                     QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes;
    };
    resize(720, 560);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    auto* buttons = new QDialogButtonBox(
        m_canWrite ? QDialogButtonBox::Save | QDialogButtonBox::Cancel : QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TraineeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (traineeId != 0) {
        auto loaded = session.service<TraineeService>().get(traineeId);
        if (loaded)
            m_trainee = *loaded;
        else
            m_banner->showMessage(MessageBanner::Kind::Error, loaded.error().message);
    } else {
        m_trainee.status = TraineeStatus::Candidate;
        m_trainee.cohortYear = SchoolYear::containing(session.clock().today()).startYear();
        m_trainee.studyYear = 1;
    }
    setWindowTitle(
        traineeId == 0
            ? tr("New trainee")
            : tr("%1 %2 — record n°%3").arg(m_trainee.firstName, m_trainee.lastName).arg(traineeId));

    m_tabs->addTab(buildIdentity(), tr("&Identity"));
    if (m_canSensitive)
        m_tabs->addTab(buildGuardians(), tr("&Guardians"));
    // A new record's course, outcome and production tabs wait for its first
    // save (openSavedRecord() puts them in).
    m_course = new QWidget(this);
    m_tabs->addTab(m_course, tr("&Course"));
    m_tabs->addTab(buildAttendance(), tr("&Attendance"));
    m_outcomeTab = new QWidget(this);
    m_tabs->addTab(m_outcomeTab, tr("&Outcome"));
    m_production = new QWidget(this);
    m_tabs->addTab(m_production, tr("&Production"));
    m_booklet = new QWidget(this);
    m_tabs->addTab(m_booklet, tr("&Booklet"));
    if (m_canSensitive)
        m_tabs->addTab(buildFollowUp(), tr("Follow-&up"));
    fill();
    // The production figures are four tables and a list, the booklet a wide
    // table: their tabs take the room the screen has (a laptop's 1366 × 768
    // included), once.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if ((m_tabs->widget(index) != m_production && m_tabs->widget(index) != m_booklet) || !isVisible())
            return;
        const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 728);
        const QSize wanted(std::min(1200, room.width() - 40), std::min(720, room.height() - 40));
        if (width() >= wanted.width() && height() >= wanted.height())
            return;
        resize(std::max(width(), wanted.width()), std::max(height(), wanted.height()));
        move(room.center() - rect().center());
    });
    m_tabs->widget(0)->setEnabled(m_canWrite);
    if (traineeId != 0) {
        openRecordTabs();
    } else {
        for (int i = 1; i < m_tabs->count(); ++i)
            m_tabs->setTabEnabled(i, false);
    }
}

void TraineeDialog::replaceTab(QWidget*& tab, QWidget* by)
{
    const int index = m_tabs->indexOf(tab);
    const QString label = m_tabs->tabText(index);
    m_tabs->removeTab(index);
    m_tabs->insertTab(index, by, label);
    tab->deleteLater();
    tab = by;
}

void TraineeDialog::openRecordTabs()
{
    const qint64 id = m_trainee.id;
    replaceTab(m_course, new CourseTab(m_session, id, m_banner, this));
    m_outcome = new OutcomeTab(m_session, id, m_trainee.status == TraineeStatus::Left, m_banner, this);
    replaceTab(m_outcomeTab, m_outcome);
    replaceTab(m_production, new ProductionTab(m_session, id, this));
    replaceTab(m_booklet, new BookletTab(m_session, id, m_banner, this));
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, true);
}

void TraineeDialog::openSavedRecord()
{
    // The record stays open on what was saved: guardians, course and
    // follow-up can be filled in at once.
    setWindowTitle(tr("%1 %2 — record n°%3").arg(m_trainee.firstName, m_trainee.lastName).arg(m_trainee.id));
    fill();
    openRecordTabs();
    showAttendance();
    if (m_guardians)
        reloadGuardians();
    if (m_notes)
        reloadNotes();
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("The record of %1 %2 is created. Its guardians, course and follow-up can be "
                             "filled in now.")
                              .arg(m_trainee.firstName, m_trainee.lastName));
    markSaved();
}

QWidget* TraineeDialog::buildIdentity()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_lastName = new QLineEdit(page);
    m_lastName->setObjectName(QStringLiteral("lastName"));
    m_firstName = new QLineEdit(page);
    m_firstName->setObjectName(QStringLiteral("firstName"));
    m_birthDate = optionalDate(page);
    m_birthDate->setObjectName(QStringLiteral("birthDate"));
    m_birthDate->setCalendarStart(m_session.clock().today().addYears(-16));
    m_age = new QLabel(page);
    m_sex = new QComboBox(page);
    m_sex->addItem(QStringLiteral("—"), QString());
    m_sex->addItem(tr("female"), QStringLiteral("F"));
    m_sex->addItem(tr("male"), QStringLiteral("M"));
    m_address = new QLineEdit(page);
    m_postcode = new QLineEdit(page);
    m_postcode->setMaxLength(5);
    m_city = new QLineEdit(page);
    m_phone = new QLineEdit(page);
    m_email = new QLineEdit(page);
    m_referral = new QComboBox(page);
    m_referral->addItem(QStringLiteral("—"), 0);
    auto service = m_session.service<TraineeService>();
    for (const Referral& r : service.referrals().value_or(QList<Referral>{}))
        m_referral->addItem(r.name, r.id);
    m_section = new QComboBox(page);
    m_section->setObjectName(QStringLiteral("section"));
    for (const Section& s : m_session.service<SchoolService>().sections().value_or(QList<Section>{}))
        m_section->addItem(s.name, s.id);
    m_cohort = new SchoolYearBox(page);
    m_cohort->setObjectName(QStringLiteral("cohort"));
    m_studyYear = new QComboBox(page);
    m_studyYear->addItem(tr("1st year"), 1);
    m_studyYear->addItem(tr("2nd year"), 2);
    m_status = new QComboBox(page);
    m_status->setObjectName(QStringLiteral("status"));
    for (TraineeStatus s :
         {TraineeStatus::Candidate, TraineeStatus::Enrolled, TraineeStatus::Left, TraineeStatus::Refused})
        m_status->addItem(labelOf(s), static_cast<int>(s));
    m_entry = optionalDate(page);
    m_entry->setObjectName(QStringLiteral("entryDate"));
    m_exit = optionalDate(page);
    m_exit->setObjectName(QStringLiteral("exitDate"));
    m_exitReason = new QComboBox(page);
    m_exitReason->setObjectName(QStringLiteral("exitReason"));
    for (ExitReason r : allOf<ExitReason>())
        m_exitReason->addItem(r == ExitReason::None ? QStringLiteral("—") : labelOf(r), static_cast<int>(r));

    auto* birthRow = new QHBoxLayout;
    birthRow->addWidget(m_birthDate);
    birthRow->addWidget(m_age, 1);
    form->addRow(tr("&Last name"), m_lastName);
    form->addRow(tr("&First name"), m_firstName);
    auto* birthLabel = new QLabel(tr("&Born on"), page);
    birthLabel->setBuddy(m_birthDate);
    form->addRow(birthLabel, birthRow);
    form->addRow(tr("Se&x"), m_sex);
    form->addRow(tr("&Address"), m_address);
    form->addRow(tr("&Postcode"), m_postcode);
    form->addRow(tr("&City"), m_city);
    form->addRow(tr("&Phone"), m_phone);
    form->addRow(tr("&E-mail"), m_email);
    auto* referralRow = new QHBoxLayout;
    referralRow->addWidget(m_referral, 1);
    auto* addReferral = new QPushButton(tr("Add to the list…"), page);
    referralRow->addWidget(addReferral);
    auto* referralLabel = new QLabel(tr("&Referred by"), page);
    referralLabel->setBuddy(m_referral);
    form->addRow(referralLabel, referralRow);
    connect(addReferral, &QPushButton::clicked, this, [this]() {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("New referral"), tr("Who referred the young person:"),
                                  QLineEdit::Normal, QString(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        auto id = m_session.service<TraineeService>().addReferral(name);
        if (!id) {
            m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
            return;
        }
        m_referral->addItem(name.trimmed(), *id);
        m_referral->setCurrentIndex(m_referral->count() - 1);
    });
    form->addRow(tr("Sectio&n"), m_section);
    form->addRow(tr("School year of &entry"), m_cohort);
    form->addRow(tr("&Year of study"), m_studyYear);
    form->addRow(tr("S&tatus"), m_status);
    form->addRow(tr("Entry &date"), m_entry);
    form->addRow(tr("E&xit date"), m_exit);
    form->addRow(tr("Exit &reason"), m_exitReason);
    // Sensitive data: not even shown empty to those who may not see it.
    form->setRowVisible(m_exitReason, m_canSensitive);
    form->setRowVisible(referralRow, m_canSensitive);
    m_section->setToolTip(
        tr("A change of section of an enrolled trainee is dated the day it is saved; the reports "
           "count each stay in its section."));
    m_stays = new QLabel(page);
    m_stays->setObjectName(QStringLiteral("stays"));
    m_stays->setWordWrap(true);
    m_stays->hide();
    form->addRow(m_stays);
    const auto updateAge = [this]() {
        Trainee t;
        t.birthDate = m_birthDate->date();
        t.entryDate = m_entry->date().isValid() ? m_entry->date() : m_session.clock().today();
        const int age = t.ageAtEntry();
        m_age->setText(age > 0 ? tr("%n year(s) old at entry", nullptr, age) : QString());
    };
    connect(m_birthDate, &DateField::dateChanged, this, updateAge);
    connect(m_entry, &DateField::dateChanged, this, updateAge);
    connect(m_status, &QComboBox::currentIndexChanged, this, &TraineeDialog::updateExitFields);
    return page;
}

void TraineeDialog::updateExitFields()
{
    const bool left = static_cast<TraineeStatus>(m_status->currentData().toInt()) == TraineeStatus::Left;
    m_exitReason->setEnabled(left);
    m_exit->setEnabled(left || m_exit->date().isValid());
}

void TraineeDialog::fill()
{
    const Trainee& t = m_trainee;
    m_lastName->setText(t.lastName);
    m_firstName->setText(t.firstName);
    m_birthDate->setDate(t.birthDate);
    m_sex->setCurrentIndex(std::max(0, m_sex->findData(t.sex)));
    m_address->setText(t.addressLine1);
    m_postcode->setText(t.postcode);
    m_city->setText(t.city);
    m_phone->setText(t.phone);
    m_email->setText(t.email);
    m_referral->setCurrentIndex(std::max(0, m_referral->findData(t.referralId)));
    m_section->setCurrentIndex(std::max(0, m_section->findData(t.sectionId)));
    m_cohort->setValue(t.cohortYear ? t.cohortYear
                                    : SchoolYear::containing(m_session.clock().today()).startYear());
    m_studyYear->setCurrentIndex(t.studyYear == 2 ? 1 : 0);
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(t.status)));
    m_entry->setDate(t.entryDate);
    m_exit->setDate(t.exitDate);
    m_exitReason->setCurrentIndex(m_exitReason->findData(static_cast<int>(t.exitReason)));
    updateExitFields();
    // A return after leaving, or a change of section: the stays, as the reports count them.
    m_stays->hide();
    if (t.id == 0)
        return;
    auto stays = m_session.service<TraineeService>().stays(t.id);
    if (!stays || stays->size() < 2)
        return;
    QStringList lines;
    for (const TraineeRepository::Stay& st : *stays) {
        const int index = m_section->findData(st.sectionId);
        const QString section = index >= 0 ? m_section->itemText(index) : QStringLiteral("—");
        const QString kind = st.kind == StayKind::Return     ? tr("Came back")
                             : st.kind == StayKind::Transfer ? tr("Changed section")
                                                             : tr("Entered");
        QString line = st.end.isValid()
                           ? tr("%1 on %2, %3, until %4")
                                 .arg(kind, st.start.toString(QStringLiteral("dd/MM/yyyy")), section,
                                      st.end.toString(QStringLiteral("dd/MM/yyyy")))
                           : tr("%1 on %2, %3, still there")
                                 .arg(kind, st.start.toString(QStringLiteral("dd/MM/yyyy")), section);
        if (st.exitReason != ExitReason::None)
            line += QStringLiteral(" (%1)").arg(labelOf(st.exitReason));
        lines << line.toHtmlEscaped();
    }
    m_stays->setText(
        QStringLiteral("<b>%1</b><br>%2")
            .arg(tr("Stays at the school:").toHtmlEscaped(), lines.join(QStringLiteral("<br>"))));
    m_stays->show();
}

Trainee TraineeDialog::readForm() const
{
    Trainee t = m_trainee;
    t.lastName = m_lastName->text();
    t.firstName = m_firstName->text();
    t.birthDate = m_birthDate->date();
    t.sex = m_sex->currentData().toString();
    t.addressLine1 = m_address->text();
    t.postcode = m_postcode->text();
    t.city = m_city->text();
    t.phone = m_phone->text();
    t.email = m_email->text();
    t.referralId = m_referral->currentData().toLongLong();
    t.sectionId = m_section->currentData().toLongLong();
    t.cohortYear = m_cohort->value();
    t.studyYear = m_studyYear->currentData().toInt();
    t.status = static_cast<TraineeStatus>(m_status->currentData().toInt());
    t.entryDate = m_entry->date();
    t.exitDate = m_exit->date();
    t.exitReason = static_cast<ExitReason>(m_exitReason->currentData().toInt());
    if (t.status != TraineeStatus::Left)
        t.exitReason = t.exitDate.isValid() ? t.exitReason : ExitReason::None;
    return t;
}

bool TraineeDialog::saveIdentity()
{
    auto service = m_session.service<TraineeService>();
    const Trainee t = readForm();
    bool confirmed = false;
    while (true) {
        const Status result = [&]() -> Status {
            if (t.id == 0) {
                auto id = service.create(t, confirmed);
                if (!id)
                    return std::unexpected(id.error());
                m_trainee.id = *id;
                return {};
            }
            return service.update(t, confirmed);
        }();
        if (result)
            break;
        if (result.error().code == Error::Code::NeedsConfirmation && !confirmed &&
            m_confirm(result.error().message)) {
            confirmed = true;
            continue;
        }
        m_tabs->setCurrentIndex(0);
        m_banner->showMessage(MessageBanner::Kind::Error, result.error().message);
        if (result.error().code == Error::Code::ChangedMeanwhile && resolveChangedMeanwhile(result.error())) {
            // Their version, as saved: what was typed here is on the clipboard if asked.
            if (auto theirs = service.get(t.id)) {
                m_trainee = *theirs;
                fill();
                markSaved();
            }
        }
        return false;
    }
    auto reloaded = service.get(m_trainee.id);
    if (reloaded)
        m_trainee = *reloaded;
    return true;
}

void TraineeDialog::accept()
{
    if (!m_canWrite)
        return QDialog::accept();
    if (DateField::reportWrong(this, m_banner))
        return;
    // "Enregistrer" saves the whole record, outcomes included.
    if (m_outcome && m_outcome->hasUnsavedChanges() && !m_outcome->save())
        return;
    const bool isNew = m_trainee.id == 0;
    if (!saveIdentity())
        return;
    if (isNew)
        openSavedRecord();
    else
        QDialog::accept();
}

QWidget* TraineeDialog::buildGuardians()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_guardianRows = new ColumnsModel<Guardian>(
        {{tr("Name"),
          [](const Guardian& g) { return QStringLiteral("%1 %2").arg(g.lastName.toUpper(), g.firstName); }},
         {tr("Relation"), [](const Guardian& g) { return labelOf(g.relation); }},
         {tr("Phone"), [](const Guardian& g) { return g.phone; }},
         {tr("E-mail"), [](const Guardian& g) { return g.email; }}},
        page);
    m_guardians = new QTableView(page);
    m_guardians->setObjectName(QStringLiteral("guardians"));
    m_guardians->setModel(m_guardianRows);
    m_guardians->horizontalHeader()->setStretchLastSection(true);
    m_guardians->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_guardians->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_guardians->verticalHeader()->hide();
    layout->addWidget(m_guardians);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add a guardian…"), page);
    auto* edit = new QPushButton(tr("&Edit…"), page);
    auto* remove = new QPushButton(tr("&Remove"), page);
    add->setEnabled(m_canWrite);
    edit->setEnabled(m_canWrite);
    remove->setEnabled(m_canWrite);
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    connect(edit, &QPushButton::clicked, this, [this]() { editGuardian(m_guardians->currentIndex().row()); });
    connect(m_guardians, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (m_canWrite)
            editGuardian(index.row());
    });
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &TraineeDialog::addGuardian);
    connect(remove, &QPushButton::clicked, this, &TraineeDialog::removeGuardian);
    if (m_trainee.id != 0)
        reloadGuardians();
    return page;
}

void TraineeDialog::reloadGuardians()
{
    auto list = m_session.service<TraineeService>().guardians(m_trainee.id);
    if (!list) {
        m_banner->showMessage(MessageBanner::Kind::Error, list.error().message);
        return;
    }
    m_guardianRows->setRows(*list);
    m_guardians->resizeColumnsToContents();
}

void TraineeDialog::addGuardian()
{
    editGuardian(-1);
}

void TraineeDialog::editGuardian(int row)
{
    const bool isNew = row < 0 || row >= m_guardianRows->rowCount();
    Guardian g = isNew ? Guardian{} : m_guardianRows->rowAt(row);
    FormDialog dialog(isNew ? tr("New guardian") : tr("Guardian"), this);
    dialog.setObjectName(QStringLiteral("guardianDialog"));
    auto* last = new QLineEdit(g.lastName, &dialog);
    auto* first = new QLineEdit(g.firstName, &dialog);
    auto* relation = new QComboBox(&dialog);
    for (GuardianRelation r : allOf<GuardianRelation>())
        relation->addItem(labelOf(r), static_cast<int>(r));
    relation->setCurrentIndex(std::max(0, relation->findData(static_cast<int>(g.relation))));
    auto* phone = new QLineEdit(g.phone, &dialog);
    auto* email = new QLineEdit(g.email, &dialog);
    dialog.addRow(tr("&Last name"), last);
    dialog.addRow(tr("&First name"), first);
    dialog.addRow(tr("&Relation"), relation);
    dialog.addRow(tr("&Phone"), phone);
    dialog.addRow(tr("&E-mail"), email);
    dialog.setAction([&]() -> Status {
        g.traineeId = m_trainee.id;
        g.lastName = last->text();
        g.firstName = first->text();
        g.relation = static_cast<GuardianRelation>(relation->currentData().toInt());
        g.phone = phone->text();
        g.email = email->text();
        auto service = m_session.service<TraineeService>();
        if (isNew) {
            auto id = service.addGuardian(g);
            return statusOf(id);
        }
        return service.updateGuardian(g);
    });
    if (dialog.exec() == QDialog::Accepted)
        reloadGuardians();
}

void TraineeDialog::removeGuardian()
{
    const int row = m_guardians->currentIndex().row();
    if (row < 0 || row >= m_guardianRows->rowCount())
        return;
    const Guardian g = m_guardianRows->rowAt(row);
    if (QMessageBox::question(this, tr("Remove a guardian"),
                              tr("Remove %1 %2 from the guardians?").arg(g.firstName, g.lastName),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto r = m_session.service<TraineeService>().removeGuardian(g); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    reloadGuardians();
}

QWidget* TraineeDialog::buildAttendance()
{
    m_attendance = new QLabel(this);
    m_attendance->setObjectName(QStringLiteral("attendanceSummary"));
    m_attendance->setWordWrap(true);
    m_attendance->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    showAttendance();
    return m_attendance;
}

void TraineeDialog::showAttendance()
{
    if (m_trainee.id == 0)
        return;
    const SchoolYear year = SchoolYear::containing(m_session.clock().today());
    auto rate =
        m_session.service<AttendanceService>().traineeRate(m_trainee.id, year.firstDay(), year.lastDay());
    if (!rate) {
        m_attendance->setText(rate.error().message);
        return;
    }
    const QLocale locale;
    QString text = tr("<h3>School year %1</h3>").arg(year.label());
    if (rate->total() == 0) {
        text += tr("<p>No attendance recorded yet this school year.</p>");
    } else {
        text +=
            tr("<p>Attendance rate: <b>%1 %</b> over %n recorded half-day(s).</p>", nullptr, rate->total())
                .arg(locale.toString(rate->rateBasisPoints() / 100.0, 'f', 1));
        text += QStringLiteral("<table cellpadding=\"3\">");
        const QList<std::pair<AttendanceCode, int>> rows = {
            {AttendanceCode::Present, rate->present},       {AttendanceCode::Late, rate->late},
            {AttendanceCode::Internship, rate->internship}, {AttendanceCode::Excused, rate->excused},
            {AttendanceCode::Unexcused, rate->unexcused},   {AttendanceCode::Excluded, rate->excluded}};
        for (const auto& [code, n] : rows)
            text += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
                        .arg(labelOf(code).toHtmlEscaped())
                        .arg(n);
        text += QStringLiteral("</table>");
    }
    m_attendance->setText(text);
}

QWidget* TraineeDialog::buildFollowUp()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* warning =
        new QLabel(tr("Follow-up notes are confidential: only the direction and the office read them. "
                      "A note is never changed or deleted; add a new one to correct it."),
                   page);
    warning->setWordWrap(true);
    layout->addWidget(warning);
    m_notes = new QListWidget(page);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    layout->addWidget(m_notes, 1);
    m_newNote = new QPlainTextEdit(page);
    m_newNote->setObjectName(QStringLiteral("newNote"));
    m_newNote->setPlaceholderText(tr("New note…"));
    m_newNote->setMaximumHeight(90);
    layout->addWidget(m_newNote);
    auto* add = new QPushButton(tr("Add the &note"), page);
    add->setObjectName(QStringLiteral("addNote"));
    layout->addWidget(add, 0, Qt::AlignRight);
    connect(add, &QPushButton::clicked, this, &TraineeDialog::addNote);
    if (m_trainee.id != 0)
        reloadNotes();
    return page;
}

void TraineeDialog::reloadNotes()
{
    auto notes = m_session.service<TraineeService>().notes(m_trainee.id);
    m_notes->clear();
    if (!notes) {
        m_banner->showMessage(MessageBanner::Kind::Error, notes.error().message);
        return;
    }
    const QLocale locale;
    for (const FollowUpNote& n : *notes)
        new QListWidgetItem(
            tr("%1 — %2\n%3")
                .arg(locale.toString(QDateTime::fromString(n.writtenAt, Qt::ISODate).toLocalTime(),
                                     QStringLiteral("dd/MM/yyyy HH:mm")),
                     n.author, n.body),
            m_notes);
}

void TraineeDialog::addNote()
{
    auto id = m_session.service<TraineeService>().addNote(m_trainee.id, m_newNote->toPlainText());
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return;
    }
    m_newNote->clear();
    reloadNotes();
}

} // namespace etabli
