#pragma once

#include "domain/career.h"
#include "gui/common/rowstablemodel.h"

#include <QWidget>

class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// "Parcours": a trainee's internships and certifications.
class CourseTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CourseTab)

public:
    CourseTab(Session& session, qint64 traineeId, MessageBanner* banner, QWidget* parent = nullptr);
    void reload();
    // Without the dialogs (tests).
    bool addInternship(const Internship& internship);
    bool setCertification(const TraineeCertification& certification);

    // row -1: a new one. A double click (or Enter) on a row edits it too.
    void editInternship(int row);
    void editCertification(int row);

private:
    void removeInternship();
    void removeCertification();

    Session& m_session;
    qint64 m_traineeId;
    MessageBanner* m_banner;
    ColumnsModel<Internship>* m_internshipRows;
    ColumnsModel<TraineeCertification>* m_certificationRows;
    QTableView* m_internships;
    QTableView* m_certifications;
};

} // namespace etabli
