#pragma once

#include "domain/catalogue.h"
#include "domain/production.h"
#include "domain/section.h"
#include "gui/common/rowstablemodel.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;
class QSpinBox;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// "Catalogue et compétences": for each workshop, its places and half-day
// length, what it makes and sells (code, label, unit, price excluding VAT,
// VAT rate) and the skills its trainees practise.
class CataloguePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CataloguePage)

public:
    explicit CataloguePage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* itemsTable() const { return m_items; }
    QListView* skillsList() const { return m_skills; }

private:
    void reloadSections();
    bool editItem(CatalogueItem& item);
    void addItem();
    void changeCurrentItem();
    void addSkill();
    void toggleSkill();
    void saveSection();
    qint64 sectionId() const;

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_section;
    QSpinBox* m_capacity;
    QSpinBox* m_halfDay;
    ColumnsModel<CatalogueItem>* m_itemRows;
    ColumnsModel<Skill>* m_skillRows;
    QTableView* m_items;
    QListView* m_skills;
    QLineEdit* m_newSkill;
    QList<Section> m_sections;
};

} // namespace etabli
