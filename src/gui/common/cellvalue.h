#pragma once

#include "domain/money.h"

#include <QDate>
#include <QVariant>

namespace etabli {

// Beside what a cell of a list shows (its text, in French), the value a
// spreadsheet computes with, asked by this role when a list is saved as a
// workbook: a QDate for a day, Money (cellValue) for an amount, an integer
// for a count, a double for hours. A cell without one is written as its
// text. Models answer it from their typed rows, never from the text shown.
inline constexpr int CellValueRole = Qt::UserRole + 64;

inline QVariant cellValue(const Money& amount)
{
    return QVariant::fromValue(amount);
}

inline QVariant cellValue(const QDate& day)
{
    return day.isValid() ? QVariant(day) : QVariant();
}

} // namespace etabli
