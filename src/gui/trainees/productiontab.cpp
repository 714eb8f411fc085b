#include "gui/trainees/productiontab.h"

#include "domain/schoolyear.h"
#include "gui/common/editingdialog.h"
#include "gui/common/session.h"
#include "gui/workshops/productionfigurespage.h"
#include "services/productionservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

ProductionTab::ProductionTab(Session& session, qint64 traineeId, QWidget* parent)
    : QWidget(parent), m_session(session), m_traineeId(traineeId), m_period(new QComboBox(this)),
      m_figures(new ProductionFiguresView(false, this)),
      m_rows(new ColumnsModel<ProductionSummary>(
          {{tr("Day"),
            [](const ProductionSummary& s) {
                return QLocale().toString(s.day, QStringLiteral("ddd dd/MM/yyyy"));
            }},
           {tr("Kind"), [](const ProductionSummary& s) { return labelOf(s.kind); }},
           {tr("Reference"), [](const ProductionSummary& s) { return s.reference; }},
           {tr("Their hours"),
            [](const ProductionSummary& s) { return Quantities::formatDuration(s.ownMinutes); }, true},
           {tr("Hours (all trainees)"),
            [](const ProductionSummary& s) { return Quantities::formatDuration(s.minutes); }, true},
           // The whole entry's output; the figures above, their share.
           {tr("Made by the whole entry"), [](const ProductionSummary& s) { return s.outputs; }, false,
            [](const ProductionSummary& s, int role) {
                return role == Qt::ToolTipRole ? QVariant(s.outputs) : QVariant();
            }}},
          this)),
      m_entries(new QTableView(this))
{
    const SchoolYear current = SchoolYear::containing(session.clock().today());
    markAsViewControl(m_period);
    m_period->addItem(tr("Whole course"), 0);
    for (int back = 0; back < 3; ++back) {
        const SchoolYear y(current.startYear() - back, 9);
        m_period->addItem(tr("School year %1–%2").arg(y.startYear()).arg(y.startYear() + 1), y.startYear());
    }
    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&Period"), this);
    label->setBuddy(m_period);
    top->addWidget(label);
    top->addWidget(m_period);
    top->addStretch(1);
    m_entries->setObjectName(QStringLiteral("traineeProductionEntries"));
    m_entries->setModel(m_rows);
    m_entries->setWordWrap(false);
    m_entries->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_entries->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_entries->verticalHeader()->hide();
    m_entries->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_figures, 3);
    layout->addWidget(new QLabel(tr("<b>Entries of the production log</b> (the latest 500)"), this));
    layout->addWidget(m_entries, 2);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ProductionTab::reload);
    reload();
}

void ProductionTab::reload()
{
    ProductionFilter f;
    f.traineeId = m_traineeId;
    if (const int start = m_period->currentData().toInt(); start != 0) {
        const SchoolYear y(start, 9);
        f.from = y.firstDay();
        f.to = y.lastDay();
    }
    auto service = m_session.service<ProductionService>();
    m_figures->display(service.figures(f).value_or(ProductionFigures{}));
    const auto page = service.list(f, PageRequest{PageRequest::From::Start, {}, 0, 500, 0});
    m_rows->setRows(page ? page->rows : QList<ProductionSummary>{});
    m_entries->resizeColumnsToContents();
}

} // namespace etabli
