#include "gui/trainees/attendancepage.h"

#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/trainees/registermodel.h"
#include "services/schoolservice.h"
#include "util/text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

AttendancePage::AttendancePage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_section(new QComboBox(this)),
      m_weekLabel(new QLabel(this)), m_register(new RegisterModel(this)), m_table(new QTableView(this)),
      m_save(new QPushButton(tr("&Save"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    auto* top = new QHBoxLayout;
    m_section->setObjectName(QStringLiteral("registerSection"));
    auto* previous = new QPushButton(tr("◀ Previous week"), this);
    auto* thisWeek = new QPushButton(tr("This &week"), this);
    auto* next = new QPushButton(tr("Next week ▶"), this);
    auto* allPresent = new QPushButton(tr("Everyone &present"), this);
    auto* timetable = new QPushButton(tr("&Timetable…"), this);
    timetable->setToolTip(tr("The half-days the section spends in class; the others are the workshop's."));
    allPresent->setToolTip(tr("Marks every empty half-day of the week present."));
    top->addWidget(m_section, 1);
    top->addWidget(previous);
    top->addWidget(thisWeek);
    top->addWidget(next);
    top->addWidget(m_weekLabel);
    top->addStretch(1);
    layout->addLayout(top);
    auto* help =
        new QLabel(tr("Keys: P present · J excused absence · A unexcused absence · R late · S internship · X "
                      "excluded · Delete clears. Shift+key: the whole day; Ctrl+Shift+key: the whole week. "
                      "Ctrl+S saves."),
                   this);
    help->setWordWrap(true);
    help->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(help);
    m_table->setObjectName(QStringLiteral("register"));
    m_table->setModel(m_register);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(allPresent);
    bottom->addWidget(timetable);
    bottom->addStretch(1);
    bottom->addWidget(m_save);
    layout->addLayout(bottom);
    m_save->setEnabled(false);

    connect(m_section, &QComboBox::currentIndexChanged, this, [this]() {
        if (askToSave())
            load();
    });
    connect(previous, &QPushButton::clicked, this, [this]() {
        if (askToSave())
            showWeek(m_section->currentData().toLongLong(), m_monday.addDays(-7));
    });
    connect(next, &QPushButton::clicked, this, [this]() {
        if (askToSave())
            showWeek(m_section->currentData().toLongLong(), m_monday.addDays(7));
    });
    connect(thisWeek, &QPushButton::clicked, this, [this]() {
        if (askToSave())
            showWeek(m_section->currentData().toLongLong(), m_session.clock().today());
    });
    connect(allPresent, &QPushButton::clicked, this, [this]() {
        for (int r = 0; r < m_register->rowCount(); ++r) {
            for (int c = 0; c < RegisterModel::HalfDays; ++c) {
                if (m_register->isEnrolled(r, c) && !m_register->codeAt(r, c))
                    mark(r, c, AttendanceCode::Present);
            }
        }
    });
    connect(timetable, &QPushButton::clicked, this, &AttendancePage::editTimetable);
    connect(m_save, &QPushButton::clicked, this, &AttendancePage::save);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &AttendancePage::save);
    connect(&m_session, &Session::databaseChanged, this, &AttendancePage::reloadSections);
    connect(&m_session, &Session::userChanged, this, &AttendancePage::reloadSections);
    // A trainee enrolled or marked elsewhere appears; marks not yet saved are kept.
    m_session.onDataChanged(this, DataKind::Trainees | DataKind::Attendance, [this]() {
        if (!hasUnsavedChanges())
            load();
    });
    m_monday = WeekRegister::mondayOf(m_session.clock().today());
    reloadSections();
}

bool AttendancePage::hasUnsavedChanges() const
{
    return m_register->hasPending();
}

const WeekRegister& AttendancePage::week() const
{
    return m_register->week();
}

void AttendancePage::reloadSections()
{
    {
        const QSignalBlocker block(m_section);
        m_section->clear();
        if (!m_session.isOpen() || !m_session.isLoggedIn())
            return;
        const UserContext& user = m_session.user();
        for (const Section& s : SchoolService(m_session.database(), m_session.clock(), user)
                                    .sections(true)
                                    .value_or(QList<Section>{})) {
            if (user.coversSection(s.id))
                m_section->addItem(s.name, s.id);
        }
    }
    m_monday = WeekRegister::mondayOf(m_session.clock().today());
    load();
}

void AttendancePage::showWeek(qint64 sectionId, const QDate& anyDay)
{
    {
        const QSignalBlocker block(m_section);
        m_section->setCurrentIndex(std::max(0, m_section->findData(sectionId)));
    }
    m_monday = WeekRegister::mondayOf(anyDay);
    load();
}

void AttendancePage::load()
{
    m_save->setEnabled(false);
    // The half-day the trainer was on stays chosen when the week is read again (a save, another PC's).
    const QModelIndex was = m_table->currentIndex();
    const qint64 wasTrainee = was.isValid() && was.row() < m_register->week().trainees.size()
                                  ? m_register->week().trainees.at(was.row()).traineeId
                                  : 0;
    const QDate wasMonday = m_register->week().monday;
    m_register->clear();
    const qint64 sectionId = m_section->currentData().toLongLong();
    if (sectionId == 0)
        return;
    auto week = m_session.service<AttendanceService>().week(sectionId, m_monday);
    if (!week) {
        m_banner->showMessage(MessageBanner::Kind::Error, week.error().message);
        return;
    }
    m_banner->hide();
    m_monday = week->monday;
    m_weekLabel->setText(tr("Week of %1").arg(QLocale().toString(m_monday, QStringLiteral("d MMMM yyyy"))));
    // Half-days inside an internship come proposed as "in internship".
    m_register->setWeek(*week);
    m_save->setEnabled(m_register->hasPending());
    int row = 0;
    for (int r = 0; r < week->trainees.size(); ++r)
        row = week->trainees.at(r).traineeId == wasTrainee ? r : row;
    const int column = wasTrainee != 0 && wasMonday == m_monday ? std::max(0, was.column()) : 0;
    if (m_register->rowCount() > 0)
        m_table->setCurrentIndex(m_register->index(row, column));
}

void AttendancePage::mark(int row, int column, std::optional<AttendanceCode> code)
{
    if (!m_register->isEnrolled(row, column))
        return;
    // A presence on a half-day still to come is refused as it is typed.
    const auto allowed =
        m_session.service<AttendanceService>().checkNotAhead(m_register->cell(row, column, code));
    if (!allowed) {
        m_banner->showMessage(MessageBanner::Kind::Warning, allowed.error().message);
        m_banner->show();
        return;
    }
    m_register->mark(row, column, code);
    m_save->setEnabled(m_register->hasPending());
}

bool AttendancePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const int row = m_table->currentIndex().row();
    const int column = m_table->currentIndex().column();
    if (row < 0 || column < 0)
        return false;
    std::optional<AttendanceCode> code; // none: Delete or Backspace clears
    const bool clear = key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace;
    if (!clear) {
        const QString text = QKeySequence(key->key()).toString();
        if (text.size() == 1)
            code = AttendanceService::codeForKey(text.at(0));
        if (!code)
            return false; // arrows, Tab, shortcuts: the table's own
    }
    const Qt::KeyboardModifiers mods = key->modifiers();
    QList<int> columns;
    if ((mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier)) {
        for (int c = 0; c < 10; ++c)
            columns << c;
    } else if (mods & Qt::ShiftModifier) {
        columns << column - column % 2 << column - column % 2 + 1;
    } else if (mods == Qt::NoModifier || mods == Qt::KeypadModifier) {
        columns << column;
    } else {
        return false;
    }
    for (int c : columns)
        mark(row, c, code);
    // Move on: to the next half-day, or the next trainee for a day/week.
    if (columns.size() == 1 && column < RegisterModel::HalfDays - 1)
        m_table->setCurrentIndex(m_register->index(row, column + 1));
    else if (columns.size() > 1 && row + 1 < m_register->rowCount())
        m_table->setCurrentIndex(m_register->index(row + 1, column));
    return true;
}

