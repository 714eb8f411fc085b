#include "gui/trainees/coursetab.h"

#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/careerservice.h"

#include <QComboBox>
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
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setModel(model);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    return table;
}

QString date(const QDate& d)
{
    return d.isValid() ? QLocale().toString(d, QStringLiteral("dd/MM/yyyy")) : QString();
}

} // namespace

CourseTab::CourseTab(Session& session, qint64 traineeId, MessageBanner* banner, QWidget* parent)
    : QWidget(parent), m_session(session), m_traineeId(traineeId), m_banner(banner),
      m_internshipRows(
          new ColumnsModel<Internship>({{tr("From"), [](const Internship& i) { return date(i.start); }},
                                        {tr("To"), [](const Internship& i) { return date(i.end); }},
                                        {tr("Host"), [](const Internship& i) { return i.organisationName; }},
                                        {tr("Tutor"), [](const Internship& i) { return i.tutor; }},
                                        {tr("Grade"), [](const Internship& i) { return i.grade; }},
                                        {tr("Assessment"), [](const Internship& i) { return i.assessment; }}},
                                       this)),
      m_certificationRows(new ColumnsModel<TraineeCertification>(
          {{tr("Certification"), [](const TraineeCertification& c) { return c.code; }},
           {tr("Session"), [](const TraineeCertification& c) { return QString::number(c.sessionYear); }},
           {tr("Result"), [](const TraineeCertification& c) { return labelOf(c.result); }},
           {tr("Date"), [](const TraineeCertification& c) { return date(c.resultDate); }}},
          this)),
      m_internships(makeTable(m_internshipRows, this)), m_certifications(makeTable(m_certificationRows, this))
{
    m_internships->setObjectName(QStringLiteral("internships"));
    m_certifications->setObjectName(QStringLiteral("certifications"));
    const bool canWrite = session.user().can(permission::TraineesWrite);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Internships</b>"), this));
    layout->addWidget(m_internships);
    auto* ib = new QHBoxLayout;
    auto* addI = new QPushButton(tr("Add an &internship…"), this);
    auto* editI = new QPushButton(tr("&Edit…"), this);
    editI->setObjectName(QStringLiteral("editInternship"));
    auto* delI = new QPushButton(tr("Remove"), this);
    ib->addWidget(addI);
    ib->addWidget(editI);
    ib->addWidget(delI);
    ib->addStretch(1);
    layout->addLayout(ib);
    layout->addWidget(new QLabel(tr("<b>Certifications</b>"), this));
    layout->addWidget(m_certifications);
    auto* cb = new QHBoxLayout;
    auto* addC = new QPushButton(tr("Add a &certification…"), this);
    auto* editC = new QPushButton(tr("Ed&it…"), this);
    editC->setObjectName(QStringLiteral("editCertification"));
    auto* delC = new QPushButton(tr("Remove"), this);
    cb->addWidget(addC);
    cb->addWidget(editC);
    cb->addWidget(delC);
    cb->addStretch(1);
    layout->addLayout(cb);
    for (QPushButton* b : {addI, editI, delI, addC, editC, delC})
        b->setVisible(canWrite);
    connect(addI, &QPushButton::clicked, this, [this]() { editInternship(-1); });
    connect(editI, &QPushButton::clicked, this,
            [this]() { editInternship(m_internships->currentIndex().row()); });
    connect(delI, &QPushButton::clicked, this, &CourseTab::removeInternship);
    connect(addC, &QPushButton::clicked, this, [this]() { editCertification(-1); });
    connect(editC, &QPushButton::clicked, this,
            [this]() { editCertification(m_certifications->currentIndex().row()); });
    connect(delC, &QPushButton::clicked, this, &CourseTab::removeCertification);
    if (canWrite) {
        connect(m_internships, &QTableView::activated, this,
                [this](const QModelIndex& index) { editInternship(index.row()); });
        connect(m_certifications, &QTableView::activated, this,
                [this](const QModelIndex& index) { editCertification(index.row()); });
    }
    reload();
}

