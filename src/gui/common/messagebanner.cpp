#include "gui/common/messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace etabli {

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent), m_label(new QLabel(this)), m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label, 1);
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_action->hide();
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    connect(m_action, &QPushButton::clicked, this, [this]() {
        if (m_act) {
            const auto act = m_act; // the action may show another message
            act();
        }
    });
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Hide this message"));
    close->setAutoRaise(true);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    const char* style = nullptr;
    switch (kind) {
    case Kind::Error:
        style = "background:#fde8e8; border:1px solid #d9534f; color:#7a1f1f;";
        break;
    case Kind::Warning:
        style = "background:#fff6e0; border:1px solid #e0a800; color:#6b4e00;";
        break;
    case Kind::Success:
        style = "background:#e7f6ea; border:1px solid #3c9a50; color:#1e5a2b;";
        break;
    }
    setStyleSheet(QStringLiteral("#messageBanner { %1 border-radius: 4px; }").arg(QLatin1String(style)));
    m_label->setText(text);
    m_action->hide();
    m_act = nullptr;
    show();
}

void MessageBanner::setAction(const QString& label, std::function<void()> act)
{
    m_action->setText(label);
    m_act = std::move(act);
    m_action->show();
}

QString MessageBanner::text() const
{
    return m_label->text();
}

void MessageBanner::clearError()
{
    if (m_kind == Kind::Error)
        hide();
}

} // namespace etabli
