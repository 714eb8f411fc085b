#pragma once

#include "reports/indicators.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTableWidget;

namespace etabli {

class MessageBanner;
class Session;

// "Rapports": a school year's indicators for the whole school or one
// section, beside the year before, as the funders ask for them; the JSON
// the scripts read is one button away.
class ReportsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsPage)

public:
    explicit ReportsPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableWidget* table() const { return m_table; }
    QComboBox* yearCombo() const { return m_year; }
    QComboBox* sectionCombo() const { return m_section; }
    const Indicators& indicators() const { return m_indicators; }

private:
    void saveJson();
    // Several values are saved one by one: a refusal names the value and
    // keeps the dialog open; those already saved stay (each is independent).
    void editReferences();

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_year;
    QComboBox* m_section;
    QTableWidget* m_table;
    QPushButton* m_references = nullptr;
    Indicators m_indicators;
};

} // namespace etabli
