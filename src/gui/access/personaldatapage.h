#pragma once

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
    QStringList exportTraineeTo(qint64 traineeId, const QString& directory);
    bool saveRetention(int traineeYears, int invoiceYears);
    int previewRetention(); // number of records listed
    int applyPreviewed();   // number anonymised

private:
    void search();
    void exportSelectedTrainee();
    void exportSelectedAccount();
    void confirmAndApply();

    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QListWidget* m_results;
    QComboBox* m_accounts;
    QSpinBox* m_traineeYears;
    QSpinBox* m_invoiceYears;
    QListWidget* m_preview;
    QLabel* m_previewLabel;
    QPushButton* m_apply;
    QList<qint64> m_previewIds;
};

} // namespace etabli
