#include "gui/shell/helpwindow.h"

#include <QAbstractTextDocumentLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace etabli {

namespace {

// The guide's chapter and heading of each page, by the page's class. The
// guide is French: so are its headings.
const QHash<QString, QStringList>& topics()
{
    static const QHash<QString, QStringList> map = {
        {QStringLiteral("etabli::DashboardPage"),
         {QStringLiteral("La fenêtre principale"), QStringLiteral("Le tableau de bord")}},
        {QStringLiteral("etabli::TraineesPage"), {QStringLiteral("Les jeunes"), QStringLiteral("La liste")}},
        {QStringLiteral("etabli::AttendancePage"),
         {QStringLiteral("Les jeunes"), QStringLiteral("Le registre de présence")}},
        {QStringLiteral("etabli::AbsencesPage"),
         {QStringLiteral("Les jeunes"), QStringLiteral("Le registre de présence")}},
        {QStringLiteral("etabli::FollowUpPage"),
         {QStringLiteral("Les jeunes"), QStringLiteral("Devenir à relancer")}},
        {QStringLiteral("etabli::ProductionEntryPage"),
         {QStringLiteral("Les ateliers"), QStringLiteral("La saisie du jour (journal d'atelier)")}},
        {QStringLiteral("etabli::ProductionLogPage"),
         {QStringLiteral("Les ateliers"), QStringLiteral("Le journal")}},
        {QStringLiteral("etabli::ProductionFiguresPage"),
         {QStringLiteral("Les ateliers"), QStringLiteral("Le bilan")}},
        {QStringLiteral("etabli::CataloguePage"),
         {QStringLiteral("Les ateliers"), QStringLiteral("Catalogue et compétences")}},
        {QStringLiteral("etabli::TeamPage"), {QStringLiteral("Les ateliers"), QStringLiteral("L'équipe")}},
        {QStringLiteral("etabli::WorkshopsPage"), {QStringLiteral("Les ateliers")}},
        {QStringLiteral("etabli::QuotesPage"),
         {QStringLiteral("Ventes et clients"), QStringLiteral("Les devis")}},
        {QStringLiteral("etabli::OrdersPage"),
         {QStringLiteral("Ventes et clients"), QStringLiteral("Les bons de travaux")}},
        {QStringLiteral("etabli::ContactsPage"),
         {QStringLiteral("Ventes et clients"), QStringLiteral("L'annuaire des contacts")}},
        {QStringLiteral("etabli::InvoicesPage"),
         {QStringLiteral("Ventes et clients"), QStringLiteral("Les factures")}},
        {QStringLiteral("etabli::ReceivablesPage"),
         {QStringLiteral("Ventes et clients"), QStringLiteral("Les impayés")}},
        {QStringLiteral("etabli::BankPage"), {QStringLiteral("Rapprocher un relevé")}},
        {QStringLiteral("etabli::TyreHotelPage"),
         {QStringLiteral("Ventes et clients"), QStringLiteral("L'hôtel de pneus")}},
        {QStringLiteral("etabli::ClosingsPage"),
         {QStringLiteral("Ventes et clients"), QStringLiteral("Les clôtures et l'archive de l'année")}},
        {QStringLiteral("etabli::SalesPage"), {QStringLiteral("Ventes et clients")}},
        {QStringLiteral("etabli::FundingDashboard"),
         {QStringLiteral("Financements"), QStringLiteral("Le tableau de bord")}},
        {QStringLiteral("etabli::BudgetPage"), {QStringLiteral("Financements"), QStringLiteral("Le budget")}},
        {QStringLiteral("etabli::DonationsPage"),
         {QStringLiteral("Financements"), QStringLiteral("Les dons et les reçus fiscaux")}},
        {QStringLiteral("etabli::SubsidiesPage"),
         {QStringLiteral("Financements"), QStringLiteral("Les subventions")}},
        {QStringLiteral("etabli::ApprenticeshipTaxPage"),
         {QStringLiteral("Financements"), QStringLiteral("Taxe d'apprentissage, adhérents, exercices")}},
        {QStringLiteral("etabli::MembersPage"),
         {QStringLiteral("Financements"), QStringLiteral("Taxe d'apprentissage, adhérents, exercices")}},
        {QStringLiteral("etabli::FinancialYearsPage"),
         {QStringLiteral("Financements"), QStringLiteral("Taxe d'apprentissage, adhérents, exercices")}},
        {QStringLiteral("etabli::FundingPage"), {QStringLiteral("Financements")}},
        {QStringLiteral("etabli::ReportsPage"), {QStringLiteral("Rapports")}},
        {QStringLiteral("etabli::FundamentalsPage"),
         {QStringLiteral("Rapports"), QStringLiteral("Les fondamentaux")}},
        {QStringLiteral("etabli::LearningPage"),
         {QStringLiteral("Le livret de suivi"), QStringLiteral("Évaluer les compétences")}},
        {QStringLiteral("etabli::FrameworksPage"),
         {QStringLiteral("Le livret de suivi"), QStringLiteral("Les référentiels")}},
        {QStringLiteral("etabli::SettingsPage"), {QStringLiteral("Les paramètres")}},
        {QStringLiteral("etabli::UsersPage"),
         {QStringLiteral("Comptes, journal et données personnelles (direction)")}},
        {QStringLiteral("etabli::AuditPage"),
         {QStringLiteral("Comptes, journal et données personnelles (direction)")}},
        {QStringLiteral("etabli::PersonalDataPage"),
         {QStringLiteral("Comptes, journal et données personnelles (direction)")}},
    };
    return map;
}

} // namespace

