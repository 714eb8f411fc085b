#include "gui/sales/tyrehotelpage.h"

#include "domain/user.h"
#include "gui/common/allowed.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/session.h"
#include "gui/sales/tyresetdialog.h"
#include "print/documentprinter.h"
#include "print/tyredocuments.h"
#include "services/schoolservice.h"
#include "services/tyrehotelservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>

namespace etabli {

TyreHotelPage::TyreHotelPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::TyreHotel | DataKind::Contacts, tr("Tyre hotel"),
                    {tr("Place"), tr("Plate"), tr("Customer"), tr("Season"), tr("Size"), tr("Tyres"),
                     tr("Tread"), tr("In"), tr("Out")},
                    2, tr("Type a plate and Enter, or a customer's name…"), tr("&Store a set…"), parent),
      m_season(new QComboBox(this)), m_state(new QComboBox(this))
{
    requireForNew([](const UserContext& user) {
        return user.can(permission::SalesWrite) || user.can(permission::ProductionWrite);
    });
    m_table->setObjectName(QStringLiteral("tyreSetsTable"));
    setBoldColumns({1});
    m_season->addItem(tr("Every season"), QString());
    for (const QString& s : tyreSeasons())
        m_season->addItem(TyreHotelService::seasonLabel(s), s);
    m_state->addItem(tr("In storage"), QStringLiteral("stored"));
    m_state->addItem(tr("Given back"), QStringLiteral("returned"));
    m_state->addItem(tr("All"), QString());
    addFilter(m_season);
    addFilter(m_state);
    auto* print = new QPushButton(tr("&Print the list…"), this);
    addButton(print);
    connect(print, &QPushButton::clicked, this, [this]() {
        DocumentOutput::preview(this, [this]() -> std::unique_ptr<print::Printable> {
            TyreSetFilter f;
            f.season = m_season->currentData().toString();
            auto sets = TyreHotelService(m_session.database(), m_session.clock(), m_session.user())
                            .list(f, 100000, 0);
            auto school = SchoolService(m_session.database(), m_session.clock(), m_session.user()).identity();
            if (!sets || !school) {
                showError((!sets ? sets.error() : school.error()).message);
                return nullptr;
            }
            return print::TyreDocuments::list(*sets, f.season, *school, m_session.clock().today());
        });
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this]() {
        const qint64 id = findByPlate(m_search->text());
        if (id != 0)
            openRecord(id);
    });
    connect(&m_session, &Session::databaseChanged, this, &TyreHotelPage::reload);
    connect(&m_session, &Session::userChanged, this, &TyreHotelPage::reload);
    reload();
}

qint64 TyreHotelPage::findByPlate(const QString& plate)
{
    if (!m_session.isLoggedIn() || plate.trimmed().isEmpty())
        return 0;
    auto set = TyreHotelService(m_session.database(), m_session.clock(), m_session.user()).findStored(plate);
    if (!set) {
        // Not a plate: the list below shows what matches the name.
        if (set.error().code == Error::Code::NotFound)
            m_banner->showMessage(MessageBanner::Kind::Warning, set.error().message);
        return 0;
    }
    m_banner->hide();
    return set->id;
}

bool TyreHotelPage::mayRead() const
{
    // The tyre workshop's trainers store the sets: they see them too.
    return m_session.user().can(permission::SalesRead) || m_session.user().can(permission::ProductionWrite);
}

Result<PagedListPage::Rows> TyreHotelPage::fetch(int limit, int offset)
{
    TyreSetFilter f;
    f.text = m_search->text();
    f.season = m_season->currentData().toString();
    f.state = m_state->currentData().toString();
    TyreHotelService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.count(f);
    auto rows = service.list(f, limit, offset);
    if (!total || !rows)
        return std::unexpected(!total ? total.error() : rows.error());
    const QLocale locale;
    Rows page{{}, *total};
    for (const TyreSet& s : *rows) {
        page.rows << Row{
            s.id,
            {QStringLiteral("%1 %2-%3").arg(s.rack).arg(s.row).arg(s.level), s.plate, s.customerName,
             TyreHotelService::seasonLabel(s.season), s.tyreSize,
             QString::number(s.tyreCount) + (s.withRims ? tr(" + rims") : QString()),
             tr("%1 mm").arg(TyreHotelService::formatTread(s.minTreadTenths())),
             locale.toString(s.dateIn, QStringLiteral("dd/MM/yyyy")),
             s.dateOut.isValid() ? locale.toString(s.dateOut, QStringLiteral("dd/MM/yyyy")) : QString()},
            s.minTreadTenths() < 30 ? QList<int>{6} : QList<int>{},
            false};
    }
    return page;
}

void TyreHotelPage::openRecord(qint64 id)
{
    TyreSetDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
