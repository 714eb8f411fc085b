#pragma once

#include "gui/common/rowstablemodel.h"
#include "print/reportbuilder.h"
#include "reports/indicators.h"
#include "util/error.h"

#include <memory>
#include <optional>
#include <QWidget>

class QComboBox;
class QListView;
class QPushButton;
class QTableView;

namespace etabli {

class DateField;

namespace print {
class ReportBuilder;
struct Printable;
} // namespace print

class MessageBanner;
class Session;
class YearCombo;

// "Rapports": a school year's indicators for the whole school or one
// section, beside the year before, as the funders ask for them; the JSON
// the scripts read is one button away. Below, the printed reports
// (activity, indicators, financial, a subsidy's account, sign-in sheets,
// the funder pack): their texts, preview and printing, PDF.
class ReportsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsPage)

public:
    explicit ReportsPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* table() const { return m_table; }
    QComboBox* yearCombo() const { return m_year; }
    QComboBox* sectionCombo() const { return m_section; }
    const Indicators& indicators() const { return m_indicators; }

    enum class Document
    {
        Activity,
        Indicators,
        Financial,
        Grant,
        Attendance,
        Pack
    };
    QComboBox* documentCombo() const { return m_document; }
    ChoiceListModel* subsidyList() const { return m_subsidyChoices; }
    YearCombo* financialYearCombo() const { return m_financialYear; }
    QString bannerText() const;
    // Gathers the chosen report's data off the GUI thread and lays it out;
    // null (and the banner says why) when refused, missing or cancelled.
    std::unique_ptr<print::Printable> makeDocument();
    // The same report laid out (its tables kept), or none.
    std::optional<print::ReportBuilder> makeReport();
    // The chosen report's tables as an Excel workbook, a sheet each.
    Status writeWorkbook(const QString& path);
    // Opens the narrative's editor for the chosen school year.
    void editNarrative();

private:
    void saveJson();
    void saveWorkbook();
    QWidget* buildDocumentsBox();
    void documentChanged();
    void refreshSubsidies();
    QString documentFileName() const;
    // Several values are saved one by one: a refusal names the value and
    // keeps the dialog open; those already saved stay (each is independent).
    void editReferences();

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_year;
    QComboBox* m_section;
    ColumnsModel<IndicatorRow>* m_rows;
    QTableView* m_table;
    QPushButton* m_references = nullptr;
    Indicators m_indicators;
    QComboBox* m_document = nullptr;
    YearCombo* m_financialYear = nullptr;
    ChoiceListModel* m_subsidyChoices = nullptr;
    QListView* m_subsidies = nullptr;
    DateField* m_from = nullptr;
    DateField* m_to = nullptr;
    QWidget* m_yearRow = nullptr;
    QWidget* m_subsidyRow = nullptr;
    QWidget* m_periodRow = nullptr;
    QPushButton* m_narrative = nullptr;
    bool m_financialYearChosen = false;
};

} // namespace etabli
