#pragma once

#include <QComboBox>

namespace etabli {

class Session;

// The financial years to choose from: those opened, and the current one
// even before it is. Carries the calendar year each starts in.
class YearCombo final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YearCombo)

public:
    explicit YearCombo(Session& session, QWidget* parent = nullptr);
    // Reads the years again, keeping the choice when it still exists.
    void refresh();
    int startYear() const;
    // The stored year's id (0 when not opened yet).
    qint64 yearId() const;

private:
    Session& m_session;
};

} // namespace etabli
