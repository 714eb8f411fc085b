#include "gui/common/sectioncombo.h"

#include "gui/common/session.h"
#include "services/schoolservice.h"

#include <QComboBox>

namespace etabli {

void SectionChoice::fill(QComboBox* combo, Session& session) const
{
    const QSignalBlocker block(combo);
    const qint64 previous = combo->currentData().toLongLong();
    combo->clear();
    if (!session.isOpen() || !session.isLoggedIn())
        return;
    if (!allLabel.isEmpty())
        combo->addItem(allLabel, 0);
    const auto sections = session.service<SchoolService>().sections(activeOnly).value_or(QList<Section>{});
    for (const Section& s : sections) {
        if (!coveredOnly || session.user().coversSection(s.id))
            combo->addItem(s.name, s.id);
    }
    const QList<qint64> mine = session.user().sectionIds;
    if (previous != 0 && combo->findData(previous) >= 0)
        combo->setCurrentIndex(combo->findData(previous));
    else if (preferOwn && !mine.isEmpty() && combo->findData(mine.first()) >= 0)
        combo->setCurrentIndex(combo->findData(mine.first()));
}

} // namespace etabli
