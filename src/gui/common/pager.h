#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace etabli {

class PagedListModel;

// "101 à 200 sur 998 940   Page [2] sur 9 990   ◀ Précédentes  Suivantes ▶":
// moves a paged list's model a page at a time, or to the page typed (Enter).
// Messages (a page past the end) go through `failed`.
class Pager final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pager)

public:
    explicit Pager(QWidget* parent = nullptr);
    void setModel(PagedListModel* model);
    QString text() const;
    QSpinBox* pageField() const { return m_page; }

Q_SIGNALS:
    void failed(const QString& message);

private:
    void update();

    PagedListModel* m_model = nullptr;
    QLabel* m_label;
    QSpinBox* m_page;
    QLabel* m_pages;
    QPushButton* m_previous;
    QPushButton* m_next;
};

} // namespace etabli
