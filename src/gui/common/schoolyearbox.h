#pragma once

#include <QSpinBox>

namespace etabli {

// A school year chosen by its first calendar year, shown as the lists show
// it ("2026-2027"); typing "2026" or "2026-2027" gives the same year.
class SchoolYearBox final : public QSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchoolYearBox)

public:
    explicit SchoolYearBox(QWidget* parent = nullptr);

protected:
    QString textFromValue(int value) const override;
    int valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
};

} // namespace etabli
