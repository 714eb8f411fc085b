#pragma once

#include <QWidget>

namespace etabli {

// A page of the navigation whose module is not built yet: it says what it
// will hold, so nobody mistakes it for a broken screen.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    PlaceholderPage(const QString& title, const QString& description, QWidget* parent = nullptr);
};

} // namespace etabli
