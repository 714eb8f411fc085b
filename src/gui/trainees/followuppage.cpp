#include "gui/trainees/followuppage.h"

#include "gui/common/listoutput.h"
#include "gui/common/session.h"
#include "gui/trainees/traineedialog.h"
#include "services//careerservice.h"
#include "util/text.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

FollowUpPage::FollowUpPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_count(new QLabel(this)), m_table(new QTableWidget(this))
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
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Section"), tr("Left on"), tr("Contact"), tr("Due on")});
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
    connect(m_table, &QTableWidget::cellActivated, this, &FollowUpPage::openCurrent);
    connect(&m_session, &Session::userChanged, this, &FollowUpPage::reload);
    m_session.onDataChanged(this, DataKind::Trainees, [this]() { reload(); });
    reload();
}

void FollowUpPage::reload()
{
    m_table->setRowCount(0);
    m_due.clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    auto due = CareerService(m_session.database(), m_session.clock(), m_session.user())
                   .dueFollowUps(m_session.clock().today());
    if (!due) {
        m_count->setText(due.error().message);
        return;
    }
    m_due = *due;
    const QLocale locale;
    m_count->setText(tr("%n contact(s) to make", nullptr, static_cast<int>(m_due.size())));
    m_table->setRowCount(static_cast<int>(m_due.size()));
    for (int r = 0; r < m_due.size(); ++r) {
        const FollowUpDue& d = m_due.at(r);
        const QStringList cells = {d.name, d.section,
                                   locale.toString(d.exitDate, QStringLiteral("dd/MM/yyyy")),
                                   CareerService::milestoneLabel(d.milestone),
                                   locale.toString(d.dueDate, QStringLiteral("dd/MM/yyyy"))};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
}

void FollowUpPage::openCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_due.size())
        return;
    TraineeDialog dialog(m_session, m_due.at(row).traineeId, this);
    dialog.exec();
    reload();
}

} // namespace etabli
