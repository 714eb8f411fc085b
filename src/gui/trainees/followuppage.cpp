#include "gui/trainees/followuppage.h"

#include "gui/common/colours.h"
#include "gui/common/listoutput.h"
#include "gui/common/session.h"
#include "gui/trainees/traineedialog.h"
#include "services//careerservice.h"
#include "util/text.h"

#include <QColor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

FollowUpPage::FollowUpPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_count(new QLabel(this)),
      m_due(new ColumnsModel<FollowUpDue>(
          {{tr("Name"), [](const FollowUpDue& d) { return d.name; }},
           {tr("Section"), [](const FollowUpDue& d) { return d.section; }},
           Column<FollowUpDue>::day(tr("Left on"), [](const FollowUpDue& d) { return d.exitDate; }),
           {tr("Contact"), [](const FollowUpDue& d) { return labelOf(d.milestone); }},
           // A contact past its day shows in red, the delay on hover.
           Column<FollowUpDue>::day(
               tr("Due on"), [](const FollowUpDue& d) { return d.dueDate; },
               [this](const FollowUpDue& d, int role) {
                   const QDate today = m_session.clock().today();
                   if (d.dueDate >= today)
                       return QVariant();
                   if (role == Qt::ForegroundRole)
                       return QVariant(alertColour());
                   if (role == Qt::ToolTipRole)
                       return QVariant(tr("Late: due since %1 (%n day(s))", nullptr,
                                          static_cast<int>(d.dueDate.daysTo(today)))
                                           .arg(text::frenchDate(d.dueDate)));
                   return QVariant();
               })},
          this)),
      m_table(new QTableView(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Young people who left and are due for news: 6 and 12 months after their exit. Open "
                      "a record (Enter or double-click) and fill in the Outcome tab."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_count);
    m_table->setObjectName(QStringLiteral("followUps"));
    m_table->setModel(m_due);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(new ListOutput(
        m_session, nullptr, {m_table}, {}, tr("Follow-ups due"),
        [this]() { return QStringList{tr("on %1").arg(text::frenchDate(m_session.clock().today()))}; },
        this));
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_table, &QTableView::activated, this, &FollowUpPage::openCurrent);
    connect(&m_session, &Session::userChanged, this, &FollowUpPage::reload);
    m_session.onDataChanged(this, DataKind::Trainees, [this]() { reload(); });
    reload();
}

void FollowUpPage::reload()
{
    m_due->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    auto due = m_session.service<CareerService>().dueFollowUps(m_session.clock().today());
    if (!due) {
        m_count->setText(due.error().message);
        return;
    }
    m_count->setText(tr("%n contact(s) to make", nullptr, static_cast<int>(due->size())));
    m_due->setRows(*due);
    m_table->resizeColumnsToContents();
}

void FollowUpPage::openCurrent()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_due->rowCount())
        return;
    TraineeDialog dialog(m_session, m_due->rowAt(row).traineeId, this);
    dialog.exec();
    reload();
}

} // namespace etabli
