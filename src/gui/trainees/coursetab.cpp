#include "gui/trainees/coursetab.h"

#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/careerservice.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(parent);
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    return table;
}

} // namespace

CourseTab::CourseTab(Session& session, qint64 traineeId, MessageBanner* banner, QWidget* parent)
    : QWidget(parent), m_session(session), m_traineeId(traineeId), m_banner(banner),
      m_internships(
          makeTable({tr("From"), tr("To"), tr("Host"), tr("Tutor"), tr("Grade"), tr("Assessment")}, this)),
      m_certifications(makeTable({tr("Certification"), tr("Session"), tr("Result"), tr("Date")}, this))
{
    m_internships->setObjectName(QStringLiteral("internships"));
    m_certifications->setObjectName(QStringLiteral("certifications"));
    const bool canWrite = session.user().can(permission::TraineesWrite);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Internships</b>"), this));
    layout->addWidget(m_internships);
    auto* ib = new QHBoxLayout;
    auto* addI = new QPushButton(tr("Add an &internship…"), this);
    auto* delI = new QPushButton(tr("Remove"), this);
    ib->addWidget(addI);
    ib->addWidget(delI);
    ib->addStretch(1);
    layout->addLayout(ib);
    layout->addWidget(new QLabel(tr("<b>Certifications</b>"), this));
    layout->addWidget(m_certifications);
    auto* cb = new QHBoxLayout;
    auto* addC = new QPushButton(tr("Add a &certification…"), this);
    auto* delC = new QPushButton(tr("Remove"), this);
    cb->addWidget(addC);
    cb->addWidget(delC);
    cb->addStretch(1);
    layout->addLayout(cb);
    for (QPushButton* b : {addI, delI, addC, delC})
        b->setVisible(canWrite);
    connect(addI, &QPushButton::clicked, this, &CourseTab::askInternship);
    connect(delI, &QPushButton::clicked, this, &CourseTab::removeInternship);
    connect(addC, &QPushButton::clicked, this, &CourseTab::askCertification);
    connect(delC, &QPushButton::clicked, this, &CourseTab::removeCertification);
    reload();
}

void CourseTab::reload()
{
    CareerService career(m_session.database(), m_session.clock(), m_session.user());
    const QLocale locale;
    const auto date = [&locale](const QDate& d) {
        return d.isValid() ? locale.toString(d, QStringLiteral("dd/MM/yyyy")) : QString();
    };
    auto internships = career.internships(m_traineeId);
    auto certifications = career.traineeCertifications(m_traineeId);
    if (!internships || !certifications) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              internships ? certifications.error().message : internships.error().message);
        return;
    }
    m_internshipList = *internships;
    m_certificationList = *certifications;
    m_internships->setRowCount(static_cast<int>(m_internshipList.size()));
    for (int r = 0; r < m_internshipList.size(); ++r) {
        const Internship& i = m_internshipList.at(r);
        const QStringList cells = {date(i.start), date(i.end), i.organisationName,
                                   i.tutor,       i.grade,     i.assessment};
        for (int c = 0; c < cells.size(); ++c)
            m_internships->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_certifications->setRowCount(static_cast<int>(m_certificationList.size()));
    for (int r = 0; r < m_certificationList.size(); ++r) {
        const TraineeCertification& c = m_certificationList.at(r);
        const QStringList cells = {c.code, QString::number(c.sessionYear),
                                   CareerService::resultLabel(c.result), date(c.resultDate)};
        for (int k = 0; k < cells.size(); ++k)
            m_certifications->setItem(r, k, new QTableWidgetItem(cells.at(k)));
    }
    m_internships->resizeColumnsToContents();
    m_certifications->resizeColumnsToContents();
}

bool CourseTab::addInternship(const Internship& internship)
{
    auto id =
        CareerService(m_session.database(), m_session.clock(), m_session.user()).addInternship(internship);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    reload();
    return true;
}

bool CourseTab::setCertification(const TraineeCertification& certification)
{
    auto id = CareerService(m_session.database(), m_session.clock(), m_session.user())
                  .setCertification(certification);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    reload();
    return true;
}

