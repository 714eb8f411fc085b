#pragma once

#include <QDate>
#include <QWidget>

namespace etabli {

class DateField;

// "Du [date] au [date]": the period of a list or of figures, with calendar
// pop-ups and French dates. `changed` fires when the user changes a date.
class PeriodEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodEdit)

public:
    PeriodEdit(const QDate& from, const QDate& to, QWidget* parent = nullptr);
    QDate from() const;
    QDate to() const;
    // Sets both dates without emitting `changed`.
    void setPeriod(const QDate& from, const QDate& to);
    // "du 01/09/2026 au 03/12/2026", as a list's title says it.
    QString text() const;
    DateField* fromEdit() const { return m_from; }
    DateField* toEdit() const { return m_to; }

Q_SIGNALS:
    void changed();

private:
    DateField* m_from;
    DateField* m_to;
};

} // namespace etabli
