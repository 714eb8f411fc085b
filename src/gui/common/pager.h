#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace etabli {

// "Entrées 1 à 100 sur 232  ◀ Précédentes  Suivantes ▶": moves a list a page
// at a time; the list reads the page in SQL (LIMIT/OFFSET) on `moved`.
class Pager final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pager)

public:
    explicit Pager(int pageSize, QWidget* parent = nullptr);
    int offset() const { return m_offset; }
    int pageSize() const { return m_pageSize; }
    void restart() { m_offset = 0; }
    // After reading a page: what it held and the total, for the label and buttons.
    void showPage(qsizetype rows, qint64 total);
    QString text() const;

Q_SIGNALS:
    void moved();

private:
    int m_pageSize;
    int m_offset = 0;
    QLabel* m_label;
    QPushButton* m_previous;
    QPushButton* m_next;
};

} // namespace etabli
