#include "gui/trainees/outcometab.h"

#include "domain/career.h"
#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/careerservice.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace etabli {

OutcomeTab::OutcomeTab(Session& session, qint64 traineeId, bool hasLeft, MessageBanner* banner,
                       QWidget* parent)
    : QWidget(parent), m_session(session), m_traineeId(traineeId), m_banner(banner),
      m_save(new QPushButton(tr("&Save the outcomes"), this))
{
    auto* layout = new QVBoxLayout(this);
    if (!hasLeft) {
        auto* note = new QLabel(tr("Outcomes are recorded once the trainee has left the school."), this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Situation</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Employer or school</b>"), this), 0, 2);
    grid->addWidget(new QLabel(tr("<b>Contact on</b>"), this), 0, 3);
    const QList<OutcomeMilestone> milestones = allOf<OutcomeMilestone>();
    for (int m = 0; m < 3; ++m) {
        grid->addWidget(new QLabel(labelOf(milestones.at(m)), this), m + 1, 0);
        m_situation[m] = new QComboBox(this);
        m_situation[m]->setObjectName(QStringLiteral("situation_%1").arg(codeOf(milestones.at(m))));
        m_situation[m]->addItem(QStringLiteral("—")); // nothing known: no data
        for (OutcomeSituation s : allOf<OutcomeSituation>())
            m_situation[m]->addItem(labelOf(s), static_cast<int>(s));
        m_employer[m] = new QLineEdit(this);
        m_date[m] = new DateField(QDate(), DateField::Kind::Optional, this);
        grid->addWidget(m_situation[m], m + 1, 1);
        grid->addWidget(m_employer[m], m + 1, 2);
        grid->addWidget(m_date[m], m + 1, 3);
    }
    layout->addLayout(grid);
    layout->addWidget(m_save, 0, Qt::AlignRight);
    layout->addStretch(1);
    const bool editable = hasLeft && session.user().can(permission::TraineesWrite);
    for (int m = 0; m < 3; ++m) {
        m_situation[m]->setEnabled(editable);
        m_employer[m]->setEnabled(editable);
        m_date[m]->setEnabled(editable);
    }
    m_save->setVisible(editable);
    connect(m_save, &QPushButton::clicked, this, &OutcomeTab::save);
    reload();
    for (int m = 0; m < 3; ++m) {
        connect(m_situation[m], &QComboBox::currentIndexChanged, this, [this]() { m_dirty = true; });
        connect(m_employer[m], &QLineEdit::textEdited, this, [this]() { m_dirty = true; });
        connect(m_date[m], &DateField::dateChanged, this, [this]() { m_dirty = true; });
    }
}

void OutcomeTab::reload()
{
    auto outcomes = m_session.service<CareerService>().outcomes(m_traineeId);
    if (!outcomes) {
        m_banner->showMessage(MessageBanner::Kind::Error, outcomes.error().message);
        return;
    }
    const QList<OutcomeMilestone> milestones = allOf<OutcomeMilestone>();
    for (int m = 0; m < 3; ++m) {
        m_situation[m]->setCurrentIndex(0);
        m_employer[m]->clear();
        m_date[m]->setDate(QDate());
    }
    for (const Outcome& o : *outcomes) {
        const int m = static_cast<int>(milestones.indexOf(o.milestone));
        if (m < 0)
            continue;
        m_situation[m]->setCurrentIndex(std::max(0, m_situation[m]->findData(static_cast<int>(o.situation))));
        m_employer[m]->setText(o.employer);
        m_date[m]->setDate(o.contactDate);
    }
}

bool OutcomeTab::save()
{
    if (DateField::reportWrong(this, m_banner))
        return false;
    auto career = m_session.service<CareerService>();
    const QList<OutcomeMilestone> milestones = allOf<OutcomeMilestone>();
    for (int m = 0; m < 3; ++m) {
        const QVariant chosen = m_situation[m]->currentData();
        if (!chosen.isValid())
            continue;
        const auto situation = static_cast<OutcomeSituation>(chosen.toInt());
        const QDate date = m_date[m]->date();
        if (auto r = career.setOutcome(
                Outcome{0, m_traineeId, milestones.at(m), situation, m_employer[m]->text(), date});
            !r) {
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
            return false;
        }
    }
    m_dirty = false;
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The outcomes were saved."));
    return true;
}

} // namespace etabli
