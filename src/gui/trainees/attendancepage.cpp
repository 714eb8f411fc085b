#include "gui/trainees/attendancepage.h"

#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/schoolservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

namespace {

QString keyOf(qint64 traineeId, const QDate& day, Half half)
{
    return QStringLiteral("%1|%2|%3").arg(traineeId).arg(day.toString(Qt::ISODate), halfCode(half));
}

QColor colourOf(const QString& code)
{
    if (code == QLatin1String("present"))
        return QColor(0xdf, 0xf2, 0xe1);
    if (code == QLatin1String("late"))
        return QColor(0xfd, 0xf0, 0xc8);
    if (code == QLatin1String("excused"))
        return QColor(0xdd, 0xe8, 0xf7);
    if (code == QLatin1String("unexcused"))
        return QColor(0xf8, 0xd7, 0xd7);
    if (code == QLatin1String("internship"))
        return QColor(0xe8, 0xe0, 0xf5);
    if (code == QLatin1String("excluded"))
        return QColor(0xd0, 0xd0, 0xd0);
    return QColor(Qt::white);
}

} // namespace

AttendancePage::AttendancePage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_section(new QComboBox(this)),
      m_weekLabel(new QLabel(this)), m_table(new QTableWidget(this)),
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
    m_table->setColumnCount(10);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(allPresent);
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
            showWeek(m_section->currentData().toLongLong(), m_week.monday.addDays(-7));
    });
    connect(next, &QPushButton::clicked, this, [this]() {
        if (askToSave())
            showWeek(m_section->currentData().toLongLong(), m_week.monday.addDays(7));
    });
    connect(thisWeek, &QPushButton::clicked, this, [this]() {
        if (askToSave())
            showWeek(m_section->currentData().toLongLong(), m_session.clock().today());
    });
    connect(allPresent, &QPushButton::clicked, this, [this]() {
        for (int r = 0; r < m_table->rowCount(); ++r) {
            for (int c = 0; c < 10; ++c) {
                if (m_table->item(r, c) && (m_table->item(r, c)->flags() & Qt::ItemIsEnabled) &&
                    codeAt(r, c).isEmpty())
                    setCell(r, c, QStringLiteral("present"));
            }
        }
    });
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
    m_week.monday = WeekRegister::mondayOf(m_session.clock().today());
    reloadSections();
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
    m_week.monday = WeekRegister::mondayOf(m_session.clock().today());
    load();
}

void AttendancePage::showWeek(qint64 sectionId, const QDate& anyDay)
{
    {
        const QSignalBlocker block(m_section);
        m_section->setCurrentIndex(std::max(0, m_section->findData(sectionId)));
    }
    m_week.monday = WeekRegister::mondayOf(anyDay);
    load();
}

QDate AttendancePage::dayOf(int column) const
{
    return m_week.monday.addDays(column / 2);
}

Half AttendancePage::halfOf(int column)
{
    return column % 2 == 0 ? Half::Morning : Half::Afternoon;
}

