#include "gui/sales/tyresetdialog.h"

#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/session.h"
#include "print/documentprinter.h"
#include "print/tyredocuments.h"
#include "services/catalogueservice.h"
#include "services/contactservice.h"
#include "services/schoolservice.h"
#include "services/tyrehotelservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace etabli {

TyreSetDialog::TyreSetDialog(Session& session, qint64 setId, QWidget* parent)
    : EditingDialog(parent), m_session(session), m_banner(new MessageBanner(this)), m_title(new QLabel(this)),
      m_plate(new QLineEdit(this)), m_owner(new QLabel(this)), m_season(new QComboBox(this)),
      m_size(new QLineEdit(this)), m_brand(new QLineEdit(this)), m_count(new QSpinBox(this)),
      m_rims(new QCheckBox(tr("with their &rims"), this)), m_rack(new QLineEdit(this)),
      m_row(new QSpinBox(this)), m_level(new QSpinBox(this)), m_dateIn(new DateField(this)),
      m_fee(new QComboBox(this)), m_notes(new QLineEdit(this)), m_status(new QLabel(this)),
      m_save(new QPushButton(tr("&Save (Ctrl+S)"), this)),
      m_print(new QPushButton(tr("Print the &label…"), this)),
      m_pdf(new QPushButton(tr("Label P&DF…"), this)),
      m_deposit(new QPushButton(tr("De&posit receipt…"), this)),
      m_invoice(new QPushButton(tr("&Invoice the storage…"), this)),
      m_giveBack(new QPushButton(tr("&Given back to the customer…"), this))
{
    m_banner->hide();
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_plate->setPlaceholderText(tr("AB-123-CD"));
    m_plate->setObjectName(QStringLiteral("tyrePlate"));
    m_owner->setWordWrap(true);
    for (TyreSeason s : allOf<TyreSeason>())
        m_season->addItem(labelOf(s), static_cast<int>(s));
    m_size->setPlaceholderText(QStringLiteral("205/55 R16 91V"));
    m_brand->setPlaceholderText(tr("e.g. Michelin Alpin 6"));
    m_count->setRange(1, TyreSet::MaxTyres);
    m_count->setValue(4);
    auto* treads = new QHBoxLayout;
    for (int i = 0; i < TyreSet::MaxTyres; ++i) {
        auto* t = new QLineEdit(this);
        t->setPlaceholderText(tr("mm"));
        t->setMaximumWidth(60);
        t->setToolTip(tr("Tread depth of tyre %1, in mm (e.g. 6,5)").arg(i + 1));
        treads->addWidget(t);
        m_treads << t;
    }
    treads->addWidget(m_rims);
    treads->addStretch(1);
    m_rack->setMaxLength(3);
    m_rack->setMaximumWidth(60);
    m_rack->setPlaceholderText(tr("A"));
    m_row->setRange(1, 999);
    m_level->setRange(1, 99);
    auto* place = new QHBoxLayout;
    auto* rackLabel = new QLabel(tr("Rac&k"), this);
    rackLabel->setBuddy(m_rack);
    auto* rowLabel = new QLabel(tr("R&ow"), this);
    rowLabel->setBuddy(m_row);
    auto* levelLabel = new QLabel(tr("Le&vel"), this);
    levelLabel->setBuddy(m_level);
    for (QWidget* w :
         std::initializer_list<QWidget*>{rackLabel, m_rack, rowLabel, m_row, levelLabel, m_level})
        place->addWidget(w);
    place->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("&Plate"), m_plate);
    form->addRow(QString(), m_owner);
    form->addRow(tr("&Season"), m_season);
    form->addRow(tr("Si&ze"), m_size);
    form->addRow(tr("&Brand"), m_brand);
    form->addRow(tr("&Number of tyres"), m_count);
    form->addRow(tr("&Tread (mm)"), treads);
    form->addRow(tr("Place"), place);
    form->addRow(tr("&Came in on"), m_dateIn);
    form->addRow(tr("Storage &fee"), m_fee);
    form->addRow(tr("&Notes"), m_notes);
    form->addRow(tr("Status"), m_status);
    if (auto* l = qobject_cast<QLabel*>(form->labelForField(treads)))
        l->setBuddy(m_treads.first());

    auto* close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_giveBack);
    buttons->addStretch(1);
    for (QPushButton* b : {m_invoice, m_deposit, m_print, m_pdf, m_save, close})
        buttons->addWidget(b);
    for (QPushButton* b : {m_save, m_deposit, m_print, m_pdf, m_invoice, m_giveBack, close})
        b->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_plate, &QLineEdit::editingFinished, this, &TyreSetDialog::findVehicle);
    connect(m_count, &QSpinBox::valueChanged, this, &TyreSetDialog::showTreads);
    connect(m_save, &QPushButton::clicked, this, &TyreSetDialog::save);
    setSaveButton(m_save);
    connect(m_print, &QPushButton::clicked, this,
            [this]() { DocumentOutput::preview(this, [this]() { return label(); }); });
    connect(m_pdf, &QPushButton::clicked, this, [this]() {
        DocumentOutput::savePdf(
            this, tr("label-%1").arg(m_set.plate), [this]() { return label(); }, m_banner);
    });
    connect(m_deposit, &QPushButton::clicked, this,
            [this]() { DocumentOutput::preview(this, [this]() { return depositReceipt(); }); });
    connect(m_invoice, &QPushButton::clicked, this, &TyreSetDialog::invoiceFee);
    connect(m_giveBack, &QPushButton::clicked, this, [this]() { giveBack(m_session.clock().today()); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };

    m_fee->addItem(tr("(none)"), 0);
    auto items = m_session.service<CatalogueService>().list(0);
    if (items) {
        for (const CatalogueItem& i : *items)
            m_fee->addItem(QStringLiteral("%1 — %2 (%3)").arg(i.code, i.label, i.unitPrice.format()), i.id);
        // The usual fee: the catalogue's storage item.
        for (const CatalogueItem& i : *items)
            if (i.code.startsWith(QLatin1String("GARD"), Qt::CaseInsensitive) ||
                i.label.contains(QLatin1String("ardiennage")))
                m_fee->setProperty("defaultFee", i.id);
    }
    load(setId);
    resize(760, 600);
}

