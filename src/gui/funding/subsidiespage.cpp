#include "gui/funding/subsidiespage.h"

#include "gui/common/allowed.h"
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
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

SubsidiesPage::SubsidiesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_pipeline(new QLabel(this)),
      m_year(new QComboBox(this)), m_status(new QComboBox(this)), m_table(new QTableWidget(0, 8, this))
{
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
    m_status->addItem(tr("All"), QString());
    for (const QString& s : SubsidyService::statuses())
        m_status->addItem(SubsidyService::statusLabel(s), s);
    m_table->setHorizontalHeaderLabels({tr("Funder"), tr("Purpose"), tr("Year"), tr("Requested"),
                                        tr("Granted"), tr("Received"), tr("Status"),
                                        tr("Final account due")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(2, Qt::DescendingOrder); // the latest years first
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
        const int row = m_table->currentRow();
        return row >= 0 && m_table->item(row, 0) ? m_table->item(row, 0)->data(Qt::UserRole).toLongLong() : 0;
    };
    connect(openButton, &QPushButton::clicked, this, [this, selected]() {
        if (selected() != 0)
            open(selected());
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this, selected]() { open(selected()); });
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
    m_table->setSortingEnabled(false);
    m_table->setRowCount(0);
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
        auto years = FinancialYearService(m_session.database(), m_session.clock(), m_session.user()).years();
        if (years)
            for (const FinancialYear& y : *years)
                m_year->addItem(FinancialYearService::label(y), y.id);
        const int index = m_year->findData(chosenYear);
        m_year->setCurrentIndex(index >= 0 ? index : 0);
    }
    SubsidyFilter f;
    f.financialYearId = m_year->currentData().toLongLong();
    auto list = SubsidyService(m_session.database(), m_session.clock(), m_session.user()).list(f);
    if (!list) {
        m_banner->showMessage(MessageBanner::Kind::Error, list.error().message);
        m_banner->show();
        return;
    }
    const QString wanted = m_status->currentData().toString();
    QMap<QString, std::pair<int, Money>> stages;
    const QDate today = m_session.clock().today();
    const QLocale fr(QLocale::French, QLocale::France);
    for (const Subsidy& s : *list) {
        const QString status = s.status();
        auto& stage = stages[status];
        stage.first += 1;
        stage.second += status == QLatin1String("requested") || status == QLatin1String("refused")
                            ? s.requested
                            : s.granted;
        if (!wanted.isEmpty() && status != wanted)
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells = {s.funderName,
                                   s.programme,
                                   FinancialYearService::label(FinancialYear{0, s.yearStart, s.yearEnd}),
                                   s.requested.format(),
                                   s.decision == QLatin1String("granted") ? s.granted.format() : QString(),
                                   s.receivedTotal().isZero() ? QString() : s.receivedTotal().format(),
                                   SubsidyService::statusLabel(status),
                                   status == QLatin1String("accounted") || status == QLatin1String("refused")
                                       ? QString()
                                       : fr.toString(s.reportDue, QStringLiteral("dd/MM/yyyy"))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c >= 3 && c <= 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
        m_table->item(row, 0)->setData(Qt::UserRole, s.id);
        if (status != QLatin1String("accounted") && status != QLatin1String("refused") && s.reportDue < today)
            m_table->item(row, 7)->setForeground(QColor(180, 30, 30));
    }
    QStringList parts;
    for (const QString& status : SubsidyService::statuses()) {
        const auto stage = stages.value(status);
        parts << tr("%1: <b>%2</b> (%3)")
                     .arg(SubsidyService::statusLabel(status))
                     .arg(stage.first)
                     .arg(stage.second.format());
    }
    m_pipeline->setText(parts.join(QStringLiteral(" &nbsp;→&nbsp; ")));
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    // The funder's name is long and the purpose says more: the purpose takes the room.
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 220));
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->resizeRowsToContents();
}

} // namespace etabli
