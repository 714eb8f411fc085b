#include "gui/sales/closingspage.h"

#include "gui/common/messagebanner.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/session.h"
#include "io/archivemanifest.h"
#include "services/closingservice.h"
#include "services/invoiceservice.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace etabli {

// The closings, newest first.
class ClosingsModel final : public QAbstractTableModel
{
public:
    explicit ClosingsModel(QObject* parent) : QAbstractTableModel(parent) {}

    void setClosings(QList<Closing> closings)
    {
        beginResetModel();
        m_rows = std::move(closings);
        std::reverse(m_rows.begin(), m_rows.end());
        endResetModel();
    }
    const Closing& at(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 8; }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case 0:
            return ClosingsPage::tr("Period");
        case 1:
            return ClosingsPage::tr("Documents");
        case 2:
            return ClosingsPage::tr("Excl. VAT");
        case 3:
            return ClosingsPage::tr("VAT");
        case 4:
            return ClosingsPage::tr("Incl. VAT");
        case 5:
            return ClosingsPage::tr("Received");
        case 6:
            return ClosingsPage::tr("Grand total incl. VAT");
        default:
            return ClosingsPage::tr("Closed on");
        }
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid())
            return {};
        const Closing& c = m_rows.at(index.row());
        if (role == Qt::TextAlignmentRole)
            return index.column() >= 1 && index.column() <= 6 ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                              : QVariant();
        if (role == Qt::FontRole && c.kind == ClosingKind::Year) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case 0:
            return ClosingService::periodLabel(c);
        case 1:
            return QString::number(c.totals.invoices + c.totals.credits);
        case 2:
            return c.totals.excl().format();
        case 3:
            return c.totals.vat().format();
        case 4:
            return c.totals.incl().format();
        case 5:
            return c.totals.paid().format();
        case 6:
            return c.grandTotals.incl().format();
        default:
            return QLocale().toString(QDateTime::fromString(c.closedAt, Qt::ISODate).toLocalTime(),
                                      QStringLiteral("dd/MM/yyyy HH:mm")) +
                   QStringLiteral(" — ") + c.closedBy;
        }
    }

private:
    QList<Closing> m_rows;
};

namespace {

QString rateText(int bp)
{
    return QLocale().toString(bp / 100.0, 'f', bp % 100 ? 2 : 0) + QStringLiteral(" %");
}

} // namespace

ClosingsPage::ClosingsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_pending(new QLabel(this)),
      m_months(new QComboBox(this)), m_close(new QPushButton(tr("&Close up to this month…"), this)),
      m_years(new QComboBox(this)), m_archive(new QPushButton(tr("&Archive this year…"), this)),
      m_model(new ClosingsModel(this)), m_table(new QTableView(this)), m_detail(new QTextBrowser(this))
{
    m_banner->hide();
    m_pending->setObjectName(QStringLiteral("closingsPending"));
    m_pending->setWordWrap(true);
    m_months->setObjectName(QStringLiteral("closingsMonth"));
    m_months->setAccessibleName(tr("Last month to close"));
    m_years->setObjectName(QStringLiteral("archiveYear"));
    m_years->setAccessibleName(tr("Year to archive"));
    m_table->setObjectName(QStringLiteral("closingsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail->setObjectName(QStringLiteral("closingDetail"));
    m_detail->setMaximumHeight(220);

    auto* closeBar = new QHBoxLayout;
    auto* monthLabel = new QLabel(tr("Close the &months up to:"), this);
    monthLabel->setBuddy(m_months);
    closeBar->addWidget(monthLabel);
    closeBar->addWidget(m_months);
    closeBar->addWidget(m_close);
    closeBar->addSpacing(24);
    auto* yearLabel = new QLabel(tr("Closed &year:"), this);
    yearLabel->setBuddy(m_years);
    closeBar->addWidget(yearLabel);
    closeBar->addWidget(m_years);
    closeBar->addWidget(m_archive);
    closeBar->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_pending);
    layout->addLayout(closeBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);

    connect(m_close, &QPushButton::clicked, this, &ClosingsPage::confirmClose);
    connect(m_archive, &QPushButton::clicked, this, &ClosingsPage::chooseArchive);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ClosingsPage::showDetail);
    connect(&m_session, &Session::databaseChanged, this, &ClosingsPage::reload);
    connect(&m_session, &Session::userChanged, this, &ClosingsPage::reload);
    reloadOnDataChangeWhenShown(this, m_session, DataKind::Invoices, [this]() { reload(); });
    reload();
}

QString ClosingsPage::detailText() const
{
    return m_detail->toPlainText();
}

QString ClosingsPage::pendingText() const
{
    return m_pending->text();
}

