#pragma once

#include "services/personaldataservice.h"
#include "storage/traineerepository.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace etabli {

class MessageBanner;
class Session;

// "Données personnelles" (direction): export what is held about a person,
// and the retention rule, previewed before it is applied.
class PersonalDataPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonalDataPage)

public:
    explicit PersonalDataPage(Session& session, QWidget* parent = nullptr);
    void reload();
    MessageBanner* banner() const { return m_banner; }

    // The actions without their file or confirmation dialogs (tests).
    // The person chosen in the results, exported to `directory`.
    QStringList exportChosenTo(const QString& directory);
    bool saveRetention(const PersonalDataService::Retention& rule);
    int previewRetention(); // number of records listed
    int applyPreviewed();   // number anonymised

private:
    void search();
    void exportSelectedPerson();
    void exportSelectedAccount();
    void confirmAndApply();

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_kind;
    QLineEdit* m_search;
    QListWidget* m_results;
    QList<PersonalDataService::Person> m_people; // the results, in the list's order
    QComboBox* m_accounts;
    QSpinBox* m_traineeYears;
    QSpinBox* m_invoiceYears;
    QSpinBox* m_candidateMonths;
    QListWidget* m_preview;
    QLabel* m_previewLabel;
    QPushButton* m_apply;
    QList<qint64> m_previewIds;
};

} // namespace etabli
