#pragma once

#include "domain/learning.h"
#include "gui/common/rowstablemodel.h"
#include "gui/common/sheetimportdialog.h"
#include "util/error.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QTreeView;

namespace etabli {

class ChoiceListModel;
class FrameworkTreeModel;
class MessageBanner;
class Session;

// Loading a certification's framework from a spreadsheet "bloc;code;
// compétence;critère": its blocks and competences previewed, then loaded
// (matched by code: what the trainees were evaluated on stays).
class FrameworkImportDialog final : public SheetImportDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameworkImportDialog)

public:
    FrameworkImportDialog(Session& session, qint64 certificationId, const QString& certification,
                          QWidget* parent = nullptr);
    QString summary() const override;

protected:
    Status read(const QByteArray& bytes, const Progress& progress) override;
    Status write(bool skipInvalid, const Progress& progress) override;
    int readyCount() const override;
    int refusedCount() const override { return 0; }

private:
    struct Line
    {
        QString block;
        QString code;
        QString title;
        QStringList criteria;
    };
    Session& m_session;
    qint64 m_certificationId;
    QList<CompetenceBlock> m_blocks;
    ColumnsModel<Line>* m_lines;
};

// "Référentiels" (direction): a certification's framework — blocks,
// competences and their criteria — loaded from a spreadsheet or typed, and
// the workshop skills that practise each competence, whose jobs in the log
// become the evidence proposed to the trainers.
class FrameworksPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameworksPage)

public:
    explicit FrameworksPage(Session& session, QWidget* parent = nullptr);

    void showCertification(qint64 certificationId);
    QTreeView* tree() const { return m_tree; }
    FrameworkTreeModel* model() const { return m_model; }
    ChoiceListModel* skills() const { return m_skills; }
    MessageBanner* banner() const { return m_banner; }
    // The framework made these blocks (what the edit buttons do); on
    // success the tree shows it, `done` on the banner.
    Status apply(const QList<CompetenceBlock>& blocks, const QString& done);

private:
    void reloadCertifications();
    void load();
    void showSelected();
    void importFile();
    void addBlock();
    void addCompetence();
    void editSelected();
    void removeSelected();

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_certification;
    QLabel* m_summary;
    FrameworkTreeModel* m_model;
    QTreeView* m_tree;
    QLabel* m_detail;
    ChoiceListModel* m_skills;
    QListView* m_skillsView;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_addCompetence;
    bool m_loadingSkills = false;
};

} // namespace etabli