void AttendancePage::load()
{
    m_pending.clear();
    m_recorded.clear();
    m_save->setEnabled(false);
    m_table->setRowCount(0);
    const qint64 sectionId = m_section->currentData().toLongLong();
    if (sectionId == 0)
        return;
    auto week = AttendanceService(m_session.database(), m_session.clock(), m_session.user())
                    .week(sectionId, m_week.monday);
    if (!week) {
        m_banner->showMessage(MessageBanner::Kind::Error, week.error().message);
        return;
    }
    m_banner->hide();
    m_week = *week;
    const QLocale locale;
    m_weekLabel->setText(tr("Week of %1").arg(locale.toString(m_week.monday, QStringLiteral("d MMMM yyyy"))));
    QStringList headers;
    for (const QDate& d : m_week.days()) {
        const QString day = locale.toString(d, QStringLiteral("ddd dd/MM"));
        headers << tr("%1\nmorning").arg(day) << tr("%1\nafternoon").arg(day);
    }
    m_table->setHorizontalHeaderLabels(headers);
    for (const AttendanceCell& c : m_week.cells)
        m_recorded.insert(keyOf(c.traineeId, c.day, c.half), c.code);
    m_table->setRowCount(static_cast<int>(m_week.trainees.size()));
    QStringList names;
    for (int r = 0; r < m_week.trainees.size(); ++r) {
        const auto& t = m_week.trainees.at(r);
        names << QStringLiteral("%1 %2").arg(t.lastName.toUpper(), t.firstName);
        for (int c = 0; c < 10; ++c) {
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            const QDate day = dayOf(c);
            const bool enrolled = day >= t.entry && (!t.exit.isValid() || day <= t.exit);
            item->setFlags(enrolled ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
            m_table->setItem(r, c, item);
        }
    }
    m_table->setVerticalHeaderLabels(names);
    // Half-days inside an internship default to "in internship".
    for (const AttendanceCell& s : m_week.internshipSuggestions) {
        for (int r = 0; r < m_week.trainees.size(); ++r) {
            if (m_week.trainees.at(r).traineeId != s.traineeId)
                continue;
            const int c =
                static_cast<int>(m_week.monday.daysTo(s.day)) * 2 + (s.half == Half::Afternoon ? 1 : 0);
            setCell(r, c, s.code);
        }
    }
    for (int r = 0; r < m_table->rowCount(); ++r)
        for (int c = 0; c < 10; ++c)
            paintCell(r, c);
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
}

QString AttendancePage::codeAt(int row, int column) const
{
    const auto& t = m_week.trainees.at(row);
    const QString key = keyOf(t.traineeId, dayOf(column), halfOf(column));
    return m_pending.contains(key) ? m_pending.value(key) : m_recorded.value(key);
}

void AttendancePage::paintCell(int row, int column)
{
    QTableWidgetItem* item = m_table->item(row, column);
    if (!item)
        return;
    if (!(item->flags() & Qt::ItemIsEnabled)) {
        item->setBackground(QColor(0xee, 0xee, 0xee));
        item->setToolTip(tr("Not enrolled that day"));
        return;
    }
    const QString code = codeAt(row, column);
    item->setText(code.isEmpty() ? QString() : QString(AttendanceService::codeKey(code)));
    item->setBackground(colourOf(code));
    item->setToolTip(AttendanceService::codeLabel(code));
    QFont f = item->font();
    const auto& t = m_week.trainees.at(row);
    f.setItalic(m_pending.contains(keyOf(t.traineeId, dayOf(column), halfOf(column))));
    item->setFont(f);
}

void AttendancePage::setCell(int row, int column, const QString& code)
{
    QTableWidgetItem* item = m_table->item(row, column);
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    const auto& t = m_week.trainees.at(row);
    // A presence on a half-day still to come is refused as it is typed.
    const auto allowed =
        AttendanceService(m_session.database(), m_session.clock(), m_session.user())
            .checkNotAhead(AttendanceCell{t.traineeId, dayOf(column), halfOf(column), code, {}});
    if (!allowed) {
        m_banner->showMessage(MessageBanner::Kind::Warning, allowed.error().message);
        m_banner->show();
        return;
    }
    const QString key = keyOf(t.traineeId, dayOf(column), halfOf(column));
    if (m_recorded.value(key) == code)
        m_pending.remove(key);
    else
        m_pending.insert(key, code);
    paintCell(row, column);
    m_save->setEnabled(!m_pending.isEmpty());
}

bool AttendancePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const int row = m_table->currentRow();
    const int column = m_table->currentColumn();
    if (row < 0 || column < 0)
        return false;
    QString code;
    bool clear = key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace;
    if (!clear) {
        const QString text = QKeySequence(key->key()).toString();
        if (text.size() == 1)
            code = AttendanceService::codeForKey(text.at(0));
        if (code.isEmpty())
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
        setCell(row, c, clear ? QString() : code);
    // Move on: to the next half-day, or the next trainee for a day/week.
    if (columns.size() == 1 && column < 9)
        m_table->setCurrentCell(row, column + 1);
    else if (columns.size() > 1 && row + 1 < m_table->rowCount())
        m_table->setCurrentCell(row + 1, column);
    return true;
}

bool AttendancePage::save()
{
    if (m_pending.isEmpty())
        return true;
    QList<AttendanceCell> cells;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('|'));
        cells << AttendanceCell{parts.at(0).toLongLong(),
                                QDate::fromString(parts.at(1), Qt::ISODate),
                                halfFromCode(parts.at(2)),
                                it.value(),
                                {}};
    }
    const qint64 sectionId = m_section->currentData().toLongLong();
    if (auto r = AttendanceService(m_session.database(), m_session.clock(), m_session.user())
                     .record(sectionId, cells);
        !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    const int row = m_table->currentRow();
    const int column = m_table->currentColumn();
    load();
    m_table->setCurrentCell(row, column);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The attendance of the week was saved."));
    return true;
}

bool AttendancePage::askToSave()
{
    if (m_pending.isEmpty())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved attendance"), tr("The attendance of this week was changed. Save it?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    m_pending.clear();
    return true;
}

} // namespace etabli