QString TyreSetDialog::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

QString TyreSetDialog::ownerText() const
{
    return m_owner->text();
}

void TyreSetDialog::setPlate(const QString& plate)
{
    m_plate->setText(plate);
    findVehicle();
}

void TyreSetDialog::setTreads(const QStringList& millimetres)
{
    m_count->setValue(static_cast<int>(millimetres.size()));
    for (int i = 0; i < millimetres.size() && i < m_treads.size(); ++i)
        m_treads.at(i)->setText(millimetres.at(i));
}

void TyreSetDialog::setPlace(const QString& rack, int row, int level)
{
    m_rack->setText(rack);
    m_row->setValue(row);
    m_level->setValue(level);
}

void TyreSetDialog::showTreads()
{
    for (int i = 0; i < m_treads.size(); ++i)
        m_treads.at(i)->setVisible(i < m_count->value());
}

void TyreSetDialog::findVehicle()
{
    if (m_set.id != 0)
        return;
    m_vehicleId = 0;
    if (m_plate->text().trimmed().isEmpty()) {
        m_owner->clear();
        return;
    }
    auto contacts = m_session.service<ContactService>();
    auto v = contacts.findVehicle(m_plate->text());
    if (!v) {
        m_owner->setText(
            v.error().code == Error::Code::NotFound
                ? tr("No vehicle has this plate: add it first to its owner's card (Customers and contacts).")
                : v.error().message);
        return;
    }
    m_vehicleId = v->id;
    m_plate->setText(v->plate);
    QString owner;
    if (v->contactId != 0) {
        auto c = contacts.get(v->contactId);
        if (c)
            owner = c->displayName() + (c->phone.isEmpty() ? QString() : QStringLiteral(" — ") + c->phone);
    }
    m_owner->setText(
        QStringList{owner, v->make, v->model, v->tyreSize}.join(QStringLiteral(" · ")).simplified());
    if (m_size->text().trimmed().isEmpty())
        m_size->setText(v->tyreSize);
}

void TyreSetDialog::load(qint64 id)
{
    if (id == 0) {
        m_set = TyreSet{};
        m_set.dateIn = m_session.clock().today();
        m_set.feeItemId = m_fee->property("defaultFee").toLongLong();
        m_set.treadTenths.clear();
    } else {
        auto s = m_session.service<TyreHotelService>().get(id);
        if (!s) {
            m_banner->showMessage(MessageBanner::Kind::Error, s.error().message);
            return;
        }
        m_set = *s;
        m_vehicleId = m_set.vehicleId;
    }
    display();
    markSaved(); // what was just read is what is saved
}

