#pragma once

#include "domain/catalogue.h"
#include "domain/production.h"

#include <functional>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;

namespace etabli {

class ChoiceListModel;
class DateField;
class EntryMaterialsModel;
class EntryOutputsModel;
class EntryTraineesModel;
class MessageBanner;
class Session;

// "Saisie du jour": the quick entry of the production log, made for the
// workshop PC. Today and the trainer's own section come preselected; the
// trainees of the section are listed with a tick (Space) and their hours;
// catalogue items are found by code or by words as one types; Ctrl+S saves.
// The same form opens a past entry to correct it. Its tables are views of
// the models in productionentrymodels.h, which hold what the trainer typed.
class ProductionEntryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionEntryPage)

public:
    explicit ProductionEntryPage(Session& session, QWidget* parent = nullptr);

    // Opens a stored entry for correction (read-only when the user may not change it).
    void openEntry(qint64 id);
    // A blank entry (keeps the section, the day and the kind).
    void newEntry();
    bool save();

    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }

    QTableView* traineesTable() const { return m_trainees; }
    QTableView* outputsTable() const { return m_outputs; }
    EntryTraineesModel* traineesModel() const { return m_traineeRows; }
    EntryOutputsModel* outputsModel() const { return m_outputRows; }
    EntryMaterialsModel* materialsModel() const { return m_materialRows; }
    ChoiceListModel* skillsModel() const { return m_skillRows; }
    QLineEdit* articleField() const { return m_article; }
    QLineEdit* quantityField() const { return m_quantity; }
    qint64 currentEntryId() const { return m_entryId; }
    QString statusText() const;

Q_SIGNALS:
    void saved(qint64 id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reloadSections();
    void sectionChanged();
    void reloadTrainees();
    void reloadOrders();
    void addOutput();
    void removeSelectedOutput();
    void addMaterial();
    void updateTitle();
    bool collect(ProductionEntry& entry);
    qint64 sectionId() const;
    void setReadOnly(bool readOnly);

    Session& m_session;
    QLabel* m_title;
    MessageBanner* m_banner;
    QComboBox* m_section;
    DateField* m_day;
    QComboBox* m_kind;
    QLineEdit* m_reference;
    QComboBox* m_order;
    QComboBox* m_trainer;
    EntryTraineesModel* m_traineeRows;
    EntryOutputsModel* m_outputRows;
    EntryMaterialsModel* m_materialRows;
    ChoiceListModel* m_skillRows;
    QTableView* m_trainees;
    QLineEdit* m_article;
    QLineEdit* m_quantity;
    QComboBox* m_unit;
    QPushButton* m_addOutput;
    QTableView* m_outputs;
    QTableView* m_materials;
    QListView* m_skills;
    QLineEdit* m_notes;
    QPushButton* m_save;
    QPushButton* m_new;
    QLabel* m_total;

    QList<CatalogueItem> m_catalogue;
    qint64 m_entryId = 0;
    int m_version = 0;
    ProductionEntry m_loaded; // the entry being corrected: its trainees and lines
    std::function<bool(const QString&)> m_confirm;
};

} // namespace etabli
