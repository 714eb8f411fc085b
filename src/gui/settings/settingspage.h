#pragma once

#include "domain/legal.h"
#include "domain/school.h"
#include "domain/section.h"

#include <memory>
#include <QWidget>

class QLineEdit;

namespace Ui {
class SettingsPage;
}

namespace etabli {

class AppSettings;
class MessageBanner;
class Session;

// "Paramètres": the school's identity and its database settings, the list of
// sections, and this computer's preferences. Writes go through SchoolService.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    SettingsPage(Session& session, AppSettings& settings, QWidget* parent = nullptr);
    ~SettingsPage() override;

    bool hasUnsavedChanges() const { return m_dirty; }
    // Validates and saves; shows the outcome in the banner.
    bool save();
    // Scrolls to the workshops and puts the focus on "Add" ("Premiers pas").
    void showSections();
    void reload();
    MessageBanner* banner() const { return m_banner; }

private:
    void fillForm(const SchoolIdentity& identity);
    SchoolIdentity readForm() const;
    void reloadSections();
    void updateSectionButtons();
    void markDirty();
    void chooseLogo();
    void showLogo();
    void addSection();
    void renameSection();
    void toggleSection();
    void deleteSection();
    // Ticks the certifications the current section prepares.
    void editPreparedCertifications();
    // The accounts the accountant's file books on (decision 70).
    void editChartOfAccounts();
    const Section* currentSection() const;
    void showVatExplanation();
    // The legal amounts' rows (label, amount, year, source), in allOf<LegalAmountKind>() order.
    struct LegalRow
    {
        QLineEdit* amount = nullptr;
        QLineEdit* year = nullptr; // not a spin box: scrolling the page must not change it
        QLineEdit* source = nullptr;
    };
    void fillLegalAmounts();
    bool saveLegalAmounts();

    std::unique_ptr<Ui::SettingsPage> m_ui;
    Session& m_session;
    AppSettings& m_settings;
    MessageBanner* m_banner;
    SchoolIdentity m_loaded;
    QByteArray m_logo;
    QString m_logoMime;
    QList<Section> m_sectionList;
    QList<LegalAmount> m_legalAmounts;
    QList<LegalRow> m_legalRows;
    bool m_dirty = false;
    bool m_filling = false;
};

} // namespace etabli
