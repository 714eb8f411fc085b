#pragma once

#include "domain/sales.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace etabli {

class Session;

// The lines of a quote, a work order or an invoice: catalogue items found
// by code or words (Enter adds the line) or free text, quantities and prices
// edited in the table, totals recomputed as one types.
class LinesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinesEditor)

public:
    enum Column
    {
        Label,
        Quantity,
        Unit,
        Price,
        Vat,
        Total
    };

    LinesEditor(Session& session, QWidget* parent = nullptr);

    void setLines(const QList<InvoiceLine>& lines, VatRegime regime);
    // False, with the reason, when a cell cannot be read.
    bool readLines(QList<InvoiceLine>& lines, QString* error);
    void setReadOnly(bool readOnly);
    // Fixed totals (an issued invoice shows what was stored).
    void setFixedTotals(const InvoiceTotals* totals);
    // A catalogue item by its code (any workshop), or a free line.
    void addLine(const QString& codeOrText);
    QTableWidget* table() const { return m_lines; }
    QLineEdit* articleField() const { return m_article; }
    QString totalText() const;

Q_SIGNALS:
    void changed();

private:
    void setRow(int row, const InvoiceLine& line);
    void updateTotals();

    Session& m_session;
    VatRegime m_regime = VatRegime::Franchise;
    const InvoiceTotals* m_fixed = nullptr;
    InvoiceTotals m_fixedCopy;
    QLineEdit* m_article;
    QComboBox* m_unit;
    QPushButton* m_add;
    QPushButton* m_remove;
    QTableWidget* m_lines;
    QLabel* m_totals;
};

} // namespace etabli
