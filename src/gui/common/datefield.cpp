#include "gui/common/datefield.h"

#include "gui/common/messagebanner.h"
#include "util/text.h"

#include <QAction>
#include <QCalendarWidget>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace etabli {

DateField::DateField(QWidget* parent) : DateField(QDate(), Kind::Required, parent) {}

DateField::DateField(const QDate& value, Kind kind, QWidget* parent) : QLineEdit(parent), m_kind(kind)
{
    setPlaceholderText(tr("dd/mm/yyyy"));
    setMaxLength(10);
    // Wide enough for "00/00/0000" and the button, not more.
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) + 40);
    setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) + 60);
    QAction* open =
        addAction(style()->standardIcon(QStyle::SP_FileDialogDetailedView), QLineEdit::TrailingPosition);
    open->setToolTip(tr("Calendar (Alt+Down)"));
    connect(open, &QAction::triggered, this, &DateField::openCalendar);
    connect(this, &QLineEdit::textEdited, this, &DateField::onTextEdited);
    setDate(value);
}

QDate DateField::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

QDate DateField::date() const
{
    const QDate d = text::parseTypedDate(text(), today());
    if (!d.isValid())
        return {};
    if ((m_first.isValid() && d < m_first) || (m_last.isValid() && d > m_last))
        return {};
    return d;
}

void DateField::setDate(const QDate& day)
{
    setText(day.isValid() ? text::frenchDate(day) : QString());
    showProblem();
    if (date() != m_emitted) {
        m_emitted = date();
        Q_EMIT dateChanged(m_emitted);
    }
}

void DateField::setKind(Kind kind)
{
    m_kind = kind;
    showProblem();
}

void DateField::setDateRange(const QDate& first, const QDate& last)
{
    m_first = first;
    m_last = last;
}

QString DateField::problem() const
{
    if (isEmpty())
        return m_kind == Kind::Required ? tr("Enter the date (dd/mm/yyyy).") : QString();
    const QDate d = text::parseTypedDate(text(), today());
    if (!d.isValid())
        return tr("“%1” is not a date: type it as 12/03/2011.").arg(text().trimmed());
    if (m_first.isValid() && d < m_first)
        return tr("The date cannot be before %1.").arg(text::frenchDate(m_first));
    if (m_last.isValid() && d > m_last)
        return tr("The date cannot be after %1.").arg(text::frenchDate(m_last));
    return {};
}

QString DateField::namedProblem() const
{
    const QString why = problem();
    if (why.isEmpty())
        return why;
    for (const QLabel* label : window()->findChildren<QLabel*>()) {
        if (label->buddy() != this)
            continue;
        QString name = label->text().remove(QLatin1Char('&')).trimmed();
        if (name.endsWith(QLatin1Char(':')))
            name.chop(1);
        return tr("%1: %2").arg(name.trimmed(), why);
    }
    return why;
}

DateField* DateField::firstWrong(QWidget* root)
{
    for (DateField* field : root->findChildren<DateField*>()) {
        if (field->isHidden() || !field->isEnabled() || field->problem().isEmpty())
            continue;
        // On a tab not shown: show it first.
        for (QWidget* w = field; w && w != root; w = w->parentWidget())
            if (auto* stack = qobject_cast<QStackedWidget*>(w->parentWidget()))
                stack->setCurrentWidget(w);
        field->showProblem();
        field->setFocus();
        field->selectAll();
        return field;
    }
    return nullptr;
}

bool DateField::reportWrong(QWidget* root, MessageBanner* banner)
{
    DateField* wrong = firstWrong(root);
    if (!wrong)
        return false;
    banner->showMessage(MessageBanner::Kind::Error, wrong->namedProblem());
    banner->show();
    return true;
}

void DateField::onTextEdited()
{
    const QDate d = date();
    // While typing, only a whole day (or an emptied field) is news.
    if (d != m_emitted && (d.isValid() || isEmpty())) {
        m_emitted = d;
        Q_EMIT dateChanged(d);
    }
    if (problem().isEmpty())
        showProblem();
}

void DateField::showProblem()
{
    const QString why = isEmpty() ? QString() : problem();
    setToolTip(why);
    setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #fdecea; }"));
}

void DateField::focusOutEvent(QFocusEvent* event)
{
    // Shown back as the French write it once the user leaves it.
    if (const QDate d = date(); d.isValid() && text() != text::frenchDate(d))
        setText(text::frenchDate(d));
    showProblem();
    QLineEdit::focusOutEvent(event);
}

void DateField::keyPressEvent(QKeyEvent* event)
{
    const bool alt = event->modifiers() & Qt::AltModifier;
    if ((alt && event->key() == Qt::Key_Down) || event->key() == Qt::Key_F4) {
        openCalendar();
        return;
    }
    const QDate d = date();
    if (d.isValid() && !alt) {
        int days = 0;
        int months = 0;
        switch (event->key()) {
        case Qt::Key_Up:
            days = 1;
            break;
        case Qt::Key_Down:
            days = -1;
            break;
        case Qt::Key_PageUp:
            months = 1;
            break;
        case Qt::Key_PageDown:
            months = -1;
            break;
        default:
            break;
        }
        if (days != 0 || months != 0) {
            const QDate moved = d.addDays(days).addMonths(months);
            if ((!m_first.isValid() || moved >= m_first) && (!m_last.isValid() || moved <= m_last))
                setDate(moved);
            return;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void DateField::openCalendar()
{
    if (!m_calendar) {
        auto* popup = new QFrame(this, Qt::Popup);
        popup->setObjectName(QStringLiteral("dateFieldPopup"));
        popup->setFrameShape(QFrame::StyledPanel);
        auto* layout = new QVBoxLayout(popup);
        layout->setContentsMargins(2, 2, 2, 2);
        m_calendar = new QCalendarWidget(popup);
        m_calendar->setGridVisible(true);
        m_calendar->setFirstDayOfWeek(Qt::Monday);
        layout->addWidget(m_calendar);
        connect(m_calendar, &QCalendarWidget::activated, this, [this, popup](const QDate& day) {
            setDate(day);
            popup->hide();
            setFocus();
        });
        connect(m_calendar, &QCalendarWidget::clicked, m_calendar, &QCalendarWidget::activated);
    }
    if (m_first.isValid() || m_last.isValid())
        m_calendar->setDateRange(m_first.isValid() ? m_first : QDate(1900, 1, 1),
                                 m_last.isValid() ? m_last : QDate(2999, 12, 31));
    const QDate shown = date().isValid() ? date() : (m_calendarStart.isValid() ? m_calendarStart : today());
    m_calendar->setSelectedDate(shown);
    m_calendar->setCurrentPage(shown.year(), shown.month());
    QWidget* popup = m_calendar->parentWidget();
    popup->adjustSize();
    popup->move(mapToGlobal(QPoint(0, height())));
    popup->show();
    m_calendar->setFocus();
}

} // namespace etabli
