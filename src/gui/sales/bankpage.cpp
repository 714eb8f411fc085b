#include "gui/sales/bankpage.h"

#include "gui/common/messagebanner.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/session.h"
#include "gui/sales/statementimportdialog.h"
#include "services/bankstatementservice.h"
#include "util/text.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

using Proposal = ReconciliationService::Proposal;

QVariant rowColour(const ReconciliationRow& r, int role)
{
    if (role == Qt::BackgroundRole) {
        if (r.line.state == BankLineState::Matched)
            return QColor(0xdf, 0xf0, 0xd8);
        if (r.line.state == BankLineState::Ignored)
            return QColor(0xee, 0xee, 0xee);
    }
    if (role == Qt::ForegroundRole && !r.line.line.isCredit())
        return QColor(0x70, 0x70, 0x70);
    return {};
}

QString stateText(const ReconciliationRow& r)
{
    if (!r.line.line.isCredit() && r.line.state == BankLineState::Open)
        return BankPage::tr("Debit");
    return labelOf(r.line.state);
}

QString proposalText(const ReconciliationRow& r)
{
    if (r.line.state == BankLineState::Matched)
        return r.line.matchedWith;
    if (r.line.state != BankLineState::Open || !r.line.line.isCredit())
        return {};
    const Proposal* p = r.preferred();
    if (!p)
        return r.proposals.isEmpty() ? BankPage::tr("nothing found: A to choose")
                                     : BankPage::tr("%n proposal(s) as likely: A to choose", nullptr,
                                                    static_cast<int>(r.proposals.size()));
    if (p->score < ReconciliationService::SureScore)
        return BankPage::tr("to check: %1").arg(p->label);
    return p->label;
}

QVariant proposalColour(const ReconciliationRow& r, int role)
{
    const Proposal* p = r.preferred();
    // Why it is proposed: "son numéro dans le libellé, le montant dû".
    if (role == Qt::ToolTipRole && p && r.line.state == BankLineState::Open)
        return BankPage::tr("Proposed for: %1").arg(p->why);
    if (role == Qt::ForegroundRole && r.line.state == BankLineState::Open && r.line.line.isCredit() &&
        (!p || p->score < ReconciliationService::SureScore))
        return QColor(0xa0, 0x50, 0x00);
    return rowColour(r, role);
}

} // namespace

