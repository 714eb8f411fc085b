#include "gui/funding/subsidiespage.h"

#include "gui/common/allowed.h"
#include "gui/common/colours.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/funding/subsidydialog.h"
#include "services/financialyearservice.h"
#include "services/subsidyservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

SubsidiesPage::SubsidiesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_pipeline(new QLabel(this)),
      m_year(new QComboBox(this)), m_status(new QComboBox(this)), m_rows(nullptr),
      m_table(new QTableView(this))
{
    const auto closed = [](const Subsidy& s) {
        return s.status() == SubsidyStatus::Accounted || s.status() == SubsidyStatus::Refused;
    };
    m_rows = new ColumnsModel<Subsidy>(
        {{tr("Funder"), [](const Subsidy& s) { return s.funderName; }},
         {tr("Purpose"), [](const Subsidy& s) { return s.programme; }},
         {tr("Year"),
          [](const Subsidy& s) {
              return FinancialYearService::label(FinancialYear{0, s.yearStart, s.yearEnd});
          }},
         Column<Subsidy>::amount(tr("Requested"), [](const Subsidy& s) { return s.requested; }),
         Column<Subsidy>::amountOrBlank(tr("Granted"),
                                        [](const Subsidy& s) {
                                            return s.decision == SubsidyDecision::Granted
                                                       ? std::optional(s.granted)
                                                       : std::optional<Money>();
                                        }),
         Column<Subsidy>::amountOrBlank(tr("Received"),
                                        [](const Subsidy& s) {
                                            return s.receivedTotal().isZero()
                                                       ? std::optional<Money>()
                                                       : std::optional(s.receivedTotal());
                                        }),
         {tr("Status"), [](const Subsidy& s) { return labelOf(s.status()); }},
         // The final account is due until it is given; late, in red.
         Column<Subsidy>::day(
             tr("Final account due"),
             [closed](const Subsidy& s) { return closed(s) ? QDate() : s.reportDue; },
             [this, closed](const Subsidy& s, int role) {
                 return role == Qt::ForegroundRole && !closed(s) && s.reportDue < m_session.clock().today()
                            ? QVariant(alertColour())
                            : QVariant();
             })},
        this);
    m_table->setModel(m_rows);
    m_table->setObjectName(QStringLiteral("subsidiesTable"));
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_pipeline->setTextFormat(Qt::RichText);
    m_pipeline->setWordWrap(true);
    layout->addWidget(m_pipeline);
    auto* filters = new QHBoxLayout;
    auto* yearLabel = new QLabel(tr("Financial &year:"), this);
    yearLabel->setBuddy(m_year);
    filters->addWidget(yearLabel);
    filters->addWidget(m_year);
    auto* statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    filters->addStretch(1);
    layout->addLayout(filters);
    m_status->addItem(tr("All"), -1);
    for (const SubsidyStatus s : allOf<SubsidyStatus>())
        m_status->addItem(labelOf(s), static_cast<int>(s));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* openButton = new QPushButton(tr("&Open"), this);
    auto* add = new QPushButton(tr("&New request…"), this);
    showWhenAllowed(add, m_session, permission::FundingWrite);
    buttons->addWidget(new ListOutput(
        m_session, m_banner, {m_table}, {}, tr("Subsidies"),
        [this]() {
            return QStringList{tr("financial year %1").arg(m_year->currentText()), m_status->currentText()};
        },
        this));
    buttons->addStretch(1);
    buttons->addWidget(openButton);
    buttons->addWidget(add);
    layout->addLayout(buttons);

    const auto selected = [this]() {
        const int row = m_table->currentIndex().row();
        return row >= 0 && row < m_rows->rowCount() ? m_rows->rowAt(row).id : 0;
    };
    connect(openButton, &QPushButton::clicked, this, [this, selected]() {
        if (selected() != 0)
            open(selected());
    });
    connect(m_table, &QTableView::doubleClicked, this, [this, selected]() { open(selected()); });
    connect(add, &QPushButton::clicked, this, [this]() { open(0); });
    connect(m_year, &QComboBox::currentIndexChanged, this, &SubsidiesPage::reload);
    connect(m_status, &QComboBox::currentIndexChanged, this, &SubsidiesPage::reload);
    connect(&m_session, &Session::databaseChanged, this, &SubsidiesPage::reload);
    connect(&m_session, &Session::userChanged, this, &SubsidiesPage::reload);
    m_session.onDataChanged(this, DataKind::Subsidies | DataKind::Contacts, [this]() { reload(); });
    reload();
}

QString SubsidiesPage::pipelineText() const
{
    return m_pipeline->text();
}

void SubsidiesPage::open(qint64 id)
{
    SubsidyDialog dialog(m_session, id, this);
    if (dialog.exec() == QDialog::Accepted)
        m_banner->showMessage(MessageBanner::Kind::Success,
                              id == 0 ? tr("The subsidy request is saved: it is in the list below.")
                                      : tr("The subsidy is saved."));
}

void SubsidiesPage::reload()
{
    m_rows->clear();
    m_pipeline->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::FundingRead)) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Your account does not allow seeing this list."));
        m_banner->show();
        return;
    }
    m_banner->hide();
    // The years offered: every opened year (the list follows the database).
    const qint64 chosenYear = m_year->currentData().toLongLong();
    {
        const QSignalBlocker block(m_year);
        m_year->clear();
        m_year->addItem(tr("All years"), 0);
        auto years = m_session.service<FinancialYearService>().years();
        if (years)
            for (const FinancialYear& y : *years)
                m_year->addItem(FinancialYearService::label(y), y.id);
        const int index = m_year->findData(chosenYear);
        m_year->setCurrentIndex(index >= 0 ? index : 0);
    }
    SubsidyFilter f;
    f.financialYearId = m_year->currentData().toLongLong();
    auto list = m_session.service<SubsidyService>().list(f);
    if (!list) {
        m_banner->showMessage(MessageBanner::Kind::Error, list.error().message);
        m_banner->show();
        return;
    }
    const int wanted = m_status->currentData().toInt(); // -1: all
    QMap<SubsidyStatus, std::pair<int, Money>> stages;
    QList<Subsidy> shown;
    for (const Subsidy& s : *list) {
        const SubsidyStatus status = s.status();
        auto& stage = stages[status];
        stage.first += 1;
        stage.second +=
            status == SubsidyStatus::Requested || status == SubsidyStatus::Refused ? s.requested : s.granted;
        if (wanted < 0 || static_cast<int>(status) == wanted)
            shown << s;
    }
    // The latest years first, then by funder.
    std::stable_sort(shown.begin(), shown.end(), [](const Subsidy& a, const Subsidy& b) {
        return a.yearStart != b.yearStart ? a.yearStart > b.yearStart : a.funderName < b.funderName;
    });
    m_rows->setRows(shown);
    QStringList parts;
    for (const SubsidyStatus status : allOf<SubsidyStatus>()) {
        const auto stage = stages.value(status);
        parts << tr("%1: <b>%2</b> (%3)").arg(labelOf(status)).arg(stage.first).arg(stage.second.format());
    }
    m_pipeline->setText(parts.join(QStringLiteral(" &nbsp;→&nbsp; ")));
    m_table->resizeColumnsToContents();
    // The funder's name is long and the purpose says more: the purpose takes the room.
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 220));
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->resizeRowsToContents();
}

} // namespace etabli