void ClosingsPage::reload()
{
    m_model->setClosings({});
    m_months->clear();
    m_years->clear();
    m_pending->clear();
    m_detail->clear();
    m_close->setEnabled(false);
    m_archive->setEnabled(false);
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::SalesRead))
        return;
    auto service = m_session.service<ClosingService>();
    auto closings = service.closings();
    auto pending = service.pendingMonths();
    if (!closings || !pending) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              !closings ? closings.error().message : pending.error().message);
        return;
    }
    m_model->setClosings(*closings);
    for (const Closing& c : std::as_const(*closings))
        if (c.kind == ClosingKind::Year)
            m_years->insertItem(0, QString::number(c.start.year()), c.start.year());
    m_years->setCurrentIndex(0);
    for (const QDate& m : std::as_const(*pending))
        m_months->insertItem(0, ClosingService::monthLabel(m), m);
    m_months->setCurrentIndex(0);
    const bool mayClose = m_session.user().can(permission::SalesClose);
    m_close->setEnabled(mayClose && !pending->isEmpty());
    m_archive->setEnabled(mayClose && m_years->count() > 0);
    if (pending->isEmpty())
        m_pending->setText(closings->isEmpty()
                               ? tr("Nothing to close: nothing was issued nor paid before this month.")
                               : tr("Every month that is over is closed."));
    else if (pending->size() == 1)
        m_pending->setText(
            tr("<b>%1 is over and not closed.</b> Closing a month seals its invoices and payments: "
               "nothing can be issued nor paid on its days afterwards.")
                .arg(ClosingService::monthLabel(pending->first())));
    else
        m_pending->setText(tr("<b>%n month(s) over and not closed</b>, from %1 to %2. Closing a month seals "
                              "its invoices and "
                              "payments: nothing can be issued nor paid on its days afterwards.",
                              nullptr, static_cast<int>(pending->size()))
                               .arg(ClosingService::monthLabel(pending->first()),
                                    ClosingService::monthLabel(pending->last())));
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void ClosingsPage::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const Closing& c = m_model->at(current.row());
    QString html =
        tr("<b>%1</b> (from %2 to %3), documents %4 to %5 — closing n°%6, seal %7…")
            .arg(ClosingService::periodLabel(c), QLocale().toString(c.start, QStringLiteral("dd/MM/yyyy")),
                 QLocale().toString(c.end, QStringLiteral("dd/MM/yyyy")),
                 c.firstNumber.isEmpty() ? QStringLiteral("—") : c.firstNumber,
                 c.lastNumber.isEmpty() ? QStringLiteral("—") : c.lastNumber)
            .arg(c.position)
            .arg(c.hash.left(16));
    html += QStringLiteral("<table cellspacing=0 cellpadding=3><tr><th></th><th align=right>%1</th><th "
                           "align=right>%2</th></tr>")
                .arg(tr("This period"), tr("Perpetual grand total"));
    const auto row = [&html](const QString& label, const Money& here, const Money& grand) {
        html += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td></tr>")
                    .arg(label.toHtmlEscaped(), here.format(), grand.format());
    };
    for (auto it = c.grandTotals.sales.cbegin(); it != c.grandTotals.sales.cend(); ++it) {
        const RateTotal here = c.totals.sales.value(it.key());
        row(tr("Sales excl. VAT at %1").arg(rateText(it.key())), here.excl, it->excl);
        row(tr("VAT at %1").arg(rateText(it.key())), here.vat, it->vat);
    }
    row(tr("Sales incl. VAT"), c.totals.incl(), c.grandTotals.incl());
    for (auto it = c.grandTotals.payments.cbegin(); it != c.grandTotals.payments.cend(); ++it)
        row(tr("Received: %1").arg(labelOfCode<PaymentMethod>(it.key())), c.totals.payments.value(it.key()),
            it.value());
    row(tr("Received in all"), c.totals.paid(), c.grandTotals.paid());
    html += QStringLiteral("</table>");
    m_detail->setHtml(html);
}

Result<QList<Closing>> ClosingsPage::closeUntil(const QDate& month)
{
    auto made = m_session.service<ClosingService>().closeUntil(month);
    if (!made) {
        m_banner->showMessage(MessageBanner::Kind::Error, made.error().message);
        return made;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("%n closing(s) made, up to %1.", nullptr, static_cast<int>(made->size()))
                              .arg(ClosingService::periodLabel(made->last())));
    return made;
}

void ClosingsPage::confirmClose()
{
    const QDate month = m_months->currentData().toDate();
    if (!month.isValid())
        return;
    int count = 0;
    for (int i = 0; i < m_months->count(); ++i)
        if (m_months->itemData(i).toDate() <= month)
            ++count;
    const auto answer =
        QMessageBox::question(this, tr("Close the months"),
                              tr("Close %n month(s), up to %1?\n\nThis is final: afterwards nothing can be "
                                 "issued nor paid on a day of "
                                 "these months, and their totals are sealed. A December closes its year too.",
                                 nullptr, count)
                                  .arg(m_months->currentText()),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    closeUntil(month);
    QApplication::restoreOverrideCursor();
}

Result<print::YearArchive::Written> ClosingsPage::archive(int year, const QString& dir,
                                                          const QString& keyPath)
{
    QProgressDialog progress(tr("Writing the archive of %1…").arg(year), QString(), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    auto written = print::YearArchive::write(m_session.database(), m_session.clock(), m_session.user(), year,
                                             dir, keyPath, [&progress](int done, int total) {
                                                 progress.setMaximum(total);
                                                 progress.setValue(done);
                                             });
    progress.reset();
    if (!written) {
        m_banner->showMessage(MessageBanner::Kind::Error, written.error().message);
        return written;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Archive of %1 written to %2: %3 document(s), %4 tax receipt(s), %5 payment(s), "
                             "signed with the key %6…. Keep a copy of the key file %7 with the backups.")
                              .arg(year)
                              .arg(QDir::toNativeSeparators(written->dir))
                              .arg(written->documents)
                              .arg(written->receipts)
                              .arg(written->payments)
                              .arg(written->publicKey.left(16), QDir::toNativeSeparators(keyPath)));
    return written;
}

void ClosingsPage::chooseArchive()
{
    const int year = m_years->currentData().toInt();
    if (year <= 0)
        return;
    const QString parent = QFileDialog::getExistingDirectory(
        this, tr("Folder where the archive of %1 goes").arg(year),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (parent.isEmpty())
        return;
    const QString dir = QDir(parent).filePath(tr("Établi archive %1").arg(year));
    archive(year, dir, SigningKey::defaultPath());
}

} // namespace etabli