void CourseTab::askInternship()
{
    CareerService career(m_session.database(), m_session.clock(), m_session.user());
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New internship"));
    auto* form = new QFormLayout(&dialog);
    auto* host = new QComboBox(&dialog);
    host->setEditable(true);
    host->setInsertPolicy(QComboBox::NoInsert);
    for (const Organisation& o : career.searchOrganisations(QString()).value_or(QList<Organisation>{}))
        host->addItem(o.name, o.id);
    host->setCurrentIndex(-1);
    auto* tutor = new QLineEdit(&dialog);
    auto* start = new DateField(m_session.clock().today(), DateField::Kind::Required, &dialog);
    auto* end = new DateField(m_session.clock().today().addDays(11), DateField::Kind::Required, &dialog);
    auto* schedule = new QLineEdit(&dialog);
    auto* assessment = new QLineEdit(&dialog);
    auto* grade = new QLineEdit(&dialog);
    form->addRow(tr("&Host (choose or type a new name)"), host);
    form->addRow(tr("&Tutor"), tutor);
    form->addRow(tr("&From"), start);
    form->addRow(tr("T&o"), end);
    form->addRow(tr("&Schedule"), schedule);
    form->addRow(tr("&Assessment"), assessment);
    form->addRow(tr("&Grade"), grade);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    qint64 hostId = host->currentIndex() >= 0 && host->currentText() == host->itemText(host->currentIndex())
                        ? host->currentData().toLongLong()
                        : 0;
    if (hostId == 0 && !host->currentText().trimmed().isEmpty()) {
        Organisation o;
        o.name = host->currentText();
        auto created = career.addOrganisation(o);
        if (!created) {
            m_banner->showMessage(MessageBanner::Kind::Error, created.error().message);
            return;
        }
        hostId = *created;
    }
    Internship i;
    i.traineeId = m_traineeId;
    i.organisationId = hostId;
    i.tutor = tutor->text();
    i.start = start->date();
    i.end = end->date();
    i.schedule = schedule->text();
    i.assessment = assessment->text();
    i.grade = grade->text();
    addInternship(i);
}

void CourseTab::askCertification()
{
    CareerService career(m_session.database(), m_session.clock(), m_session.user());
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Certification"));
    auto* form = new QFormLayout(&dialog);
    auto* which = new QComboBox(&dialog);
    for (const Certification& c : career.certifications().value_or(QList<Certification>{}))
        which->addItem(QStringLiteral("%1 — %2").arg(c.code, c.title), c.id);
    auto* session = new QSpinBox(&dialog);
    session->setRange(1990, 2200);
    session->setValue(m_session.clock().today().year() + (m_session.clock().today().month() >= 7 ? 1 : 0));
    auto* result = new QComboBox(&dialog);
    for (const QString& r : certificationResults())
        result->addItem(CareerService::resultLabel(r), r);
    auto* date = new DateField(m_session.clock().today(), DateField::Kind::Required, &dialog);
    auto* whichRow = new QHBoxLayout;
    whichRow->addWidget(which, 1);
    auto* newCertification = new QPushButton(tr("New in the catalogue…"), &dialog);
    newCertification->setVisible(m_session.user().can(permission::TraineesWrite));
    whichRow->addWidget(newCertification);
    auto* whichLabel = new QLabel(tr("&Certification"), &dialog);
    whichLabel->setBuddy(which);
    form->addRow(whichLabel, whichRow);
    connect(newCertification, &QPushButton::clicked, &dialog, [&]() {
        bool ok = false;
        const QString code =
            QInputDialog::getText(&dialog, tr("New certification"), tr("Short name (e.g. CAP MV):"),
                                  QLineEdit::Normal, QString(), &ok);
        if (!ok || code.trimmed().isEmpty())
            return;
        const QString title = QInputDialog::getText(&dialog, tr("New certification"), tr("Full title:"),
                                                    QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
        auto id = career.addCertification(Certification{0, code.trimmed(), title.trimmed(), true});
        if (!id) {
            QMessageBox::warning(&dialog, tr("New certification"), id.error().message);
            return;
        }
        which->addItem(QStringLiteral("%1 — %2").arg(code.trimmed(), title.trimmed()), *id);
        which->setCurrentIndex(which->count() - 1);
    });
    form->addRow(tr("&Session"), session);
    form->addRow(tr("&Result"), result);
    form->addRow(tr("&Date of the result"), date);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString r = result->currentData().toString();
    setCertification(TraineeCertification{0,
                                          m_traineeId,
                                          which->currentData().toLongLong(),
                                          {},
                                          session->value(),
                                          r,
                                          r == QLatin1String("registered") ? QDate() : date->date()});
}

void CourseTab::removeInternship()
{
    const int row = m_internships->currentRow();
    if (row < 0 || row >= m_internshipList.size())
        return;
    if (QMessageBox::question(this, tr("Remove"), tr("Remove this internship?"),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto r = CareerService(m_session.database(), m_session.clock(), m_session.user())
                     .removeInternship(m_internshipList.at(row));
        !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    reload();
}

void CourseTab::removeCertification()
{
    const int row = m_certifications->currentRow();
    if (row < 0 || row >= m_certificationList.size())
        return;
    if (QMessageBox::question(this, tr("Remove"), tr("Remove this certification session?"),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto r = CareerService(m_session.database(), m_session.clock(), m_session.user())
                     .removeCertification(m_certificationList.at(row));
        !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    reload();
}

} // namespace etabli