HelpWindow::HelpWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), m_contents(new QTreeWidget(this)), m_browser(new QTextBrowser(this)),
      m_find(new QLineEdit(this))
{
    setObjectName(QStringLiteral("helpWindow"));
    setWindowTitle(tr("User guide — Établi"));
    m_browser->setObjectName(QStringLiteral("guide"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(QUrl(QStringLiteral("qrc:/guide/guide-utilisateur.html")));
    m_contents->setHeaderHidden(true);
    m_contents->setObjectName(QStringLiteral("guideContents"));
    QTreeWidgetItem* chapter = nullptr;
    for (QTextBlock b = m_browser->document()->begin(); b.isValid(); b = b.next()) {
        const int level = b.blockFormat().headingLevel();
        if (level == 2)
            chapter = new QTreeWidgetItem(m_contents, {b.text()});
        else if (level == 3 && chapter)
            new QTreeWidgetItem(chapter, {b.text()});
    }
    connect(m_contents, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        showTopic(item->parent() ? QStringList{item->parent()->text(0), item->text(0)}
                                 : QStringList{item->text(0)});
    });
    connect(m_contents, &QTreeWidget::itemClicked, m_contents, &QTreeWidget::itemActivated);
    m_find->setPlaceholderText(tr("Search the guide…"));
    m_find->setClearButtonEnabled(true);
    m_find->setMinimumWidth(260);
    connect(m_find, &QLineEdit::returnPressed, this, &HelpWindow::findNext);
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, m_find, qOverload<>(&QLineEdit::setFocus));
    auto* close = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_contents);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 700});
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Press Esc to close the guide."), this), 1);
    top->addWidget(m_find);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    resize(1000, 680);
}

void HelpWindow::showTopic(const QStringList& topic)
{
    QTextBlock found;
    int wanted = 0; // how much of the topic was found
    for (QTextBlock b = m_browser->document()->begin(); b.isValid(); b = b.next()) {
        const int level = b.blockFormat().headingLevel();
        if (level == 0)
            continue;
        if (wanted == 1 && level <= 2 && b.text() != topic.value(0))
            break; // past the chapter: its heading is not there
        if (b.text() == topic.value(wanted) && (wanted == 0 ? level <= 2 : level > 2)) {
            found = b;
            if (++wanted == topic.size())
                break;
        }
    }
    // The contents follow: the heading's line, under its chapter.
    for (QTreeWidgetItem* item : m_contents->findItems(found.text(), Qt::MatchExactly | Qt::MatchRecursive)) {
        if (found.isValid() && (item->parent() ? item->parent()->text(0) : item->text(0)) == topic.value(0)) {
            m_contents->setCurrentItem(item);
            break;
        }
    }
    int y = 0;
    if (found.isValid()) {
        m_browser->setTextCursor(QTextCursor(found));
        y = static_cast<int>(m_browser->document()->documentLayout()->blockBoundingRect(found).top());
    }
    m_browser->verticalScrollBar()->setValue(y);
}

QString HelpWindow::currentHeading() const
{
    const QTextBlock b = m_browser->textCursor().block();
    return b.blockFormat().headingLevel() > 0 ? b.text() : QString();
}

void HelpWindow::findNext()
{
    if (m_find->text().isEmpty())
        return;
    if (!m_browser->find(m_find->text())) {
        m_browser->moveCursor(QTextCursor::Start); // from the top again
        m_browser->find(m_find->text());
    }
}

QStringList HelpWindow::topicOf(const QWidget* page)
{
    // Down through the pages shown, then up to the first the guide knows.
    QList<const QWidget*> shown;
    for (const QWidget* w = page; w;) {
        shown.prepend(w);
        if (const auto* tabs = qobject_cast<const QTabWidget*>(w))
            w = tabs->currentWidget();
        else if (const auto* stack = qobject_cast<const QStackedWidget*>(w))
            w = stack->currentWidget();
        else
            w = nullptr;
    }
    for (const QWidget* w : shown) {
        const auto topic = topics().constFind(QString::fromLatin1(w->metaObject()->className()));
        if (topic != topics().cend())
            return *topic;
    }
    return {};
}

} // namespace etabli
