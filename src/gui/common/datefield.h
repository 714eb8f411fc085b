#pragma once

#include <QDate>
#include <QLineEdit>

class QCalendarWidget;

namespace etabli {

class MessageBanner;

// The one date editor of every form: a line the user types a day into as
// they would write it ("12032011", "12/3/11", "12/03/2011", "2011-03-12"),
// shown back as 12/03/2011 when they leave it, and a calendar button that
// is not a Tab stop (Alt+Down or F4 open it too). An optional date may stay
// empty; nothing changes the date but the user: no wheel, no default
// written in behind their back. Up and Down move a typed date by a day.
class DateField final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateField)

public:
    enum class Kind
    {
        Required, // empty is "not filled in" (problem() says so)
        Optional, // empty is "no date"
    };

    explicit DateField(QWidget* parent = nullptr);
    DateField(const QDate& value, Kind kind, QWidget* parent);

    // The day typed, or a null date when empty or not a day.
    QDate date() const;
    // Shows the day as dd/MM/yyyy; a null date empties the field.
    void setDate(const QDate& date);

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    // Where the calendar opens while the field is empty (default: today);
    // for a birth date, sixteen years ago.
    void setCalendarStart(const QDate& day) { m_calendarStart = day; }
    // Days outside are refused (problem() names the range).
    void setDateRange(const QDate& first, const QDate& last);
    // "Today" for two-digit years and the calendar (tests fix it).
    void setToday(const QDate& today) { m_today = today; }

    // What is wrong with what was typed, in French; empty when it is a day
    // in range, or empty and optional.
    QString problem() const;
    bool isEmpty() const { return text().trimmed().isEmpty(); }
    // The problem preceded by the field's label ("Date du don : …").
    QString namedProblem() const;

    // The first date field in `root` whose text is not an acceptable day,
    // brought into view (its tab shown) and focused; null when all are right.
    static DateField* firstWrong(QWidget* root);
    // The same, its problem shown in `banner`: true when a date is wrong
    // (the caller saves nothing).
    static bool reportWrong(QWidget* root, MessageBanner* banner);

    // Opens the calendar under the field (also Alt+Down, F4).
    void openCalendar();
    QCalendarWidget* calendar() const { return m_calendar; }

Q_SIGNALS:
    // The day changed (a null date when emptied or not a day yet).
    void dateChanged(const QDate& date);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    QDate today() const;
    void onTextEdited();
    void showProblem();

    Kind m_kind = Kind::Required;
    QDate m_first;
    QDate m_last;
    QDate m_calendarStart;
    QDate m_today;
    QDate m_emitted;
    QCalendarWidget* m_calendar = nullptr;
};

} // namespace etabli
