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
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

ProductionTab::ProductionTab(Session& session, qint64 traineeId, QWidget* parent)
    : QWidget(parent), m_session(session), m_traineeId(traineeId), m_period(new QComboBox(this)),
      m_figures(new ProductionFiguresView(false, this)), m_entries(new QTableWidget(this))
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
    m_entries->setColumnCount(6);
    m_entries->setHorizontalHeaderLabels({tr("Day"), tr("Kind"), tr("Reference"), tr("Their hours"),
                                          tr("Hours (all trainees)"), tr("Made by the whole entry")});
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
    ProductionService service(m_session.database(), m_session.clock(), m_session.user());
    m_figures->display(service.figures(f).value_or(ProductionFigures{}));
    const auto page = service.list(f, PageRequest{PageRequest::From::Start, {}, 0, 500, 0});
    const QList<ProductionSummary> rows = page ? page->rows : QList<ProductionSummary>{};
    const QLocale locale;
    m_entries->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const ProductionSummary& s = rows.at(r);
        const QStringList cells = {locale.toString(s.day, QStringLiteral("ddd dd/MM/yyyy")),
                                   ProductionService::kindLabel(s.kind),
                                   s.reference,
                                   Quantities::formatDuration(s.ownMinutes),
                                   Quantities::formatDuration(s.minutes),
                                   s.outputs};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == 3 || c == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 5)
                item->setToolTip(cells.at(c)); // the whole entry's output; the figures above, their share
            m_entries->setItem(r, c, item);
        }
    }
    m_entries->resizeColumnsToContents();
}

} // namespace etabli