bool AttendancePage::save()
{
    if (!m_register->hasPending())
        return true;
    const QList<AttendanceCell> cells = m_register->pending();
    const qint64 sectionId = m_section->currentData().toLongLong();
    if (auto r = m_session.service<AttendanceService>().record(sectionId, cells); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    load(); // on the half-day the trainer was
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The attendance of the week was saved."));
    return true;
}

bool AttendancePage::askToSave()
{
    if (!m_register->hasPending())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved attendance"), tr("The attendance of this week was changed. Save it?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    m_register->clear();
    return true;
}

Status AttendancePage::setTimetable(const Timetable& timetable, const QDate& from)
{
    const qint64 sectionId = m_section->currentData().toLongLong();
    auto changed = m_session.service<AttendanceService>().setTimetable(sectionId, timetable, from);
    if (!changed)
        return std::unexpected(changed.error());
    load();
    m_banner->showMessage(
        MessageBanner::Kind::Success,
        tr("The timetable applies from %1 (%n half-day(s) already recorded follow it).", nullptr, *changed)
            .arg(text::frenchDate(from)));
    return {};
}

void AttendancePage::editTimetable()
{
    if (!askToSave() || m_section->currentData().toLongLong() == 0)
        return;
    FormDialog dialog(tr("Timetable of %1").arg(m_section->currentText()), this);
    dialog.form()->addRow(
        new QLabel(tr("Tick the half-days spent in class; the others are spent in the workshop."), &dialog));
    QList<QCheckBox*> slots_;
    const QLocale locale;
    for (int day = 0; day < 5; ++day) {
        auto* row = new QWidget(&dialog);
        auto* line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        for (Half half : {Half::Morning, Half::Afternoon}) {
            auto* box = new QCheckBox(half == Half::Morning ? tr("morning") : tr("afternoon"), row);
            box->setChecked(
                week().timetable.classSlots.contains(day * 2 + (half == Half::Afternoon ? 1 : 0)));
            line->addWidget(box);
            slots_ << box;
        }
        line->addStretch(1);
        dialog.addRow(locale.dayName(day + 1), row);
    }
    DateField* from = FormDialog::dateField(m_monday, &dialog);
    dialog.addRow(tr("Applies from"), from);
    dialog.setAction([this, slots_, from]() -> Status {
        Timetable timetable;
        for (int i = 0; i < slots_.size(); ++i) {
            if (slots_.at(i)->isChecked())
                timetable.classSlots << i;
        }
        return setTimetable(timetable, from->date());
    });
    dialog.exec();
}

} // namespace etabli