BankPage::BankPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_statements(new QComboBox(this)), m_summary(new QLabel(this)), m_table(new QTableView(this)),
      m_rows(nullptr), m_import(new QPushButton(tr("&Import a statement…"), this)),
      m_confirm(new QPushButton(tr("&Confirm (Enter)"), this)),
      m_other(new QPushButton(tr("&Another choice… (A)"), this)),
      m_aside(new QPushButton(tr("Set a&side (C)"), this)),
      m_undo(new QPushButton(tr("&Undo the match… (Del)"), this))
{
    m_rows = new ColumnsModel<ReconciliationRow>(
        {{tr("Day"), [](const ReconciliationRow& r) { return text::frenchDate(r.line.line.day); }, false,
          rowColour},
         {tr("Wording"), [](const ReconciliationRow& r) { return r.line.line.label; }, false, rowColour},
         {tr("Amount"), [](const ReconciliationRow& r) { return r.line.line.amount.format(); }, true,
          rowColour},
         {tr("State"), stateText, false, rowColour},
         {tr("Proposed, or matched with"), proposalText, false, proposalColour}},
        this);
    m_banner->hide();
    m_statements->setObjectName(QStringLiteral("statements"));
    m_statements->setMinimumContentsLength(40);
    m_import->setObjectName(QStringLiteral("importStatement"));
    m_summary->setObjectName(QStringLiteral("reconciliationSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("statementLines"));
    m_table->setModel(m_rows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->installEventFilter(this);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* top = new QHBoxLayout;
    auto* statementLabel = new QLabel(tr("&Statement:"), this);
    statementLabel->setBuddy(m_statements);
    top->addWidget(statementLabel);
    top->addWidget(m_statements, 1);
    top->addWidget(m_import);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_confirm);
    bottom->addWidget(m_other);
    bottom->addWidget(m_aside);
    bottom->addStretch(1);
    bottom->addWidget(m_undo);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    connect(m_import, &QPushButton::clicked, this, &BankPage::importStatement);
    connect(m_confirm, &QPushButton::clicked, this, &BankPage::confirmCurrent);
    connect(m_other, &QPushButton::clicked, this, &BankPage::chooseOther);
    connect(m_aside, &QPushButton::clicked, this, [this]() {
        const StatementLine* l = current();
        if (l && l->state == BankLineState::Ignored)
            reopenCurrent();
        else
            setAsideCurrent();
    });
    connect(m_undo, &QPushButton::clicked, this, &BankPage::askUnmatch);
    connect(m_statements, &QComboBox::currentIndexChanged, this, [this]() {
        m_table->setCurrentIndex({}); // another statement: from its first line to reconcile
        reloadLines();
    });
    connect(&m_session, &Session::databaseChanged, this, &BankPage::reload);
    connect(&m_session, &Session::userChanged, this, &BankPage::reload);
    reloadOnDataChangeWhenShown(this, m_session, DataKind::Invoices | DataKind::Gifts,
                                [this]() { reload(); });
    reload();
}

QString BankPage::summaryText() const
{
    return m_summary->text();
}

qint64 BankPage::statementId() const
{
    return m_statements->currentData().toLongLong();
}

void BankPage::reload()
{
    const qint64 shown = statementId();
    const QSignalBlocker block(m_statements);
    m_statements->clear();
    m_summary->clear();
    const bool canRead =
        m_session.isOpen() && m_session.isLoggedIn() && m_session.user().can(permission::SalesRead);
    const bool canWrite = canRead && m_session.user().can(permission::SalesWrite);
    m_import->setEnabled(canWrite);
    if (!canRead) {
        m_rows->clear();
        return;
    }
    auto list = m_session.service<BankStatementService>().statements();
    if (!list) {
        m_banner->showMessage(MessageBanner::Kind::Error, list.error().message);
        return;
    }
    for (const BankStatement& s : *list) {
        const QString open = s.open > 0 ? tr("%n to reconcile", nullptr, s.open) : tr("all reconciled");
        m_statements->addItem(
            tr("From %1 to %2 · %3 · %n credit(s), %4", nullptr, s.credits)
                .arg(text::frenchDate(s.from), text::frenchDate(s.to), labelOf(s.format), open),
            s.id);
        if (s.id == shown)
            m_statements->setCurrentIndex(m_statements->count() - 1);
    }
    if (list->isEmpty())
        m_summary->setText(tr("No statement imported yet: download the account's statement from the bank's "
                              "website (OFX, CAMT.053 or CSV), then “Import a statement…”."));
    reloadLines();
}

void BankPage::showStatement(qint64 id)
{
    const int at = m_statements->findData(id);
    if (at >= 0)
        m_statements->setCurrentIndex(at);
}

void BankPage::reloadLines()
{
    const int row = m_table->currentIndex().row();
    m_rows->clear();
    for (QPushButton* b : {m_confirm, m_other, m_aside, m_undo})
        b->setEnabled(false);
    const qint64 id = statementId();
    if (id == 0)
        return;
    auto lines = m_session.service<BankStatementService>().lines(id);
    auto proposals = m_session.service<ReconciliationService>().proposals(id);
    if (!lines || !proposals) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              (!lines ? lines.error() : proposals.error()).message);
        return;
    }
    QList<ReconciliationRow> rows;
    int open = 0;
    int sure = 0;
    Money openTotal;
    for (const StatementLine& l : *lines) {
        ReconciliationRow r{l, proposals->value(l.id)};
        if (l.state == BankLineState::Open && l.line.isCredit()) {
            ++open;
            openTotal += l.line.amount;
            if (r.preferred() && r.preferred()->score >= ReconciliationService::SureScore)
                ++sure;
        }
        rows << r;
    }
    m_rows->setRows(rows);
    for (QPushButton* b : {m_confirm, m_other, m_aside, m_undo})
        b->setEnabled(m_session.user().can(permission::SalesWrite) && !rows.isEmpty());
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_table->setColumnWidth(1, std::min(m_table->columnWidth(1), 420));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary->setText(
        open == 0
            ? tr("Every credit of this statement is reconciled.")
            : tr("<b>%n credit(s) to reconcile</b>, %1", nullptr, open).arg(openTotal.format()) +
                  QStringLiteral(" — ") + tr("%n with a sure proposal", nullptr, sure) + QLatin1String(". ") +
                  tr("Enter confirms the proposal and goes to the next line; A: another choice; C: set "
                     "aside; R: back to reconcile; Del: undo a match."));
    if (rows.isEmpty())
        return;
    // A statement just chosen opens on its first credit to reconcile.
    int at = row;
    for (int r = 0; at < 0 && r < rows.size(); ++r) {
        if (rows.at(r).line.state == BankLineState::Open && rows.at(r).line.line.isCredit())
            at = r;
    }
    m_table->setCurrentIndex(m_rows->index(std::clamp(at, 0, static_cast<int>(rows.size()) - 1), 0));
}

const StatementLine* BankPage::current() const
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_rows->rowCount())
        return nullptr;
    return &m_rows->rowAt(row).line;
}

bool BankPage::act(const Status& done)
{
    if (!done) {
        m_banner->showMessage(MessageBanner::Kind::Error, done.error().message);
        return false;
    }
    m_banner->hide();
    moveOn(m_table->currentIndex().row());
    return true;
}

