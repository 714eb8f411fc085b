#include "gui/common/schoolyearbox.h"

#include <QRegularExpression>

namespace etabli {

namespace {

const QRegularExpression& yearPattern()
{
    // "2026", "2026-", "2026-2027" (the second year is the first plus one, rewritten on leaving).
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{0,4})(\\s*[-–/]\\s*\\d{0,4})?\\s*$"));
    return pattern;
}

} // namespace

SchoolYearBox::SchoolYearBox(QWidget* parent) : QSpinBox(parent)
{
    setRange(2000, 2100);
}

QString SchoolYearBox::textFromValue(int value) const
{
    return QStringLiteral("%1-%2").arg(value).arg(value + 1);
}

int SchoolYearBox::valueFromText(const QString& text) const
{
    const auto match = yearPattern().match(text);
    return match.hasMatch() ? match.captured(1).toInt() : value();
}

QValidator::State SchoolYearBox::validate(QString& text, int& pos) const
{
    Q_UNUSED(pos)
    const auto match = yearPattern().match(text);
    if (!match.hasMatch())
        return QValidator::Invalid;
    const QString first = match.captured(1);
    if (first.size() < 4)
        return QValidator::Intermediate;
    const int year = first.toInt();
    return year >= minimum() && year <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

} // namespace etabli