void CourseTab::reload()
{
    auto career = m_session.service<CareerService>();
    auto internships = career.internships(m_traineeId);
    auto certifications = career.traineeCertifications(m_traineeId);
    if (!internships || !certifications) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              internships ? certifications.error().message : internships.error().message);
        return;
    }
    m_internshipRows->setRows(*internships);
    m_certificationRows->setRows(*certifications);
    m_internships->resizeColumnsToContents();
    m_certifications->resizeColumnsToContents();
}

bool CourseTab::addInternship(const Internship& internship)
{
    auto id = m_session.service<CareerService>().addInternship(internship);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    reload();
    return true;
}

bool CourseTab::setCertification(const TraineeCertification& certification)
{
    auto id = m_session.service<CareerService>().setCertification(certification);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    reload();
    return true;
}

void CourseTab::editInternship(int row)
{
    const bool isNew = row < 0 || row >= m_internshipRows->rowCount();
    Internship internship = isNew ? Internship{} : m_internshipRows->rowAt(row);
    internship.traineeId = m_traineeId;
    auto career = m_session.service<CareerService>();
    FormDialog dialog(isNew ? tr("New internship") : tr("Internship"), this);
    dialog.setObjectName(QStringLiteral("internshipDialog"));
    // The hosts are organisations (companies, public bodies, associations), not private customers.
    auto* host = new QComboBox(&dialog);
    host->setObjectName(QStringLiteral("host"));
    host->setEditable(true);
    host->setInsertPolicy(QComboBox::NoInsert);
    for (const Organisation& o : career.searchOrganisations(QString()).value_or(QList<Organisation>{}))
        host->addItem(o.name, o.id);
    if (!isNew && host->findData(internship.organisationId) < 0)
        host->addItem(internship.organisationName, internship.organisationId);
    host->setCurrentIndex(isNew ? -1 : host->findData(internship.organisationId));
    auto* tutor = new QLineEdit(internship.tutor, &dialog);
    auto* start = FormDialog::dateField(isNew ? m_session.clock().today() : internship.start, &dialog);
    auto* end =
        FormDialog::dateField(isNew ? m_session.clock().today().addDays(11) : internship.end, &dialog);
    auto* schedule = new QLineEdit(internship.schedule, &dialog);
    auto* assessment = new QLineEdit(internship.assessment, &dialog);
    auto* grade = new QLineEdit(internship.grade, &dialog);
    dialog.addRow(tr("&Host (choose or type a new name)"), host);
    dialog.addRow(tr("&Tutor"), tutor);
    dialog.addRow(tr("&From"), start);
    dialog.addRow(tr("T&o"), end);
    dialog.addRow(tr("&Schedule"), schedule);
    dialog.addRow(tr("&Assessment"), assessment);
    dialog.addRow(tr("&Grade"), grade);
    dialog.setAction([&]() -> Status {
        const QString typed = host->currentText().trimmed();
        qint64 hostId = host->currentIndex() >= 0 && typed == host->itemText(host->currentIndex())
                            ? host->currentData().toLongLong()
                            : 0;
        if (hostId == 0 && !typed.isEmpty()) {
            Organisation o;
            o.name = typed;
            auto created = career.addOrganisation(o);
            if (!created)
                return std::unexpected(created.error());
            hostId = *created;
            host->addItem(typed, hostId);
            host->setCurrentIndex(host->count() - 1);
        }
        Internship i = internship;
        i.organisationId = hostId;
        i.tutor = tutor->text();
        i.start = start->date();
        i.end = end->date();
        i.schedule = schedule->text();
        i.assessment = assessment->text();
        i.grade = grade->text();
        if (isNew) {
            auto id = career.addInternship(i);
            return statusOf(id);
        }
        return career.updateInternship(i);
    });
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void CourseTab::editCertification(int row)
{
    const bool isNew = row < 0 || row >= m_certificationRows->rowCount();
    TraineeCertification current = isNew ? TraineeCertification{} : m_certificationRows->rowAt(row);
    auto career = m_session.service<CareerService>();
    FormDialog dialog(tr("Certification"), this);
    dialog.setObjectName(QStringLiteral("certificationDialog"));
    auto* whichBox = new QWidget(&dialog);
    auto* whichRow = new QHBoxLayout(whichBox);
    whichRow->setContentsMargins(0, 0, 0, 0);
    auto* which = new QComboBox(whichBox);
    which->setObjectName(QStringLiteral("certification"));
    for (const Certification& c : career.certifications().value_or(QList<Certification>{}))
        which->addItem(QStringLiteral("%1 — %2").arg(c.code, c.title), c.id);
    whichRow->addWidget(which, 1);
    auto* newCertification = new QPushButton(tr("New in the catalogue…"), whichBox);
    newCertification->setVisible(isNew && m_session.user().can(permission::TraineesWrite));
    whichRow->addWidget(newCertification);
    auto* session = new QSpinBox(&dialog);
    session->setObjectName(QStringLiteral("sessionYear"));
    session->setRange(1990, 2200);
    session->setValue(isNew ? m_session.clock().today().year() +
                                  (m_session.clock().today().month() >= 7 ? 1 : 0)
                            : current.sessionYear);
    auto* result = FormDialog::choiceField(current.result, &dialog);
    result->setObjectName(QStringLiteral("result"));
    // A registration has no result yet, so no date of result.
    auto* date = FormDialog::optionalDateField(current.resultDate, &dialog);
    date->setObjectName(QStringLiteral("resultDate"));
    if (!isNew) {
        // Another certification or session is another line: changed here are the result and its date.
        which->setCurrentIndex(std::max(0, which->findData(current.certificationId)));
        which->setEnabled(false);
        session->setEnabled(false);
    }
    dialog.addRow(tr("&Certification"), whichBox);
    dialog.addRow(tr("&Session"), session);
    dialog.addRow(tr("&Result"), result);
    dialog.addRow(tr("&Date of the result"), date);
    const auto showDate = [&]() {
        const bool registered =
            FormDialog::choice<CertificationResult>(result) == CertificationResult::Registered;
        dialog.form()->setRowVisible(date, !registered);
        if (!registered && !date->date().isValid())
            date->setDate(m_session.clock().today());
    };
    showDate();
    connect(result, &QComboBox::currentIndexChanged, &dialog, showDate);
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
            dialog.banner()->showMessage(MessageBanner::Kind::Error, id.error().message);
            return;
        }
        which->addItem(QStringLiteral("%1 — %2").arg(code.trimmed(), title.trimmed()), *id);
        which->setCurrentIndex(which->count() - 1);
    });
    dialog.setAction([&]() -> Status {
        const CertificationResult r = FormDialog::choice<CertificationResult>(result);
        TraineeCertification c = current;
        c.traineeId = m_traineeId;
        c.certificationId = which->currentData().toLongLong();
        c.sessionYear = session->value();
        c.result = r;
        c.resultDate = r == CertificationResult::Registered ? QDate() : date->date();
        auto id = career.setCertification(c);
        return statusOf(id);
    });
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void CourseTab::removeInternship()
{
    const int row = m_internships->currentIndex().row();
    if (row < 0 || row >= m_internshipRows->rowCount())
        return;
    if (QMessageBox::question(this, tr("Remove"), tr("Remove this internship?"),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto r = m_session.service<CareerService>().removeInternship(m_internshipRows->rowAt(row)); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    reload();
}

void CourseTab::removeCertification()
{
    const int row = m_certifications->currentIndex().row();
    if (row < 0 || row >= m_certificationRows->rowCount())
        return;
    if (QMessageBox::question(this, tr("Remove"), tr("Remove this certification session?"),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto r = m_session.service<CareerService>().removeCertification(m_certificationRows->rowAt(row)); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    reload();
}

} // namespace etabli