void BankPage::moveOn(int fromRow)
{
    reload();
    // The next credit still to reconcile, after the line just done, else before it.
    const auto openCredit = [this](int r) {
        const StatementLine& l = m_rows->rowAt(r).line;
        return l.state == BankLineState::Open && l.line.isCredit();
    };
    const int n = m_rows->rowCount();
    for (int step = 1; step <= n; ++step) {
        const int r = (fromRow + step) % n;
        if (openCredit(r)) {
            m_table->setCurrentIndex(m_rows->index(r, 0));
            return;
        }
    }
    if (n > 0)
        m_table->setCurrentIndex(m_rows->index(std::clamp(fromRow, 0, n - 1), 0));
}

bool BankPage::confirmCurrent()
{
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return false;
    const ReconciliationRow& r = m_rows->rowAt(row);
    const Proposal* p = r.preferred();
    if (!p) {
        m_banner->showMessage(
            MessageBanner::Kind::Warning,
            r.line.state != BankLineState::Open || !r.line.line.isCredit()
                ? tr("Nothing to confirm on this line.")
                : tr("No proposal stands out for this line: choose with “Another choice…” (A)."));
        return false;
    }
    return confirmCurrentWith(*p);
}

bool BankPage::confirmCurrentWith(const Proposal& choice)
{
    const StatementLine* l = current();
    if (!l)
        return false;
    return act(m_session.service<ReconciliationService>().confirm(l->id, choice));
}

bool BankPage::setAsideCurrent()
{
    const StatementLine* l = current();
    return l && act(m_session.service<ReconciliationService>().setAside(l->id));
}

bool BankPage::reopenCurrent()
{
    const StatementLine* l = current();
    return l && act(m_session.service<ReconciliationService>().reopen(l->id));
}

bool BankPage::unmatchCurrent(const QString& reason)
{
    const StatementLine* l = current();
    return l && act(m_session.service<ReconciliationService>().unmatch(l->id, reason));
}

void BankPage::askUnmatch()
{
    const StatementLine* l = current();
    if (!l || l->state != BankLineState::Matched) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("This line is not matched with anything."));
        return;
    }
    bool ok = false;
    const QString question =
        l->paymentId != 0
            ? tr("Undo the match with %1? The payment recorded from this line is reversed. Why?")
                  .arg(l->matchedWith)
            : tr("Undo the match with %1? It stays recorded; the line is to reconcile again. Why?")
                  .arg(l->matchedWith);
    const QString reason =
        QInputDialog::getText(this, tr("Undo the match"), question, QLineEdit::Normal, {}, &ok);
    if (ok)
        unmatchCurrent(reason);
}

void BankPage::chooseOther()
{
    const StatementLine* l = current();
    if (!l || l->state != BankLineState::Open || !l->line.isCredit()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose a credit still to reconcile."));
        return;
    }
    const StatementLine line = *l;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("What is this credit?"));
    auto* search = new QLineEdit(&dialog);
    search->setPlaceholderText(tr("Invoice number, customer, donor…"));
    search->setClearButtonEnabled(true);
    auto* table = new QTableView(&dialog);
    table->setObjectName(QStringLiteral("choices"));
    auto* choices =
        new ColumnsModel<Proposal>({{tr("Choice"), [](const Proposal& p) { return p.label; }}}, &dialog);
    table->setModel(choices);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(
        tr("%1 on %2: %3").arg(line.line.amount.format(), text::frenchDate(line.line.day), line.line.label),
        &dialog));
    layout->addWidget(search);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    dialog.resize(640, 420);
    const auto refill = [this, &line, choices, table](const QString& text) {
        auto found = m_session.service<ReconciliationService>().choices(line, text);
        choices->setRows(found.value_or(QList<Proposal>{}));
        if (choices->rowCount() > 0)
            table->setCurrentIndex(choices->index(0, 0));
    };
    refill(QString());
    connect(search, &QLineEdit::textChanged, &dialog, refill);
    connect(search, &QLineEdit::returnPressed, &dialog, &QDialog::accept);
    connect(table, &QTableView::doubleClicked, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int row = table->currentIndex().row();
    if (row >= 0 && row < choices->rowCount())
        confirmCurrentWith(choices->rowAt(row));
}

void BankPage::importStatement()
{
    StatementImportDialog dialog(m_session, this);
    dialog.resize(900, 560);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    showStatement(dialog.statementId());
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Statement imported: reconcile its credits below, Enter on each line."));
    m_table->setFocus();
    moveOn(-1);
}

bool BankPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress && m_confirm->isEnabled()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))
            return QWidget::eventFilter(watched, event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            confirmCurrent();
            return true;
        case Qt::Key_A:
            chooseOther();
            return true;
        case Qt::Key_C:
            setAsideCurrent();
            return true;
        case Qt::Key_R:
            reopenCurrent();
            return true;
        case Qt::Key_Delete:
            askUnmatch();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace etabli
