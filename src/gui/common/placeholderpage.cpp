#include "gui/common/placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace etabli {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    auto* heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    layout->addWidget(heading);
    auto* text = new QLabel(description, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* soon = new QLabel(tr("This module comes in a next version of Établi."), this);
    soon->setStyleSheet(QStringLiteral("color: #777;"));
    layout->addWidget(soon);
    layout->addStretch(1);
}

} // namespace etabli
