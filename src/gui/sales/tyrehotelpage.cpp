#include "gui/sales/tyrehotelpage.h"

#include "domain/user.h"
#include "gui/common/allowed.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/session.h"
#include "gui/sales/tyresetdialog.h"
#include "gui/sales/tyresetlistmodel.h"
#include "print/documentprinter.h"
#include "print/tyredocuments.h"
#include "services/schoolservice.h"
#include "services/tyrehotelservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

namespace etabli {

TyreHotelPage::TyreHotelPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::TyreHotel | DataKind::Contacts, tr("Tyre hotel"),
                    TyreSetListModel::Customer, tr("Type a plate and Enter, or a customer's name…"),
                    tr("&Store a set…"), parent),
      m_season(new QComboBox(this)), m_state(new QComboBox(this)), m_list(new TyreSetListModel(session, this))
{
    setModel(m_list);
    requireForNew([](const UserContext& user) {
        return user.can(permission::SalesWrite) || user.can(permission::ProductionWrite);
    });
    m_table->setObjectName(QStringLiteral("tyreSetsTable"));
    m_season->addItem(tr("Every season"));
    for (TyreSeason s : allOf<TyreSeason>())
        m_season->addItem(labelOf(s), static_cast<int>(s));
    m_state->addItem(tr("In storage"), static_cast<int>(TyreSetFilter::State::Stored));
    m_state->addItem(tr("Given back"), static_cast<int>(TyreSetFilter::State::Returned));
    m_state->addItem(tr("All"));
    addFilter(m_season);
    addFilter(m_state);
    auto* print = new QPushButton(tr("&Print the list…"), this);
    addButton(print);
    connect(print, &QPushButton::clicked, this, [this]() {
        DocumentOutput::preview(this, [this]() -> std::unique_ptr<print::Printable> {
            TyreSetFilter f;
            f.season = season();
            auto sets = m_session.service<TyreHotelService>().all(f);
            auto school = m_session.service<SchoolService>().identity();
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
    connect(&m_session, &Session::databaseChanged, this, &TyreHotelPage::restart);
    connect(&m_session, &Session::userChanged, this, &TyreHotelPage::restart);
    restart();
}

qint64 TyreHotelPage::findByPlate(const QString& plate)
{
    if (!m_session.isLoggedIn() || plate.trimmed().isEmpty())
        return 0;
    auto set = m_session.service<TyreHotelService>().findStored(plate);
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

std::optional<TyreSeason> TyreHotelPage::season() const
{
    const QVariant chosen = m_season->currentData();
    return chosen.isValid() ? std::optional(static_cast<TyreSeason>(chosen.toInt())) : std::nullopt;
}

void TyreHotelPage::applyFilters()
{
    TyreSetFilter f;
    f.text = m_search->text();
    f.season = season();
    f.state = m_state->currentData().isValid()
                  ? std::optional(static_cast<TyreSetFilter::State>(m_state->currentData().toInt()))
                  : std::nullopt;
    m_list->setFilter(f);
}

void TyreHotelPage::openRecord(qint64 id)
{
    TyreSetDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