void TyreSetDialog::display()
{
    const QLocale fr(QLocale::French, QLocale::France);
    const bool isNew = m_set.id == 0;
    const QString title = isNew ? tr("Tyres coming in") : tr("Tyres of %1").arg(m_set.plate);
    m_title->setText(title);
    setWindowTitle(title);
    m_plate->setText(m_set.plate);
    m_plate->setReadOnly(!isNew);
    if (!isNew)
        m_owner->setText(m_set.customerName + (m_set.customerPhone.isEmpty()
                                                   ? QString()
                                                   : QStringLiteral(" — ") + m_set.customerPhone));
    m_season->setCurrentIndex(std::max(0, m_season->findData(static_cast<int>(m_set.season))));
    m_size->setText(m_set.tyreSize);
    m_brand->setText(m_set.brand);
    m_count->setValue(m_set.tyreCount);
    for (int i = 0; i < m_treads.size(); ++i)
        m_treads.at(i)->setText(i < m_set.treadTenths.size()
                                    ? TyreHotelService::formatTread(m_set.treadTenths.at(i))
                                    : QString());
    showTreads();
    m_rims->setChecked(m_set.withRims);
    m_rack->setText(m_set.rack);
    m_row->setValue(m_set.row);
    m_level->setValue(m_set.level);
    m_dateIn->setDate(m_set.dateIn);
    m_fee->setCurrentIndex(std::max(0, m_fee->findData(m_set.feeItemId)));
    m_notes->setText(m_set.notes);
    const bool canWrite =
        m_session.user().can(permission::SalesWrite) || m_session.user().can(permission::ProductionWrite);
    const bool editable = canWrite && m_set.stored();
    for (QWidget* w : std::initializer_list<QWidget*>{m_season, m_size, m_brand, m_count, m_rims, m_rack,
                                                      m_row, m_level, m_dateIn, m_fee, m_notes, m_save})
        w->setEnabled(editable);
    for (QLineEdit* t : std::as_const(m_treads))
        t->setEnabled(editable);
    QStringList status;
    if (isNew)
        status << tr("coming in");
    else if (m_set.stored())
        status << tr("in storage since %1").arg(fr.toString(m_set.dateIn, QStringLiteral("dd/MM/yyyy")));
    else
        status << tr("given back on %1").arg(fr.toString(m_set.dateOut, QStringLiteral("dd/MM/yyyy")));
    if (m_set.invoiceId != 0)
        status << tr("storage invoiced: %1")
                      .arg(m_set.invoiceNumber.isEmpty() ? tr("draft") : m_set.invoiceNumber);
    m_status->setText(status.join(QStringLiteral(" — ")));
    m_print->setEnabled(!isNew);
    m_pdf->setEnabled(!isNew);
    m_deposit->setEnabled(!isNew);
    m_invoice->setVisible(!isNew && m_set.invoiceId == 0 && m_session.user().can(permission::SalesWrite));
    m_giveBack->setVisible(!isNew && m_set.stored() && canWrite);
}

bool TyreSetDialog::save()
{
    if (DateField::reportWrong(this, m_banner))
        return false;
    TyreSet s = m_set;
    if (s.id == 0) {
        findVehicle();
        s.vehicleId = m_vehicleId;
    }
    s.season = static_cast<TyreSeason>(m_season->currentData().toInt());
    s.tyreSize = m_size->text();
    s.brand = m_brand->text();
    s.tyreCount = m_count->value();
    s.treadTenths.clear();
    for (int i = 0; i < s.tyreCount; ++i) {
        const QString typed = m_treads.at(i)->text();
        const int tenths = TyreHotelService::parseTread(typed);
        if (typed.trimmed().isEmpty() || tenths < 0) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("Tyre %1: type its tread depth in mm, e.g. 6,5.").arg(i + 1));
            m_treads.at(i)->setFocus();
            return false;
        }
        s.treadTenths << tenths;
    }
    s.withRims = m_rims->isChecked();
    s.rack = m_rack->text();
    s.row = m_row->value();
    s.level = m_level->value();
    s.dateIn = m_dateIn->date();
    s.feeItemId = m_fee->currentData().toLongLong();
    s.notes = m_notes->text();
    auto id = m_session.service<TyreHotelService>().save(s);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(*id);
    m_banner->showMessage(
        MessageBanner::Kind::Success,
        tr("Stored at %1: print the label to stick on the tyres.").arg(TyreHotelService::placeLabel(m_set)));
    return true;
}

bool TyreSetDialog::giveBack(const QDate& day)
{
    if (m_set.id == 0)
        return false;
    const QLocale fr(QLocale::French, QLocale::France);
    if (m_confirm &&
        !m_confirm(tr("Give the tyres of %1 back to %2 on %3? %4 becomes free.")
                       .arg(m_set.plate, m_set.customerName, fr.toString(day, QStringLiteral("dd/MM/yyyy")),
                            TyreHotelService::placeLabel(m_set))))
        return false;
    auto r = m_session.service<TyreHotelService>().giveBack(m_set.id, day);
    if (!r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    load(m_set.id);
    return true;
}

bool TyreSetDialog::invoiceFee()
{
    if (m_set.id == 0)
        return false;
    auto id = m_session.service<TyreHotelService>().invoiceFee(m_set.id);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(m_set.id);
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("A draft invoice of the storage is ready in Invoices: check it and issue it."));
    return true;
}

std::unique_ptr<print::Printable> TyreSetDialog::depositReceipt()
{
    auto school = m_session.service<SchoolService>().identity();
    if (!school) {
        m_banner->showMessage(MessageBanner::Kind::Error, school.error().message);
        return nullptr;
    }
    std::optional<CatalogueItem> fee;
    if (m_set.feeItemId != 0) {
        auto item = m_session.service<CatalogueService>().item(m_set.feeItemId);
        if (!item) {
            m_banner->showMessage(MessageBanner::Kind::Error, item.error().message);
            return nullptr;
        }
        fee = *item;
    }
    return print::TyreDocuments::deposit(m_set, *school, fee);
}

std::unique_ptr<print::Printable> TyreSetDialog::label()
{
    auto school = m_session.service<SchoolService>().identity();
    if (!school) {
        m_banner->showMessage(MessageBanner::Kind::Error, school.error().message);
        return nullptr;
    }
    return print::TyreDocuments::label(m_set, *school);
}

} // namespace etabli
